"""What a commit does, inside a test's transaction that never commits."""

from __future__ import annotations

from django.db import connection

from claims import cache_versions
from core import dataversions


def run_deferred_triggers() -> None:
    """What a commit runs of the data versions' deferred triggers (PostgreSQL), without
    committing: the versions move as after a real commit. On SQLite they run with each
    statement already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            # The next "commit" bumps global and shared again, as a new transaction would.
            for statement in dataversions.forget_bumps_sql(
                [cache_versions.GLOBAL, cache_versions.SHARED]
            ):
                cursor.execute(statement)
