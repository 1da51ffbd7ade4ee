"""Every write leaves a history row with who, when, what and why — whatever the path."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib import admin
from django.core.management import call_command

from actors.models import Actor
from claims.models import Citation, Claim, Statement
from demo.load import REASON
from tests.factories import ActorFactory, ClaimFactory, SourceFactory, StatementFactory
from tests.workflow.forms import admin_url, page_data

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def latest(model, pk):
    return model.history.filter(id=pk).order_by("-history_id").first()


def test_an_admin_edit_records_who_and_the_reason_typed(editor, editor_user):
    claim = ClaimFactory()
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {"summary": "New", "change_reason": "Second source"}
    assert editor.post(url, data).status_code == 302
    record = latest(Claim, claim.pk)
    assert record.history_user == editor_user
    assert record.history_change_reason == "Second source"
    assert record.history_date is not None


def test_an_admin_edit_without_a_reason_records_the_fields_changed(editor):
    claim = ClaimFactory()
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {"summary": "New", "place_name": "Tinzaouatene"}
    editor.post(url, data)
    assert latest(Claim, claim.pk).history_change_reason == "Edited in the admin: summary, place"


def test_inline_statements_and_citations_are_recorded_with_the_pages_reason(editor, editor_user):
    claim = ClaimFactory()
    actor, source = ActorFactory(), SourceFactory()
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {
        "change_reason": "Army statement added",
        "statements-0-actor": str(actor.pk),
        "statements-0-stance": "denies",
        "statements-0-stated_on": "2025-02-01",
        "statements-0-stated_on_precision": "day",
        "statements-0-paraphrase": "The army denied it.",
        "statements-0-citations-0-source": str(source.pk),
        "statements-0-citations-0-locator": "para 3",
    }
    assert editor.post(url, data).status_code == 302
    statement = Statement.objects.get()
    citation = Citation.objects.get()
    for model, pk in ((Statement, statement.pk), (Citation, citation.pk)):
        record = latest(model, pk)
        assert record.history_type == "+"
        assert record.history_user == editor_user
        assert record.history_change_reason == "Army statement added"


def test_an_inline_deletion_is_recorded(editor, editor_user):
    claim = ClaimFactory()
    statement = StatementFactory(claim=claim)
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {"statements-0-DELETE": "on"}
    assert editor.post(url, data).status_code == 302
    record = latest(Statement, statement.pk)
    assert record.history_type == "-"
    assert record.history_user == editor_user
    assert record.history_change_reason == "Deleted in the admin"


def test_the_bulk_delete_action_records_each_deletion(editor, editor_user):
    claims = [ClaimFactory(), ClaimFactory()]
    response = editor.post(
        admin_url(Claim, "changelist"),
        {
            "action": "delete_selected",
            "post": "yes",
            admin.helpers.ACTION_CHECKBOX_NAME: [c.pk for c in claims],
        },
    )
    assert response.status_code == 302
    assert not Claim.objects.exists()
    for claim in claims:
        record = latest(Claim, claim.pk)
        assert record.history_type == "-"
        assert record.history_user == editor_user
        assert record.history_change_reason == "Deleted in the admin (bulk action)"


def test_a_bulk_workflow_action_records_each_move(editor, editor_user):
    claims = [ClaimFactory(), ClaimFactory()]
    editor.post(
        admin_url(Claim, "changelist"),
        {"action": "submit_for_review", admin.helpers.ACTION_CHECKBOX_NAME: [c.pk for c in claims]},
    )
    for claim in claims:
        record = latest(Claim, claim.pk)
        assert record.status == "in_review"
        assert record.history_user == editor_user
        assert record.history_change_reason == "Submitted for review"


def test_an_edit_in_another_apps_admin_is_recorded_with_its_reason(editor, editor_user):
    actor = ActorFactory(description="")
    url = admin_url(Actor, "change", actor.pk)
    data = page_data(editor.get(url)) | {
        "description": "Coalition of Tuareg groups",
        "change_reason": "From the AFP article",
    }
    assert editor.post(url, data).status_code == 302, editor.post(url, data).context["errors"]
    record = latest(Actor, actor.pk)
    assert record.history_user == editor_user
    assert record.history_change_reason == "From the AFP article"


def test_the_demo_command_records_its_reason_and_a_second_run_records_nothing():
    call_command("load_demo")
    records = Claim.history.count()
    assert set(Claim.history.values_list("history_change_reason", flat=True)) == {REASON}
    call_command("load_demo")
    assert Claim.history.count() == records


def test_the_history_page_shows_what_changed(editor):
    claim = ClaimFactory(summary="The FLA said so.")
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {
        "summary": "The FLA said so on Telegram.",
        "change_reason": "Channel named",
    }
    editor.post(url, data)
    page = editor.get(admin_url(Claim, "history", claim.pk)).content.decode()
    assert "Channel named" in page
    assert "summary" in page.lower()
    assert "The FLA said so on Telegram." in page


def test_reverting_from_the_history_page_is_off(editor):
    claim = ClaimFactory(summary="old")
    record = claim.history.get()
    claim.summary = "new"
    claim.save()
    url = reverse_history_form(claim.pk, record.history_id)
    assert editor.post(url, {"summary": "old"}).status_code == 403
    assert Claim.objects.get().summary == "new"


def reverse_history_form(pk: int, history_id: int) -> str:
    from django.urls import reverse

    return reverse("admin:claims_claim_simple_history", args=[pk, history_id])


# Writes history cannot see ---------------------------------------------------------------------

# A queryset update() or bulk_create() skips the history. Allowed only where justified:
ALLOWED = {
    # The search document is derived data, not in any history.
    "claims/search.py",
    # The stored derived facts (is_contested, is_public): excluded from history, recomputed
    # from the rows that history does record.
    "claims/derived.py",
    # The version check: a conditional UPDATE of the version alone, always followed in the same
    # transaction by the save() that history records.
    "claims/concurrency.py",
    # A docstring about bulk_create() normalising URLs.
    "sources/fields.py",
    # The API's If-Match for actors and sources: a conditional UPDATE of updated_at alone,
    # always followed in the same transaction by the save() that history records.
    "api/conditional.py",
    # The task queue's rows (a lost worker's task queued again) and the workers' heartbeats:
    # no domain record, no history.
    "core/workers.py",
}
UNSEEN_WRITE = re.compile(r"\.(update|bulk_create|bulk_update)\(")


def test_no_code_writes_tracked_rows_behind_the_historys_back():
    found = {
        str(path.relative_to(ROOT))
        for app in ("claims", "actors", "sources", "core", "config", "api", "website", "newsroom")
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and UNSEEN_WRITE.search(path.read_text())
    }
    assert found <= ALLOWED, f"queryset writes that history cannot see: {found - ALLOWED}"
