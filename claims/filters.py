"""Query parameters of the claim and statement lists. Every choice a filter accepts comes from
the public querysets, so a draft, or an actor only a draft names, is "not one of the available
choices" exactly like an id that does not exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

import django_filters
from django.db.models import Exists, OuterRef
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from actors.models import Actor
from core.api import SinceFilter

from .models import Claim, Statement, Topic
from .search import search_claims
from .vocabulary import Stance, Verdict

if TYPE_CHECKING:
    from django.db.models import QuerySet

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


@extend_schema_field(OpenApiTypes.INT)
class ActorChoiceFilter(django_filters.ModelChoiceFilter):
    """An actor id, among the actors the public may see."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(queryset=_public_actors, **kwargs)


def _public_actors(request) -> QuerySet[Actor]:  # type: ignore[no-untyped-def]
    return Actor.objects.public()


def _public_claims(request) -> QuerySet[Claim]:  # type: ignore[no-untyped-def]
    return Claim.objects.published()


def _public_topics(request) -> QuerySet[Topic]:  # type: ignore[no-untyped-def]
    return Topic.objects.public()


class ClaimFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label="Full-text search over the claim, its summary, the quotes, translations and "
        "paraphrases of its statements, and the names and aliases of the actors. Results come "
        "by relevance unless `ordering` is given.",
    )
    actor = ActorChoiceFilter(
        method="noop",
        label="Claims on which this actor (or someone speaking for it) took a position. With "
        "`stance`, the same statement must match both.",
    )
    stance = django_filters.ChoiceFilter(
        choices=Stance.choices,
        method="noop",
        label="Claims with a statement of this stance (by `actor`, when given).",
    )
    asserted_by = ActorChoiceFilter(
        method="filter_asserted_by",
        label="Claims this actor, or someone speaking for it, has ever taken a position for.",
    )
    denied_by = ActorChoiceFilter(
        method="filter_denied_by",
        label="Claims this actor, or someone speaking for it, has disputed, denied or retracted.",
    )
    verdict = django_filters.ChoiceFilter(choices=Verdict.choices)
    contested = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_contested",
        label="true: one actor's current position is for the claim and another's against.",
    )
    topic = django_filters.ModelChoiceFilter(
        queryset=_public_topics, to_field_name="slug", field_name="topics", label="Topic slug."
    )
    event_after = django_filters.DateFilter(
        field_name="event_date", lookup_expr="gte", label="Event on or after this date."
    )
    event_before = django_filters.DateFilter(
        field_name="event_date", lookup_expr="lte", label="Event on or before this date."
    )
    updated_since = SinceFilter(
        label="Changed at or after this instant (ISO 8601). With `ordering=updated_at`, the way "
        "to sync: keep the last `updated_at` you saw and ask again from there.",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(key, key) for key in CLAIM_ORDERINGS],
        method="noop",
        label="Order of the list; default -updated_at (relevance when `q` is given).",
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    def noop(self, queryset: QuerySet[Claim], name: str, value: object) -> QuerySet[Claim]:
        return queryset  # applied together in filter_queryset, or by the paginator

    def search(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return search_claims(queryset, value) if value.strip() else queryset

    def filter_asserted_by(self, queryset: QuerySet[Claim], name: str, actor: Actor):  # type: ignore[no-untyped-def]
        return queryset.asserted_by(actor)

    def filter_denied_by(self, queryset: QuerySet[Claim], name: str, actor: Actor):  # type: ignore[no-untyped-def]
        return queryset.denied_by(actor)

    def filter_contested(self, queryset: QuerySet[Claim], name: str, value: str):  # type: ignore[no-untyped-def]
        return queryset.contested() if value == "true" else queryset.uncontested()

    def filter_queryset(self, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        queryset = super().filter_queryset(queryset)
        actor, stance = self.form.cleaned_data.get("actor"), self.form.cleaned_data.get("stance")
        if actor or stance:
            statements = Statement.objects.filter(claim=OuterRef("pk"))
            if actor:
                statements = statements.by(actor)
            if stance:
                statements = statements.filter(stance=stance)
            queryset = queryset.filter(Exists(statements))
        return queryset


class StatementFilter(django_filters.FilterSet):
    claim = django_filters.ModelChoiceFilter(queryset=_public_claims)
    actor = ActorChoiceFilter(
        method="filter_actor",
        label="Statements by this actor or made on its behalf.",
    )
    stance = django_filters.ChoiceFilter(choices=Stance.choices)
    stated_after = django_filters.DateFilter(
        field_name="stated_on", lookup_expr="gte", label="Said on or after this date."
    )
    stated_before = django_filters.DateFilter(
        field_name="stated_on", lookup_expr="lte", label="Said on or before this date."
    )
    updated_since = SinceFilter()

    class Meta:
        model = Statement
        fields: list[str] = []

    def filter_actor(self, queryset: QuerySet[Statement], name: str, actor: Actor):  # type: ignore[no-untyped-def]
        return queryset.by(actor)
