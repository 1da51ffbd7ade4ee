"""What a write implies, worked out in one place.

A write to the domain — a claim, a statement, a citation, a request for comment, an actor or its
alias, a source — implies more than its own row:

- the **stored facts** (``claims.derived``): whether a claim is contested and how many statements
  it holds; whether the public sees an actor or a source, and how often an actor is quoted;
- the claims' **search documents** (``claims.search``);
- a **capture** of a source saved with a new address (``sources.tasks``), once it is committed.

(The response cache's data versions are not kept here: the database keeps them itself, with
triggers on every domain table, so no write — not even raw SQL — can skip them.)

**How a write is seen.** One set of receivers, connected here and nowhere else, notes what each
save and delete touched. They listen to every model, not to a list of senders, and count a
proxy's write as its concrete model's: publishing from the editors' queue (``ReviewQueue``, a
proxy of ``Claim``) once went unseen by receivers that listened to ``Claim`` only, which left the
claim's actors and sources hidden and its history without the move. For the same reason a
proxy's save is sent again as its concrete model's (``_as_concrete``), so what listens to the
concrete model — the history — records it too.

**When it is derived.** Inside ``batch()`` (every service, ``one_write``; an import), once,
when the outermost batch ends: still inside the write's transaction, so what is derived commits
or rolls back with the write, and a bulk write costs one recomputation per row touched, not one
per statement. A write outside any batch (a factory in a test, the shell) is derived right after
its save; a deletion's search documents wait for the commit, when the rows its cascade removes
are gone.

**What it costs.** The facts are recomputed with one ``UPDATE`` per kind of row touched; a move
of a claim's publication reads its statements, requests for comment and citations once. Writes
that bypass the models' signals (``QuerySet.update``, ``bulk_create``, raw SQL) are not seen:
the codebase does not make them on these models outside this module and ``claims.derived``, and
``manage.py refresh_derived --check`` finds any drift.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save

from actors.models import Actor, ActorAlias
from sources.models import CaptureReason, Source

from . import derived, search
from .models import Citation, Claim, RequestForComment, Statement

DOMAIN_APPS = frozenset({"claims", "actors", "sources"})


@dataclass
class Touched:
    """What the writes of one batch touched, by what must be derived again."""

    claims: set[int] = field(default_factory=set)  # their facts
    published: set[int] = field(default_factory=set)  # claims whose status may have changed
    actors: set[int] = field(default_factory=set)
    sources: set[int] = field(default_factory=set)
    search: set[int] = field(default_factory=set)  # claims whose search document changed
    named: set[int] = field(default_factory=set)  # actors whose names are in documents
    captures: set[int] = field(default_factory=set)  # sources saved with a new address

    def __bool__(self) -> bool:
        return any(vars(self).values())


class _State(threading.local):
    def __init__(self) -> None:
        self.depth = 0
        self.touched = Touched()


_state = _State()


@contextmanager
def batch() -> Iterator[None]:
    """Derive what the writes inside it imply once, when the outermost batch ends. Use it inside
    the write's transaction (the services' ``transaction.atomic``)."""
    _state.depth += 1
    try:
        yield
    except BaseException:
        if _state.depth == 1:
            _state.touched = Touched()  # the write rolls back: nothing to derive
        raise
    finally:
        _state.depth -= 1
    if _state.depth == 0:
        _flush()


def one_write[**P, R](func: Callable[P, R]) -> Callable[P, R]:
    """A service: one transaction, and what it implies derived once at its end (``batch``)."""

    @functools.wraps(func)
    def write(*args: P.args, **kwargs: P.kwargs) -> R:
        with transaction.atomic(), batch():
            return func(*args, **kwargs)

    return write


def _flush() -> None:
    touched, _state.touched = _state.touched, Touched()
    if touched:
        derive(touched)


def derive(touched: Touched) -> None:
    """Bring everything ``touched`` implies up to date."""
    for ids in vars(touched).values():
        ids.discard(None)  # a row's empty foreign key, or a column new rows had no value in
    if published := touched.published:
        statements = Statement.objects.filter(claim__in=published)
        for actor, on_behalf_of in statements.values_list("actor_id", "on_behalf_of_id"):
            touched.actors |= {actor, on_behalf_of}
        touched.actors |= set(
            RequestForComment.objects.filter(claim__in=published).values_list("actor_id", flat=True)
        )
        touched.sources |= set(
            Citation.objects.filter(statement__claim__in=published).values_list(
                "source_id", flat=True
            )
        )
    derived.refresh_claims(touched.claims)
    derived.refresh_actors(touched.actors)
    derived.refresh_sources(touched.sources)
    if named := touched.named:
        touched.search |= set(
            Statement.objects.filter(Q(actor__in=named) | Q(on_behalf_of__in=named))
            .values_list("claim_id", flat=True)
            .distinct()
        )
    search.refresh_search_documents(touched.search)
    if touched.captures:
        from sources.tasks import enqueue_capture

        for pk in sorted(touched.captures):
            transaction.on_commit(lambda pk=pk: enqueue_capture(pk, CaptureReason.ENTRY))


# What each write touches ---------------------------------------------------------------------


def _before(instance: Any, *fields: str) -> dict[str, Any]:
    """The row as saved, before this save changes it (one query, on updates only)."""
    if instance._state.adding or instance.pk is None:
        return {}
    model = type(instance)._meta.concrete_model
    return model._base_manager.filter(pk=instance.pk).values(*fields).first() or {}


# Columns whose earlier value a write must know: a row moved to another claim or actor touches
# both.
_BEFORE = {
    Claim: ("status",),
    Statement: ("claim_id", "actor_id", "on_behalf_of_id"),
    Citation: ("source_id",),
    RequestForComment: ("actor_id",),
}


def _noted(instance: Any, *, deleted: bool = False, raw: bool = False) -> None:
    """Note in this thread's batch what a save or delete of ``instance`` touches."""
    t = _state.touched
    before = getattr(instance, "_consequences_before", {})
    instance._consequences_before = {}
    if isinstance(instance, Claim):
        t.claims.add(instance.pk)
        if before and before["status"] != instance.status:
            t.published.add(instance.pk)
        if not raw:
            t.search.add(instance.pk)
    elif isinstance(instance, Statement):
        claims = {instance.claim_id, before.get("claim_id")}
        t.claims |= claims
        t.actors |= {instance.actor_id, instance.on_behalf_of_id}
        t.actors |= {before.get("actor_id"), before.get("on_behalf_of_id")}
        if before and before.get("claim_id") != instance.claim_id:
            # Its citations moved with it: their sources may become public, or stop being.
            t.sources |= set(
                Citation.objects.filter(statement=instance).values_list("source_id", flat=True)
            )
        if not raw:
            t.search |= claims
    elif isinstance(instance, Citation):
        t.sources |= {instance.source_id, before.get("source_id")}
    elif isinstance(instance, RequestForComment):
        t.actors |= {instance.actor_id, before.get("actor_id")}
    elif isinstance(instance, Actor):
        # A save writes back the facts the instance held when it was read: put them right.
        t.actors.add(instance.pk)
        if not raw:
            t.named.add(instance.pk)
    elif isinstance(instance, ActorAlias):
        if not raw:
            t.named.add(instance.actor_id)
    elif isinstance(instance, Source):
        t.sources.add(instance.pk)
        saved_url = getattr(instance, "saved_url", None)
        instance.saved_url = instance.url
        if not (raw or deleted) and instance.url and instance.url != saved_url:
            t.captures.add(instance.pk)


