"""The workflow's moves: draft → in review → published → withdrawn, each with who, when and why."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from claims import services
from claims.models import Claim, Statement
from claims.vocabulary import Status, Verdict
from tests.factories import ActorFactory, ClaimFactory, StatementFactory

pytestmark = pytest.mark.django_db


def latest(claim: Claim):
    return claim.history.order_by("-history_id").first()


def test_a_reporter_submits_a_draft_for_review(reporter_user):
    claim = ClaimFactory()
    services.submit_for_review(claim=claim, by=reporter_user, reason="Ready")
    claim.refresh_from_db()
    assert claim.status == Status.IN_REVIEW
    record = latest(claim)
    assert record.history_user == reporter_user
    assert record.history_change_reason == "Ready"


def test_a_reporter_cannot_publish_a_claim(reporter_user):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        services.publish(claim=claim, by=reporter_user)
    claim.refresh_from_db()
    assert claim.status == Status.IN_REVIEW


def test_a_reporter_cannot_withdraw_a_claim(reporter_user):
    claim = ClaimFactory(published=True)
    with pytest.raises(PermissionDenied):
        services.withdraw(claim=claim, by=reporter_user, reason="Wrong")


def test_an_editor_publishes_a_claim_in_review_recording_who_and_when(editor_user):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    services.publish(claim=claim, by=editor_user)
    claim.refresh_from_db()
    assert claim.status == Status.PUBLISHED
    assert claim.published_by == editor_user
    assert claim.published_at is not None
    assert latest(claim).history_user == editor_user
    assert latest(claim).history_change_reason == "Published"


def test_a_draft_goes_through_review_before_it_is_published(editor_user):
    claim = ClaimFactory()
    with pytest.raises(ValidationError) as error:
        services.publish(claim=claim, by=editor_user)
    assert "status" in error.value.message_dict
    assert Claim.objects.get().status == Status.DRAFT


def test_withdrawing_needs_a_public_reason(editor_user):
    claim = ClaimFactory(published=True)
    with pytest.raises(ValidationError) as error:
        services.withdraw(claim=claim, by=editor_user, reason="  ")
    assert "withdrawal_reason" in error.value.message_dict
    services.withdraw(claim=claim, by=editor_user, reason="The video was from 2019.")
    claim.refresh_from_db()
    assert claim.status == Status.WITHDRAWN
    assert claim.withdrawn_at is not None
    assert claim.withdrawal_reason == "The video was from 2019."
    assert "The video was from 2019." in latest(claim).history_change_reason


def test_a_withdrawn_claim_stays_withdrawn(editor_user):
    claim = ClaimFactory(published=True)
    services.withdraw(claim=claim, by=editor_user, reason="Wrong")
    with pytest.raises(ValidationError):
        services.publish(claim=claim, by=editor_user)


def test_an_editor_returns_a_claim_in_review_to_draft_with_a_reason(editor_user):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    services.return_to_draft(claim=claim, by=editor_user, reason="Needs a second source")
    claim.refresh_from_db()
    assert claim.status == Status.DRAFT
    assert latest(claim).history_change_reason == "Needs a second source"


def test_a_reporter_cannot_set_the_verdict_through_an_edit(reporter_user):
    claim = ClaimFactory()
    claim.verdict = Verdict.FALSE
    claim.verdict_reasoning = "Because."
    with pytest.raises(PermissionDenied):
        services.edit_claim(claim=claim, by=reporter_user)
    assert Claim.objects.get().verdict == Verdict.UNVERIFIED


def test_a_reporter_cannot_edit_a_public_claim(reporter_user):
    claim = ClaimFactory(published=True)
    claim.summary = "More context."
    with pytest.raises(PermissionDenied):
        services.edit_claim(claim=claim, by=reporter_user)


def test_an_edit_cannot_change_the_status(editor_user):
    claim = ClaimFactory(status=Status.IN_REVIEW)
    claim.status = Status.PUBLISHED
    with pytest.raises(ValidationError) as error:
        services.edit_claim(claim=claim, by=editor_user)
    assert "status" in error.value.message_dict


def test_a_reporter_files_a_draft_but_not_a_published_claim(reporter_user, editor_user):
    services.create_claim(claim=Claim(text="A drone was seen", slug="a"), by=reporter_user)
    with pytest.raises(PermissionDenied):
        services.create_claim(
            claim=Claim(text="B", slug="b", status=Status.PUBLISHED), by=reporter_user
        )
    claim = services.create_claim(
        claim=Claim(text="C", slug="c", status=Status.PUBLISHED), by=editor_user
    )
    assert claim.published_by == editor_user
    assert latest(claim).history_type == "+"


# The correction rule -----------------------------------------------------------------------------


def test_changing_a_published_claims_text_needs_a_correction_note(editor_user):
    claim = ClaimFactory(published=True, text="Three helicopters were shot down")
    claim.text = "Two helicopters were shot down"
    with pytest.raises(ValidationError) as error:
        services.edit_claim(claim=claim, by=editor_user)
    assert "correction_note" in error.value.message_dict
    assert "claim text" in error.value.message_dict["correction_note"][0]
    assert Claim.objects.get().text == "Three helicopters were shot down"

    correction = services.edit_claim(
        claim=claim, by=editor_user, correction_note="The army's count was two, not three."
    )
    assert correction is not None
    assert correction.changed == ["claim text"]
    assert correction.created_by == editor_user
    assert correction.claim_revision == latest(claim)
    assert latest(claim).history_change_reason == "The army's count was two, not three."


def test_changing_a_published_claims_summary_is_a_correction_with_a_note(editor_user):
    """The summary is public text a reader relies on, like the claim's text."""
    claim = ClaimFactory(published=True)
    claim.summary = "More context."
    with pytest.raises(ValidationError) as error:
        services.edit_claim(claim=claim, by=editor_user, reason="Context")
    assert "correction_note" in error.value.message_dict
    correction = services.edit_claim(
        claim=claim, by=editor_user, correction_note="Added the army's account to the summary."
    )
    assert correction.changed == ["summary"]


