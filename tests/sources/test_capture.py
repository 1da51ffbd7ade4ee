"""Capturing a source: the WARC record, its SHA-256, and what the address now gives."""

from __future__ import annotations

import datetime
import gzip
import hashlib

import pytest
from warcio.archiveiterator import ArchiveIterator

from sources.capture import capture, captured_body
from sources.models import CaptureOutcome, CaptureReason, LinkStatus, Source
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

PAGE = b"<html><head><title>Convoy</title></head><body>JNIM convoy destroyed</body></html>"


def source_at(server, path: str, **fields) -> Source:
    return SourceFactory(url=server.url_for(path), **fields)


def test_capturing_a_source_keeps_a_warc_of_the_page_with_its_sha256(server):
    server.expect_request("/story").respond_with_data(PAGE, content_type="text/html")
    source = source_at(server, "/story")

    row = capture(source)

    assert row.outcome == CaptureOutcome.CAPTURED
    assert row.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert (row.status_code, row.content_type, row.size) == (200, "text/html", len(PAGE))
    assert row.final_url == source.url
    with row.warc.open("rb") as warc:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(warc)
        ]
    assert records == [("warcinfo", None), ("request", source.url), ("response", source.url)]
    assert captured_body(row) == PAGE
    source.refresh_from_db()
    assert source.link_status == LinkStatus.LIVE
    assert source.last_checked_at == row.captured_at


def test_the_warc_is_a_gzipped_web_archive_file(server):
    server.expect_request("/story").respond_with_data(PAGE, content_type="text/html")

    row = capture(source_at(server, "/story"))

    with row.warc.open("rb") as warc:
        assert gzip.decompress(warc.read()).startswith(b"WARC/1.")
    assert row.warc.name.endswith(".warc.gz")


def test_every_capture_is_kept_none_overwritten(server):
    server.expect_request("/story").respond_with_data(PAGE, content_type="text/html")
    source = source_at(server, "/story")

    first = capture(source)
    second = capture(source, reason=CaptureReason.BY_HAND)

    assert source.captures.count() == 2
    assert first.warc.name != second.warc.name
    assert captured_body(first) == captured_body(second) == PAGE


def test_a_redirect_is_recorded_and_the_source_marked_moved(server):
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    server.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    source = source_at(server, "/old")

    row = capture(source)

    assert row.final_url == server.url_for("/new")
    assert row.moved
    source.refresh_from_db()
    assert source.link_status == LinkStatus.MOVED
    assert source.needs_attention


def test_a_404_marks_the_source_gone_since_that_check(server):
    server.expect_request("/story").respond_with_data("Not found", status=404)
    source = source_at(server, "/story")

    row = capture(source, reason=CaptureReason.CHECK)

    assert row.outcome == CaptureOutcome.GONE
    source.refresh_from_db()
    assert source.link_status == LinkStatus.GONE
    assert source.link_status_since == row.captured_at


def test_gone_since_stays_the_first_check_that_found_it_gone(server):
    server.expect_request("/story").respond_with_data("Gone", status=410)
    source = source_at(server, "/story")

    first = capture(source, reason=CaptureReason.CHECK)
    capture(source, reason=CaptureReason.CHECK)

    source.refresh_from_db()
    assert source.link_status_since == first.captured_at


def test_a_check_of_a_changed_page_keeps_a_new_capture_and_flags_it_changed(server):
    server.expect_ordered_request("/story").respond_with_data(PAGE, content_type="text/html")
    server.expect_ordered_request("/story").respond_with_data(
        PAGE.replace(b"destroyed", b"attacked"), content_type="text/html"
    )
    source = source_at(server, "/story")
    first = capture(source)

    check = capture(source, reason=CaptureReason.CHECK)

    assert check.outcome == CaptureOutcome.CAPTURED
    assert check.sha256 != first.sha256
    source.refresh_from_db()
    assert source.link_status == LinkStatus.CHANGED


def test_a_check_of_an_unchanged_page_keeps_no_new_copy(server):
    server.expect_request("/story").respond_with_data(PAGE, content_type="text/html")
    source = source_at(server, "/story")
    first = capture(source)

    check = capture(source, reason=CaptureReason.CHECK)

    assert check.outcome == CaptureOutcome.UNCHANGED
    assert check.sha256 == first.sha256
    assert not check.warc
    source.refresh_from_db()
    assert source.link_status == LinkStatus.LIVE


