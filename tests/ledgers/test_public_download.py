"""The published ledger as one download: the format, the time it was made, and nothing a draft
holds or the newsroom keeps to itself."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from ledger.load import check_format
from tests.ledger import SECRET

pytestmark = pytest.mark.django_db


def download(reader) -> tuple[object, dict]:
    response = reader.get(reverse("api:ledger-export"))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, json.loads(body)


def test_it_is_the_published_ledger_in_the_documented_format_with_its_generation_time(
    reader, ledger
):
    response, data = download(reader)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="contested-ledger.json"'
    assert check_format(data) == []
    assert data["scope"] == "public"
    assert data["generated_at"]
    slugs = {claim["slug"] for claim in data["claims"]}
    assert slugs == {"helicopter", "rival", "withdrawn"}


def test_it_never_holds_a_draft_or_what_only_a_draft_references_or_a_newsroom_note(reader, ledger):
    _, data = download(reader)
    text = json.dumps(data, ensure_ascii=False)
    assert SECRET not in text
    assert ledger.draft.slug not in {claim["slug"] for claim in data["claims"]}
    assert ledger.secret_actor.slug not in {actor["slug"] for actor in data["actors"]}
    assert ledger.secret_topic.slug not in {topic["slug"] for topic in data["topics"]}
    assert "internal_notes" not in text
    assert "contact" not in text


def test_it_is_read_only_and_says_so_in_json_even_to_a_client_without_a_csrf_token(ledger):
    """A live server enforces CSRF: a POST must still get the API's JSON 405, not a 403 page."""
    client = Client(enforce_csrf_checks=True)
    refused = client.post(reverse("api:ledger-export"))
    assert refused.status_code == 405
    assert refused["Allow"] == "GET, HEAD"
    assert refused.json() == {"detail": 'Method "POST" not allowed.'}
    assert client.head(reverse("api:ledger-export")).status_code == 200
