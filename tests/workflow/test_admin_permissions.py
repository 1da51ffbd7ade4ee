"""The permission matrix of the admin pages: anonymous, reporter and editor × each kind of write."""

from __future__ import annotations

import pytest
from django.test import Client

from claims.models import Claim, Correction, OverdueRequest, ReviewQueue, Statement
from tests.factories import ActorFactory, ClaimFactory
from tests.workflow.forms import admin_url, page_data

pytestmark = pytest.mark.django_db

WHO = ["anonymous", "reporter", "editor"]


def client_for(who: str, request) -> Client:
    return Client() if who == "anonymous" else request.getfixturevalue(who)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("model", [Claim, ReviewQueue, OverdueRequest, Correction, Statement])
def test_who_opens_the_newsroom_lists(who, model, request):
    status = client_for(who, request).get(admin_url(model, "changelist")).status_code
    assert status == {"anonymous": 302, "reporter": 200, "editor": 200}[who]


def edit_summary(client: Client, claim: Claim) -> int:
    url = admin_url(Claim, "change", claim.pk)
    page = client.get(url)
    if page.status_code != 200:
        return page.status_code
    edit = {"summary": "Edited", "correction_note": "Summary rewritten."}
    return client.post(url, page_data(page) | edit).status_code


# what each of anonymous, reporter, editor gets (302 on a write is a saved form's redirect,
# except for anonymous, whom it sends to the login page)
@pytest.mark.parametrize(
    ("who", "published", "expected", "saved"),
    [
        ("anonymous", False, 302, False),
        ("anonymous", True, 302, False),
        ("reporter", False, 302, True),
        ("reporter", True, 403, False),
        ("editor", False, 302, True),
        ("editor", True, 302, True),
    ],
)
def test_who_edits_a_draft_and_a_published_claim(who, published, expected, saved, request):
    claim = ClaimFactory(published=published)
    assert edit_summary(client_for(who, request), claim) == expected
    assert (Claim.objects.get().summary == "Edited") is saved


@pytest.mark.parametrize(
    ("who", "deleted"), [("anonymous", False), ("reporter", False), ("editor", True)]
)
def test_only_an_editor_deletes_a_claim(who, deleted, request):
    claim = ClaimFactory()
    client_for(who, request).post(admin_url(Claim, "delete", claim.pk), {"post": "yes"})
    assert Claim.objects.exists() is not deleted


@pytest.mark.parametrize(("who", "editable"), [("reporter", False), ("editor", True)])
def test_who_sets_the_verdict(who, editable, request):
    claim = ClaimFactory()
    form = client_for(who, request).get(admin_url(Claim, "change", claim.pk)).context["adminform"]
    assert ("verdict" in form.form.fields) is editable


def test_a_reporter_cannot_add_a_statement_to_a_published_claim(reporter):
    claim, actor = ClaimFactory(published=True), ActorFactory()
    page = reporter.get(admin_url(Statement, "add"))
    data = page_data(page) | {
        "claim": str(claim.pk),
        "actor": str(actor.pk),
        "stance": "asserts",
        "stated_on": "2025-02-01",
        "stated_on_precision": "day",
        "paraphrase": "Said so.",
    }
    response = reporter.post(admin_url(Statement, "add"), data)
    assert response.status_code == 200
    assert "claim" in response.context["adminform"].form.errors
    assert not Statement.objects.exists()


def test_nobody_edits_a_correction(editor):
    claim = ClaimFactory(published=True)
    correction = Correction.objects.create(claim=claim, note="Fixed.", changed=["claim text"])
    url = admin_url(Correction, "change", correction.pk)
    assert editor.get(url).status_code == 200  # view only
    editor.post(url, {"note": "Rewritten"})
    assert Correction.objects.get().note == "Fixed."
    assert editor.get(admin_url(Correction, "add")).status_code == 403


# The new lists cost the same at any length --------------------------------------------------------


def changelist_queries(client: Client, model) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(admin_url(model, "changelist")).status_code == 200
    return len(ctx.captured_queries)


def rows(n: int) -> None:
    for _ in range(n):
        ClaimFactory(status="in_review")
        claim = ClaimFactory(published=True)
        Correction.objects.create(claim=claim, note="Fixed.", changed=["claim text"])


@pytest.mark.parametrize("model", [ReviewQueue, Correction], ids=["queue", "corrections"])
def test_the_new_lists_cost_the_same_queries_for_one_row_or_many(editor, model):
    rows(1)
    one = changelist_queries(editor, model)
    rows(2)
    assert changelist_queries(editor, model) == one


def test_a_published_claim_is_withdrawn_never_deleted(editor):
    from django.contrib import admin

    claim, draft = ClaimFactory(published=True), ClaimFactory()
    assert editor.post(admin_url(Claim, "delete", claim.pk), {"post": "yes"}).status_code == 403
    selection = {
        "action": "delete_selected",
        admin.helpers.ACTION_CHECKBOX_NAME: [claim.pk, draft.pk],
    }
    confirm = editor.post(admin_url(Claim, "changelist"), selection)
    assert "permission to delete" in confirm.content.decode()
    assert (
        editor.post(admin_url(Claim, "changelist"), selection | {"post": "yes"}).status_code == 403
    )
    assert Claim.objects.count() == 2
