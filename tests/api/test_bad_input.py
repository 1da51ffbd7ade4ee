"""Nothing a client sends gets a 500: tampered cursors, half-filled nested objects, names in any
script, control characters, unknown paths. Each is a 4xx in the API's JSON, naming what was wrong,
and a refused write changes nothing."""

from __future__ import annotations

import base64

import pytest

from actors.models import Actor
from tests.factories import ActorFactory, ClaimFactory, StatementFactory

# Names in any script, control characters: what each database stores and refuses.
pytestmark = pytest.mark.engine_specific

LISTS = ["claims", "statements", "actors", "sources", "outlets"]


def cursor(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


@pytest.mark.parametrize("endpoint", LISTS)
@pytest.mark.parametrize(
    "tampered",
    [
        cursor(b"p=notadate"),
        cursor(b"p=2025-99-99"),
        cursor(b"p=\x00"),
        cursor(b"r=1&p=x"),
        cursor(b"o=-1"),
        cursor(b"o=1&o=2"),
        cursor(b"z=1"),
        cursor("p=é".encode()),
        "%%%%",
        "not base64!",
        # Well-formed, but not one the API issued: a position of the client's choosing.
        cursor(b"p=Agence"),
        cursor(b"o=1"),
    ],
)
def test_a_tampered_cursor_is_a_400_naming_the_cursor(ledger, api, endpoint, tampered):
    response = api.get(f"/api/v1/{endpoint}/", {"cursor": tampered})
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == ["cursor"]


@pytest.mark.parametrize("endpoint", ["claims", "statements", "actors"])
def test_the_cursors_the_api_issues_still_work(ledger, api, endpoint):
    first = api.get(f"/api/v1/{endpoint}/", {"page_size": 1}).json()
    assert first["next"]
    assert api.get(first["next"]).status_code == 200


def test_an_alias_without_a_name_is_a_400_naming_it(ledger, publisher_api):
    response = publisher_api.patch(
        f"/api/v1/actors/{ledger.army.pk}/", {"aliases": [{}]}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"aliases": {"0": {"name": ["This field is required."]}}}


@pytest.mark.parametrize("name", ["الجيش المالي", "Вагнер", "!!!", "«»"])
def test_a_name_in_any_script_gets_a_slug_and_its_pages_open(ledger, publisher_api, api, name):
    response = publisher_api.post(
        "/api/v1/actors/", {"name": name, "kind": "military"}, format="json"
    )
    assert response.status_code == 201, response.content
    actor = Actor.objects.get(pk=response.json()["id"])
    assert actor.slug
    # A second actor of the same script gets its own slug, not a 400 on a field never sent.
    again = publisher_api.post(
        "/api/v1/actors/", {"name": f"{name} 2", "kind": "military"}, format="json"
    )
    assert again.status_code == 201, again.content
    # Once it speaks on a published claim, every public page that lists it still answers.
    StatementFactory(claim=ledger.claim, actor=actor)
    for path in (
        ledger.claim.get_absolute_url(),
        actor.get_absolute_url(),
        "/actors/",
        "/sitemap.xml",
        "/feeds/claims/",
        f"/api/v1/actors/{actor.pk}/",
        f"/api/v1/claims/{ledger.claim.pk}/",
    ):
        assert api.get(path).status_code == 200, path


@pytest.mark.parametrize("text", ["bell\x07", "nul\x00", "escape\x1b[31m", "del\x7f"])
def test_a_control_character_is_a_400_naming_the_field_and_changes_nothing(
    ledger, publisher_api, text
):
    before = Actor.objects.get(pk=ledger.army.pk).description
    response = publisher_api.patch(
        f"/api/v1/actors/{ledger.army.pk}/", {"description": text}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["description"]
    assert Actor.objects.get(pk=ledger.army.pk).description == before


def test_tabs_and_new_lines_are_text(ledger, publisher_api):
    response = publisher_api.patch(
        f"/api/v1/actors/{ledger.army.pk}/", {"description": "one\n\ttwo\r\n"}, format="json"
    )
    assert response.status_code == 200, response.content


def test_a_claim_with_a_control_character_stored_earlier_does_not_break_the_feed(api, db):
    claim = ClaimFactory(published=True, text="Text stored\x0b before the rule", slug="old")
    StatementFactory(claim=claim, actor=ActorFactory())
    response = api.get("/feeds/claims/")
    assert response.status_code == 200
    assert "Text stored before the rule" in response.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/nothing-here/", "/api/v1/claims/0.5/", "/api/v2/"])
def test_an_unknown_api_path_is_a_json_404(api, path):
    response = api.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


def test_an_unknown_site_path_is_the_sites_own_404_page(api, db):
    response = api.get("/nothing-here/")
    assert response.status_code == 404
    assert "text/html" in response["Content-Type"]
    assert "Page not found" in response.content.decode()


def test_a_method_the_api_does_not_allow_is_a_json_405(ledger, publisher_api):
    response = publisher_api.delete(f"/api/v1/claims/{ledger.claim.pk}/")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"


def test_a_server_error_under_the_api_is_json_and_says_nothing_of_the_cause(rf):
    from django.db import OperationalError

    from config.errors import server_error

    try:
        raise ZeroDivisionError("secret detail")
    except ZeroDivisionError:
        response = server_error(rf.get("/api/v1/claims/"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert b"secret detail" not in response.content
    try:
        raise OperationalError("the database went away")
    except OperationalError:
        response = server_error(rf.get("/api/v1/claims/"))
    assert response.status_code == 503
    assert response["Retry-After"]


def test_a_server_error_on_the_site_is_the_sites_own_page(rf, db):
    from config.errors import server_error

    try:
        raise ZeroDivisionError("secret detail")
    except ZeroDivisionError:
        response = server_error(rf.get("/claims/"))
    assert response.status_code == 500
    assert b"<html" in response.content
    assert b"secret detail" not in response.content
