"""Derived facts, stored and kept true by every write: whether a claim is contested
(``Claim.is_contested``) and how many statements it holds (``Claim.statement_count``), whether the
public sees an actor (``Actor.is_public``) and how often it is quoted on public claims
(``Actor.public_statements``), whether the public sees a source (``Source.is_public``).

Lists, filters and lookups read these columns, so their cost does not grow with the number of
statements. They are written here and nowhere else, from the models' save and delete signals, in
the same transaction as the write that changes them — whichever path made it (the services, the
admin, the API, an import, a factory in a test). The rules themselves live where they always
did: ``claims.models.contested_now()`` and ``claims.visibility.referenced_publicly()`` and
``cited_publicly()``.

Queryset ``update()``/``bulk_create()`` bypass signals; the codebase does not use them on these
models (``tests/workflow/test_history.py`` checks). ``manage.py refresh_derived`` recomputes
every row and reports drift.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from actors.models import Actor
from sources.models import Source

from .models import Citation, Claim, RequestForComment, Statement, contested_now
from .visibility import cited_publicly, quoted_publicly, referenced_publicly

_deferred = threading.local()


@contextmanager
def deferred() -> Iterator[None]:
    """Inside it, the facts of the rows written are recomputed once, on the way out, instead of
    after each write: a bulk write (a ledger import) costs one recomputation per row touched,
    not one per statement. Use it inside the write's transaction."""
    if getattr(_deferred, "ids", None) is not None:
        yield
        return
    _deferred.ids = {"claims": set(), "actors": set(), "sources": set()}
    try:
        yield
        ids = _deferred.ids
    finally:
        _deferred.ids = None
    refresh_claims(ids["claims"])
    refresh_actors(ids["actors"])
    refresh_sources(ids["sources"])


def refresh_claims(ids: Iterable[int | None]) -> None:
    ids = {pk for pk in ids if pk is not None}
    if getattr(_deferred, "ids", None) is not None:
        _deferred.ids["claims"] |= ids
    elif ids:
        Claim.objects.filter(pk__in=ids).update(**claim_facts())


def refresh_actors(ids: Iterable[int | None]) -> None:
    ids = {pk for pk in ids if pk is not None}
    if getattr(_deferred, "ids", None) is not None:
        _deferred.ids["actors"] |= ids
    elif ids:
        Actor.objects.filter(pk__in=ids).update(**actor_facts())


def refresh_sources(ids: Iterable[int | None]) -> None:
    ids = {pk for pk in ids if pk is not None}
    if getattr(_deferred, "ids", None) is not None:
        _deferred.ids["sources"] |= ids
    elif ids:
        Source.objects.filter(pk__in=ids).update(**source_facts())


