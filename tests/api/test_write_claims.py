"""POST, PUT and PATCH /api/v1/claims/: trusted tools file drafts; an editor may publish."""

from __future__ import annotations

import pytest

from claims.models import Claim
from claims.vocabulary import Status
from tests.factories import ClaimFactory, TopicFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/claims/"
NEW = {"text": "A convoy was ambushed near Kidal", "summary": "Reported by two outlets."}


def test_an_anonymous_write_is_a_401(api):
    response = api.post(URL, NEW, format="json")
    assert response.status_code == 401
    assert not Claim.objects.exists()


def test_a_token_without_the_add_permission_is_a_403(outsider_api):
    assert outsider_api.post(URL, NEW, format="json").status_code == 403


def test_a_reporters_token_files_a_draft(reporter_api):
    TopicFactory(slug="mali")
    response = reporter_api.post(URL, {**NEW, "topics": ["mali"]}, format="json")
    assert response.status_code == 201, response.content
    claim = Claim.objects.get()
    assert claim.status == Status.DRAFT
    assert claim.slug == "a-convoy-was-ambushed-near-kidal"
    assert list(claim.topics.values_list("slug", flat=True)) == ["mali"]
    body = response.json()
    assert body["status"] == "draft"
    assert response["Location"] == body["url"]
    assert response["ETag"]


def test_a_reporters_token_may_not_publish(reporter_api):
    response = reporter_api.post(URL, {**NEW, "status": "published"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["status"]
    assert not Claim.objects.exists()


def test_a_reporter_may_not_change_a_published_claim(reporter_api):
    claim = ClaimFactory(published=True)
    response = reporter_api.patch(f"{URL}{claim.pk}/", {"summary": "x"}, format="json")
    assert response.status_code == 403


def test_an_editor_who_may_publish_publishes_and_the_model_stamps_the_time(publisher_api):
    response = publisher_api.post(URL, {**NEW, "status": "published"}, format="json")
    assert response.status_code == 201, response.content
    claim = Claim.objects.get()
    assert claim.status == Status.PUBLISHED
    assert claim.published_at is not None


def test_model_rules_are_400s_naming_the_field(publisher_api):
    response = publisher_api.post(URL, {**NEW, "verdict": "false"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["verdict_reasoning"]
    response = publisher_api.post(URL, {"summary": "no text"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["text"]
    response = publisher_api.post(URL, {**NEW, "topics": ["no-such-topic"]}, format="json")
    assert list(response.json()) == ["topics"]


def test_a_tool_amends_its_own_draft(reporter_api):
    claim = ClaimFactory()
    response = reporter_api.patch(f"{URL}{claim.pk}/", {"summary": "Amended."}, format="json")
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert claim.summary == "Amended."


def test_an_update_with_the_current_etag_succeeds(reporter_api, publisher_api):
    claim = ClaimFactory(published=True)
    etag = publisher_api.get(f"{URL}{claim.pk}/")["ETag"]
    response = publisher_api.patch(
        f"{URL}{claim.pk}/",
        {"summary": "First.", "correction_note": "Summary corrected."},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.content
    assert response["ETag"] != etag


def test_an_update_with_a_stale_etag_is_a_412_and_changes_nothing(publisher_api):
    claim = ClaimFactory(published=True)
    etag = publisher_api.get(f"{URL}{claim.pk}/")["ETag"]
    first = {"summary": "First.", "correction_note": "Summary corrected."}
    publisher_api.patch(f"{URL}{claim.pk}/", first, format="json")
    response = publisher_api.patch(
        f"{URL}{claim.pk}/",
        {"summary": "Second.", "correction_note": "Again."},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 412
    claim.refresh_from_db()
    assert claim.summary == "First."


def test_an_unreadable_if_match_is_a_412(publisher_api):
    claim = ClaimFactory(published=True)
    response = publisher_api.patch(
        f"{URL}{claim.pk}/", {"summary": "x"}, format="json", HTTP_IF_MATCH='"nonsense"'
    )
    assert response.status_code == 412


def test_a_write_is_recorded_in_the_history(publisher_api):
    claim = ClaimFactory(published=True)
    corrected = {"summary": "Corrected.", "correction_note": "The summary was wrong."}
    publisher_api.patch(f"{URL}{claim.pk}/", corrected, format="json")
    assert claim.history.first().summary == "Corrected."
    assert claim.history.first().history_user.username == "editor"


def test_there_is_no_delete(publisher_api):
    claim = ClaimFactory(published=True)
    assert publisher_api.delete(f"{URL}{claim.pk}/").status_code == 405
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_status_change_goes_through_the_workflow_moves(reporter_api, publisher_api):
    claim = ClaimFactory()
    response = reporter_api.patch(f"{URL}{claim.pk}/", {"status": "in_review"}, format="json")
    assert response.status_code == 200, response.content
    response = publisher_api.patch(f"{URL}{claim.pk}/", {"status": "published"}, format="json")
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert claim.status == Status.PUBLISHED
    assert claim.published_at is not None


def test_a_move_the_workflow_does_not_allow_is_a_400_naming_status(publisher_api):
    claim = ClaimFactory(published=True)
    response = publisher_api.patch(f"{URL}{claim.pk}/", {"status": "draft"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["status"]


def test_correcting_a_public_claims_substance_needs_a_public_note(publisher_api):
    claim = ClaimFactory(published=True)
    response = publisher_api.patch(f"{URL}{claim.pk}/", {"text": "Reworded"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["correction_note"]
    response = publisher_api.patch(
        f"{URL}{claim.pk}/",
        {"text": "Reworded", "correction_note": "The claim named the wrong town."},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert claim.corrections.get().note == "The claim named the wrong town."


def test_a_reporter_may_not_set_a_verdict(reporter_api):
    claim = ClaimFactory()
    response = reporter_api.patch(
        f"{URL}{claim.pk}/",
        {"verdict": "false", "verdict_reasoning": "Because."},
        format="json",
    )
    assert response.status_code == 403
