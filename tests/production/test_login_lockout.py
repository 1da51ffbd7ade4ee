"""The admin's sign-in cannot be guessed at: after five wrong passwords for one account from one
address, that account is locked from that address for a while, whatever headers are sent."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def sign_in(client: Client, password: str, **headers: str):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": "reporter1", "password": password},
        **headers,
    )


@pytest.fixture
def account():
    user = UserFactory(username="reporter1", is_staff=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_five_wrong_passwords_lock_the_account_from_that_address(account):
    client = Client()
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with its error
    assert sign_in(client, "wrong").status_code == 429
    # Locked: even the right password is refused now, and a forged X-Forwarded-For does not help.
    assert sign_in(client, PASSWORD).status_code == 429
    assert sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 429


def test_the_right_password_before_the_limit_signs_in_and_starts_the_count_again(account):
    client = Client()
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert sign_in(client, "wrong").status_code == 200


def test_the_lock_is_per_account_and_address_so_a_colleague_can_still_sign_in(account):
    for _ in range(5):
        sign_in(Client(), "wrong")
    colleague = UserFactory(username="editor1", is_staff=True)
    colleague.set_password(PASSWORD)
    colleague.save()
    response = Client().post(
        "/admin/login/?next=/admin/", {"username": "editor1", "password": PASSWORD}
    )
    assert response.status_code == 302
