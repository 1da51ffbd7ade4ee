"""Full-text search over claims: the one place where PostgreSQL and SQLite differ.

``search_claims(queryset, query)`` filters any claim queryset (callers pass a public one) to the
claims whose search document matches, annotated with ``search_rank`` and ordered by it.

- PostgreSQL: a stored, weighted tsvector (claim text A, everything else B) with a GIN index,
  matched with ``websearch_to_tsquery`` (quotes, ``or`` and ``-`` work) and ranked with
  ``ts_rank_cd``. A claim's words in French or Arabic — its own when written in that language,
  its translations (``core.translations``) — are indexed again, each language in its own
  column with its own stemming; the reader's words are matched against each column in that
  column's language (so ``-word`` excludes within a language) and the ranks are summed.
- Both: a claim's translated text and summary are part of its document, so a search in any
  site language finds it.

**Bounded**: a search ranks at most ``RANKED`` (1,000) claims — the most recently updated ones
that match (after every other filter of the query). Ranking reads each candidate's whole
document, so ranking every match of a word found in most claims ("drone" at 100k claims: 510 ms)
is the one cost that grew with the data; finding the 1,000 newest matches walks the
``(status, -updated_at)`` index and stops. What relevance gives up: a query matching more than
1,000 claims returns the 1,000 newest, best first, not the best of all time; a reader narrows it
with more words or a filter (topic, actor, dates), which apply before the cap.
- SQLite: an FTS5 table (porter stemming, diacritics removed) matched on every word of the
  query; claims whose own text matches rank above those matched only through statements.

Documents are refreshed by ``claims.consequences`` whenever a claim, statement, actor or alias
is saved or deleted, whichever path wrote it. Writes that bypass signals (``bulk_create``,
``QuerySet.update``) must call ``refresh_search_documents(claim_ids)`` or
``rebuild_search_index()`` afterwards (``manage.py rebuild_search_index``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Prefetch, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from .models import Claim, ClaimSearchDocument, Statement

if TYPE_CHECKING:
    from django.db.models import QuerySet

CONFIG = "english"
# PostgreSQL's text-search configuration for each site language other than English: a claim's
# words in that language (its original when written in it, its translation into it) are also
# indexed with that language's stemming.
LANGUAGE_CONFIGS = {"fr": "french", "ar": "arabic"}
# Each vector column of ``ClaimSearchDocument`` and the configuration that stems it.
VECTORS = {"vector": CONFIG, **{f"vector_{code}": c for code, c in LANGUAGE_CONFIGS.items()}}
BATCH = 500
RANKED = 1000
_WORD = re.compile(r"\w+", re.UNICODE)


def search_claims(queryset: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    """``queryset`` narrowed to claims matching ``query``, most relevant first."""
    query = (query or "").strip()
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        return _search_postgresql(queryset, query)
    return _search_sqlite(queryset, query)


def _newest(matching: QuerySet[Claim]) -> QuerySet[Claim]:
    """The ``RANKED`` most recently updated of these matches, as a subquery of their keys."""
    return matching.order_by("-updated_at", "-pk").values("pk")[:RANKED]


def _search_postgresql(queryset: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    """Each language's words matched by the query in that language's configuration (so "-word"
    excludes within a language), the ranks summed."""
    match, rank = Q(), None
    for column, config in VECTORS.items():
        tsquery = SearchQuery(query, search_type="websearch", config=config)
        match |= Q(**{f"search_document__{column}": tsquery})
        one = Coalesce(
            SearchRank(F(f"search_document__{column}"), tsquery, cover_density=True), 0.0
        )
        rank = one if rank is None else rank + one
    candidates = _newest(queryset.filter(match))
    return (
        queryset.filter(pk__in=candidates)
        .annotate(search_rank=rank)
        .order_by("-search_rank", "-updated_at", "-pk")
    )


def _search_sqlite(queryset: QuerySet[Claim], query: str) -> QuerySet[Claim]:
    words = _WORD.findall(query)
    if not words:
        return queryset.none()
    # Each word quoted: FTS5 operators typed by a reader are searched as words, never parsed.
    match = " ".join('"{}"'.format(word.replace('"', "")) for word in words)
    # Constant SQL; the reader's words are bound parameters (hence the S611 exemptions below).
    matching = (
        "SELECT d.claim_id FROM claims_claimsearchdocument d "
        "JOIN claims_search_fts f ON f.rowid = d.id WHERE claims_search_fts MATCH %s"
    )
    candidates = _newest(queryset.filter(pk__in=RawSQL(matching, [match])))  # noqa: S611
    return (
        queryset.filter(pk__in=candidates)
        .annotate(
            search_rank=Case(
                When(pk__in=RawSQL(matching, [f"title : ({match})"]), then=Value(2.0)),  # noqa: S611
                default=Value(1.0),
                output_field=FloatField(),
            )
        )
        .order_by("-search_rank", "-updated_at", "-pk")
    )


# Keeping the documents ---------------------------------------------------------------------------


def _names(actor) -> list[str]:
    return [actor.name, *(alias.name for alias in actor.aliases.all())]


def _document(claim: Claim) -> ClaimSearchDocument:
    translated = [translation for translation in (claim.translations or {}).values() if translation]
    titles = [claim.text, *(t.get("text", "") for t in translated)]
    parts = [claim.summary, *(t.get("summary", "") for t in translated), claim.place_name]
    for statement in claim.statements.all():
        parts += [statement.quote, statement.translation, statement.paraphrase]
        parts += _names(statement.actor)
        if statement.on_behalf_of is not None:
            parts += _names(statement.on_behalf_of)
    body = "\n".join(part for part in parts if part)
    title = "\n".join(part for part in titles if part)
    return ClaimSearchDocument(claim=claim, title=title, body=body)


def refresh_search_documents(claim_ids: Iterable[int]) -> None:
    """Rebuild the search documents of these claims (ids of deleted claims are ignored)."""
    ids = sorted(set(claim_ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        claims = Claim.objects.filter(pk__in=batch).prefetch_related(
            Prefetch(
                "statements",
                queryset=Statement.objects.select_related("actor", "on_behalf_of").prefetch_related(
                    "actor__aliases", "on_behalf_of__aliases"
                ),
            )
        )
        documents = [_document(claim) for claim in claims]
        ClaimSearchDocument.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["claim"],
            update_fields=["title", "body"],
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(_VECTOR_SQL, [batch])


def _words_in(code: str) -> str:
    """SQL: a claim's words in one language — its own when written in it, its translation."""
    return (
        f"concat_ws(' ', CASE WHEN c.language = '{code}' THEN c.text || ' ' || c.summary END, "
        f"c.translations->'{code}'->>'text', c.translations->'{code}'->>'summary')"
    )


# Every word in English (A: the claim's text and its translations; B: the rest); each other
# language's words with its own stemming, in its own column (A). Built from constants only.
_VECTOR_SQL = (
    "UPDATE claims_claimsearchdocument d SET vector = "  # noqa: S608
    f"setweight(to_tsvector('{CONFIG}', d.title), 'A') "
    f"|| setweight(to_tsvector('{CONFIG}', d.body), 'B') "
    + "".join(
        f", vector_{code} = setweight(to_tsvector('{config}', {_words_in(code)}), 'A') "
        for code, config in LANGUAGE_CONFIGS.items()
    )
    + "FROM claims_claim c WHERE c.id = d.claim_id AND d.claim_id = ANY(%s)"
)


def rebuild_search_index() -> int:
    """Rebuild every claim's search document; return how many claims were indexed."""
    ids = list(Claim.objects.values_list("pk", flat=True))
    refresh_search_documents(ids)
    return len(ids)
