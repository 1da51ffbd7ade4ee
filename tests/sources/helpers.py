"""A stored capture made without fetching anything, for tests that need one to exist."""

from __future__ import annotations

import hashlib

from django.core.files.base import ContentFile

from sources.capture import warc_bytes
from sources.fetch import Exchange, Fetched
from sources.models import Capture, CaptureOutcome, CaptureReason, Source

BODY = b"<html><head><title>Captured</title></head><body>As it was.</body></html>"


def stored_capture(source: Source, body: bytes = BODY) -> Capture:
    exchange = Exchange(
        url=source.url,
        status=200,
        reason="OK",
        headers=[("Content-Type", "text/html")],
        request_headers=[("User-Agent", "tests")],
    )
    fetched = Fetched(url=source.url, exchanges=[exchange], body=body)
    row = Capture(
        source=source,
        reason=CaptureReason.ENTRY,
        outcome=CaptureOutcome.CAPTURED,
        requested_url=source.url,
        final_url=source.url,
        status_code=200,
        content_type="text/html",
        size=len(body),
        sha256=hashlib.sha256(body).hexdigest(),
        captured_at=fetched.fetched_at,
    )
    row.warc.save(f"{source.pk}/test.warc.gz", ContentFile(warc_bytes(fetched)), save=False)
    row.save()
    return row
