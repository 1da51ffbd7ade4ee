from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    from .roles import sync_roles

    sync_roles(using=using)


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = _("Claims")

    def ready(self) -> None:
        from . import cache_versions, consequences

        consequences.connect()  # what every domain write implies (claims.consequences)

        # The data versions' triggers (claims.cache_versions).
        post_migrate.connect(cache_versions.install_triggers, sender=self)

        # Keeps the Reporter and Editor groups in step with the installed apps' permissions.
        post_migrate.connect(_sync_roles, sender=self)