def _domain(sender: Any) -> bool:
    return sender._meta.app_label in DOMAIN_APPS and not sender._meta.proxy


def _before_save(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if _domain(sender) and (fields := _BEFORE.get(sender)):
        instance._consequences_before = _before(instance, *fields)


def _saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not _domain(sender):
        return
    _noted(instance, raw=raw)
    if _state.depth == 0:
        _flush()


def _deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    if not _domain(sender):
        return
    _noted(instance, deleted=True)
    if _state.depth == 0:
        # The facts now; the search documents once the cascade's rows are gone.
        touched, _state.touched = _state.touched, Touched()
        claims, touched.search = touched.search - {None}, set()
        derive(touched)
        if claims:
            transaction.on_commit(lambda: search.refresh_search_documents(claims))


def _as_concrete(signal: Any) -> Any:
    """A proxy's save or delete, sent again as its concrete model's: the history and every
    receiver of the concrete model hear it, whichever list or action made it."""

    def resend(sender: Any, **kwargs: Any) -> None:
        if sender._meta.proxy and sender._meta.app_label in DOMAIN_APPS:
            kwargs.pop("signal", None)
            signal.send(sender=sender._meta.concrete_model, **kwargs)

    return resend


_resenders = {signal: _as_concrete(signal) for signal in (pre_save, post_save, post_delete)}


def connect() -> None:
    """Called once from ``ClaimsConfig.ready``."""
    pre_save.connect(_before_save, dispatch_uid="claims.consequences.before")
    post_save.connect(_saved, dispatch_uid="claims.consequences.saved")
    post_delete.connect(_deleted, dispatch_uid="claims.consequences.deleted")
    for signal, resend in _resenders.items():
        signal.connect(resend, dispatch_uid=f"claims.consequences.proxy.{id(signal)}")
