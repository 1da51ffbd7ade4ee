"""Data versions kept by the database itself: what the response cache keys its answers on.

A small table (``core_dataversion``: a text key, a bigint value) holds one counter per version
key. **Triggers** on every table of the domain bump the keys a written row concerns, so no write
path can skip them: a model's ``save()``, a ``QuerySet.update``, raw SQL, an import, a
management command, another process with another ``CACHE_KEY_PREFIX``, a shell, ``psql``. The
domain says which keys a table's rows bump (``claims.cache_versions.rules``); this module turns that
description into triggers for PostgreSQL and SQLite, installs them, and reads the versions.

Why the database and not the cache: a version bumped in Redis is lost when Redis is down at the
moment of the write, and the cache then serves the old answer until it expires. A version that
commits with the write it describes cannot be lost, and a reader that reads it before its first
query never stores an answer older than its key (``core.response_cache``).

- **PostgreSQL**: one ``CONSTRAINT TRIGGER … AFTER INSERT OR UPDATE OR DELETE … DEFERRABLE
  INITIALLY DEFERRED FOR EACH ROW`` per table, so the bumps run at commit: the version rows are
  locked only from then until the commit ends, not for the whole transaction. Each bump takes the
  ``global`` row first and the others in key order, so writers always lock version rows in the
  same order and cannot deadlock on them. A constant key (``global``, ``shared``) is bumped once
  per transaction (a transaction-local setting remembers it): one version change per commit is
  all a reader can see, and a bulk write of thousands of rows would otherwise update one row
  thousands of times. ``TRUNCATE`` has a statement trigger of its own.
- **SQLite**: one ``AFTER`` trigger per table and event; SQLite has one writer at a time.
- **Both**: ``INSERT … ON CONFLICT (key) DO UPDATE SET value = value + 1``. A key seen for the
  first time starts at a random value, so a database created anew (a test run, a flush) never
  repeats a version an old answer in a shared Redis was stored under. An ``UPDATE`` that changes
  no column bumps nothing (``refresh_derived`` with nothing to fix is free); a rule may name
  "narrow" columns whose change alone bumps only its narrow keys (a claim's statement count
  shows on its own page and in lists, not on other claims' pages).
- **Installed after every migrate** (``install``, from a ``post_migrate`` receiver), by dropping
  and creating each trigger in one transaction: idempotent, a changed rule replaces the old one,
  and a model added later gets its trigger from the app registry without anyone writing one.
  (SQLite rebuilds a table to alter it, which drops its triggers: the next install restores
  them.) Each install also gives the ``epoch`` key, part of every answer's key, a new random
  value, so whatever a migration wrote is never served from before it. After restoring a backup,
  run ``manage.py migrate`` for the same reason.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import connections, models, transaction

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from django.db.backends.base.base import BaseDatabaseWrapper

    # A connection's ``ops.quote_name``: a table's, a column's or a trigger's name as SQL.
    type Quote = Callable[[str], str]

TABLE = "core_dataversion"
EPOCH = "epoch"
PREFIX = "dv_"  # every trigger and function this module installs is named so
GLOBAL_SQL = "'global'"  # the key every write bumps, first
_CONSTANT = re.compile(r"^'[^']*'$")


class DataVersion(models.Model):
    """One data version: bumped by the database's triggers, read by the response cache."""

    key = models.TextField(primary_key=True)
    value = models.BigIntegerField(default=0)

    class Meta:
        app_label = "core"
        db_table = TABLE

    def __str__(self) -> str:
        return f"{self.key}={self.value}"


def read(keys: Iterable[str], using: str = "default") -> list[int]:
    """The committed value of each key (0 for a key never bumped), and the epoch's first: one
    query."""
    keys = [EPOCH, *keys]
    found = dict(
        DataVersion.objects.using(using).filter(key__in=set(keys)).values_list("key", "value")
    )
    return [found.get(key, 0) for key in keys]


