"""Shared fixtures: the people who use Contested, as test clients."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from tests.factories import UserFactory

NEWSROOM_APPS = ["sources", "actors", "claims"]


@pytest.fixture
def reader(client: Client) -> Client:
    """An anonymous member of the public."""
    return client


@pytest.fixture
def editor_user(db):  # type: ignore[no-untyped-def]
    """A staff member holding every permission on the newsroom's models (not a superuser)."""
    user = UserFactory(username="editor", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label__in=NEWSROOM_APPS))
    return user


@pytest.fixture
def editor(editor_user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(editor_user)
    return client
