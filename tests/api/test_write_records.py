"""Every record a story needs is writable by a token, under the admin's rules; the workflow's
buttons are one request each; a retried POST with its Idempotency-Key creates nothing twice."""

from __future__ import annotations

import pytest

from actors.models import ActorRelation
from claims.models import Claim, ClaimRelation, RequestForComment, Statement, Topic
from claims.vocabulary import Status
from tests.factories import ClaimFactory


def test_a_tool_writes_a_topic_a_relation_between_actors_and_one_between_claims(
    publisher_api, ledger
):
    topic = publisher_api.post("/api/v1/topics/", {"name": "Air war"}, format="json")
    assert topic.status_code == 201, topic.content
    assert topic.json()["slug"] == "air-war"
    relation = publisher_api.post(
        "/api/v1/actor-relations/",
        {
            "subject": ledger.army.pk,
            "kind": "allied_with",
            "object": ledger.fla.pk,
            "note": "Once.",
        },
        format="json",
    )
    assert relation.status_code == 201, relation.content
    assert relation.json()["subject"]["id"] == ledger.army.pk
    draft = ClaimFactory(text="A second account", slug="second")
    claims = publisher_api.post(
        "/api/v1/claim-relations/",
        {"from_claim": draft.pk, "kind": "contradicts", "to_claim": ledger.claim.pk},
        format="json",
    )
    assert claims.status_code == 201, claims.content
    assert Topic.objects.filter(name="Air war").exists()
    assert ActorRelation.objects.filter(subject=ledger.army, object=ledger.fla).exists()
    assert ClaimRelation.objects.filter(from_claim=draft, to_claim=ledger.claim).exists()


def test_a_request_for_comment_is_filed_and_settled_and_its_contact_never_read_back(
    publisher_api, api, ledger
):
    filed = publisher_api.post(
        "/api/v1/requests-for-comment/",
        {
            "claim": ledger.claim.pk,
            "actor": ledger.fla.pk,
            "requested_on": "2025-03-01",
            "channel": "email",
            "deadline": "2025-03-05",
            "contact": "press@fla.example",
        },
        format="json",
    )
    assert filed.status_code == 201, filed.content
    assert "contact" not in filed.json()
    request = RequestForComment.objects.get(pk=filed.json()["id"])
    assert request.contact == "press@fla.example"
    assert request.requested_by.username == "editor"
    # Pending: the public does not see it yet.
    assert api.get(f"/api/v1/requests-for-comment/{request.pk}/").status_code == 404
    settled = publisher_api.patch(
        f"/api/v1/requests-for-comment/{request.pk}/", {"outcome": "no_response"}, format="json"
    )
    assert settled.status_code == 200, settled.content
    public = api.get(f"/api/v1/requests-for-comment/{request.pk}/")
    assert public.status_code == 200
    assert b"press@fla.example" not in public.content


def test_a_reporter_cannot_relate_two_public_claims_through_the_api(reporter_api, ledger):
    response = reporter_api.post(
        "/api/v1/claim-relations/",
        {"from_claim": ledger.rival.pk, "kind": "related_to", "to_claim": ledger.claim.pk},
        format="json",
    )
    assert response.status_code == 403
    assert not ClaimRelation.objects.filter(from_claim=ledger.rival, kind="related_to").exists()


