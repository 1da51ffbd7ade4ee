from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.grades import Reliability
from core.models import (
    SluggedModel,
    TimeStampedModel,
    choices_check,
    internal_notes_field,
    slug_field,
)
from sources.fields import NormalisedURLField

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper


class OutletKind(models.TextChoices):
    NEWS_AGENCY = "news_agency", _("News agency")
    NEWSPAPER = "newspaper", _("Newspaper")
    BROADCASTER = "broadcaster", _("Broadcaster")
    ONLINE = "online", _("Online publication")
    OFFICIAL = "official", _("Official channel")
    SOCIAL = "social", _("Social-media account")
    NGO = "ngo", _("NGO")
    THINK_TANK = "think_tank", _("Think tank")
    OTHER = "other", _("Other")


class Outlet(SluggedModel, TimeStampedModel):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = slug_field()
    kind = models.CharField(_("kind"), max_length=20, choices=OutletKind.choices)
    country = CountryField(verbose_name=_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    default_reliability = models.CharField(
        _("default reliability"),
        max_length=1,
        choices=Reliability.choices,
        default=Reliability.F,
        help_text=_(
            "The Admiralty grade given to this outlet's sources unless a source says otherwise. "
            "F when the newsroom has no basis to judge."
        ),
    )
    internal_notes = internal_notes_field()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["name"]
        constraints = [
            choices_check("kind", OutletKind),
            choices_check("default_reliability", Reliability),
        ]

    def __str__(self) -> str:
        return self.name


class LinkStatus(models.TextChoices):
    UNCHECKED = "unchecked", _("Not captured yet")
    LIVE = "live", _("Live")
    MOVED = "moved", _("Moved")
    CHANGED = "changed", _("Changed since captured")
    GONE = "gone", _("Gone")
    REFUSED = "refused", _("Not capturable")
    UNREACHABLE = "unreachable", _("Unreachable")

    @classmethod
    def needing_attention(cls) -> list[str]:
        """What an editor should look at: the original moved, changed, went or cannot be had."""
        return [cls.MOVED, cls.CHANGED, cls.GONE, cls.REFUSED, cls.UNREACHABLE]


class SourceQuerySet(models.QuerySet["Source"]):
    def needing_attention(self) -> SourceQuerySet:
        return self.filter(link_status__in=LinkStatus.needing_attention())


class Source(TimeStampedModel):
    title = models.CharField(_("title"), max_length=500)
    url = NormalisedURLField(
        _("URL"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Stored in canonical form (lower-case host, no fragment, no utm_ tracking "
            "parameters), so one document is entered once. Blank only for a document with no "
            "address (a broadcast, a printed communiqué)."
        ),
    )
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="sources", verbose_name=_("outlet")
    )
    byline = models.CharField(_("byline"), max_length=300, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True, db_index=True)
    language = models.CharField(
        _("language"),
        max_length=12,
        blank=True,
        help_text=_("Language of the document as a BCP 47 tag: en, fr, uk."),
    )
    archive_url = models.URLField(
        _("archived copy"),
        max_length=1000,
        blank=True,
        help_text=_("A copy in a web archive, so the source survives if the original disappears."),
    )
    retrieved_on = models.DateField(_("retrieved on"), null=True, blank=True)
    reliability = models.CharField(
        _("reliability"),
        max_length=1,
        choices=Reliability.choices,
        blank=True,
        help_text=_(
            "Admiralty grade of this document's reliability. Leave blank to use the outlet's "
            "default."
        ),
    )
    title_is_stand_in = models.BooleanField(
        _("title is a stand-in"),
        default=False,
        help_text=_(
            "The title was made from the address when the source was entered; the first capture "
            "replaces it with the page's own title."
        ),
    )
    link_status = models.CharField(
        _("link status"),
        max_length=12,
        choices=LinkStatus.choices,
        default=LinkStatus.UNCHECKED,
        db_index=True,
        help_text=_("What the last capture or check found at the address."),
    )
    link_status_since = models.DateTimeField(
        _("link status since"),
        null=True,
        blank=True,
        help_text=_("When the last capture or check first found it so."),
    )
    last_checked_at = models.DateTimeField(_("last checked at"), null=True, blank=True)
    internal_notes = internal_notes_field()
    # Derived: whether a citation on a public claim cites the source. Stored so the public's
    # sources (the sitemap's count, the API's list, the source page) read a column;
    # ``claims.derived`` keeps it true.
    is_public = models.BooleanField(default=False, editable=False, db_index=True)

    # The link's state is derived from the captures, which keep their own record: a check that
    # finds nothing new is no edit to the source. Whether the public sees it is derived from
    # the citations, which history records.
    history = HistoricalRecords(
        excluded_fields=["link_status", "link_status_since", "last_checked_at", "is_public"]
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-published_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~models.Q(url=""), name="sources_source_url_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(reliability="") | models.Q(reliability__in=Reliability.values),
                name="sources_source_reliability_valid",
            ),
            choices_check("link_status", LinkStatus),
            models.CheckConstraint(
                condition=models.Q(retrieved_on__isnull=True)
                | models.Q(published_on__isnull=True)
                | models.Q(retrieved_on__gte=models.F("published_on")),
                name="sources_source_retrieved_after_published",
            ),
        ]

    objects = SourceQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.outlet}: {self.title}" if self.outlet_id else self.title

    @classmethod
    def from_db(
        cls, db: str | BaseDatabaseWrapper, field_names: Any, values: Any, **kwargs: Any
    ) -> Source:
        source = super().from_db(db, field_names, values, **kwargs)
        # The address as stored, so a save can tell whether it changed (sources/capture.py).
        source.saved_url = source.__dict__.get("url")
        return source

    @property
    def needs_attention(self) -> bool:
        return self.link_status in LinkStatus.needing_attention()

    @property
    def reliability_grade(self) -> str:
        """This document's grade, or its outlet's default when it has none of its own."""
        return self.reliability or self.outlet.default_reliability

    def get_absolute_url(self) -> str:
        return reverse("sources:source-detail", args=[self.pk])


