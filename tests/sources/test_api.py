"""The API's source object carries the newsroom's captures and the state of its address."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from sources.capture import capture
from sources.models import CaptureReason
from tests.api.conftest import count_queries
from tests.sources.helpers import stored_capture

pytestmark = pytest.mark.django_db


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def test_a_source_carries_its_captures_newest_first_with_their_downloads(api, ledger):
    older = stored_capture(ledger.source, body=b"<html>first</html>")
    newer = stored_capture(ledger.source, body=b"<html>second</html>")

    body = api.get(f"/api/v1/sources/{ledger.source.pk}/").json()

    assert [c["id"] for c in body["captures"]] == [newer.pk, older.pk]
    first = body["captures"][0]
    assert first["sha256"] == newer.sha256
    assert first["status_code"] == 200
    assert first["document_download_url"] == (
        f"http://testserver/sources/{ledger.source.pk}/captures/{newer.pk}/"
    )
    assert first["warc_url"] == (
        f"http://testserver/sources/{ledger.source.pk}/captures/{newer.pk}.warc.gz"
    )
    assert body["link_status"] == "unchecked"


def test_a_source_says_since_when_its_original_is_gone(api, ledger, server):
    server.expect_request("/gone").respond_with_data("Not found", status=404)
    ledger.source.url = server.url_for("/gone")
    ledger.source.save()
    check = capture(ledger.source, reason=CaptureReason.CHECK)

    body = api.get(f"/api/v1/sources/{ledger.source.pk}/").json()

    assert body["link_status"] == "gone"
    assert body["link_status_since"].startswith(check.captured_at.date().isoformat())
    assert body["captures"] == []  # a 404 is no copy of the document


def test_a_drafts_source_and_its_captures_stay_out_of_the_api(api, ledger):
    secret = stored_capture(ledger.secret_source)

    listed = api.get("/api/v1/sources/").json()["results"]

    assert api.get(f"/api/v1/sources/{ledger.secret_source.pk}/").status_code == 404
    assert all(c["id"] != secret.pk for s in listed for c in s["captures"])


def test_the_source_list_costs_the_same_with_one_capture_or_many(api, ledger):
    stored_capture(ledger.source)
    one = count_queries(api, "/api/v1/sources/")
    for _ in range(5):
        stored_capture(ledger.source)

    assert count_queries(api, "/api/v1/sources/") == one == 2