def claim_facts() -> dict[str, Any]:
    counted = (
        Statement.objects.filter(claim=OuterRef("pk"))
        .order_by()
        .values("claim")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return {
        "is_contested": contested_now(),
        "statement_count": Coalesce(Subquery(counted, output_field=IntegerField()), 0),
    }


def actor_facts() -> dict[str, Any]:
    return {
        "is_public": ExpressionWrapper(referenced_publicly(), output_field=BooleanField()),
        "public_statements": quoted_publicly(),
    }


def source_facts() -> dict[str, Any]:
    return {"is_public": ExpressionWrapper(cited_publicly(), output_field=BooleanField())}


def drift() -> dict[str, list[int]]:
    """Rows whose stored fact differs from the rule: ids by fact (empty when all is true)."""
    claim = claim_facts()
    claims = Claim.objects.annotate(should=claim["is_contested"]).exclude(is_contested=F("should"))
    statements = Claim.objects.annotate(should=claim["statement_count"]).exclude(
        statement_count=F("should")
    )
    facts = actor_facts()
    actors = Actor.objects.annotate(should=facts["is_public"]).exclude(is_public=F("should"))
    counts = Actor.objects.annotate(should=facts["public_statements"]).exclude(
        public_statements=F("should")
    )
    sources = Source.objects.annotate(should=source_facts()["is_public"]).exclude(
        is_public=F("should")
    )
    return {
        "claims.is_contested": sorted(claims.values_list("pk", flat=True)),
        "claims.statement_count": sorted(statements.values_list("pk", flat=True)),
        "actors.is_public": sorted(actors.values_list("pk", flat=True)),
        "actors.public_statements": sorted(counts.values_list("pk", flat=True)),
        "sources.is_public": sorted(sources.values_list("pk", flat=True)),
    }


def refresh_all() -> None:
    Claim.objects.update(**claim_facts())
    Actor.objects.update(**actor_facts())
    Source.objects.update(**source_facts())


# What each write touches ----------------------------------------------------------------------


def _before(sender: type, instance: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    if instance.pk is None:
        return {}
    return sender._base_manager.filter(pk=instance.pk).values(*fields).first() or {}


@receiver(pre_save, sender=Statement)
def _statement_before(sender: type, instance: Statement, **kwargs: Any) -> None:
    instance._derived_before = _before(
        sender, instance, ("claim_id", "actor_id", "on_behalf_of_id")
    )


@receiver(post_save, sender=Statement)
@receiver(post_delete, sender=Statement)
def _statement_written(sender: type, instance: Statement, **kwargs: Any) -> None:
    """A statement moved to another claim takes its citations along: their sources may become
    public, or stop being. (A statement deleted has had its citations deleted first, each with
    its own signal.)"""
    before = getattr(instance, "_derived_before", {})
    refresh_claims([instance.claim_id, before.get("claim_id")])
    if before and before.get("claim_id") != instance.claim_id:
        refresh_sources(
            Citation.objects.filter(statement=instance).values_list("source_id", flat=True)
        )
    refresh_actors(
        [
            instance.actor_id,
            instance.on_behalf_of_id,
            before.get("actor_id"),
            before.get("on_behalf_of_id"),
        ]
    )


@receiver(pre_save, sender=Claim)
def _claim_before(sender: type, instance: Claim, **kwargs: Any) -> None:
    instance._derived_before = _before(sender, instance, ("status",))


@receiver(pre_save, sender=Citation)
def _citation_before(sender: type, instance: Citation, **kwargs: Any) -> None:
    instance._derived_before = _before(sender, instance, ("source_id",))


@receiver(post_save, sender=Citation)
@receiver(post_delete, sender=Citation)
def _citation_written(sender: type, instance: Citation, **kwargs: Any) -> None:
    """Added, deleted, moved to another statement or pointed at another source: the source it
    cites now, and the one it cited before."""
    before = getattr(instance, "_derived_before", {})
    refresh_sources([instance.source_id, before.get("source_id")])


@receiver(post_save, sender=Source)
def _source_written(sender: type, instance: Source, **kwargs: Any) -> None:
    """A save from a stale copy writes back a stale ``is_public`` (see ``_actor_written``)."""
    refresh_sources([instance.pk])


@receiver(post_save, sender=Actor)
def _actor_written(sender: type, instance: Actor, **kwargs: Any) -> None:
    """A save writes every column, the stored fact too, from what the instance held when it
    was read: put the fact right again."""
    refresh_actors([instance.pk])


@receiver(post_save, sender=Claim)
def _claim_written(sender: type, instance: Claim, **kwargs: Any) -> None:
    """The save may have written back a stale ``is_contested`` (see ``_actor_written``); and a
    change of status makes the claim's actors and sources public, or not."""
    refresh_claims([instance.pk])
    before = getattr(instance, "_derived_before", {})
    if before and before.get("status") == instance.status:
        return
    statements = Statement.objects.filter(claim=instance)
    refresh_actors(
        [
            *statements.values_list("actor_id", flat=True),
            *statements.values_list("on_behalf_of_id", flat=True),
            *RequestForComment.objects.filter(claim=instance).values_list("actor_id", flat=True),
        ]
    )
    refresh_sources(
        Citation.objects.filter(statement__claim=instance).values_list("source_id", flat=True)
    )


@receiver(pre_save, sender=RequestForComment)
def _request_before(sender: type, instance: RequestForComment, **kwargs: Any) -> None:
    instance._derived_before = _before(sender, instance, ("actor_id",))


@receiver(post_save, sender=RequestForComment)
@receiver(post_delete, sender=RequestForComment)
def _request_written(sender: type, instance: RequestForComment, **kwargs: Any) -> None:
    before = getattr(instance, "_derived_before", {})
    refresh_actors([instance.actor_id, before.get("actor_id")])
