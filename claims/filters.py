"""The claim filters: one FilterSet for the public site's claim list and the API's.

Both take the same parameters with the same values — ``q``, ``actor``, ``position``, ``stance``,
``asserted_by``, ``denied_by``, ``verdict``, ``contested`` (``true``/``false``), ``topic``,
``event_after``, ``event_before``, ``updated_since``, ``ordering`` — so a link copied from the
site works on the API and back. An actor is given by id, slug, name or alias ("FLA"). Every
choice comes from the public querysets (``claims.visibility``), so a draft, or an actor only a
draft names, is refused exactly like one that does not exist.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from core import dates

from .models import Claim, Statement
from .search import search_claims
from .visibility import public
from .vocabulary import Direction, Stance, Verdict, stances

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from actors.models import Actor

# The orders a client may ask for. Each ends in the primary key so the order is total, and each
# leads with a column that is never NULL so a cursor can seek on it.
CLAIM_ORDERINGS = {
    "-updated_at": ("-updated_at", "-pk"),
    "updated_at": ("updated_at", "pk"),
    "-published_at": ("-published_at", "-pk"),
    "published_at": ("published_at", "pk"),
    "-created_at": ("-created_at", "-pk"),
    "created_at": ("created_at", "pk"),
}


# Instants ----------------------------------------------------------------------------------------


class UTCIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 instant, turned to UTC: PostgreSQL refuses offsets beyond ±15:59 that
    ISO 8601 allows, and an instant out of range must be a 400, never a 500."""

    def to_python(self, value: Any) -> datetime.datetime | None:
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.astimezone(datetime.UTC)
        except (OverflowError, ValueError) as exc:
            raise ValidationError(_("This instant is out of range.")) from exc


class SinceFilter(django_filters.IsoDateTimeFilter):
    """``updated_since``: changed at or after this instant."""

    field_class = UTCIsoDateTimeField

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("field_name", "updated_at")
        kwargs.setdefault("lookup_expr", "gte")
        kwargs.setdefault("label", "Changed at or after this instant (ISO 8601).")
        super().__init__(**kwargs)


# Dates at the precision they are known -----------------------------------------------------------


class PartialDateField(forms.DateField):
    """A date as the API writes them — ``2025``, ``2025-06`` or ``2025-06-12`` (``core.dates``) —
    or as a date input sends it; the date at its precision."""

    def to_python(self, value: Any) -> dates.PartialDate | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return dates.PartialDate(value, dates.DatePrecision.DAY)
        try:
            return dates.parse(str(value).strip())
        except ValueError:
            day = super().to_python(value)
            return dates.PartialDate(day, dates.DatePrecision.DAY) if day else None


@extend_schema_field(
    {
        "anyOf": [
            {"type": "string", "format": "date"},
            {"type": "string", "pattern": r"^[1-9]\d{3}-(0[1-9]|1[0-2])$"},
            {"type": "string", "pattern": r"^[1-9]\d{3}$"},
        ],
        "example": "2025-06",
    }
)
class PeriodFilter(django_filters.DateFilter):
    """``event_after`` / ``event_before`` at any precision: on or after the start of the period
    given (``2025-06``: 1 June 2025), on or before its end (``2025-06``: 30 June 2025)."""

    field_class = PartialDateField

    def filter(self, qs: QuerySet, value: dates.PartialDate | None) -> QuerySet:
        if value is None:
            return qs
        bound = value.value if self.lookup_expr == "gte" else dates.period_end(value)
        return super().filter(qs, bound)


# Actors by id, slug, name or alias ---------------------------------------------------------------


class PublicActorField(forms.CharField):
    """An actor the public may see, given by its id, slug, name or one of its aliases ("FLA").

    A newsroom has tens of thousands of actors, too many for a drop-down; a draft's actor is
    "not found" exactly like a name that does not exist."""

    default_error_messages = {
        "unknown_actor": _(
            "No actor by that id, name or alias: check the spelling, or pick one of the "
            "suggestions."
        ),
    }

    def clean(self, value: Any) -> Actor | None:
        text = super().clean(value)
        if not text:
            return None
        match = Q(slug=text) | Q(name__iexact=text) | Q(aliases__name__iexact=text)
        if text.isascii() and text.isdigit() and len(text) < 19:
            match |= Q(pk=int(text))
        actor = public.actors().filter(match).order_by("name", "pk").first()
        if actor is None:
            raise ValidationError(self.error_messages["unknown_actor"], code="unknown_actor")
        return actor


@extend_schema_field(OpenApiTypes.STR)
class PublicActorFilter(django_filters.Filter):
    field_class = PublicActorField


@extend_schema_field({"type": "string", "enum": [d.value for d in Direction]})
class DirectionFilter(django_filters.ChoiceFilter):
    """A position: its choices carry an "any" entry for the site's form, which the schema, where
    the parameter is simply left out, does not list."""


class ClaimFilterForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        data = super().clean()
        after, before = data.get("event_after"), data.get("event_before")
        if after and before and after > before:
            self.add_error(
                "event_before",
                ValidationError(
                    _("The end date must not be before the start date."), code="empty_range"
                ),
            )
        return data


def _public_topics(request: Any) -> QuerySet:
    return public.topics()


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        max_length=200,
        label=_("Search"),
        help_text="Full-text search over the claim, its summary, the quotes, translations and "
        "paraphrases of its statements, and the names and aliases of the actors. Results come "
        "by relevance unless `ordering` is given.",
    )
    verdict = django_filters.ChoiceFilter(
        choices=Verdict.choices, label=_("Verdict"), empty_label=_("Any verdict")
    )
    contested = django_filters.ChoiceFilter(
        choices=[("true", _("Contested")), ("false", _("Not contested"))],
        method="filter_contested",
        label=_("Contested"),
        empty_label=_("Either"),
        help_text="true: one party's current position is for the claim and another's against.",
    )
    actor = PublicActorFilter(
        method="noop",
        label=_("Actor"),
        help_text="Claims on which this actor (or someone speaking for it) took a position: its "
        "id, slug, name or an alias. With `position` or `stance`, the same statement must match.",
    )
    position = DirectionFilter(
        choices=[
            (Direction.FOR, _("For the claim (asserted, acknowledged…)")),
            (Direction.AGAINST, _("Against the claim (denied, disputed…)")),
            (Direction.NEUTRAL, _("Neutral (adds context, declined to comment)")),
        ],
        method="noop",
        label=_("Actor's position"),
        empty_label=_("Any position"),
        help_text="Claims with a statement in this direction (by `actor`, when given).",
    )
    stance = django_filters.ChoiceFilter(
        choices=Stance.choices,
        method="noop",
        label=_("Stance"),
        help_text="Claims with a statement of this stance (by `actor`, when given).",
    )
    asserted_by = PublicActorFilter(
        method="filter_asserted_by",
        label=_("Asserted by"),
        help_text="Claims this actor, or someone speaking for it, has ever taken a position for.",
    )
    denied_by = PublicActorFilter(
        method="filter_denied_by",
        label=_("Denied by"),
        help_text="Claims this actor, or someone speaking for it, has disputed, denied or "
        "retracted.",
    )
    topic = django_filters.ModelChoiceFilter(
        queryset=_public_topics,
        to_field_name="slug",
        field_name="topics",
        label=_("Topic"),
        empty_label=_("Any topic"),
        help_text="Topic slug.",
    )
    event_after = PeriodFilter(
        field_name="event_date",
        lookup_expr="gte",
        label=_("Event on or after"),
        help_text="A date at any precision (2025, 2025-06, 2025-06-12): events on or after the "
        "start of that period.",
    )
    event_before = PeriodFilter(
        field_name="event_date",
        lookup_expr="lte",
        label=_("Event on or before"),
        help_text="A date at any precision (2025, 2025-06, 2025-06-12): events on or before the "
        "end of that period.",
    )
    updated_since = SinceFilter(
        label=_("Updated since"),
        help_text="Changed at or after this instant (ISO 8601). With `ordering=updated_at`, the "
        "way to sync: keep the last `updated_at` you saw and ask again from there.",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(key, key) for key in CLAIM_ORDERINGS],
        method="noop",
        label=_("Order"),
        help_text="Order of the list; default -updated_at (relevance when `q` is given).",
    )

    class Meta:
        model = Claim
        fields: list[str] = []
        form = ClaimFilterForm

    def noop(self, queryset: QuerySet[Claim], name: str, value: object) -> QuerySet[Claim]:
        return queryset  # applied together in filter_queryset, or by the paginator

    def search(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return search_claims(queryset, value) if value.strip() else queryset

    def filter_asserted_by(self, queryset: QuerySet[Claim], name: str, actor: Actor) -> Any:
        return queryset.asserted_by(actor)

    def filter_denied_by(self, queryset: QuerySet[Claim], name: str, actor: Actor) -> Any:
        return queryset.denied_by(actor)

    def filter_contested(self, queryset: QuerySet[Claim], name: str, value: str) -> Any:
        return queryset.contested() if value == "true" else queryset.uncontested()

    def filter_queryset(self, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        actor, stance, position = data.get("actor"), data.get("stance"), data.get("position")
        if actor or stance or position:
            statements = Statement.objects.filter(claim=OuterRef("pk"))
            if actor:
                statements = statements.by(actor)
            if stance:
                statements = statements.filter(stance=stance)
            if position:
                statements = statements.filter(stance__in=stances(position))
            queryset = queryset.filter(Exists(statements))
        return queryset
