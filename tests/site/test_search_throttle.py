"""The public site's search has a budget per client address (``SITE_SEARCH_RATE``); over it, the
site's own 429 page with Retry-After. Browsing and filtering are not searches."""

from __future__ import annotations

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_budget(settings):
    cache.clear()
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {**rest["DEFAULT_THROTTLE_RATES"], "site-search": "2/minute"}
    settings.REST_FRAMEWORK = rest
    yield
    cache.clear()


def test_searches_over_the_budget_get_the_sites_429_page(reader, ledger, small_budget):
    statuses = [reader.get("/claims/", {"q": "drone"}).status_code for _ in range(2)]
    assert statuses == [200, 200]
    refused = reader.get("/claims/", {"q": "helicopter"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "no-store" in refused["Cache-Control"]
    assert "Too many searches" in refused.content.decode()
    # Browsing, filtering and an empty search are not searches.
    assert reader.get("/claims/").status_code == 200
    assert reader.get("/claims/", {"q": "  "}).status_code == 200
    assert reader.get("/claims/", {"contested": "true"}).status_code in (200, 400)


def test_the_429_page_is_in_the_readers_language(reader, ledger, small_budget):
    for _ in range(2):
        reader.get("/fr/claims/", {"q": "drone"})
    refused = reader.get("/fr/claims/", {"q": "drone"})
    assert refused.status_code == 429
    assert 'lang="fr"' in refused.content.decode()


def test_newsroom_staff_are_not_throttled(editor, ledger, small_budget):
    statuses = {editor.get("/claims/", {"q": "drone"}).status_code for _ in range(4)}
    assert statuses == {200}
