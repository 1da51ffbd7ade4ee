from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from claims.derived import drift, refresh_all


class Command(BaseCommand):
    help = (
        "Check the stored derived facts (claims.is_contested, claims.statement_count, "
        "actors.is_public, actors.public_statements, sources.is_public) against their rules, "
        "report any drift, and recompute them. --check reports only, and fails on drift."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--check", action="store_true", help="report drift, change nothing")

    def handle(self, *args: Any, check: bool = False, **options: Any) -> None:
        found = drift()
        for fact, ids in found.items():
            shown = ", ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
            self.stdout.write(f"{fact}: {len(ids)} row(s) drifted{': ' + shown if ids else ''}")
        if check:
            if any(found.values()):
                raise CommandError("Derived facts have drifted: run manage.py refresh_derived.")
            return
        refresh_all()
        self.stdout.write("Recomputed every claim's, actor's and source's derived facts.")
