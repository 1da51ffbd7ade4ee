"""The public history of a claim: revisions from first publication on, and the corrections."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import services
from claims.selectors import PUBLIC_REVISION_FIELDS, corrections, public_revisions
from claims.vocabulary import Status
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def drafted_then_published(editor_user):
    claim = ClaimFactory(text="Draft wording", internal_notes="Source is a cousin of the pilot")
    claim.text = "Second draft wording"
    services.edit_claim(claim=claim, by=editor_user)
    services.submit_for_review(claim=claim, by=editor_user)
    services.publish(claim=claim, by=editor_user)
    return claim


def test_public_revisions_start_at_the_first_publication(editor_user):
    claim = drafted_then_published(editor_user)
    claim.summary = "Context added after publication."
    services.edit_claim(claim=claim, by=editor_user, correction_note="Context added.")
    revisions = list(public_revisions(claim))
    assert [r["status"] for r in revisions] == [Status.PUBLISHED, Status.PUBLISHED]
    assert revisions[0]["summary"] == "Context added after publication."
    assert all(r["text"] == "Second draft wording" for r in revisions)
    assert "Draft wording" not in str(revisions)


def test_public_revisions_never_carry_internal_fields(editor_user):
    claim = drafted_then_published(editor_user)
    [revision] = public_revisions(claim)
    assert set(revision) == set(PUBLIC_REVISION_FIELDS)
    for internal in ("internal_notes", "history_user_id", "history_change_reason", "published_by"):
        assert internal not in revision
    assert "cousin" not in str(revision)


def test_a_claim_never_published_has_no_public_revisions(editor_user):
    claim = ClaimFactory()
    services.submit_for_review(claim=claim, by=editor_user)
    assert list(public_revisions(claim)) == []
    assert list(corrections(claim)) == []


def test_a_withdrawn_claims_revisions_include_the_withdrawal(editor_user):
    claim = drafted_then_published(editor_user)
    services.withdraw(claim=claim, by=editor_user, reason="The footage was older.")
    latest = public_revisions(claim)[0]
    assert latest["status"] == Status.WITHDRAWN
    assert latest["withdrawal_reason"] == "The footage was older."


def test_corrections_list_the_public_notes_oldest_first(editor_user):
    claim = drafted_then_published(editor_user)
    claim.text = "Two helicopters"
    services.edit_claim(claim=claim, by=editor_user, correction_note="First correction.")
    claim.text = "One helicopter"
    services.edit_claim(claim=claim, by=editor_user, correction_note="Second correction.")
    notes = list(corrections(claim))
    assert [c["note"] for c in notes] == ["First correction.", "Second correction."]
    assert notes[0]["changed"] == ["claim text"]
    assert "created_by_id" not in notes[0]
    revision_ids = {r["history_id"] for r in public_revisions(claim)}
    assert {c["claim_revision_id"] for c in notes} <= revision_ids


@pytest.mark.parametrize("edits", [1, 10])
def test_the_selectors_cost_one_query_each_however_long_the_history(editor_user, edits):
    claim = drafted_then_published(editor_user)
    for n in range(edits):
        claim.text = f"Wording {n}"
        services.edit_claim(claim=claim, by=editor_user, correction_note=f"Correction {n}.")
    for selector in (public_revisions, corrections):
        with CaptureQueriesContext(connection) as ctx:
            assert len(list(selector(claim))) >= edits
        assert len(ctx.captured_queries) == 1
