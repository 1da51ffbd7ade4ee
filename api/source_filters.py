"""Query parameters of the source list."""

from __future__ import annotations

from typing import TYPE_CHECKING

import django_filters
from django.db.models import Q

from claims.filters import SinceFilter
from claims.visibility import public
from sources.models import Outlet, Source

if TYPE_CHECKING:
    from django.db.models import QuerySet


def _public_outlets(request) -> QuerySet[Outlet]:
    return public.outlets()


class SourceFilter(django_filters.FilterSet):
    outlet = django_filters.ModelChoiceFilter(queryset=_public_outlets, label="Outlet id.")
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
