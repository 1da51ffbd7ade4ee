"""GET /api/v1/claims/{id}/: a public claim with its statements, relations and replies."""

from __future__ import annotations

import pytest
from django.utils import timezone

from claims.vocabulary import Stance
from tests.api.conftest import count_queries
from tests.factories import (
    ActorFactory,
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    RequestForCommentFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def url(claim) -> str:
    return f"/api/v1/claims/{claim.pk}/"


def test_it_nests_statements_with_actors_and_cited_sources(api, ledger):
    body = api.get(url(ledger.claim)).json()
    assert [s["stance"] for s in body["statements"]] == ["asserts", "denies"]
    assertion = body["statements"][0]
    assert assertion["actor"]["name"] == "Mohamed Elmaouloud Ramadane"
    assert assertion["on_behalf_of"]["name"] == "Azawad Liberation Front"
    assert assertion["direction"] == "for"
    assert assertion["translation"] == "We shot down a helicopter"
    citation = assertion["citations"][0]
    assert citation["locator"] == "para 3"
    assert citation["source"]["title"] == "From Donbas to the desert"
    assert citation["source"]["outlet"]["name"] == "Agence France-Presse"
    assert citation["source"]["html_url"] == f"http://localhost/sources/{ledger.source.pk}/"
    assert "internal_notes" not in assertion


def test_it_shows_rival_claims_and_the_outcome_of_requests_for_comment(api, ledger):
    body = api.get(url(ledger.claim)).json()
    assert body["relations"] == [
        {
            "kind": "contradicts",
            "direction": "outgoing",
            "note": "",
            "claim": {
                "id": ledger.rival.pk,
                "url": f"http://localhost/api/v1/claims/{ledger.rival.pk}/",
                "html_url": "http://localhost/claims/rival/",
                "slug": "rival",
                "text": "The army intercepted a terrorist drone",
                "status": "published",
            },
        }
    ]
    [request] = body["requests_for_comment"]
    assert request["outcome"] == "no_response"
    assert request["actor"]["name"] == "Malian army"
    assert "contact" not in request


def test_a_rival_claim_sees_the_relation_from_the_other_side(api, ledger):
    body = api.get(url(ledger.rival)).json()
    assert [(r["direction"], r["claim"]["id"]) for r in body["relations"]] == [
        ("incoming", ledger.claim.pk)
    ]


def test_a_withdrawn_claim_keeps_its_detail_with_the_reason(api, ledger):
    body = api.get(url(ledger.withdrawn)).json()
    assert body["status"] == "withdrawn"
    assert body["withdrawal_reason"] == "Could not be sourced."


def test_a_draft_answers_exactly_like_an_id_that_does_not_exist(api, ledger):
    draft = api.get(url(ledger.draft))
    missing = api.get("/api/v1/claims/999999/")
    assert draft.status_code == missing.status_code == 404
    assert draft.content == missing.content
    assert api.get("/api/v1/claims/not-an-id/").status_code == 404


def test_a_detail_takes_no_filters(api, ledger):
    response = api.get(url(ledger.claim), {"verdict": "false"})
    assert response.status_code == 400
    assert list(response.json()) == ["verdict"]


def _claim_with(n: int):
    claim = ClaimFactory(published=True)
    for _ in range(n):
        statement = StatementFactory(claim=claim, on_behalf_of=ActorFactory())
        CitationFactory(statement=statement)
        ClaimRelationFactory(from_claim=claim, to_claim=ClaimFactory(published=True))
        ClaimRelationFactory(from_claim=ClaimFactory(published=True), to_claim=claim)
        RequestForCommentFactory(claim=claim, outcome="declined")
    return claim


def test_the_query_count_is_the_same_for_one_statement_and_three(api, db):
    one = count_queries(api, url(_claim_with(1)))
    many = _claim_with(3)
    assert len(api.get(url(many)).json()["statements"]) == 3
    # The claim; its topics; statements with actors; their citations with sources and outlets;
    # relations from and to it; requests for comment with actors.
    assert count_queries(api, url(many)) == one == 7


def test_it_carries_an_etag_and_answers_304_when_it_matches(api, ledger):
    first = api.get(url(ledger.claim))
    etag = first["ETag"]
    assert etag.startswith('"')
    again = api.get(url(ledger.claim), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""


def test_the_etag_changes_when_a_statement_changes(api, ledger):
    etag = api.get(url(ledger.claim))["ETag"]
    ledger.denial.quote = "Nothing happened"
    ledger.denial.save()
    response = api.get(url(ledger.claim), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_it_comes_as_schema_org_claim_review(api, ledger):
    response = api.get(url(ledger.claim), {"format": "claimreview"})
    assert response["Content-Type"].startswith("application/ld+json")
    review = response.json()
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "An FLA drone shot down a Malian army helicopter"
    assert review["url"] == "http://localhost/claims/helicopter/"
    assert review["reviewRating"]["alternateName"] == "Unverified"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == "Azawad Liberation Front"
    assert item["datePublished"] == "2025-02-01"
    assert [a["headline"] for a in item["appearance"]] == ["From Donbas to the desert"]


def test_it_comes_as_json_ld_with_the_stances(api, ledger):
    response = api.get(url(ledger.claim), {"format": "jsonld"})
    assert response["Content-Type"].startswith("application/ld+json")
    body = response.json()
    assert body["@type"] == "Claim"
    assert body["contested"] is True
    assert [s["summary"] for s in body["stances"]] == [
        "asserted by Mohamed Elmaouloud Ramadane on behalf of Azawad Liberation Front",
        "denied by Malian army",
    ]
    denial = body["stances"][1]
    assert denial["stance"] == Stance.DENIES
    assert denial["direction"] == "against"
    assert denial["agent"] == {
        "@type": "Organization",
        "@id": "http://localhost/actors/malian-army/",
        "name": "Malian army",
    }
    assert denial["citation"][0]["publisher"]["name"] == "Agence France-Presse"
    assert body["stances"][0]["inLanguage"] == "fr"


def test_json_ld_is_offered_for_a_claim_only(api, ledger):
    response = api.get("/api/v1/claims/", {"format": "jsonld"})
    assert response.status_code == 400
    assert list(response.json()) == ["format"]


def test_history_lists_revisions_from_the_first_publication_on(api, db):
    claim = ClaimFactory(summary="Draft wording")
    claim.summary = "Still a draft"
    claim.save()
    claim.status = "published"
    claim.published_at = timezone.now()
    claim.summary = "Published"
    claim.save()
    claim.summary = "Corrected."
    claim.save()
    body = api.get(f"/api/v1/claims/{claim.pk}/history/").json()
    assert set(body) == {"next", "previous", "results"}
    assert [r["summary"] for r in body["results"]] == ["Corrected.", "Published"]
    assert all(r["status"] == "published" for r in body["results"])
    assert "internal_notes" not in body["results"][0]


def test_a_drafts_history_answers_like_a_missing_claim(api, ledger):
    assert api.get(f"/api/v1/claims/{ledger.draft.pk}/history/").status_code == 404


def test_the_history_query_count_does_not_grow_with_revisions(api, ledger):
    history = f"/api/v1/claims/{ledger.claim.pk}/history/"
    one = count_queries(api, history)
    for n in range(2):
        ledger.claim.summary = f"Revision {n}"
        ledger.claim.save()
    assert count_queries(api, history) == one


def test_history_carries_each_correction_note_on_the_revision_it_was_saved_with(api, db):
    from claims import services
    from tests.factories import UserFactory

    editor = UserFactory(is_superuser=True, is_staff=True)
    claim = ClaimFactory(published=True, text="The army lost two helicopters")
    claim.summary = "Context added."
    claim.save()
    claim = type(claim).objects.get(pk=claim.pk)
    claim.text = "The army lost one helicopter"
    services.edit_claim(claim=claim, by=editor, correction_note="The army lost one, not two.")

    body = api.get(f"/api/v1/claims/{claim.pk}/history/").json()
    latest, earlier = body["results"][0], body["results"][1]
    assert latest["text"] == "The army lost one helicopter"
    assert [c["note"] for c in latest["corrections"]] == ["The army lost one, not two."]
    assert latest["corrections"][0]["changed"]
    assert earlier["corrections"] == []
