from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "sources"
    verbose_name = _("Outlets and sources")

    def ready(self) -> None:
        from . import signals  # noqa: F401 - capture on entry
