"""Capturing a source: fetch its address, keep a WARC record of the exchange with the body's
SHA-256, and say what the address now gives (``Source.link_status``).

``capture(source, reason=…)`` is what the background tasks run (sources/tasks.py); nothing here
runs inside a reader's or a reporter's request.
"""

from __future__ import annotations

import hashlib
import io
import zlib
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .fetch import Fetched, FetchError, HostNotFound, Refused, Unreachable, fetch
from .metadata import page_metadata
from .models import Capture, CaptureOutcome, CaptureReason, LinkStatus, Source
from .urls_normalise import normalise_url

if TYPE_CHECKING:
    from datetime import datetime

GONE_STATUSES = frozenset({404, 410})
METADATA_REASON = "Filled in from the page's own metadata when it was captured"
# Headers that describe how the body travelled, not the body: the WARC keeps it de-chunked.
HOP_HEADERS = frozenset({"transfer-encoding", "connection", "keep-alive"})


def capture(
    source: Source, *, reason: str = CaptureReason.ENTRY, attempt: int = 1, last_try: bool = True
) -> Capture:
    """Fetch ``source.url`` now and record the capture (kept whatever came back). A passing
    failure marks the link unreachable only on the ``last_try``."""
    url = source.url
    row = Capture(source=source, reason=reason, requested_url=url, attempt=attempt)
    fetched: Fetched | None = None
    try:
        fetched = fetch(url)
    except Refused as exc:
        row.outcome, row.error = CaptureOutcome.REFUSED, str(exc)
    except HostNotFound as exc:
        row.outcome, row.error = CaptureOutcome.GONE, str(exc)
    except (Unreachable, FetchError) as exc:
        row.outcome, row.error = CaptureOutcome.FAILED, str(exc)
    row.captured_at = fetched.fetched_at if fetched else timezone.now()
    previous = last_copy(source)
    if fetched:
        _describe(row, fetched, previous)
    with transaction.atomic():
        row.save()
        _update_source(source.pk, row, previous, last_try=last_try, fetched=fetched)
    return row


def is_retryable(row: Capture) -> bool:
    """No answer, or an answer that says "later" (5xx, 429)."""
    return row.outcome == CaptureOutcome.FAILED and (
        row.status_code is None or row.status_code >= 500 or row.status_code == 429
    )


def last_copy(source: Source) -> Capture | None:
    return (
        Capture.objects.filter(source=source, outcome=CaptureOutcome.CAPTURED)
        .order_by("-captured_at", "-pk")
        .first()
    )


def _describe(row: Capture, fetched: Fetched, previous: Capture | None) -> None:
    row.final_url = fetched.final_url
    row.status_code = fetched.status
    row.content_type = fetched.content_type[:200]
    row.size = len(fetched.body)
    row.sha256 = hashlib.sha256(fetched.body).hexdigest()
    if fetched.status in GONE_STATUSES:
        row.outcome, row.error = CaptureOutcome.GONE, f"HTTP {fetched.status}"
    elif not 200 <= fetched.status < 300:
        row.outcome, row.error = CaptureOutcome.FAILED, f"HTTP {fetched.status}"
    elif row.reason == CaptureReason.CHECK and previous and previous.sha256 == row.sha256:
        row.outcome = CaptureOutcome.UNCHANGED  # the last copy already holds these bytes
    else:
        row.outcome = CaptureOutcome.CAPTURED
    if row.outcome != CaptureOutcome.UNCHANGED:
        # Every answer is kept as it came, a 404 too: the record that the page was gone.
        stamp = fetched.fetched_at.strftime("%Y%m%dT%H%M%SZ")
        name = f"{row.source_id}/{stamp}-{row.sha256[:16]}.warc.gz"
        row.warc.save(name, ContentFile(warc_bytes(fetched)), save=False)


def _link_status(row: Capture, previous: Capture | None, current: str) -> str | None:
    """What the capture says of the address; None to leave it as it is."""
    if row.outcome in (CaptureOutcome.CAPTURED, CaptureOutcome.UNCHANGED):
        if normalise_url(row.final_url) != normalise_url(row.requested_url):
            return LinkStatus.MOVED
        if row.reason == CaptureReason.CHECK:
            changed = row.outcome == CaptureOutcome.CAPTURED and previous is not None
            # Changed stays changed until an editor captures it again by hand.
            return (
                LinkStatus.CHANGED if changed or current == LinkStatus.CHANGED else LinkStatus.LIVE
            )
        return LinkStatus.LIVE
    return {
        CaptureOutcome.GONE: LinkStatus.GONE,
        CaptureOutcome.REFUSED: LinkStatus.REFUSED,
        CaptureOutcome.FAILED: LinkStatus.UNREACHABLE,
    }[row.outcome]


