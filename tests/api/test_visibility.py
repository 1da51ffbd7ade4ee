"""The one visibility rule, across every endpoint, format and filter: a draft, and an actor,
source, outlet or topic that only a draft references, leave no trace — nor do internal notes
and contacts of public objects."""

from __future__ import annotations

import pytest

from tests.api.conftest import SECRET

pytestmark = pytest.mark.django_db


def _urls(ledger) -> list[str]:
    secret_actor, secret_source = ledger.secret_actor.pk, ledger.secret_source.pk
    draft = ledger.draft.pk
    urls = [
        "/api/v1/schema/",
        "/api/v1/schema/?format=json",
        "/api/v1/docs/",
        "/api/v1/statements/?format=csv",
        f"/api/v1/claims/{draft}/",
        f"/api/v1/claims/{draft}/?format=jsonld",
        f"/api/v1/claims/{draft}/history/",
        f"/api/v1/actors/{secret_actor}/",
        f"/api/v1/sources/{secret_source}/",
        f"/api/v1/outlets/{ledger.secret_source.outlet_id}/",
        f"/api/v1/claims/?q={SECRET}",
        f"/api/v1/claims/?actor={secret_actor}",
        f"/api/v1/claims/?denied_by={secret_actor}",
        f"/api/v1/claims/?asserted_by={secret_actor}",
        f"/api/v1/claims/?topic={SECRET}",
        f"/api/v1/statements/?claim={draft}",
        f"/api/v1/statements/?actor={secret_actor}",
        f"/api/v1/actors/?q={SECRET}",
        f"/api/v1/sources/?q={SECRET}",
        f"/api/v1/sources/?outlet={ledger.secret_source.outlet_id}",
    ]
    for resource in ("claims", "statements", "actors", "sources", "outlets"):
        urls += [f"/api/v1/{resource}/", f"/api/v1/{resource}/?page_size=100"]
    for claim in (ledger.claim, ledger.rival, ledger.withdrawn):
        for fmt in ("json", "claimreview", "jsonld"):
            urls.append(f"/api/v1/claims/{claim.pk}/?format={fmt}")
        urls.append(f"/api/v1/claims/{claim.pk}/history/")
    urls.append("/api/v1/claims/?format=csv")
    for actor in (ledger.fla, ledger.army, ledger.spokesman):
        urls.append(f"/api/v1/actors/{actor.pk}/")
    urls.append(f"/api/v1/sources/{ledger.source.pk}/")
    return urls


def test_no_response_of_any_endpoint_format_or_filter_shows_a_draft(api, ledger):
    for url in _urls(ledger):
        response = api.get(url)
        assert response.status_code < 500, url
        assert SECRET.encode() not in response.content, url
        assert b"internal_notes" not in response.content, url


def test_a_token_whose_user_holds_no_newsroom_permission_reads_the_public_data_only(
    outsider_api, ledger
):
    for url in _urls(ledger):
        assert SECRET.encode() not in outsider_api.get(url).content, url


def test_a_newsroom_token_reads_back_drafts_marked_with_their_status(
    reporter_api, publisher_api, api, ledger
):
    for client in (reporter_api, publisher_api):
        draft = client.get(f"/api/v1/claims/{ledger.draft.pk}/")
        assert draft.status_code == 200
        assert draft.json()["status"] == "draft"
        listed = {
            row["id"]: row["status"]
            for row in client.get("/api/v1/claims/?page_size=100").json()["results"]
        }
        assert listed[ledger.draft.pk] == "draft"
        assert listed[ledger.claim.pk] == "published"
        assert client.get(f"/api/v1/actors/{ledger.secret_actor.pk}/").status_code == 200
        assert client.get(f"/api/v1/sources/{ledger.secret_source.pk}/").status_code == 200
        # Internal notes stay in the admin, whoever asks.
        for url in _urls(ledger):
            assert b"internal_notes" not in client.get(url).content, url
    # The same addresses, anonymously: not found, as if they did not exist.
    assert api.get(f"/api/v1/claims/{ledger.draft.pk}/").status_code == 404
    assert api.get(f"/api/v1/actors/{ledger.secret_actor.pk}/").status_code == 404


def test_answers_vary_by_token_so_no_cache_hands_a_draft_to_the_public(reporter_api, ledger):
    response = reporter_api.get(f"/api/v1/claims/{ledger.draft.pk}/")
    assert "Authorization" in response["Vary"]


def test_options_describes_no_form(api, reporter_api, ledger):
    for client in (api, reporter_api):
        for url in ("/api/v1/claims/", "/api/v1/statements/", f"/api/v1/claims/{ledger.claim.pk}/"):
            response = client.options(url)
            assert response.status_code == 405
            assert SECRET.encode() not in response.content


def test_there_is_no_browsable_api_with_forms(api, ledger):
    response = api.get("/api/v1/claims/", HTTP_ACCEPT="text/html")
    assert response.status_code in (200, 406)
    assert b"<form" not in response.content
