"""The workflow in the admin: who may do what, the actions, the queue, the correction note."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client

from claims import services
from claims.models import Claim, Correction, ReviewQueue, Statement
from claims.vocabulary import Stance, Status, Verdict
from tests.factories import ClaimFactory, StatementFactory
from tests.workflow.forms import admin_url, page_data

pytestmark = pytest.mark.django_db

CHANGELIST = admin_url(Claim, "changelist")


def act(client: Client, action: str, *claims: Claim):
    return client.post(
        CHANGELIST,
        {"action": action, admin.helpers.ACTION_CHECKBOX_NAME: [c.pk for c in claims]},
        follow=True,
    )


def status_of(claim: Claim) -> str:
    return Claim.objects.get(pk=claim.pk).status


# The permission matrix: anonymous, reporter, editor × each step --------------------------------

STEPS = [
    # action, starting status, the status it reaches
    ("submit_for_review", Status.DRAFT, Status.IN_REVIEW),
    ("return_to_draft", Status.IN_REVIEW, Status.DRAFT),
    ("publish", Status.IN_REVIEW, Status.PUBLISHED),
    ("withdraw", Status.PUBLISHED, Status.WITHDRAWN),
]
ALLOWED = {
    "anonymous": set(),
    "reporter": {"submit_for_review", "return_to_draft"},
    "editor": {"submit_for_review", "return_to_draft", "publish", "withdraw"},
}


def make_claim(status: str) -> Claim:
    if status in (Status.PUBLISHED, Status.WITHDRAWN):
        return ClaimFactory(published=True, withdrawal_reason="It was a 2019 video.")
    return ClaimFactory(status=status)


@pytest.mark.parametrize("who", ["anonymous", "reporter", "editor"])
@pytest.mark.parametrize(("action", "start", "end"), STEPS, ids=[s[0] for s in STEPS])
def test_the_permission_matrix_of_the_workflow_in_the_admin(who, action, start, end, request):
    client = Client() if who == "anonymous" else request.getfixturevalue(who)
    claim = make_claim(start)
    response = act(client, action, claim)
    if action in ALLOWED[who]:
        assert status_of(claim) == end
    else:
        assert status_of(claim) == start
        if who != "anonymous":  # the action is not even offered
            assert action not in response.context["cl"].model_admin.get_actions(
                response.wsgi_request
            )


def test_anonymous_readers_are_sent_to_the_login_page(reader):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    response = act(reader, "publish", claim)
    assert response.redirect_chain[0][0].startswith("/admin/login/")


def test_a_reporter_cannot_publish_a_claim(reporter):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    act(reporter, "publish", claim)
    assert status_of(claim) == Status.IN_REVIEW


def test_an_action_that_cannot_apply_says_why_and_moves_the_others(editor):
    ready = ClaimFactory(status=Status.IN_REVIEW)
    draft = ClaimFactory(status=Status.DRAFT)
    response = act(editor, "publish", ready, draft)
    assert status_of(ready) == Status.PUBLISHED
    assert status_of(draft) == Status.DRAFT
    text = response.content.decode()
    assert "1 claim published" in text
    assert "cannot become published" in text


def test_withdrawing_from_the_list_needs_the_public_reason_on_the_claim(editor):
    claim = ClaimFactory(published=True)
    response = act(editor, "withdraw", claim)
    assert status_of(claim) == Status.PUBLISHED
    assert "Say publicly why" in response.content.decode()


def test_the_publish_action_records_who_published(editor, editor_user):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    act(editor, "publish", claim)
    claim.refresh_from_db()
    assert claim.published_by == editor_user
    assert claim.history.order_by("-history_id").first().history_user == editor_user


# The claim form ---------------------------------------------------------------------------------


def test_a_reporters_claim_form_has_status_and_verdict_read_only(reporter):
    claim = ClaimFactory()
    form = reporter.get(admin_url(Claim, "change", claim.pk)).context["adminform"].form
    assert "text" in form.fields
    for field in ("status", "verdict", "verdict_reasoning", "withdrawal_reason"):
        assert field not in form.fields


def test_an_editors_claim_form_sets_the_verdict_but_not_the_status(editor):
    claim = ClaimFactory()
    form = editor.get(admin_url(Claim, "change", claim.pk)).context["adminform"].form
    assert "verdict" in form.fields
    assert "status" not in form.fields, "the status moves only through the workflow's actions"


def test_a_reporter_posting_a_verdict_changes_nothing(reporter):
    claim = ClaimFactory()
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(reporter.get(url)) | {"verdict": "false", "verdict_reasoning": "No."}
    assert reporter.post(url, data).status_code == 302
    assert Claim.objects.get().verdict == Verdict.UNVERIFIED


def test_a_reporter_sees_a_published_claim_but_cannot_change_it(reporter):
    claim = ClaimFactory(published=True)
    url = admin_url(Claim, "change", claim.pk)
    response = reporter.get(url)
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
    assert reporter.post(url, {"text": "Changed"}).status_code == 403
    assert Claim.objects.get().text == claim.text


def test_a_reporter_adds_a_claim_as_a_draft(reporter):
    response = reporter.get(admin_url(Claim, "add"))
    data = page_data(response) | {"text": "Drones were seen over Kidal", "slug": "drones-kidal"}
    data["statements-TOTAL_FORMS"] = "0"
    response = reporter.post(admin_url(Claim, "add"), data)
    assert response.status_code == 302, response.context["errors"]
    claim = Claim.objects.get()
    assert claim.status == Status.DRAFT
    assert claim.history.get().history_change_reason == "Added in the admin"


def test_the_editors_queue_lists_claims_in_review_longest_waiting_first(editor):
    first = ClaimFactory(status=Status.IN_REVIEW)
    ClaimFactory(status=Status.DRAFT)
    ClaimFactory(published=True)
    second = ClaimFactory(status=Status.IN_REVIEW)
    response = editor.get(admin_url(ReviewQueue, "changelist"))
    assert [c.pk for c in response.context["cl"].result_list] == [first.pk, second.pk]
    assert "editor" in editor.get("/admin/").content.decode().lower()


def test_the_editors_queue_publishes_from_the_list(editor):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    editor.post(
        admin_url(ReviewQueue, "changelist"),
        {"action": "publish", admin.helpers.ACTION_CHECKBOX_NAME: [claim.pk]},
    )
    assert status_of(claim) == Status.PUBLISHED


# The correction note ----------------------------------------------------------------------------


def test_the_admin_refuses_to_change_a_published_claims_text_without_a_correction_note(editor):
    claim = ClaimFactory(published=True, text="Three helicopters were shot down")
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {"text": "Two helicopters were shot down"}
    response = editor.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "claim text" in errors["correction_note"][0], "the error names the field"
    assert Claim.objects.get().text == "Three helicopters were shot down"

    data["correction_note"] = "The army counted two."
    assert editor.post(url, data).status_code == 302
    correction = Correction.objects.get()
    assert correction.note == "The army counted two."
    assert correction.changed == ["claim text"]
    assert Claim.objects.get().text == "Two helicopters were shot down"


def test_the_admin_refuses_a_public_statements_new_quote_without_a_correction_note(editor):
    claim = ClaimFactory(published=True)
    statement = StatementFactory(claim=claim, quote="Nous l'avons abattu")
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {"statements-0-quote": "Nous les avons abattus"}
    response = editor.post(url, data)
    assert response.status_code == 200
    assert "Write it in the “Correction note” box, under “This change”" in response.content.decode()
    assert "quote" in response.context["adminform"].form.errors["correction_note"][0]
    assert Statement.objects.get().quote == "Nous l'avons abattu"

    data["correction_note"] = "Plural in the original."
    assert editor.post(url, data).status_code == 302
    assert Correction.objects.get().changed == [f"statement by {statement.actor}: quote"]


def test_a_public_statements_stance_changed_on_its_own_page_needs_a_note(editor):
    statement = StatementFactory(claim=ClaimFactory(published=True), stance=Stance.DENIES)
    url = admin_url(Statement, "change", statement.pk)
    data = page_data(editor.get(url)) | {"stance": "disputes"}
    assert editor.post(url, data).status_code == 200
    data["correction_note"] = "They disputed it; they did not deny it."
    assert editor.post(url, data).status_code == 302
    assert Correction.objects.get().claim == statement.claim


def test_a_public_claims_summary_changes_only_with_a_note_shown_at_the_note_box(editor):
    claim = ClaimFactory(published=True)
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {"summary": "More context."}
    refused = editor.post(url, data)
    assert refused.status_code == 200
    assert "changed: summary" in str(refused.context["adminform"].form.errors["correction_note"])
    assert editor.post(url, data | {"correction_note": "Context added."}).status_code == 302
    assert Correction.objects.get().changed == ["summary"]


def test_a_drafts_text_changes_without_a_note(editor):
    claim = ClaimFactory()
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {"text": "Reworded"}
    assert editor.post(url, data).status_code == 302
    assert not Correction.objects.exists()


# The moves as buttons on the claim's page --------------------------------------------------------


def moves_offered(client: Client, claim: Claim) -> list[str]:
    response = client.get(admin_url(Claim, "change", claim.pk))
    return [name for name, _label in response.context.get("workflow_moves", [])]


@pytest.mark.parametrize(
    ("who", "status", "offered"),
    [
        ("reporter", Status.DRAFT, ["submit_for_review"]),
        ("reporter", Status.IN_REVIEW, ["return_to_draft"]),
        ("reporter", Status.PUBLISHED, []),
        ("editor", Status.DRAFT, ["submit_for_review"]),
        ("editor", Status.IN_REVIEW, ["publish", "return_to_draft"]),
        ("editor", Status.PUBLISHED, ["withdraw"]),
        ("editor", Status.WITHDRAWN, []),
    ],
)
def test_the_claim_page_offers_only_the_moves_its_user_may_make(who, status, offered, request):
    claim = make_claim(status)
    if status == Status.WITHDRAWN:  # make_claim publishes it; withdraw it the proper way
        services.withdraw(claim=claim, by=request.getfixturevalue("editor_user"), reason="Old")
    assert moves_offered(request.getfixturevalue(who), claim) == offered


def test_an_editor_saves_and_publishes_from_the_claim_page(editor, editor_user):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    url = admin_url(Claim, "change", claim.pk)
    page = editor.get(url)
    assert 'name="_workflow_publish"' in page.content.decode()
    data = page_data(page) | {"summary": "Checked", "_workflow_publish": "Publish"}
    response = editor.post(url, data)
    assert response["Location"] == url
    claim.refresh_from_db()
    assert (claim.status, claim.summary, claim.published_by) == (
        Status.PUBLISHED,
        "Checked",
        editor_user,
    )


def test_an_editor_writes_the_reason_and_withdraws_from_the_claim_page(editor):
    claim = ClaimFactory(published=True)
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {
        "withdrawal_reason": "The video was filmed in 2019.",
        "_workflow_withdraw": "Withdraw",
    }
    editor.post(url, data)
    claim.refresh_from_db()
    assert claim.status == Status.WITHDRAWN
    assert claim.withdrawal_reason == "The video was filmed in 2019."


def test_a_reporter_posting_the_publish_button_publishes_nothing(reporter):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    url = admin_url(Claim, "change", claim.pk)
    reporter.post(url, page_data(reporter.get(url)) | {"_workflow_publish": "Publish"})
    assert status_of(claim) == Status.IN_REVIEW
