"""Query parameters of the actor list."""

from __future__ import annotations

from typing import TYPE_CHECKING

import django_filters
from django.db.models import Exists, OuterRef, Q
from django_countries import countries

from actors.models import Actor, ActorAlias, ActorKind
from claims.filters import SinceFilter

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
