"""Sidebar filters of the newsroom's lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actors.models import Actor
from claims.models import Claim, RequestForComment, Statement

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest


class ContestedFilter(admin.SimpleListFilter):
    title = _("contested")
    parameter_name = "contested"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", _("Contested")), ("no", _("Not contested"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        if self.value() == "yes":
            return queryset.contested()
        if self.value() == "no":
            return queryset.uncontested()
        return queryset


class ActorListFilter(admin.SimpleListFilter):
    """Claims an actor took a position on (as speaker or as the party spoken for).

    A newsroom has tens of thousands of actors, so the sidebar offers the most-quoted ones plus
    the one selected; any other actor is reachable by ``?actor=<id>`` from the actor's page."""

    title = _("actor")
    parameter_name = "actor"
    shown = 15

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        top = list(
            Actor.objects.annotate(n=Count("statements"))
            .filter(n__gt=0)
            .order_by("-n", "name")
            .values_list("pk", "name")[: self.shown]
        )
        selected = self.value()
        if selected and selected.isdigit() and all(str(pk) != selected for pk, _ in top):
            top += list(Actor.objects.filter(pk=selected).values_list("pk", "name"))
        return [(str(pk), name) for pk, name in top]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        value = self.value()
        if not value:
            return queryset
        actor = Actor.objects.filter(pk=value).first() if value.isdigit() else None
        if actor is None:
            return queryset.none()
        return queryset.filter(pk__in=Statement.objects.by(actor).values("claim"))


class OverdueFilter(admin.SimpleListFilter):
    title = _("deadline")
    parameter_name = "overdue"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", _("Past deadline, no reply"))]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[RequestForComment]
    ) -> QuerySet[RequestForComment]:
        if self.value() == "yes":
            return queryset.overdue(timezone.localdate())
        return queryset
