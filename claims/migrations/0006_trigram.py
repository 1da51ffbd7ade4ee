"""Trigram similarity for the duplicate warning (claims.selectors.similar_claims).

PostgreSQL: the pg_trgm extension and a GIN trigram index on the claim's text, so the ``%``
operator finds similar claims without a scan. TrigramExtension does nothing on SQLite, and the
index is created only on PostgreSQL; SQLite's fallback goes through the full-text search.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "claims_claim_text_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON claims_claim USING gin (text gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0005_newsroom_lists"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_index, drop_index),
    ]
