"""Data versions for the response cache: which version keys a write to the domain changes.

The versions live in the database and are bumped by its triggers (``core.dataversions``), so
every write counts — a model's save, a ``QuerySet.update``, raw SQL, an import,
``refresh_derived``, a search rebuild, another process with another ``CACHE_KEY_PREFIX`` — and
commits with the write it describes: the cache (Redis) only holds answers keyed by a digest of
the versions, and never decides what is public. This module says which keys each table's rows
bump (``rules``, built from the app registry, so a model added to a domain app gets its trigger
after the next ``migrate`` without anyone writing one) and names the keys the faces read.

- **global**: every write to a table of a domain app (``claims``, ``actors``, ``sources``, their
  history tables and many-to-many tables). Lists, search, the home page, feeds, sitemaps, actor
  and source pages, and every API list and detail other than a claim's are keyed on it.
- **claim** (``claim:<id>`` for the API, ``claim-slug:<slug>`` for the site's page, which is
  keyed before it looks the claim up): a write to the claim's own rows — the claim, its
  statements and their citations, its requests for comment, its corrections, its search document,
  a relation from or to it, and their history rows. An update bumps the claims of both the old
  and the new row (a statement moved to another claim changes both pages).
- **shared**: every write that one claim does not contain — actors, aliases and their relations,
  sources, captures and outlets, topics and the claims' topic lists — and any change of a claim
  row itself (its status, text or verdict show on the pages of the claims related to it, and its
  status decides which topics the public sees). A claim's page and API detail are keyed on its
  claim key and the shared one.

Narrow columns: a claim's ``statement_count`` shows in lists (global) and on its own page (its
claim key), and an actor's ``public_statements`` on actor pages and lists (global), so an update
that changes only those (``claims.derived`` after a statement is written) does not bump shared:
adding positions and sources to one claim, the bulk of a newsroom's day, leaves every other
claim's cached page in place. Anything that could show elsewhere bumps shared.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig, apps
from django.db import connections

from core import dataversions

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models import Model

DOMAIN_APPS = ("sources", "actors", "claims")

GLOBAL = "global"
SHARED = "shared"


def claim_key(pk: int | str) -> str:
    return f"claim:{pk}"


def claim_slug_key(slug: str) -> str:
    return f"claim-slug:{slug}"


# Which keys each table's rows bump ---------------------------------------------------------------


def _tracked(model: type[Model]) -> str:
    """The model a row belongs to: a history row counts as a row of the model it records."""
    recorded = getattr(model, "instance_type", None) or model
    return recorded._meta.concrete_model._meta.label_lower


def _claim_keys(claim_id: str, q: Any) -> tuple[str, ...]:
    """The keys of the claim whose id ``claim_id`` (an SQL expression) gives."""
    # Built from quoted names and constants only, never from input (so for every SQL here).
    slug = f"(SELECT {q('slug')} FROM {q('claims_claim')} WHERE {q('id')} = {claim_id})"  # noqa: S608
    return (f"'claim:' || {claim_id}", f"'claim-slug:' || {slug}")


def rule(model: type[Model], connection: BaseDatabaseWrapper) -> dataversions.Rule:
    """What a write to ``model``'s table bumps (see the module's docstring)."""
    q = connection.ops.quote_name
    columns = tuple(f.column for f in model._meta.local_concrete_fields)
    table = model._meta.db_table
    tracked = _tracked(model) if not model._meta.auto_created else ""
    everything = ("'global'",)
    if tracked == "claims.claim":
        return dataversions.Rule(
            table,
            columns,
            keys=(
                *everything,
                f"'claim:' || {{row}}.{q('id')}",
                f"'claim-slug:' || {{row}}.{q('slug')}",
            ),
            wide_keys=("'shared'",),
            narrow=frozenset({"statement_count"}),
        )
    parts = {
        "claims.statement": ("claim_id",),
        "claims.requestforcomment": ("claim_id",),
        "claims.correction": ("claim_id",),
        "claims.claimsearchdocument": ("claim_id",),
        "claims.claimrelation": ("from_claim_id", "to_claim_id"),
    }
    if tracked in parts:
        keys = [k for c in parts[tracked] for k in _claim_keys(f"{{row}}.{q(c)}", q)]
        return dataversions.Rule(table, columns, keys=(*everything, *keys))
    if tracked == "claims.citation":
        statement = f"{{row}}.{q('statement_id')}"
        claim_id = (
            f"(SELECT {q('claim_id')} FROM {q('claims_statement')} WHERE {q('id')} = {statement})"  # noqa: S608
        )
        return dataversions.Rule(table, columns, keys=(*everything, *_claim_keys(claim_id, q)))
    narrow = {"actors.actor": {"public_statements"}}.get(tracked, set())
    return dataversions.Rule(
        table, columns, keys=everything, wide_keys=("'shared'",), narrow=frozenset(narrow)
    )


def domain_models() -> list[type[Model]]:
    """Every table of the domain apps: models, history models, many-to-many tables."""
    found = []
    for label in DOMAIN_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                found.append(model)
    return found


def rules(connection: BaseDatabaseWrapper) -> list[dataversions.Rule]:
    return [rule(model, connection) for model in domain_models()]


def install_triggers(sender: AppConfig | None = None, using: str = "default", **kwargs: Any):
    """``post_migrate``: (re)install the data versions' triggers on every domain table."""
    dataversions.install(rules(connections[using]), truncate_keys=(GLOBAL, SHARED), using=using)