def test_an_editor_publishes_a_draft_in_one_request_and_history_keeps_both_moves(
    publisher_api, api, ledger
):
    draft = ClaimFactory(text="Drones struck a convoy", slug="convoy")
    response = publisher_api.post(f"/api/v1/claims/{draft.pk}/publish/", format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "published"
    assert api.get(f"/api/v1/claims/{draft.pk}/").status_code == 200
    reasons = [h.history_change_reason for h in Claim.objects.get(pk=draft.pk).history.all()]
    assert "Submitted for review on publishing" in reasons


def test_a_reporter_submits_but_cannot_publish(reporter_api, ledger):
    draft = ClaimFactory(text="Another draft", slug="another")
    assert reporter_api.post(f"/api/v1/claims/{draft.pk}/submit/").status_code == 200
    assert Claim.objects.get(pk=draft.pk).status == Status.IN_REVIEW
    assert reporter_api.post(f"/api/v1/claims/{draft.pk}/publish/").status_code == 403
    assert Claim.objects.get(pk=draft.pk).status == Status.IN_REVIEW
    assert reporter_api.post(f"/api/v1/claims/{draft.pk}/return-to-draft/").status_code == 200
    assert Claim.objects.get(pk=draft.pk).status == Status.DRAFT


def test_withdrawing_needs_a_public_reason(publisher_api, ledger):
    url = f"/api/v1/claims/{ledger.claim.pk}/withdraw/"
    refused = publisher_api.post(url, {}, format="json")
    assert refused.status_code == 400
    assert list(refused.json()) == ["reason"]
    done = publisher_api.post(url, {"reason": "Could not be sourced."}, format="json")
    assert done.status_code == 200
    assert Claim.objects.get(pk=ledger.claim.pk).withdrawal_reason == "Could not be sourced."


def test_a_move_the_workflow_does_not_allow_is_a_400(publisher_api, ledger):
    response = publisher_api.post(f"/api/v1/claims/{ledger.claim.pk}/submit/")
    assert response.status_code == 400
    assert list(response.json()) == ["status"]


def test_a_retried_post_with_its_idempotency_key_creates_one_statement(publisher_api, ledger):
    body = {
        "claim": ledger.draft.pk,
        "actor": ledger.army.pk,
        "stance": "denies",
        "stated_on": "2025-02-03",
        "paraphrase": "The army denied it again.",
    }
    headers = {"HTTP_IDEMPOTENCY_KEY": "statement-42"}
    before = Statement.objects.count()
    first = publisher_api.post("/api/v1/statements/", body, format="json", **headers)
    again = publisher_api.post("/api/v1/statements/", body, format="json", **headers)
    assert first.status_code == again.status_code == 201, first.content
    assert again.json()["id"] == first.json()["id"]
    assert again["Location"] == first["Location"]
    assert again["Idempotent-Replayed"] == "true"
    assert Statement.objects.count() == before + 1
    other = publisher_api.post(
        "/api/v1/statements/", {**body, "stance": "asserts"}, format="json", **headers
    )
    assert other.status_code == 409
    assert list(other.json()) == ["Idempotency-Key"]


@pytest.mark.parametrize("key", ["", "x" * 201])
def test_an_unusable_idempotency_key_is_a_400_naming_it(publisher_api, ledger, key):
    response = publisher_api.post(
        "/api/v1/topics/", {"name": "Keys"}, format="json", HTTP_IDEMPOTENCY_KEY=key
    )
    assert response.status_code == 400
    assert list(response.json()) == ["Idempotency-Key"]
    assert not Topic.objects.filter(name="Keys").exists()


def test_a_topics_name_is_written_and_read_with_its_language_and_translations(
    publisher_api, api, ledger
):
    written = publisher_api.post(
        "/api/v1/topics/",
        {"name": "Air war", "language": "en", "translations": {"fr": {"name": "Guerre aérienne"}}},
        format="json",
    )
    assert written.status_code == 201, written.content
    assert written.json()["translations"] == {"fr": {"name": "Guerre aérienne", "method": "human"}}
    ledger.claim.topics.add(Topic.objects.get(slug="air-war"))
    read = api.get(f"/api/v1/topics/{written.json()['id']}/").json()
    assert read["language"] == "en"
    assert read["translations"]["fr"]["name"] == "Guerre aérienne"


@pytest.mark.parametrize(
    "translations",
    [{"de": {"name": "Luftkrieg"}}, {"en": {"name": "Air war"}}, {"fr": {"text": "Guerre"}}],
    ids=["not-a-site-language", "the-original-language", "a-field-topics-lack"],
)
def test_a_bad_translation_of_a_topic_is_a_400_naming_it_and_saves_nothing(
    publisher_api, translations
):
    answer = publisher_api.post(
        "/api/v1/topics/",
        {"name": "Air war", "language": "en", "translations": translations},
        format="json",
    )
    assert answer.status_code == 400, answer.content
    assert "translations" in answer.json()
    assert not Topic.objects.filter(name="Air war").exists()


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_an_english_message_names_the_record_in_english_whatever_the_language(
    publisher_api, language
):
    # The records' names are translated for the newsroom; a sentence in English keeps them
    # English rather than mixing languages ("A thème with this name…").
    publisher_api.post("/api/v1/topics/", {"name": "Drones"}, format="json")
    again = publisher_api.post(
        "/api/v1/topics/", {"name": "Drones"}, format="json", HTTP_ACCEPT_LANGUAGE=language
    )
    assert again.status_code == 409
    assert again.json()["name"][0].startswith("A topic with this name already exists: id ")