def test_changing_a_drafts_text_needs_no_correction(editor_user):
    claim = ClaimFactory()
    claim.text = "Reworded"
    assert services.edit_claim(claim=claim, by=editor_user) is None
    assert latest(claim).history_change_reason == "Edited: text"


def test_changing_a_public_statements_quote_or_stance_needs_a_correction_note(editor_user):
    statement = StatementFactory(claim=ClaimFactory(published=True), quote="We shot it down")
    statement.quote = "We shot them down"
    with pytest.raises(ValidationError) as error:
        services.edit_statement(statement=statement, by=editor_user)
    assert "correction_note" in error.value.message_dict
    correction = services.edit_statement(
        statement=statement, by=editor_user, correction_note="Misquoted: plural in the original."
    )
    assert correction.changed == [f"statement by {statement.actor}: quote"]
    assert correction.claim == statement.claim


def test_a_reporter_adds_statements_to_drafts_but_not_to_public_claims(reporter_user, editor_user):
    def statement_on(claim):
        return Statement(
            claim=claim,
            actor=ActorFactory(),
            stance="denies",
            stated_on="2025-02-01",
            paraphrase="Denied.",
        )

    services.create_statement(statement=statement_on(ClaimFactory()), by=reporter_user)
    public = ClaimFactory(published=True)
    with pytest.raises(PermissionDenied):
        services.create_statement(statement=statement_on(public), by=reporter_user)
    services.create_statement(statement=statement_on(public), by=editor_user)
    assert Statement.objects.count() == 2


def test_a_reporter_cannot_move_a_statement_onto_a_public_claim(reporter_user):
    statement = StatementFactory()
    statement.claim = ClaimFactory(published=True)
    with pytest.raises(PermissionDenied):
        services.edit_statement(statement=statement, by=reporter_user)
