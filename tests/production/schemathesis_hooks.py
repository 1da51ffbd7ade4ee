"""schemathesis hooks for the live runs (tests/production/test_schema_live.py).

A page cursor is opaque and signed: only a ``next`` or ``previous`` link holds a valid one, so a
cursor schemathesis makes up is rightly refused (400, ``cursor``), and "a schema-valid request is
accepted" cannot hold for it. The run therefore never invents one; forged and tampered cursors are
tested in tests/api/test_bad_input.py, and the cursors the API issues in the paging tests."""

from __future__ import annotations

import schemathesis


@schemathesis.hook
def map_query(ctx, query):
    if query and "cursor" in query:
        query = {key: value for key, value in query.items() if key != "cursor"}
    return query
