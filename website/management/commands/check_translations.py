"""``manage.py check_translations``: fail when a catalogue in ``locale/`` is stale or incomplete.

Run by ``make lint``. ``--update`` (``make messages``) brings the catalogues up to date with the
code instead (new messages in, gone ones out) and compiles them; the translations themselves are
written in the ``.po`` files by hand. For each language of ``settings.LANGUAGES`` but English:

- **stale**: the messages the code marks today (``makemessages``, run on a copy of the catalogue
  and put back afterwards) are not the messages the ``.po`` holds — a string was marked, changed
  or removed without ``make messages``;
- **untranslated**: a message has no translation, or a fuzzy one;
- **not compiled**: the committed ``.mo`` does not say what the ``.po`` says.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# What makemessages reads: our code and templates, not the tests, the benchmark or the venv.
IGNORED = ["tests/*", "bench/*", "staticfiles/*", "contested.egg-info/*"]
MAKEMESSAGES_OPTIONS = {"no_location": True, "no_obsolete": True, "ignore_patterns": IGNORED}
# compilemessages looks for every locale/ directory below the checkout: not the venv's.
COMPILEMESSAGES_IGNORED = [".venv", "*/site-packages/*", "staticfiles"]


def _messages(po: polib.POFile) -> set[tuple[str, str, str]]:
    return {(e.msgctxt or "", e.msgid, e.msgid_plural or "") for e in po if not e.obsolete}


def _translations(catalogue: polib.POFile | polib.MOFile) -> dict[tuple[str, str], Any]:
    found = {}
    for entry in catalogue:
        if entry.obsolete or not entry.msgid:
            continue
        value = entry.msgstr_plural and dict(sorted(entry.msgstr_plural.items()))
        found[(entry.msgctxt or "", entry.msgid)] = value or entry.msgstr
    return found


class Command(BaseCommand):
    help = "Fail when a .po in locale/ is stale, has an untranslated message, or is not compiled."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--update",
            action="store_true",
            help="Update the catalogues from the code and compile them, instead of checking.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        locale_dir = Path(settings.LOCALE_PATHS[0])
        languages = [code for code, _name in settings.LANGUAGES if code != "en"]
        if options["update"]:
            call_command("makemessages", locale=languages, verbosity=0, **MAKEMESSAGES_OPTIONS)
            call_command(
                "compilemessages",
                locale=languages,
                verbosity=0,
                ignore_patterns=COMPILEMESSAGES_IGNORED,
            )
            self.stdout.write(f"Catalogues updated and compiled: {', '.join(languages)}.")
            return
        problems = []
        for code in languages:
            po_path = locale_dir / code / "LC_MESSAGES" / "django.po"
            if not po_path.exists():
                problems.append(f"{po_path}: missing (make messages)")
                continue
            problems += self.check_language(code, po_path)
        if problems:
            raise CommandError("Translations need work:\n  " + "\n  ".join(problems))
        self.stdout.write(f"Translations complete and current: {', '.join(languages)}.")

    def check_language(self, code: str, po_path: Path) -> list[str]:
        committed = polib.pofile(str(po_path))
        fresh = self.extracted(code, po_path)
        problems = []
        missing = _messages(fresh) - _messages(committed)
        gone = _messages(committed) - _messages(fresh)
        for _ctxt, msgid, _plural in sorted(missing)[:20]:
            problems.append(f"{code}: stale, not in the catalogue: {msgid!r} (make messages)")
        for _ctxt, msgid, _plural in sorted(gone)[:20]:
            problems.append(f"{code}: stale, no longer in the code: {msgid!r} (make messages)")
        for entry in committed:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                problems.append(f"{code}: fuzzy: {entry.msgid!r}")
            elif not entry.translated():
                problems.append(f"{code}: untranslated: {entry.msgid!r}")
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists():
            problems.append(f"{mo_path}: missing (make messages)")
        elif _translations(polib.mofile(str(mo_path))) != _translations(committed):
            problems.append(f"{mo_path}: does not match its .po (make messages)")
        return problems

    def extracted(self, code: str, po_path: Path) -> polib.POFile:
        """The catalogue ``makemessages`` makes from today's code, leaving the committed one as
        it was."""
        with tempfile.TemporaryDirectory() as scratch:
            kept = Path(scratch) / "django.po"
            shutil.copyfile(po_path, kept)
            try:
                call_command("makemessages", locale=[code], verbosity=0, **MAKEMESSAGES_OPTIONS)
                return polib.pofile(str(po_path))
            finally:
                shutil.copyfile(kept, po_path)
