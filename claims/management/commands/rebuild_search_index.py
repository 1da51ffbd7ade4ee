from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from claims.search import rebuild_search_index


class Command(BaseCommand):
    help = "Rebuild every claim's full-text search document (after bulk imports)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Indexed {rebuild_search_index()} claims.")
