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