def _update_source(
    pk: int, row: Capture, previous: Capture | None, *, last_try: bool, fetched: Fetched | None
) -> None:
    source = Source.objects.select_for_update().get(pk=pk)
    if source.url != row.requested_url:
        return  # the address changed while this fetch ran; its own capture will say
    status = _link_status(row, previous, source.link_status)
    if row.outcome == CaptureOutcome.FAILED and not last_try:
        status = None
    fields = ["last_checked_at"]
    source.last_checked_at = row.captured_at
    if status and status != source.link_status:
        source.link_status, source.link_status_since = status, row.captured_at
        fields += ["link_status", "link_status_since"]
    filled = _fill_in(source, row, fetched) if row.outcome == CaptureOutcome.CAPTURED else []
    if filled:
        source._change_reason = METADATA_REASON  # type: ignore[attr-defined]
        source.save(update_fields=[*fields, *filled, "updated_at"])
    else:
        # The link's state is derived from the captures and excluded from the history.
        source.save_without_historical_record(update_fields=fields)  # type: ignore[attr-defined]


def _fill_in(source: Source, row: Capture, fetched: Fetched | None) -> list[str]:
    """Give a source entered from a bare address the page's own title and date (what the
    newsroom typed always wins)."""
    if fetched is None or not (source.title_is_stand_in or source.published_on is None):
        return []
    found = page_metadata(_decoded(fetched), url=fetched.final_url, media_type=fetched.media_type)
    filled = []
    if source.title_is_stand_in and found.title:
        source.title, source.title_is_stand_in = found.title, False
        filled += ["title", "title_is_stand_in"]
    published = found.published_on
    if (
        source.published_on is None
        and published
        and (source.retrieved_on is None or published <= source.retrieved_on)
        and published <= row.captured_at.date()
    ):
        source.published_on = published
        filled.append("published_on")
    return filled


def _decoded(fetched: Fetched, limit: int = 10 * 1024 * 1024) -> bytes:
    """The body without its Content-Encoding (gzip or deflate; we asked for none), capped."""
    encoding = next(
        (v.strip().lower() for k, v in fetched.final.headers if k.lower() == "content-encoding"),
        "",
    )
    if encoding in ("gzip", "x-gzip", "deflate"):
        try:
            return zlib.decompressobj(zlib.MAX_WBITS | 32).decompress(fetched.body, limit)
        except zlib.error:
            return b""
    return fetched.body if encoding in ("", "identity") else b""


# The WARC record ----------------------------------------------------------------------------------


def warc_bytes(fetched: Fetched) -> bytes:
    """A gzipped WARC file of the exchange: who fetched, then each request and its response
    (redirects included), the last with the body as it was received."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(
        writer.create_warcinfo_record(
            "capture.warc.gz",
            {"software": "Contested (warcio)", "format": "WARC File Format 1.1"},
        )
    )
    for index, exchange in enumerate(fetched.exchanges):
        last = index == len(fetched.exchanges) - 1
        path = exchange.url.split("//", 1)[-1].partition("/")[2]
        request = StatusAndHeaders(
            f"GET /{path} HTTP/1.1", exchange.request_headers, is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(exchange.url, "request", http_headers=request)
        )
        headers = [(k, v) for k, v in exchange.headers if k.lower() not in HOP_HEADERS]
        response = StatusAndHeaders(
            f"{exchange.status} {exchange.reason}".strip(), headers, protocol="HTTP/1.1"
        )
        body = fetched.body if last else b""
        writer.write_record(
            writer.create_warc_record(
                exchange.url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=response,
                warc_headers_dict={"WARC-Date": _warc_date(fetched.fetched_at)},
            )
        )
    return out.getvalue()


def _warc_date(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def captured_body(row: Capture) -> bytes:
    """The body the capture received, read back from its WARC record."""
    with row.warc.open("rb") as warc:
        for record in ArchiveIterator(warc):
            if (
                record.rec_type == "response"
                and record.rec_headers.get_header("WARC-Target-URI") == row.final_url
            ):
                return record.content_stream().read()
    return b""