# The description --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """Which version keys a write to one table bumps.

    Keys are SQL expressions over the written row, named ``{row}`` (``NEW`` or ``OLD``; both on
    an update), evaluating to text or NULL (nothing bumped): ``"'global'"``,
    ``"'claim:' || {row}.claim_id"``, or a subquery for a key the row names indirectly."""

    table: str
    columns: tuple[str, ...]  # every column: an UPDATE that changes none of them bumps nothing
    keys: tuple[str, ...]  # bumped by every write that changes the row
    wide_keys: tuple[str, ...] = ()  # and these, unless an UPDATE changed only ``narrow`` columns
    narrow: frozenset[str] = field(default_factory=frozenset)


# The SQL --------------------------------------------------------------------------------------


def _start(vendor: str) -> str:
    """A random first value (below 2**62, so that counting up from it never overflows)."""
    if vendor == "postgresql":
        return "(floor(random() * 4611686018427387904))::bigint"
    return "(abs(random()) % 4611686018427387904)"


def _bump(vendor: str, expressions: list[str], where: str = "") -> str:
    """One upsert of every key the expressions name (each once), in key order."""
    union = " UNION ".join(f"SELECT {e} AS k" for e in expressions)
    condition = "k IS NOT NULL" + (f" AND ({where})" if where else "")
    # Built from the registry's quoted names and the domain's constant expressions, never input.
    upsert = f'INSERT INTO {TABLE} ("key", "value") SELECT k, {_start(vendor)} '
    return (
        f"{upsert}FROM ({union}) AS bumped WHERE {condition} ORDER BY k "
        f'ON CONFLICT ("key") DO UPDATE SET "value" = {TABLE}."value" + 1'
    )


def _changed(vendor: str, q: Quote, columns: Iterable[str]) -> str:
    differs = "IS DISTINCT FROM" if vendor == "postgresql" else "IS NOT"
    return " OR ".join(f"OLD.{q(c)} {differs} NEW.{q(c)}" for c in columns) or "FALSE"


def _groups(vendor: str, q: Quote, rule: Rule, event: str) -> list[tuple[list[str], str]]:
    """What one row's ``event`` (INSERT, UPDATE, DELETE) bumps, in order, as (keys, condition)
    pairs: ``global`` first, alone."""
    rows = {"INSERT": ["NEW"], "DELETE": ["OLD"], "UPDATE": ["NEW", "OLD"]}[event]
    changed = _changed(vendor, q, rule.columns) if event == "UPDATE" else ""
    keys = list(dict.fromkeys(k.format(row=row) for row in rows for k in rule.keys))
    wide = list(dict.fromkeys(k.format(row=row) for row in rows for k in rule.wide_keys))
    first = [k for k in keys if k == GLOBAL_SQL]
    rest = [k for k in keys if k != GLOBAL_SQL]
    out = [(first, changed)] if first else []
    if event == "UPDATE" and rule.narrow:
        out.append((rest, changed))
        out.append((wide, _changed(vendor, q, [c for c in rule.columns if c not in rule.narrow])))
    else:
        out.append((rest + wide, changed))
    return [(group, where) for group, where in out if group]


def statements(vendor: str, q: Quote, rule: Rule, event: str) -> list[str]:
    """SQLite: the upserts one row's ``event`` runs."""
    return [_bump(vendor, group, where) for group, where in _groups(vendor, q, rule, event)]


def _once(key: str) -> str:
    """PostgreSQL: the transaction-local setting that says a constant key is bumped already."""
    return "dv." + "".join(c if c.isalnum() else "_" for c in key.strip("'"))


def _pg_statements(q: Quote, rule: Rule, event: str) -> list[str]:
    """PostgreSQL: the same upserts, but a constant key (``global``, ``shared``) is bumped once
    per transaction: a bulk write of 10,000 rows would otherwise update one row 10,000 times in
    one transaction, each time behind a longer chain of its dead versions."""
    out = []
    for group, where in _groups("postgresql", q, rule, event):
        rowwise = [k for k in group if not _CONSTANT.match(k)]
        for key in (k for k in group if _CONSTANT.match(k)):
            condition = f"current_setting('{_once(key)}', true) IS DISTINCT FROM 'y'"
            if where:
                condition += f" AND ({where})"
            out.append(
                f"IF {condition} THEN\n      {_bump('postgresql', [key])};\n"
                f"      PERFORM set_config('{_once(key)}', 'y', true);\n    END IF"
            )
        if rowwise:
            out.append(_bump("postgresql", rowwise, where))
    return out


