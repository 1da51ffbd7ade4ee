"""The background work on sources, on Django's tasks API (the queue: README, "Sources that
survive"). A worker runs them: ``manage.py db_worker``."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from .capture import capture, is_retryable
from .models import CaptureOutcome, CaptureReason, Source


class CaptureFailed(Exception):
    """Raised so the task's result shows the failure and its error in the admin."""


def retry_delay(attempt: int) -> datetime.timedelta:
    """Back-off after a failed attempt: CAPTURE_RETRY_SECONDS × 4^(attempt − 1)."""
    return datetime.timedelta(seconds=settings.CAPTURE_RETRY_SECONDS * 4 ** (attempt - 1))


@task()
def capture_source(
    source_id: int, reason: str = CaptureReason.ENTRY, attempt: int = 1
) -> dict[str, object]:
    """Capture a source's address now; on a passing failure, try again later."""
    source = Source.objects.filter(pk=source_id).exclude(url="").first()
    if source is None:
        return {"skipped": "no such source, or it has no address"}
    last_try = attempt >= settings.CAPTURE_MAX_ATTEMPTS
    row = capture(source, reason=reason, attempt=attempt, last_try=last_try)
    if row.outcome == CaptureOutcome.FAILED:
        retry = is_retryable(row) and not last_try
        if retry:
            capture_source.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
                source_id, reason, attempt + 1
            )
        again = (
            f"; trying again ({attempt + 1} of {settings.CAPTURE_MAX_ATTEMPTS})" if retry else ""
        )
        raise CaptureFailed(f"Capture {row.pk} of {source.url}: {row.error}{again}")
    return {"capture": row.pk, "outcome": row.outcome}


def enqueue_capture(source_id: int, reason: str = CaptureReason.ENTRY) -> None:
    capture_source.enqueue(source_id, str(reason))
