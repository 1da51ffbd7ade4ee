"""Query parameters of the statement, actor and source lists. The claim list's are the
site's too: ``claims.filters.ClaimFilter``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django_countries import countries
from drf_spectacular.utils import extend_schema_field

from actors.models import Actor, ActorAlias, ActorKind
from claims.filters import PublicActorFilter, SinceFilter
from claims.models import Statement
from claims.vocabulary import Stance
from sources.models import Source

if TYPE_CHECKING:
    from django.db.models import QuerySet


class ActorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="Part of the actor's name or an alias.")
    kind = django_filters.ChoiceFilter(choices=ActorKind.choices)
    country = django_filters.ChoiceFilter(
        choices=list(countries), label="ISO 3166-1 alpha-2 code, upper case: ML."
    )
    updated_since = SinceFilter()

    class Meta:
        model = Actor
        fields: list[str] = []

    def search(self, queryset: QuerySet[Actor], name: str, value: str) -> QuerySet[Actor]:
        aliases = ActorAlias.objects.filter(actor=OuterRef("pk"), name__icontains=value)
        return queryset.filter(Q(name__icontains=value) | Exists(aliases))


MAX_ID = 2**63 - 1  # a database id is a signed 64-bit integer


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """An object's id. An id that names nothing the public sees (a draft's, or none at all)
    matches nothing: the list comes back empty, the same in both cases."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, min_value=1, max_value=MAX_ID, **kwargs)


class SourceFilter(django_filters.FilterSet):
    outlet = IdFilter(field_name="outlet_id", label="Outlet id.")
    q = django_filters.CharFilter(
        method="search", label="Words in the title or byline, or a part of the URL."
    )
    published_after = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte", label="Published on or after this date."
    )
    published_before = django_filters.DateFilter(
        field_name="published_on", lookup_expr="lte", label="Published on or before this date."
    )
    updated_since = SinceFilter()

    class Meta:
        model = Source
        fields: list[str] = []

    def search(self, queryset: QuerySet[Source], name: str, value: str) -> QuerySet[Source]:
        return queryset.filter(
            Q(title__icontains=value) | Q(byline__icontains=value) | Q(url__icontains=value)
        )


class StatementFilter(django_filters.FilterSet):
    claim = IdFilter(field_name="claim_id", label="Claim id.")
    actor = PublicActorFilter(
        method="filter_actor",
        label="Statements by this actor or made on its behalf: its id, slug, name or an alias.",
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

    def filter_actor(self, queryset: QuerySet[Statement], name: str, actor: Actor):
        return queryset.by(actor)
