"""GET /api/v1/claims/?q=: full-text search through claims.search.search_claims."""

from __future__ import annotations

import pytest

from tests.api.conftest import count_queries, ids
from tests.factories import ActorAliasFactory, ClaimFactory, StatementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]
URL = "/api/v1/claims/"


def test_it_finds_a_claim_by_its_text_a_quote_and_an_actors_alias(api, ledger):
    assert ids(api.get(URL, {"q": "helicopter"})) == [ledger.claim.pk]
    assert ids(api.get(URL, {"q": "abattu"})) == [ledger.claim.pk]
    assert ledger.claim.pk in ids(api.get(URL, {"q": "FLA"}))


def test_it_never_finds_a_draft_even_by_a_draft_only_actors_alias(api, ledger):
    ActorAliasFactory(actor=ledger.secret_actor, name="Ghostly Brigade")
    assert ids(api.get(URL, {"q": "zzsecretzz"})) == []
    assert ids(api.get(URL, {"q": "Ghostly Brigade"})) == []


def test_a_claim_whose_own_text_matches_comes_first(api, db):
    in_quote = ClaimFactory(published=True, text="An ambush near Kidal")
    StatementFactory(claim=in_quote, quote="the convoy was hit")
    in_text = ClaimFactory(published=True, text="A convoy was hit near Gao")
    assert ids(api.get(URL, {"q": "convoy"})) == [in_text.pk, in_quote.pk]


def test_an_explicit_ordering_overrides_relevance(api, db):
    older = ClaimFactory(published=True, text="Drone strike on a convoy")
    newer = ClaimFactory(published=True, text="Drone")
    assert ids(api.get(URL, {"q": "drone", "ordering": "-updated_at"})) == [newer.pk, older.pk]


def test_the_search_query_count_is_the_same_for_one_hit_and_three(api, db):
    ClaimFactory(published=True, text="Drone 0")
    one = count_queries(api, f"{URL}?q=drone")
    for n in range(2):
        ClaimFactory(published=True, text=f"Drone {n + 1}")
    assert len(ids(api.get(URL, {"q": "drone"}))) == 3
    assert count_queries(api, f"{URL}?q=drone") == one
