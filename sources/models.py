from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.urls import reverse
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.grades import Reliability
from core.models import TimeStampedModel, choices_check, internal_notes_field
from core.slugs import derive_slug
from sources.fields import NormalisedURLField

if TYPE_CHECKING:
    pass


class OutletKind(models.TextChoices):
    NEWS_AGENCY = "news_agency", "News agency"
    NEWSPAPER = "newspaper", "Newspaper"
    BROADCASTER = "broadcaster", "Broadcaster"
    ONLINE = "online", "Online publication"
    OFFICIAL = "official", "Official channel"
    SOCIAL = "social", "Social-media account"
    NGO = "ngo", "NGO"
    THINK_TANK = "think_tank", "Think tank"
    OTHER = "other", "Other"


class Outlet(TimeStampedModel):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(
        max_length=200, unique=True, blank=True, help_text="Derived from the name when left blank."
    )
    kind = models.CharField(max_length=20, choices=OutletKind.choices)
    country = CountryField(blank=True)
    website = models.URLField(blank=True)
    default_reliability = models.CharField(
        max_length=1,
        choices=Reliability.choices,
        default=Reliability.F,
        help_text="The Admiralty grade given to this outlet's sources unless a source says "
        "otherwise. F when the newsroom has no basis to judge.",
    )
    internal_notes = internal_notes_field()

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            choices_check("kind", OutletKind),
            choices_check("default_reliability", Reliability),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not self.slug:
            self.slug = derive_slug(self.name, 200)


class Source(TimeStampedModel):
    title = models.CharField(max_length=500)
    url = NormalisedURLField(
        "URL",
        max_length=1000,
        blank=True,
        help_text="Stored in canonical form (lower-case host, no fragment, no utm_ tracking "
        "parameters), so one document is entered once. Blank only for a document with no "
        "address (a broadcast, a printed communiqué).",
    )
    outlet = models.ForeignKey(Outlet, on_delete=models.PROTECT, related_name="sources")
    byline = models.CharField(max_length=300, blank=True)
    published_on = models.DateField(null=True, blank=True, db_index=True)
    language = models.CharField(
        max_length=12, blank=True, help_text="Language of the document as a BCP 47 tag: en, fr, uk."
    )
    archive_url = models.URLField(
        "archived copy",
        max_length=1000,
        blank=True,
        help_text="A copy in a web archive, so the source survives if the original disappears.",
    )
    retrieved_on = models.DateField(null=True, blank=True)
    reliability = models.CharField(
        max_length=1,
        choices=Reliability.choices,
        blank=True,
        help_text="Admiralty grade of this document's reliability. Leave blank to use the "
        "outlet's default.",
    )
    internal_notes = internal_notes_field()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~models.Q(url=""), name="sources_source_url_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(reliability="") | models.Q(reliability__in=Reliability.values),
                name="sources_source_reliability_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(retrieved_on__isnull=True)
                | models.Q(published_on__isnull=True)
                | models.Q(retrieved_on__gte=models.F("published_on")),
                name="sources_source_retrieved_after_published",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.title}" if self.outlet_id else self.title

    @property
    def reliability_grade(self) -> str:
        """This document's grade, or its outlet's default when it has none of its own."""
        return self.reliability or self.outlet.default_reliability

    def get_absolute_url(self) -> str:
        return reverse("sources:source-detail", args=[self.pk])
