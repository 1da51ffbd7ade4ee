"""In the admin, what a public page shows is the editors' to change: a reporter changes no source,
outlet, actor, alias, topic or actor relation that a public claim shows (the page opens
view-only, a forged POST saves nothing), and an editor's change is a correction on each public
claim that shows it."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django_tasks_db.models import DBTaskResult

from actors.models import Actor, ActorAlias, ActorRelation
from claims.models import Correction, Topic
from sources.models import LinkStatus, Outlet, Source
from tests.workflow.forms import admin_url, page_data

pytestmark = pytest.mark.django_db


def public_relation(ledger) -> ActorRelation:
    return ActorRelation.objects.get(subject=ledger.spokesman, object=ledger.fla)


# For each kind of shared record the public claim shows: the page, a change, and what must stay.
PAGES = {
    "source": (
        lambda ledger: admin_url(Source, "change", ledger.source.pk),
        {"title": "AFP dispatch"},
        lambda ledger: Source.objects.get(pk=ledger.source.pk).title,
    ),
    "outlet": (
        lambda ledger: admin_url(Outlet, "change", ledger.source.outlet_id),
        {"name": "Agence Fake-Presse"},
        lambda ledger: Outlet.objects.get(pk=ledger.source.outlet_id).name,
    ),
    "actor": (
        lambda ledger: admin_url(Actor, "change", ledger.army.pk),
        {"name": "Malian navy"},
        lambda ledger: Actor.objects.get(pk=ledger.army.pk).name,
    ),
    "alias": (
        lambda ledger: admin_url(Actor, "change", ledger.fla.pk),
        {"aliases-0-name": "Bandits"},
        lambda ledger: sorted(ActorAlias.objects.filter(actor=ledger.fla).values_list("name")),
    ),
    "topic": (
        lambda ledger: admin_url(Topic, "change", ledger.topic.pk),
        {"name": "Kites"},
        lambda ledger: Topic.objects.get(pk=ledger.topic.pk).name,
    ),
    "relation": (
        lambda ledger: admin_url(ActorRelation, "change", public_relation(ledger).pk),
        {"kind": "member_of"},
        lambda ledger: public_relation(ledger).kind,
    ),
}


def forged_post(client, url: str, editor, change: dict) -> int:
    """What a browser would send had the page been editable: the form as an editor sees it."""
    return client.post(url, page_data(editor.get(url)) | change).status_code


@pytest.mark.parametrize("what", list(PAGES))
def test_a_reporter_cannot_change_a_shared_record_a_public_claim_shows_in_the_admin(
    reporter, editor, ledger, what
):
    url, change, current = PAGES[what]
    before = current(ledger)
    page = reporter.get(url(ledger))
    assert page.status_code == 200
    assert not page.context["has_change_permission"]  # opens view-only
    assert forged_post(reporter, url(ledger), editor, change) == 403
    assert current(ledger) == before


def test_a_reporter_cannot_rename_a_source_that_a_public_claim_cites(reporter, editor, ledger):
    url = admin_url(Source, "change", ledger.source.pk)
    forged_post(reporter, url, editor, {"title": "AFP dispatch"})
    assert Source.objects.get(pk=ledger.source.pk).title == "From Donbas to the desert"


def test_a_reporter_may_still_edit_a_source_only_drafts_cite(reporter, ledger):
    url = admin_url(Source, "change", ledger.secret_source.pk)
    response = reporter.post(url, page_data(reporter.get(url)) | {"title": "Renamed"})
    assert response.status_code == 302
    assert Source.objects.get(pk=ledger.secret_source.pk).title == "Renamed"


def test_a_reporter_cannot_relate_two_public_actors_in_the_admin(reporter, ledger):
    response = reporter.post(
        admin_url(ActorRelation, "add"),
        {"subject": ledger.army.pk, "kind": "allied_with", "object": ledger.fla.pk},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not ActorRelation.objects.filter(subject=ledger.army).exists()


def test_an_editors_change_to_a_cited_source_records_a_correction_on_each_public_claim(
    editor, reader, ledger
):
    url = admin_url(Source, "change", ledger.source.pk)
    data = page_data(editor.get(url)) | {
        "title": "AFP dispatch",
        "correction_note": "The dispatch's own title.",
    }
    assert editor.post(url, data).status_code == 302
    [correction] = Correction.objects.exclude(claim=ledger.draft)
    assert correction.claim == ledger.claim
    assert correction.changed == ["source “From Donbas to the desert”: title"]
    assert correction.note == "The dispatch's own title."
    # The claim's public corrections log shows it.
    assert "The dispatch&#x27;s own title." in reader.get(ledger.claim.get_absolute_url()).text


def test_an_editors_change_without_a_note_gets_one_saying_what_changed(editor, ledger):
    url = admin_url(Topic, "change", ledger.topic.pk)
    assert (
        editor.post(url, page_data(editor.get(url)) | {"name": "Drone strikes"}).status_code == 302
    )
    [correction] = Correction.objects.exclude(claim=ledger.draft)
    assert correction.claim == ledger.claim
    assert correction.note == "Topic “Drones”, which this claim shows, was corrected: name."


def test_a_newsroom_only_change_corrects_nothing(editor, ledger):
    url = admin_url(Source, "change", ledger.source.pk)
    data = page_data(editor.get(url)) | {"internal_notes": "Call the desk first."}
    assert editor.post(url, data).status_code == 302
    assert not Correction.objects.exclude(claim=ledger.draft).exists()


# Capture again --------------------------------------------------------------------------------


def capture_again(client, *sources) -> None:
    client.post(
        admin_url(Source, "changelist"),
        {
            "action": "capture_again",
            admin.helpers.ACTION_CHECKBOX_NAME: [s.pk for s in sources],
        },
    )


def queued() -> list[int]:
    return [row.args_kwargs["args"][0] for row in DBTaskResult.objects.order_by("enqueued_at")]


def test_a_reporters_capture_again_does_not_clear_the_changed_flag(reporter, ledger):
    Source.objects.filter(pk=ledger.secret_source.pk).update(link_status=LinkStatus.CHANGED)
    capture_again(reporter, ledger.secret_source)
    assert queued() == []
    assert Source.objects.get(pk=ledger.secret_source.pk).link_status == LinkStatus.CHANGED


def test_a_reporter_cannot_capture_a_public_source_again(reporter, ledger):
    Source.objects.filter(pk=ledger.source.pk).update(url="https://afp.example/a")
    capture_again(reporter, ledger.source)
    assert queued() == []


def test_a_reporter_captures_a_draft_only_source_again(reporter, ledger):
    capture_again(reporter, ledger.secret_source)
    assert queued() == [ledger.secret_source.pk]


def test_an_editor_captures_a_changed_public_source_again(editor, ledger):
    Source.objects.filter(pk=ledger.source.pk).update(
        url="https://afp.example/a", link_status=LinkStatus.CHANGED
    )
    capture_again(editor, ledger.source)
    assert queued() == [ledger.source.pk]