class CaptureReason(models.TextChoices):
    ENTRY = "entry", _("Source entered or its address changed")
    BY_HAND = "by_hand", _("Captured again by hand")
    CHECK = "check", _("Periodic check")


class CaptureOutcome(models.TextChoices):
    CAPTURED = "captured", _("Captured")
    UNCHANGED = "unchanged", _("Checked: unchanged since the last capture")
    GONE = "gone", _("Gone")
    REFUSED = "refused", _("Refused by the fetcher's rules")
    FAILED = "failed", _("Failed")


def capture_storage() -> Any:
    return storages["captures"]


class Capture(models.Model):
    """One fetch of a source's address: what came back, when, its SHA-256, and the web-archive
    record (WARC) of the exchange. Every capture is kept; none is overwritten."""

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="captures", verbose_name=_("source")
    )
    reason = models.CharField(_("reason"), max_length=10, choices=CaptureReason.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=CaptureOutcome.choices)
    requested_url = models.URLField(_("requested url"), max_length=1000)
    final_url = models.URLField(
        _("final url"),
        max_length=1000,
        blank=True,
        help_text=_("Where the redirects led; blank with no answer."),
    )
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    content_type = models.CharField(_("content type"), max_length=200, blank=True)
    size = models.PositiveBigIntegerField(
        _("size"), null=True, blank=True, help_text=_("Bytes of the body.")
    )
    sha256 = models.CharField(
        "SHA-256", max_length=64, blank=True, help_text=_("Of the body as received, in hex.")
    )
    warc = models.FileField(
        "WARC", storage=capture_storage, upload_to="captures/", max_length=300, blank=True
    )
    error = models.TextField(_("error"), blank=True, help_text=_("Why nothing was captured."))
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    captured_at = models.DateTimeField(_("captured at"), db_index=True)

    class Meta:
        verbose_name = _("capture")
        verbose_name_plural = _("captures")
        ordering = ["-captured_at", "-pk"]
        get_latest_by = ["captured_at", "pk"]
        constraints = [
            choices_check("reason", CaptureReason),
            choices_check("outcome", CaptureOutcome),
            models.CheckConstraint(
                condition=~models.Q(outcome="captured") | ~models.Q(sha256=""),
                name="sources_capture_captured_has_hash",
            ),
        ]
        indexes = [models.Index(fields=["source", "-captured_at"])]

    def __str__(self) -> str:
        when = f"{self.captured_at:%Y-%m-%d %H:%M}"
        return f"{self.get_outcome_display()}: {self.requested_url} at {when}"

    @property
    def moved(self) -> bool:
        return bool(self.final_url) and self.final_url != self.requested_url

    @property
    def has_copy(self) -> bool:
        return bool(self.warc)
