"""Capture on entry: a source saved with a new address is captured in the background, once the
save is committed — whatever saved it (the admin, the claim page, the API, an import)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import CaptureReason, Source


@receiver(post_save, sender=Source, dispatch_uid="sources.capture_on_entry")
def capture_on_entry(sender: type[Source], instance: Source, created: bool, **kwargs: Any) -> None:
    saved_url = getattr(instance, "saved_url", None)
    instance.saved_url = instance.url
    if kwargs.get("raw") or not instance.url or (not created and instance.url == saved_url):
        return
    from .tasks import enqueue_capture

    pk = instance.pk
    transaction.on_commit(lambda: enqueue_capture(pk, CaptureReason.ENTRY))
