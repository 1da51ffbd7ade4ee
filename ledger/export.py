"""The ledger out: one JSON document, written record by record so it streams at any size.

Each record is one line inside its collection, in a fixed order (by natural key; a claim's
statements in the timeline's order), so the same ledger always gives the same bytes — the round
trip test compares files — and a diff of two exports reads record by record. What is exported
is what ``visibility`` sees: ``claims.visibility.public`` for the published ledger (no draft, no
actor or source only drafts reference, no newsroom-only field), ``PREVIEW`` for the newsroom's
whole ledger. Memory and queries stay bounded: claims go out in batches, each batch's statements
and citations in one query each.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from itertools import batched
from typing import Any

from claims.models import RequestForComment
from claims.visibility import PREVIEW, Visibility, public

from . import FORMAT, VERSION, origin
from .fields import (
    ACTOR,
    ACTOR_RELATION,
    ALIAS,
    CITATION,
    CLAIM,
    CLAIM_RELATION,
    OUTLET,
    REQUEST_FOR_COMMENT,
    SOURCE,
    STATEMENT,
    TOPIC,
    Field,
    fields_for,
    source_ref,
    write_value,
)

BATCH = 500


def _record(obj: Any, spec: tuple[Field, ...], refs: dict[str, Any], **extra: Any) -> dict:
    return {field.name: write_value(obj, field, refs) for field in spec} | extra


def _line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _collection(name: str, records: Iterator[dict], *, first: bool = False) -> Iterator[str]:
    yield ("" if first else ",\n") + json.dumps(name) + ":["
    separator = "\n"
    for record in records:
        yield separator + _line(record)
        separator = ",\n"
    yield "\n]"


def export_ledger(
    *, scope: str = "public", generated_at: datetime.datetime | None = None
) -> Iterator[str]:
    """The ledger as JSON text, in pieces. ``scope`` is "public" or "newsroom";
    ``generated_at`` is written when given (the public download says when it was made)."""
    seen: Visibility = public if scope == "public" else PREVIEW
    internal = scope == "newsroom"
    head: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "scope": scope,
        "origin": origin(),
    }
    if generated_at is not None:
        head["generated_at"] = generated_at.astimezone(datetime.UTC).isoformat()
    yield _line(head)[:-1] + ",\n"

    outlets = seen.outlets().order_by("slug")
    refs: dict[str, dict[int, str]] = {"outlet": dict(outlets.values_list("pk", "slug"))}
    yield from _collection(
        "outlets",
        (_record(o, fields_for(OUTLET, internal=internal), refs) for o in outlets.iterator()),
        first=True,
    )

    sources = list(seen.sources().select_related("outlet"))
    refs["source"] = {s.pk: source_ref(s) for s in sources}
    sources.sort(key=lambda s: refs["source"][s.pk])
    spec = fields_for(SOURCE, internal=internal)
    yield from _collection("sources", (_record(s, spec, refs) for s in sources))

    actors = seen.actors().order_by("slug").prefetch_related("aliases")
    refs["actor"] = dict(seen.actors().values_list("pk", "slug"))
    spec = fields_for(ACTOR, internal=internal)
    yield from _collection(
        "actors",
        (_record(a, spec, refs, aliases=_aliases(a)) for a in actors.iterator(chunk_size=BATCH)),
    )

    relations = seen.actor_relations().order_by(
        "subject__slug", "kind", "object__slug", "start_on", "pk"
    )
    spec = fields_for(ACTOR_RELATION, internal=internal)
    yield from _collection("actor_relations", (_record(r, spec, refs) for r in relations))

    topics = seen.topics().order_by("slug")
    refs["topic"] = dict(topics.values_list("pk", "slug"))
    yield from _collection("topics", (_record(t, TOPIC, refs) for t in topics))

    claims = seen.claims().order_by("slug")
    refs["claim"] = dict(claims.values_list("pk", "slug"))
    replies = set(
        RequestForComment.objects.filter(reply__isnull=False).values_list("reply_id", flat=True)
    )
    refs["statement"] = {}
    yield from _collection("claims", _claims(seen, claims, refs, replies, internal=internal))

    claim_relations = seen.claim_relations().order_by("from_claim__slug", "kind", "to_claim__slug")
    yield from _collection(
        "claim_relations", (_record(r, CLAIM_RELATION, refs) for r in claim_relations)
    )

    # The newsroom's ledger keeps the requests still awaiting a reply; the public sees settled ones.
    requests = RequestForComment.objects.all() if internal else seen.requests_for_comment()
    requests = requests.order_by("claim__slug", "actor__slug", "requested_on", "pk")
    spec = fields_for(REQUEST_FOR_COMMENT, internal=internal)
    yield from _collection("requests_for_comment", (_record(r, spec, refs) for r in requests))
    yield "\n}\n"


def _aliases(actor: Any) -> list[dict]:
    aliases = sorted(actor.aliases.all(), key=lambda a: (a.name, a.language))
    return [_record(alias, ALIAS, {}) for alias in aliases]


def _claims(
    seen: Visibility,
    claims: Any,
    refs: dict[str, dict[int, str]],
    replies: set[int],
    *,
    internal: bool,
) -> Iterator[dict]:
    claim_spec = fields_for(CLAIM, internal=internal)
    statement_spec = fields_for(STATEMENT, internal=internal)
    citation_spec = fields_for(CITATION, internal=internal)
    for batch in batched(claims.prefetch_related("topics").iterator(chunk_size=BATCH), BATCH):
        ids = [claim.pk for claim in batch]
        statements: dict[int, list[Any]] = {pk: [] for pk in ids}
        # The model's order is the timeline's (``Statement.Meta.ordering``).
        for statement in seen.statements().filter(claim_id__in=ids):
            statements[statement.claim_id].append(statement)
        citations: dict[int, list[Any]] = {}
        rows = seen.citations().filter(statement__claim_id__in=ids)
        for citation in rows:
            citations.setdefault(citation.statement_id, []).append(citation)
        for claim in batch:
            said = []
            for n, statement in enumerate(statements[claim.pk], start=1):
                ref = f"{claim.slug}/{n}"
                if statement.pk in replies:
                    refs["statement"][statement.pk] = ref
                cited = sorted(
                    citations.get(statement.pk, []),
                    key=lambda c: (refs["source"][c.source_id], c.locator, c.pk),
                )
                said.append(
                    _record(
                        statement,
                        statement_spec,
                        refs,
                        ref=ref,
                        citations=[_record(c, citation_spec, refs) for c in cited],
                    )
                )
            topics = sorted(
                refs["topic"][t.pk] for t in claim.topics.all() if t.pk in refs["topic"]
            )
            yield _record(claim, claim_spec, refs, topics=topics, statements=said)


def export_text(**kwargs: Any) -> str:
    return "".join(export_ledger(**kwargs))
