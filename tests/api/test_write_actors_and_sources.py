"""POST and PATCH /api/v1/actors/ and /api/v1/sources/."""

from __future__ import annotations

import pytest

from actors.models import Actor
from sources.models import Source
from tests.factories import ActorFactory, OutletFactory, SourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


def test_a_tool_creates_an_actor_with_aliases(reporter_api):
    response = reporter_api.post(
        "/api/v1/actors/",
        {
            "name": "Azawad Liberation Front",
            "kind": "armed_group",
            "country": "ML",
            "aliases": [
                {"name": "FLA"},
                {"name": "Front de Libération de l'Azawad", "language": "fr"},
            ],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    actor = Actor.objects.get()
    assert actor.slug == "azawad-liberation-front"
    assert sorted(actor.aliases.values_list("name", flat=True)) == [
        "FLA",
        "Front de Libération de l'Azawad",
    ]


def test_an_actor_write_is_validated_by_the_model(reporter_api):
    response = reporter_api.post(
        "/api/v1/actors/",
        {"name": "X", "kind": "person", "wikidata_id": "P12"},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["wikidata_id"]


def test_a_tool_creates_a_source_and_its_url_is_normalised(reporter_api):
    outlet = OutletFactory()
    response = reporter_api.post(
        "/api/v1/sources/",
        {
            "title": "Report",
            "outlet": outlet.pk,
            "document_url": "HTTPS://News.Example/a?utm_source=x#top",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Source.objects.get().url == "https://news.example/a"


def test_a_duplicate_source_url_is_a_409_naming_the_field_with_the_existing_id(reporter_api):
    existing = SourceFactory(url="https://news.example/a")
    count = Source.objects.count()
    response = reporter_api.post(
        "/api/v1/sources/",
        # The same document, written differently: the URL is normalised before it is compared.
        {"title": "Again", "outlet": existing.outlet_id, "document_url": "HTTPS://news.example/a"},
        format="json",
    )
    assert response.status_code == 409
    body = response.json()
    assert list(body) == ["document_url", "existing"]
    assert "constraint" not in str(body).lower()
    assert body["existing"]["id"] == existing.pk
    assert body["existing"]["url"].endswith(f"/api/v1/sources/{existing.pk}/")
    assert Source.objects.count() == count


def test_an_actor_whose_derived_slug_is_taken_is_a_409_naming_the_name(reporter_api):
    existing = ActorFactory(name="Malian Armed Forces", slug="malian-armed-forces")
    response = reporter_api.post(
        "/api/v1/actors/", {"name": "Malian armed forces", "kind": "military"}, format="json"
    )
    assert response.status_code == 409
    body = response.json()
    assert list(body) == ["name", "existing"]
    assert body["name"] == [f"An actor with this name already exists: id {existing.pk}."]
    assert body["existing"]["id"] == existing.pk


def test_a_relation_that_exists_is_a_409_with_its_id(publisher_api, ledger):
    response = publisher_api.post(
        "/api/v1/claim-relations/",
        {"from_claim": ledger.claim.pk, "kind": "contradicts", "to_claim": ledger.rival.pk},
        format="json",
    )
    assert response.status_code == 409
    assert set(response.json()) == {"from_claim", "kind", "to_claim", "existing"}


def test_a_tool_amends_an_actor_it_may_change(reporter_api):
    actor = ActorFactory()
    response = reporter_api.patch(
        f"/api/v1/actors/{actor.pk}/", {"description": "An armed group."}, format="json"
    )
    assert response.status_code == 200, response.content
    actor.refresh_from_db()
    assert actor.description == "An armed group."


def test_anonymous_writes_are_401(api):
    assert api.post("/api/v1/actors/", {"name": "X"}, format="json").status_code == 401
    assert api.post("/api/v1/sources/", {"title": "X"}, format="json").status_code == 401


def test_a_tool_creates_an_outlet_and_reads_it_back_before_any_source_cites_it(
    publisher_api, api, db
):
    response = publisher_api.post(
        "/api/v1/outlets/", {"name": "Sahel Wire", "kind": "news_agency"}, format="json"
    )
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["slug"] == "sahel-wire"
    assert publisher_api.get(created["url"]).status_code == 200
    # Not public until a public claim cites one of its sources.
    assert api.get(created["url"]).status_code == 404
