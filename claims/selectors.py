"""Reads for the public history of a claim: its published revisions and its corrections log.

The API's ``/api/v1/claims/{id}/history/`` and the claim page read these; each costs one query.
Neither ever shows a draft's history: revisions start at the claim's first publication, and
corrections exist only for changes made once it was public.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .models import Claim, Correction
from .vocabulary import PUBLIC_STATUSES

if TYPE_CHECKING:
    from django.db.models import QuerySet

# What a revision may show the public. Not here, on purpose: internal notes, the version, who
# made the change (a newsroom account), the change reason (written for the newsroom; the public
# reason is the correction note), and ``published_by``.
PUBLIC_REVISION_FIELDS = (
    "history_id",
    "history_date",
    "history_type",
    "id",
    "text",
    "slug",
    "summary",
    "event_date",
    "event_date_precision",
    "place_name",
    "latitude",
    "longitude",
    "verdict",
    "verdict_reasoning",
    "status",
    "published_at",
    "withdrawn_at",
    "withdrawal_reason",
)

CORRECTION_FIELDS = ("id", "claim_id", "note", "changed", "created_at", "claim_revision_id")


def public_revisions(claim: Claim) -> QuerySet[Any]:
    """The claim's revisions from its first publication on, newest first, as dicts of
    ``PUBLIC_REVISION_FIELDS``. Empty for a claim that was never published. One query."""
    history = Claim.history.model.objects
    return (
        history.filter(id=claim.pk)
        .filter(
            history_id__gte=history.filter(id=claim.pk, status__in=PUBLIC_STATUSES)
            .order_by("history_id")
            .values("history_id")[:1]
        )
        .order_by("-history_date", "-history_id")
        .values(*PUBLIC_REVISION_FIELDS)
    )


def corrections(claim: Claim) -> QuerySet[Any]:
    """The claim's public corrections log, oldest first, as dicts of ``CORRECTION_FIELDS``
    (``changed`` names the fields, ``claim_revision_id`` the revision saved with the note; who
    wrote it stays in the newsroom). One query."""
    return (
        Correction.objects.filter(claim_id=claim.pk)
        .order_by("created_at", "pk")
        .values(*CORRECTION_FIELDS)
    )
