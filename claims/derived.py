"""Derived facts, stored and kept true by every write: whether a claim is contested
(``Claim.is_contested``) and how many statements it holds (``Claim.statement_count``), whether the
public sees an actor (``Actor.is_public``) and how often it is quoted on public claims
(``Actor.public_statements``), whether the public sees a source (``Source.is_public``).

Lists, filters and lookups read these columns, so their cost does not grow with the number of
statements. They are written here and nowhere else, asked by ``claims.consequences`` — the one
place that works out what a write touched, whichever path made it (the services, the admin and
its proxies, the API, an import, a factory in a test) — in the same transaction as the write.
The rules themselves live where they always did: ``claims.models.contested_now()`` and
``claims.visibility.referenced_publicly()`` and ``cited_publicly()``.

``manage.py refresh_derived`` recomputes every row and reports drift.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connections, router
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    Model,
    OuterRef,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.db.models.sql import UpdateQuery

from actors.models import Actor
from sources.models import Source

from .models import Claim, Statement, contested_now
from .visibility import cited_publicly, quoted_publicly, referenced_publicly


def refresh_claims(ids: Iterable[int | None]) -> None:
    _refresh(Claim, claim_facts, ids)


def refresh_actors(ids: Iterable[int | None]) -> None:
    _refresh(Actor, actor_facts, ids)


def refresh_sources(ids: Iterable[int | None]) -> None:
    _refresh(Source, source_facts, ids)


# Every write runs one of these updates, and the rules are large expressions (a claim's current
# positions are a correlated subquery over its statements' chronology): building their SQL cost
# ~60 ms of Python per write, ten times the query itself. The SQL is built once per row count
# and reused with the ids put in its placeholders. Row counts are rounded up to these sizes (the
# last id repeated) and larger sets are done in chunks of the largest, so few are ever built.
PREPARED_SIZES = (1, 2, 4, 8, 16, 32, 64, 128, 256)
# Stand-in ids the prepared SQL is built with; real ids are positive, so no other parameter of
# the rule can be mistaken for one.
_STAND_IN = -(10**15)


def _refresh(model: type[Model], facts: Callable[[], dict[str, Any]], ids: Iterable) -> None:
    wanted = sorted({pk for pk in ids if pk is not None})
    if not wanted:
        return
    alias = router.db_for_write(model)
    largest = PREPARED_SIZES[-1]
    with connections[alias].cursor() as cursor:
        for start in range(0, len(wanted), largest):
            chunk = wanted[start : start + largest]
            size = next(size for size in PREPARED_SIZES if size >= len(chunk))
            chunk += [chunk[-1]] * (size - len(chunk))
            sql, prepared, slots = _prepared(model, facts, size, alias)
            params = list(prepared)
            for slot, pk in zip(slots, chunk, strict=True):
                params[slot] = pk
            cursor.execute(sql, params)


@functools.lru_cache(maxsize=64)
def _prepared(
    model: type[Model], facts: Callable[[], dict[str, Any]], size: int, alias: str
) -> tuple[str, tuple[Any, ...], tuple[int, ...]]:
    """The UPDATE that writes ``facts`` on ``size`` rows of ``model``, as Django's ``update()``
    would build it, with the positions of the ids among its parameters."""
    stand_ins = [_STAND_IN - n for n in range(size)]
    query = model._default_manager.filter(pk__in=stand_ins).query.chain(UpdateQuery)
    query.add_update_values(facts())
    sql, params = query.get_compiler(alias).as_sql()
    return sql, tuple(params), tuple(params.index(stand_in) for stand_in in stand_ins)


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
