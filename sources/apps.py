from __future__ import annotations

from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = "Outlets and sources"

    def ready(self) -> None:
        from . import signals  # noqa: F401 - capture on entry
