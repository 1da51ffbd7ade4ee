"""Queue a check of every source with an address not checked for SOURCE_CHECK_INTERVAL_HOURS:
run it daily from the platform's scheduler (cron). The worker does the fetching."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from sources.models import CaptureReason, Source
from sources.tasks import enqueue_capture


class Command(BaseCommand):
    help = "Queue a check for rot of every source with an address that is due one."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--all", action="store_true", help="Check every source now.")

    def handle(self, *args: Any, **options: Any) -> None:
        due = Source.objects.exclude(url="")
        if not options["all"]:
            since = timezone.now() - datetime.timedelta(hours=settings.SOURCE_CHECK_INTERVAL_HOURS)
            due = due.filter(Q(last_checked_at__isnull=True) | Q(last_checked_at__lt=since))
        count = 0
        for pk in due.order_by("pk").values_list("pk", flat=True).iterator():
            enqueue_capture(pk, CaptureReason.CHECK)
            count += 1
        self.stdout.write(f"Queued {count} source check(s).")
