from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.dataversions import DataVersion  # noqa: F401 - its table, with its triggers' code
from core.text import PlainTextModel


class TimeStampedModel(PlainTextModel):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


def internal_notes_field() -> models.TextField:
    """Notes for the newsroom only: never serialised, never rendered on a public page."""
    return models.TextField(
        _("internal notes"),
        blank=True,
        help_text=_("Internal: seen in the admin only, never published."),
    )


def choices_check(field: str, choices: type[models.Choices]) -> models.CheckConstraint:
    """A database check that ``field`` holds one of ``choices``."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": choices.values}),
        name=f"%(app_label)s_%(class)s_{field}_valid",
    )
