"""Write the ledger as one JSON file (claims/ledger; README "Ledgers in and out")."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from ledger.export import export_ledger


class Command(BaseCommand):
    help = (
        "Write the ledger as JSON: the published ledger (default), or with --newsroom the whole "
        "ledger with drafts and newsroom-only notes. The same ledger always gives the same bytes."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")
        parser.add_argument(
            "--newsroom",
            action="store_true",
            help="The whole ledger: drafts, and the newsroom-only notes.",
        )
        parser.add_argument(
            "--stamp", action="store_true", help="Write the generation time into the file."
        )

    def handle(
        self, *args: Any, output: str | None, newsroom: bool, stamp: bool, **kw: Any
    ) -> None:
        chunks = export_ledger(
            scope="newsroom" if newsroom else "public",
            generated_at=timezone.now() if stamp else None,
        )
        if output is None:
            for chunk in chunks:
                sys.stdout.write(chunk)
            return
        with open(output, "w", encoding="utf-8", newline="\n") as file:
            file.writelines(chunks)
