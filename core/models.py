from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.dataversions import DataVersion  # noqa: F401 - its table, with its triggers' code
from core.slugs import derive_slug
from core.text import PlainTextModel
from core.workers import WorkerHeartbeat  # noqa: F401 - the task workers' heartbeats

if TYPE_CHECKING:
    from django.db.models.expressions import Combinable
    from django_stubs_ext import StrOrPromise


class TimeStampedModel(PlainTextModel):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


def slug_field(
    max_length: int = 200, help_text: StrOrPromise = _("Derived from the name when left blank.")
) -> models.SlugField[str | int | Combinable, str]:
    """A record's address (``SluggedModel``): unique, derived when left blank."""
    return models.SlugField(
        _("slug"), max_length=max_length, unique=True, blank=True, help_text=help_text
    )


class SluggedModel(models.Model):
    """A record addressed by its ``slug`` (a ``slug_field()``, declared where it reads best in
    the model), derived from its ``slug_source`` field when left blank, in ``clean()``. Two
    records named alike derive the same slug, and the second is refused as a duplicate (the
    API's 409 names the one that exists, so a script can run again); only an import of a file
    from elsewhere gives a new record a free slug of its own (``core.slugs.unique_slug``)."""

    slug_source = "name"
    slug: Any  # each model's own slug_field(), declared where it reads best

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if not self.slug:
            field = self._meta.get_field("slug")
            assert isinstance(field, models.Field)  # a field of the model, not a reverse relation
            assert field.max_length is not None  # a SlugField always has one
            self.slug = derive_slug(str(getattr(self, self.slug_source) or ""), field.max_length)


def internal_notes_field() -> models.TextField[str | Combinable, str]:
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
