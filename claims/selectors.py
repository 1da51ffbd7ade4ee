"""Reads shared by the faces: what a claim's page and its API detail load (``claim_details``),
and the public history of a claim — its published revisions and its corrections log.

The API's ``/api/v1/claims/{id}/history/`` and the claim page read the history; each costs one
query. Neither ever shows a draft's history: revisions start at the claim's first publication,
and corrections exist only for changes made once it was public.
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Any

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Prefetch

from .models import CHRONOLOGICAL, Claim, Correction
from .search import search_claims
from .vocabulary import PUBLIC_STATUSES

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from .models import Statement
    from .visibility import Visibility


# What a claim's page and its API detail show -----------------------------------------------------


def statements_with_sources(seen: Visibility, *, ordered: bool = True) -> QuerySet[Statement]:
    """Statements as ``seen`` may see them, with their actors and their citations' sources and
    outlets. ``ordered=False`` asks the database for no order, for readers that sort them in
    Python (``claims.positions.chronological``: compiling ``CHRONOLOGICAL``'s expressions costs
    more than the query)."""
    citations = seen.citations().select_related("source__outlet")
    statements = (
        seen.statements()
        .select_related("actor", "on_behalf_of")
        .prefetch_related(Prefetch("citations", queryset=citations))
    )
    return statements.order_by(*CHRONOLOGICAL) if ordered else statements.order_by()


def topics_seen(seen: Visibility, *, listed: bool = False) -> Prefetch:
    """A claim's topics as ``seen`` may see them, as a list in ``claim.seen_topics``; ``listed``:
    for claims from ``listed_claims()`` (``Visibility.topics_of_listed_claims``). A list, not
    the ``topics`` manager's cache: Django builds a filtered queryset per claim to hold a
    manager's cache, which cost more than the query for a page of claims."""
    topics = seen.topics_of_listed_claims() if listed else seen.topics()
    return Prefetch("topics", queryset=topics, to_attr="seen_topics")


def claim_details(
    claims: QuerySet[Claim], seen: Visibility, *, ordered: bool = True
) -> QuerySet[Claim]:
    """Everything a claim's page and its API detail show, each nested row as ``seen`` may see
    it: statements with their sources (``statements_with_sources``), topics
    (``claim.seen_topics``), relations from and to other claims, requests for comment oldest
    first. One shape for both faces, so they cannot show a claim differently."""
    relations = seen.claim_relations()
    return claims.prefetch_related(topics_seen(seen)).prefetch_related(
        Prefetch("statements", queryset=statements_with_sources(seen, ordered=ordered)),
        Prefetch("relations_from", queryset=relations.select_related("to_claim")),
        Prefetch("relations_to", queryset=relations.select_related("from_claim")),
        Prefetch(
            "requests_for_comment",
            queryset=seen.requests_for_comment()
            .select_related("actor")
            .order_by("requested_on", "pk"),
        ),
    )


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


# What a reader is told changed in a revision: field → how to say it. ``published_at`` and
# ``withdrawn_at`` move with the status, the coordinates with the place.
_SAID_CHANGED = {
    "status": "status",
    "text": "claim text",
    "summary": "summary",
    "event_date": "event date",
    "event_date_precision": "event date",
    "place_name": "place",
    "latitude": "place",
    "longitude": "place",
    "verdict": "verdict",
    "verdict_reasoning": "verdict reasoning",
    "withdrawal_reason": "withdrawal reason",
    "slug": "address",
}


def public_changes(claim: Claim, *, limit: int = 20) -> list[dict[str, Any]]:
    """The claim's public revisions, newest first, each with what it changed for a reader
    (``changed``: "claim text", "verdict"… in a stable order; the first, ``first``, is the
    publication itself). A save that changed nothing a reader sees is left out. One query."""
    revisions = list(public_revisions(claim).order_by("history_date", "history_id"))
    shown: list[dict[str, Any]] = []
    previous: dict[str, Any] | None = None
    for revision in revisions:
        if previous is None:
            changed: list[str] = []
        else:
            changed = list(
                dict.fromkeys(
                    said
                    for field, said in _SAID_CHANGED.items()
                    if revision[field] != previous[field]
                )
            )
        if previous is None or changed:
            shown.append({**revision, "first": previous is None, "changed": changed})
        previous = revision
    return shown[::-1][:limit]


def corrections(claim: Claim) -> QuerySet[Any]:
    """The claim's public corrections log, oldest first, as dicts of ``CORRECTION_FIELDS``
    (``changed`` names the fields, ``claim_revision_id`` the revision saved with the note; who
    wrote it stays in the newsroom). One query."""
    return (
        Correction.objects.filter(claim_id=claim.pk)
        .order_by("created_at", "pk")
        .values(*CORRECTION_FIELDS)
    )


# The duplicate warning ---------------------------------------------------------------------------

# How alike two claims' texts must be to warn: pg_trgm's similarity on PostgreSQL (its own
# default threshold for ``%`` is 0.3; claims share many words, so a little higher), and
# difflib's ratio of the lower-cased texts on SQLite.
TRIGRAM_THRESHOLD = 0.4
DIFFLIB_THRESHOLD = 0.6
# SQLite: candidate claims are those full-text search finds for any of the text's longest words.
SQLITE_WORDS = 6
SQLITE_CANDIDATES = 20
_WORD = re.compile(r"\w{4,}", re.UNICODE)


def similar_claims(text: str, *, exclude: int | None = None, limit: int = 3) -> list[Claim]:
    """Claims whose text is much like ``text``, most alike first, each with ``similarity``
    (0–1). For the admin's duplicate warning: any status, since a draft can duplicate a draft."""
    text = (text or "").strip()
    if not text:
        return []
    others = Claim.objects.exclude(pk=exclude) if exclude else Claim.objects.all()
    if connection.vendor == "postgresql":
        return list(
            others.filter(text__trigram_similar=text)
            .annotate(similarity=TrigramSimilarity("text", text))
            .filter(similarity__gte=TRIGRAM_THRESHOLD)
            .order_by("-similarity", "-pk")[:limit]
        )
    words = sorted(set(_WORD.findall(text.lower())), key=len, reverse=True)[:SQLITE_WORDS]
    candidates: dict[int, Claim] = {}
    for word in words:
        for claim in search_claims(others, word)[:SQLITE_CANDIDATES]:
            candidates.setdefault(claim.pk, claim)
    alike = []
    for claim in candidates.values():
        claim.similarity = difflib.SequenceMatcher(None, text.lower(), claim.text.lower()).ratio()
        if claim.similarity >= DIFFLIB_THRESHOLD:
            alike.append(claim)
    return sorted(alike, key=lambda c: (-c.similarity, -c.pk))[:limit]
