from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core import dates
from core.dates import DatePrecision
from core.models import (
    SluggedModel,
    TimeStampedModel,
    choices_check,
    internal_notes_field,
    slug_field,
)
from core.text import PlainTextModel
from core.translations import Translatable

if TYPE_CHECKING:
    pass


class ActorKind(models.TextChoices):
    PERSON = "person", _("Person")
    ARMED_GROUP = "armed_group", _("Armed group")
    GOVERNMENT = "government", _("Government")
    MILITARY = "military", _("Military")
    STATE = "state", _("State")
    MINISTRY = "ministry", _("Ministry or agency")
    COMPANY = "company", _("Company")
    INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental body")
    MEDIA = "media", _("Media")
    EXPERT = "expert", _("Expert or research body")
    OTHER = "other", _("Other")


class Actor(SluggedModel, TimeStampedModel, Translatable):
    TRANSLATED = ("description",)

    name = models.CharField(_("name"), max_length=200, db_index=True)
    slug = slug_field()
    kind = models.CharField(_("kind"), max_length=20, choices=ActorKind.choices)
    description = models.TextField(_("description"), blank=True)
    country = CountryField(
        verbose_name=_("country"),
        blank=True,
        help_text=_("The country the actor belongs to, if any."),
    )
    founded_on = models.DateField(_("founded"), null=True, blank=True)
    founded_on_precision = dates.precision_field()
    dissolved_on = models.DateField(_("dissolved"), null=True, blank=True)
    dissolved_on_precision = dates.precision_field()
    wikidata_id = models.CharField(
        _("Wikidata ID"),
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", _("A Wikidata ID looks like Q12345."))],
    )
    internal_notes = internal_notes_field()
    # Derived: whether a public claim references the actor (as speaker, as the party spoken
    # for, or in a settled request for comment). Stored so the public's list of actors, and
    # finding one by its slug, read a column; ``claims.derived`` keeps it true.
    is_public = models.BooleanField(default=False, editable=False, db_index=True)
    # Derived: how many statements on public claims the actor made (the site's "most quoted").
    public_statements = models.PositiveIntegerField(default=0, editable=False, db_index=True)

    history = HistoricalRecords(excluded_fields=["is_public", "public_statements"])

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]
        constraints = [
            choices_check("kind", ActorKind),
            choices_check("founded_on_precision", DatePrecision),
            choices_check("dissolved_on_precision", DatePrecision),
            models.CheckConstraint(
                condition=Q(founded_on__isnull=True)
                | Q(dissolved_on__isnull=True)
                | Q(dissolved_on__gte=models.F("founded_on")),
                name="actors_actor_dissolved_after_founded",
            ),
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="actors_actor_wikidata_id_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        self.clean_translations()
        self.founded_on = dates.normalise(self.founded_on, self.founded_on_precision)
        self.dissolved_on = dates.normalise(self.dissolved_on, self.dissolved_on_precision)

    def get_absolute_url(self) -> str:
        return reverse("actors:actor-detail", args=[self.slug])


class ActorAlias(PlainTextModel):
    """Another name the actor goes by: an acronym, a translation, a former name."""

    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("actor")
    )
    name = models.CharField(_("name"), max_length=200, db_index=True)
    language = models.CharField(
        _("language"), max_length=12, blank=True, help_text=_("BCP 47 tag, if any: fr, ar.")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actor alias")
        verbose_name_plural = _("actor aliases")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "name"], name="actors_alias_unique_per_actor"),
        ]

    def __str__(self) -> str:
        return self.name


class RelationKind(models.TextChoices):
    SPOKESPERSON_OF = "spokesperson_of", _("spokesperson of")
    MEMBER_OF = "member_of", _("member of")
    PART_OF = "part_of", _("part of")
    SUCCESSOR_OF = "successor_of", _("successor of")
    ALLIED_WITH = "allied_with", _("allied with")
    CONTROLLED_BY = "controlled_by", _("controlled by")
    AFFILIATED_WITH = "affiliated_with", _("affiliated with")


class ActorRelation(TimeStampedModel):
    """``subject`` *kind* ``object``: Ramadane is spokesperson of the FLA."""

    subject = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="relations_from", verbose_name=_("subject")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RelationKind.choices)
    object = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="relations_to", verbose_name=_("object")
    )
    start_on = models.DateField(_("from"), null=True, blank=True)
    start_on_precision = dates.precision_field()
    end_on = models.DateField(_("until"), null=True, blank=True)
    end_on_precision = dates.precision_field()
    source = models.ForeignKey(
        "sources.Source",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actor_relations",
        verbose_name=_("source"),
        help_text=_("The document that establishes the relation."),
    )
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_('Public, e.g. "at times".')
    )
    internal_notes = internal_notes_field()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("actor relation")
        verbose_name_plural = _("actor relations")
        ordering = ["subject__name", "kind"]
        constraints = [
            choices_check("kind", RelationKind),
            choices_check("start_on_precision", DatePrecision),
            choices_check("end_on_precision", DatePrecision),
            models.CheckConstraint(
                condition=~Q(subject=models.F("object")), name="actors_relation_not_reflexive"
            ),
            models.CheckConstraint(
                condition=Q(start_on__isnull=True)
                | Q(end_on__isnull=True)
                | Q(end_on__gte=models.F("start_on")),
                name="actors_relation_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["subject", "kind", "object", "start_on"], name="actors_relation_unique"
            ),
            # NULLs are distinct in a unique index, so an undated relation needs its own rule.
            models.UniqueConstraint(
                fields=["subject", "kind", "object"],
                condition=Q(start_on__isnull=True),
                name="actors_relation_unique_undated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.get_kind_display()} {self.object}"

    def clean(self) -> None:
        self.start_on = dates.normalise(self.start_on, self.start_on_precision)
        self.end_on = dates.normalise(self.end_on, self.end_on_precision)
