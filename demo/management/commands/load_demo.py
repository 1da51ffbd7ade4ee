from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from demo.load import load_demo


class Command(BaseCommand):
    help = "Load the demo ledger from the AFP article of 7 October 2025. Safe to run twice."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = load_demo()
        if not counts:
            self.stdout.write("Demo data already loaded; nothing changed.")
            return
        for what, n in sorted(counts.items()):
            self.stdout.write(f"{n} {what}")