def forget_bumps_sql(keys: Iterable[str]) -> list[str]:
    """PostgreSQL: forget that these constant keys were bumped in this transaction (tests that
    emulate several commits in one transaction)."""
    return [f"SELECT set_config('{_once(f"'{k}'")}', '', true)" for k in keys]


def _name(rule: Rule, suffix: str = "") -> str:
    return f"{PREFIX}{rule.table}{suffix}"


def _sqlite(q: Quote, rule: Rule) -> list[str]:
    sql = []
    for event in ("INSERT", "UPDATE", "DELETE"):
        name = q(_name(rule, "_" + event.lower()))
        body = ";\n  ".join(statements("sqlite", q, rule, event))
        sql += [
            f"DROP TRIGGER IF EXISTS {name}",
            f"CREATE TRIGGER {name} AFTER {event} ON {q(rule.table)} FOR EACH ROW\n"
            f"BEGIN\n  {body};\nEND",
        ]
    return sql


def _postgresql(q: Quote, rule: Rule, truncate_function: str | None) -> list[str]:
    function = q(_name(rule))
    branches = []
    for event in ("INSERT", "UPDATE", "DELETE"):
        body = ";\n    ".join(_pg_statements(q, rule, event))
        branches.append(f"TG_OP = '{event}' THEN\n    {body};")
    body = "IF " + "\n  ELSIF ".join(branches) + "\n  END IF;"
    trigger, table = q(_name(rule)), q(rule.table)
    sql = [
        f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n  {body}\n  RETURN NULL;\nEND\n$$",
        f"DROP TRIGGER IF EXISTS {trigger} ON {table}",
        f"CREATE CONSTRAINT TRIGGER {trigger} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {function}()",
    ]
    if truncate_function:
        sql.append(
            f"CREATE OR REPLACE TRIGGER {q(_name(rule, '_truncate'))} AFTER TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {truncate_function}()"
        )
    return sql


def trigger_sql(
    connection: BaseDatabaseWrapper, rules: Iterable[Rule], truncate_keys: Iterable[str] = ()
) -> list[str]:
    """Every statement that (re)installs the triggers for ``rules`` on this database."""
    q = connection.ops.quote_name
    vendor = connection.vendor
    rules = list(rules)
    if vendor == "sqlite":
        return [s for rule in rules for s in _sqlite(q, rule)]
    if vendor != "postgresql":
        raise NotImplementedError(f"data version triggers for {vendor}")
    sql, truncate_function = [], None
    if truncate_keys := [f"'{k}'" for k in truncate_keys]:
        truncate_function = q(f"{PREFIX}truncate")
        sql.append(
            f"CREATE OR REPLACE FUNCTION {truncate_function}() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$\nBEGIN\n  {_bump(vendor, truncate_keys)};\n"
            f"  RETURN NULL;\nEND\n$$"
        )
    return sql + [s for rule in rules for s in _postgresql(q, rule, truncate_function)]


def install(
    rules: Iterable[Rule], truncate_keys: Iterable[str] = (), using: str = "default"
) -> None:
    """(Re)install every trigger, and give the epoch a new random value: one transaction."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for statement in trigger_sql(connection, rules, truncate_keys):
            cursor.execute(statement)
        # The new epoch is drawn here, not in SQL: SQLite's modulo (``_start``) is a "%", which
        # Django's query logging (DEBUG) reads as a placeholder beside parameters.
        cursor.execute(
            f'INSERT INTO {TABLE} ("key", "value") SELECT %s, %s '
            f'WHERE TRUE ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"',
            [EPOCH, secrets.randbelow(2**62)],
        )


def installed(using: str = "default") -> set[str]:
    """The tables that carry this module's row triggers (for the tests and a check)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{PREFIX}%"],
            )
        else:
            cursor.execute(
                "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname LIKE %s AND t.tgconstraint <> 0",
                [f"{PREFIX}%"],
            )
        return {row[0] for row in cursor.fetchall()}
