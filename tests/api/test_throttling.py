"""Anonymous readers share a budget per scope; a search has its own, smaller one."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_budget(settings):
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {"anon-read": "3/minute", "anon-search": "1/minute"}
    settings.REST_FRAMEWORK = rest


def test_an_anonymous_reader_is_throttled_after_the_read_budget(api, ledger, small_budget):
    statuses = [api.get("/api/v1/claims/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert "Retry-After" in api.get("/api/v1/actors/")


def test_search_has_its_own_smaller_budget(api, ledger, small_budget):
    assert api.get("/api/v1/claims/", {"q": "drone"}).status_code == 200
    assert api.get("/api/v1/claims/", {"q": "drone"}).status_code == 429
    assert api.get("/api/v1/claims/").status_code == 200


def test_a_token_holder_is_not_throttled(reporter_api, ledger, small_budget):
    statuses = {reporter_api.get("/api/v1/claims/").status_code for _ in range(5)}
    assert statuses == {200}


@pytest.fixture
def user_budget(settings):
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {"anon-read": "3/minute", "user": "2/minute"}
    settings.REST_FRAMEWORK = rest


def test_a_token_of_a_user_who_is_not_staff_has_a_budget_of_its_own(
    outsider_api, api, ledger, user_budget
):
    statuses = [outsider_api.get("/api/v1/claims/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = outsider_api.get("/api/v1/actors/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "detail" in refused.json()
    # Counted per user, not per address: an anonymous reader on the same address is not refused.
    assert api.get("/api/v1/claims/").status_code == 200


def test_a_staff_members_token_is_not_throttled(reporter_api, ledger, user_budget):
    statuses = {reporter_api.get("/api/v1/claims/").status_code for _ in range(5)}
    assert statuses == {200}


def test_the_client_address_behind_a_trusted_proxy_is_the_forwarded_one(api, ledger, settings):
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {"anon-read": "1/minute"}
    settings.REST_FRAMEWORK = rest
    settings.PROXY_HOPS = 1
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    first = api.get("/api/v1/claims/", HTTP_X_FORWARDED_FOR="203.0.113.1")
    again = api.get("/api/v1/claims/", HTTP_X_FORWARDED_FOR="203.0.113.1")
    other = api.get("/api/v1/claims/", HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert [first.status_code, again.status_code, other.status_code] == [200, 429, 200]
    # The proxy is not trusted: every made-up address is the same client.
    settings.TRUSTED_PROXIES = ["192.0.2.1"]
    assert api.get("/api/v1/claims/", HTTP_X_FORWARDED_FOR="203.0.113.3").status_code == 200
    assert api.get("/api/v1/claims/", HTTP_X_FORWARDED_FOR="203.0.113.4").status_code == 429
