"""Readers see the copy: the source page shows the capture and serves it as a download only."""

from __future__ import annotations

import pytest

from sources.capture import capture
from sources.models import CaptureReason, Source

pytestmark = pytest.mark.django_db

PAGE = (
    b"<html><head><title>Convoy</title><script>alert(1)</script></head><body>Convoy</body></html>"
)


def captured(server, source: Source, path: str = "/story", body: bytes = PAGE):
    server.expect_request(path).respond_with_data(body, content_type="text/html")
    source.url = server.url_for(path)
    source.save()
    return capture(source)


def test_the_source_page_shows_when_it_was_captured_and_its_hash(reader, ledger, server):
    row = captured(server, ledger.source)

    page = reader.get(ledger.source.get_absolute_url()).content.decode()

    assert f'SHA-256 <code class="break">{row.sha256}</code>' in page
    assert f"/sources/{ledger.source.pk}/captures/{row.pk}/" in page
    assert f"/sources/{ledger.source.pk}/captures/{row.pk}.warc.gz" in page


def test_the_captured_document_is_a_download_that_runs_nothing_here(reader, ledger, server):
    row = captured(server, ledger.source)

    response = reader.get(f"/sources/{ledger.source.pk}/captures/{row.pk}/")

    assert response.status_code == 200
    assert response.content == PAGE
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_warc_is_a_download_too(reader, ledger, server):
    row = captured(server, ledger.source)

    response = reader.get(f"/sources/{ledger.source.pk}/captures/{row.pk}.warc.gz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/warc"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content)[:2] == b"\x1f\x8b"  # gzip


def test_a_source_only_drafts_cite_keeps_its_captures_hidden(reader, ledger, server):
    row = captured(server, ledger.secret_source)

    for url in (
        f"/sources/{ledger.secret_source.pk}/captures/{row.pk}/",
        f"/sources/{ledger.secret_source.pk}/captures/{row.pk}.warc.gz",
        # the same capture under a public source's address
        f"/sources/{ledger.source.pk}/captures/{row.pk}/",
    ):
        assert reader.get(url).status_code == 404, url


def test_a_capture_that_does_not_exist_is_a_404(reader, ledger):
    assert reader.get(f"/sources/{ledger.source.pk}/captures/999999/").status_code == 404


def test_the_source_page_says_the_original_is_gone_since_the_check(reader, ledger, server):
    captured(server, ledger.source, path="/gone-soon")
    server.clear()
    server.expect_request("/gone-soon").respond_with_data("Not found", status=404)
    check = capture(ledger.source, reason=CaptureReason.CHECK)

    page = reader.get(ledger.source.get_absolute_url()).content.decode()

    assert f"The original is gone since {check.captured_at:%-d %B %Y}" in page
    assert "Download the document as captured" in page  # the copy outlives the original


def test_a_source_not_captured_yet_says_so(reader, ledger):
    assert "Not captured yet" in reader.get(ledger.source.get_absolute_url()).content.decode()


def test_the_source_page_costs_the_same_for_1_and_many_captures(
    reader, ledger, server, django_assert_max_num_queries
):
    captured(server, ledger.source)
    with django_assert_max_num_queries(12) as one:
        reader.get(ledger.source.get_absolute_url())
    for n in range(5):
        captured(server, ledger.source, path=f"/story-{n}", body=PAGE + str(n).encode())
    with django_assert_max_num_queries(len(one.captured_queries)):
        reader.get(ledger.source.get_absolute_url())
