"""Import a ledger file, a spreadsheet or a ClaimReview (claims/ledger; README "Ledgers in and
out"): all or nothing, the same file twice changing nothing the second time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ledger import sheets
from ledger.files import read_upload
from ledger.load import load_ledger


class Command(BaseCommand):
    help = (
        "Import FILE — a ledger (.json), a sheet of claims with statements (.csv, .xlsx) or a "
        "fact-checker's ClaimReview (.html, .jsonld) — as --user. Claims arrive as drafts unless "
        "--publish (an editor's import takes the file's status). Records that exist are never "
        "changed (a record the file gives differently is reported as a conflict) unless the "
        "file is this Contested's own ledger and --update is given. --dry-run reports what "
        "would be created, updated, left alone or in conflict, and every error, and changes "
        "nothing."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file")
        parser.add_argument("--user", required=True, help="Who imports: the history names them.")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--publish", action="store_true")
        parser.add_argument(
            "--correction-note",
            default="",
            help="The public note for changes the file makes to published claims.",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Change existing records as the file has them (this Contested's own ledger).",
        )
        parser.add_argument("--verbose-rows", action="store_true", help="Print every row.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            user = get_user_model().objects.get(username=options["user"])
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user “{options['user']}”.") from None
        notes: list[str] = []
        try:
            if path.suffix.lower() in (".csv", ".xlsx"):
                # Its headers as they are named, or as the newsroom matched them on the import
                # page; what it leaves out and what it reads once are noted.
                reading = sheets.read(path.name, path.read_bytes())
                bundle, notes = reading.bundle, reading.notes
            else:
                bundle = read_upload(path.name, path.read_bytes())
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from None
        for note in notes:
            self.stdout.write(note)
        report = load_ledger(
            bundle,
            by=user,
            file_name=path.name,
            publish=options["publish"],
            dry_run=options["dry_run"],
            correction_note=options["correction_note"],
            update=options["update"],
        )
        if options["verbose_rows"]:
            for row in report.rows:
                changed = f" ({', '.join(row.changed)})" if row.changed else ""
                self.stdout.write(f"{row.action:9} {row.kind} {row.key}{changed}")
        counts = ", ".join(f"{n} {action}" for action, n in sorted(report.counts().items()))
        if not report.ok:
            for line in report.errors():
                self.stderr.write(line)
            raise CommandError(f"Nothing imported: {len(report.errors())} error(s). ({counts})")
        done = "Would import" if options["dry_run"] else "Imported"
        self.stdout.write(f"{done} {path.name}: {counts or 'nothing'}.")
