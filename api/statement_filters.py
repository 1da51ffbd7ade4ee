"""Query parameters of the statement list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import django_filters

from claims.filters import ActorFilter, SinceFilter
from claims.models import Statement
from claims.visibility import public
from claims.vocabulary import Stance

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from actors.models import Actor


def _listed_claims(request: Any) -> QuerySet:
    return public.listed_claims()


class StatementFilter(django_filters.FilterSet):
    claim = django_filters.ModelChoiceFilter(queryset=_listed_claims)
    actor = ActorFilter(
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
