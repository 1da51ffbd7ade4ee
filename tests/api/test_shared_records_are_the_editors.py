"""Through the API, what a public page shows is the editors' to change: a reporter's token changes
no source, outlet, actor, alias, topic or actor relation that a public claim shows, and an
editor's change is a correction on each public claim that shows it."""

from __future__ import annotations

import pytest

from actors.models import Actor, ActorRelation
from claims.models import Correction, Topic
from sources.models import Outlet, Source

pytestmark = pytest.mark.django_db


def public_relation(ledger) -> ActorRelation:
    return ActorRelation.objects.get(subject=ledger.spokesman, object=ledger.fla)


# (url, body, what must not change) for each kind of shared record the public claim shows.
PATCHES = {
    "source title": (
        lambda ledger: f"/api/v1/sources/{ledger.source.pk}/",
        {"title": "AFP dispatch"},
        lambda ledger: Source.objects.get(pk=ledger.source.pk).title,
    ),
    "source address": (
        lambda ledger: f"/api/v1/sources/{ledger.source.pk}/",
        {"document_url": "https://elsewhere.example/"},
        lambda ledger: Source.objects.get(pk=ledger.source.pk).url,
    ),
    "source grade": (
        lambda ledger: f"/api/v1/sources/{ledger.source.pk}/",
        {"reliability": "F"},
        lambda ledger: Source.objects.get(pk=ledger.source.pk).reliability,
    ),
    "outlet name": (
        lambda ledger: f"/api/v1/outlets/{ledger.source.outlet_id}/",
        {"name": "Agence Fake-Presse"},
        lambda ledger: Outlet.objects.get(pk=ledger.source.outlet_id).name,
    ),
    "outlet grade": (
        lambda ledger: f"/api/v1/outlets/{ledger.source.outlet_id}/",
        {"default_reliability": "F"},
        lambda ledger: Outlet.objects.get(pk=ledger.source.outlet_id).default_reliability,
    ),
    "actor name": (
        lambda ledger: f"/api/v1/actors/{ledger.army.pk}/",
        {"name": "Malian navy"},
        lambda ledger: Actor.objects.get(pk=ledger.army.pk).name,
    ),
    "actor aliases": (
        lambda ledger: f"/api/v1/actors/{ledger.fla.pk}/",
        {"aliases": [{"name": "Bandits"}]},
        lambda ledger: sorted(Actor.objects.get(pk=ledger.fla.pk).aliases.values_list("name")),
    ),
    "topic name": (
        lambda ledger: f"/api/v1/topics/{ledger.topic.pk}/",
        {"name": "Kites"},
        lambda ledger: Topic.objects.get(pk=ledger.topic.pk).name,
    ),
    "actor relation": (
        lambda ledger: f"/api/v1/actor-relations/{public_relation(ledger).pk}/",
        {"kind": "member_of"},
        lambda ledger: public_relation(ledger).kind,
    ),
}


@pytest.mark.parametrize("what", list(PATCHES))
def test_a_reporter_cannot_change_a_shared_record_that_a_public_claim_shows(
    reporter_api, ledger, what
):
    url, body, current = PATCHES[what]
    before = current(ledger)
    response = reporter_api.patch(url(ledger), body, format="json")
    assert response.status_code == 403, response.content
    assert "only an editor may change it" in response.json()["detail"]
    assert current(ledger) == before
    assert not Correction.objects.exclude(claim=ledger.draft).exists()


def test_a_reporter_cannot_rename_a_source_that_a_public_claim_cites(reporter_api, ledger):
    response = reporter_api.patch(
        f"/api/v1/sources/{ledger.source.pk}/", {"title": "AFP dispatch"}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "source “From Donbas to the desert” is shown on public pages: only an editor may change it."
    )


def test_a_reporter_may_still_edit_a_source_only_drafts_cite(reporter_api, ledger):
    response = reporter_api.patch(
        f"/api/v1/sources/{ledger.secret_source.pk}/", {"title": "Renamed"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert Source.objects.get(pk=ledger.secret_source.pk).title == "Renamed"


def test_a_reporter_may_still_add_shared_records(reporter_api, ledger):
    response = reporter_api.post(
        "/api/v1/sources/",
        {"title": "New", "outlet": ledger.source.outlet_id, "document_url": "https://n.example/"},
        format="json",
    )
    assert response.status_code == 201, response.content


def test_a_reporter_cannot_relate_two_public_actors(reporter_api, ledger):
    """A relation between two public actors shows on both actors' pages at once."""
    response = reporter_api.post(
        "/api/v1/actor-relations/",
        {"subject": ledger.army.pk, "kind": "allied_with", "object": ledger.fla.pk},
        format="json",
    )
    assert response.status_code == 403, response.content
    assert not ActorRelation.objects.filter(subject=ledger.army).exists()


def test_an_editors_change_to_a_cited_source_records_a_correction_on_each_public_claim(
    publisher_api, ledger
):
    response = publisher_api.patch(
        f"/api/v1/sources/{ledger.source.pk}/", {"title": "AFP dispatch"}, format="json"
    )
    assert response.status_code == 200, response.content
    [correction] = Correction.objects.exclude(claim=ledger.draft)
    assert correction.claim == ledger.claim
    assert correction.changed == ["source “From Donbas to the desert”: title"]
    assert "From Donbas to the desert" in correction.note


def test_an_editors_rename_of_an_actor_corrects_every_public_claim_quoting_it(
    publisher_api, ledger
):
    response = publisher_api.patch(
        f"/api/v1/actors/{ledger.army.pk}/",
        {"name": "Malian armed forces", "correction_note": "The army's official name."},
        format="json",
    )
    assert response.status_code == 200, response.content
    corrected = Correction.objects.exclude(claim=ledger.draft)
    assert {c.claim for c in corrected} == {ledger.claim, ledger.rival, ledger.withdrawn}
    assert {c.note for c in corrected} == {"The army's official name."}
    assert {tuple(c.changed) for c in corrected} == {("actor “Malian army”: name",)}
