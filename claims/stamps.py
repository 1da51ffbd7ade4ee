"""Data versions for the response cache: what the public sees has changed since a stamp was read.

Three kinds of stamp live in the shared cache (Redis in production; ``core.response_cache``
keys and serves the answers):

- **global**: changes after every committed write to a domain model (the ``claims``, ``actors``
  and ``sources`` apps, their history rows and their many-to-many tables). Lists, search, the
  home page, feeds, sitemaps, actor and source pages, and every API list and detail other than a
  claim's are keyed on it.
- **claim**: one per claim (by id for the API, by slug for the site). It changes after a write to
  the claim's own rows: the claim, its statements and their citations, its requests for comment,
  its corrections, a relation from or to it (for a row moved to another claim, both claims).
- **shared**: changes after every write that one claim does not contain: actors, aliases and
  their relations, sources and outlets, topics and the claims' topic lists, and any change of a
  claim row itself (its status, text or verdict show on the pages of the claims related to it,
  and its status decides which topics the public sees). A claim's page and API detail are keyed
  on its claim stamp and the shared stamp.

So adding positions and sources to one claim (the bulk of a newsroom's day) leaves every other
claim's cached page in place, while a publish, a correction, a withdrawal or a return to draft
(all saves of the claim row), or any edit to an actor, source or outlet, invalidates every page
that could show it. Correctness over hit rate: when in doubt a write bumps the shared and global
stamps, and a write that cannot be attributed to its claim after the fact (a citation whose
statement was deleted in the same transaction) bumps the shared stamp.

Stamps change on ``transaction.on_commit``: a reader that read the old stamp before the commit
stores what it read under the old stamp, which no one asks for afterwards. A new stamp is a
random number, never a counter, so a stamp lost to eviction or a cache flush comes back with a
value no cached response was stored under; stamps and cached responses expire after
``RESPONSE_CACHE_SECONDS`` too, which bounds how long a write that bypasses the models' signals
(a queryset's bulk writes, raw SQL, a process without the cache) can go unseen.

Nothing here runs unless ``settings.RESPONSE_CACHE`` is on: with memory local to each process
(no ``REDIS_URL``) a write in one worker could not reach another's stamps.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any

from django.db import DatabaseError, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from core.response_cache import bump, enabled

DOMAIN_APPS = frozenset({"claims", "actors", "sources"})

GLOBAL = "stamp:global"
SHARED = "stamp:shared"


def claim_stamp(pk: int | str) -> str:
    return f"stamp:claim:{pk}"


def claim_slug_stamp(slug: str) -> str:
    return f"stamp:claim-slug:{hashlib.sha256(slug.encode()).hexdigest()[:32]}"


# What a write changes --------------------------------------------------------------------------


class _Pending(threading.local):
    """The stamps this thread's transactions will change when they commit."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.stamps: set[str] = set()
        self.claims: set[int] = set()
        self.slugs: set[str] = set()
        self.statements: set[int] = set()


_pending = _Pending()


def _tracked(sender: Any) -> Any:
    """The model a row belongs to: a history row counts as a row of the model it records."""
    model = getattr(sender, "instance_type", None) or sender
    return model._meta.concrete_model


# The rows one claim contains, and the columns that name it (or, for a citation, its statement).
_CLAIM_PARTS = {
    "claims.statement": ("claim_id",),
    "claims.requestforcomment": ("claim_id",),
    "claims.correction": ("claim_id",),
    "claims.claimsearchdocument": ("claim_id",),
    "claims.claimrelation": ("from_claim_id", "to_claim_id"),
}
_STATEMENT_PARTS = {"claims.citation": ("statement_id",)}


def _note(sender: Any, instance: Any) -> None:
    """Record what a write to ``instance`` (a row of ``sender``) changes."""
    label = _tracked(sender)._meta.label_lower
    _pending.stamps.add(GLOBAL)
    if label == "claims.claim":
        _pending.stamps.add(SHARED)
        _pending.claims.add(instance.id)
        _pending.slugs.add(instance.slug)
    elif label in _CLAIM_PARTS:
        _pending.claims |= {getattr(instance, name) for name in _CLAIM_PARTS[label]}
    elif label in _STATEMENT_PARTS:
        _pending.statements |= {getattr(instance, name) for name in _STATEMENT_PARTS[label]}
    else:
        _pending.stamps.add(SHARED)


def _before_written(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Before an update of a claim's part: the claim it belonged to, which changes too when the
    part moves to another claim (one query, on updates only)."""
    if not enabled() or instance._state.adding:
        return
    label = sender._meta.concrete_model._meta.label_lower
    if (columns := _CLAIM_PARTS.get(label)) is not None:
        into = _pending.claims
    elif (columns := _STATEMENT_PARTS.get(label)) is not None:
        into = _pending.statements
    else:
        return
    rows = sender._base_manager.using(kwargs.get("using") or "default")
    before = rows.filter(pk=instance.pk).values_list(*columns).first()
    into |= set(before or ())


def _flush() -> None:
    """On commit: resolve the claims a write touched to their stamps, and change them."""
    stamps, claims, slugs, statements = (
        _pending.stamps,
        _pending.claims,
        _pending.slugs,
        _pending.statements,
    )
    if not stamps:
        return
    _pending.reset()
    from .models import Claim, Statement

    claims.discard(None)  # type: ignore[arg-type]
    statements.discard(None)  # type: ignore[arg-type]
    try:
        if statements:
            found = dict(Statement.objects.filter(pk__in=statements).values_list("pk", "claim_id"))
            claims |= set(found.values())
            if len(found) < len(statements):
                stamps.add(SHARED)  # a citation of a statement deleted since: claim unknown
        if claims:
            slugs |= set(Claim.objects.filter(pk__in=claims).values_list("slug", flat=True))
    except DatabaseError:
        # The write is committed but its claims cannot be named: every claim's page changes.
        stamps.add(SHARED)
    bump(
        [
            *stamps,
            *(claim_stamp(pk) for pk in claims),
            *(claim_slug_stamp(slug) for slug in slugs if slug),
        ]
    )


def _written(sender: Any, instance: Any, using: str = "default", **kwargs: Any) -> None:
    if not enabled() or sender._meta.app_label not in DOMAIN_APPS:
        return
    _note(sender, instance)
    transaction.on_commit(_flush, using=using, robust=True)


def _related_written(sender: Any, action: str, using: str = "default", **kwargs: Any) -> None:
    if not enabled() or sender._meta.app_label not in DOMAIN_APPS:
        return
    if action in ("post_add", "post_remove", "post_clear"):
        _pending.stamps |= {GLOBAL, SHARED}
        transaction.on_commit(_flush, using=using, robust=True)


def connect() -> None:
    """Called once from ``ClaimsConfig.ready``: every save and delete, by any path."""
    pre_save.connect(_before_written, dispatch_uid="claims.stamps.before")
    post_save.connect(_written, dispatch_uid="claims.stamps.saved")
    post_delete.connect(_written, dispatch_uid="claims.stamps.deleted")
    m2m_changed.connect(_related_written, dispatch_uid="claims.stamps.related")