def test_a_page_over_the_size_cap_is_refused_and_recorded(server, settings):
    settings.FETCH_MAX_BYTES = 100
    server.expect_request("/big").respond_with_data(b"x" * 1000, content_type="text/html")
    source = source_at(server, "/big")

    row = capture(source)

    assert row.outcome == CaptureOutcome.REFUSED
    assert "limit" in row.error
    assert not row.warc
    source.refresh_from_db()
    assert source.link_status == LinkStatus.REFUSED


def test_a_disallowed_content_type_is_refused(server):
    server.expect_request("/tool.exe").respond_with_data(
        b"MZ", content_type="application/x-msdownload"
    )

    row = capture(source_at(server, "/tool.exe"))

    assert row.outcome == CaptureOutcome.REFUSED
    assert "application/x-msdownload" in row.error


def test_a_redirect_to_a_loopback_address_is_refused(server):
    server.expect_request("/old").respond_with_data(
        "", status=302, headers={"Location": f"http://127.0.0.1:{server.port + 1}/"}
    )

    row = capture(source_at(server, "/old"))

    assert row.outcome == CaptureOutcome.REFUSED
    assert "private" in row.error


def test_a_server_error_is_a_failure_that_marks_the_link_unreachable_on_the_last_try(server):
    server.expect_request("/story").respond_with_data("Oops", status=503)
    source = source_at(server, "/story")

    capture(source, last_try=False)
    source.refresh_from_db()
    assert source.link_status == LinkStatus.UNCHECKED

    row = capture(source, last_try=True)
    assert (row.outcome, row.error) == (CaptureOutcome.FAILED, "HTTP 503")
    source.refresh_from_db()
    assert source.link_status == LinkStatus.UNREACHABLE


# What the page says about itself -----------------------------------------------------------------

ARTICLE = b"""<html><head><title>Site | Convoy</title>
<meta property="og:title" content="Burkina drones destroy JNIM convoy near Djibo">
<meta property="article:published_time" content="2025-03-03T18:00:00+00:00">
</head><body>...</body></html>"""

JSON_LD = b"""<html><head><title>Convoy - Agency</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "JNIM denies losses", "datePublished": "2025-03-04"}</script>
</head><body>...</body></html>"""


def test_a_stand_in_title_and_missing_date_are_filled_from_the_pages_metadata(server):
    server.expect_request("/burkina-drones").respond_with_data(ARTICLE, content_type="text/html")
    source = source_at(server, "/burkina-drones", title="Burkina drones", title_is_stand_in=True,
                       published_on=None)  # fmt: skip

    capture(source)

    source.refresh_from_db()
    assert source.title == "Burkina drones destroy JNIM convoy near Djibo"
    assert not source.title_is_stand_in
    assert source.published_on == datetime.date(2025, 3, 3)
    latest = source.history.first()
    assert latest.title == source.title
    assert (
        latest.history_change_reason
        == "Filled in from the page's own metadata when it was captured"
    )


def test_json_ld_gives_the_title_and_date_when_there_is_no_open_graph(server):
    server.expect_request("/jnim").respond_with_data(JSON_LD, content_type="text/html")
    source = source_at(server, "/jnim", title="Jnim", title_is_stand_in=True, published_on=None)

    capture(source)

    source.refresh_from_db()
    assert (source.title, source.published_on) == ("JNIM denies losses", datetime.date(2025, 3, 4))


def test_the_html_title_is_the_last_resort(server):
    server.expect_request("/plain").respond_with_data(
        b"<html><head><title> Army statement </title></head></html>", content_type="text/html"
    )
    source = source_at(server, "/plain", title="Plain", title_is_stand_in=True)

    capture(source)

    source.refresh_from_db()
    assert source.title == "Army statement"


def test_what_the_newsroom_typed_is_never_replaced(server):
    server.expect_request("/burkina-drones").respond_with_data(ARTICLE, content_type="text/html")
    source = source_at(server, "/burkina-drones", title="Our own title",
                       published_on=datetime.date(2025, 3, 5))  # fmt: skip
    versions = source.history.count()

    capture(source)

    source.refresh_from_db()
    assert (source.title, source.published_on) == ("Our own title", datetime.date(2025, 3, 5))
    assert source.history.count() == versions  # a capture alone is no edit to the source
