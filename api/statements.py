"""Statements in the public API: those on listed claims, each with its actor and sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from claims.concurrency import StaleEdit
from claims.models import Statement

from .claims import csv_aware_list, wants_csv
from .filters import StatementFilter
from .renderers import FlatCSVRenderer
from .serializers.claims import StatementCSVSerializer, StatementListSerializer
from .serializers.writes import StatementWriteSerializer
from .viewsets import WRITES, WritableViewSet

if TYPE_CHECKING:
    from django.db.models import QuerySet


class StatementViewSet(WritableViewSet):
    """Statements on published claims, each with its actor and the sources that report it."""

    filterset_class = StatementFilter
    detail_serializer_class = StatementListSerializer
    stale_errors = (StaleEdit,)
    renderer_classes = [JSONRenderer, FlatCSVRenderer]

    def get_queryset(self) -> QuerySet[Statement]:
        seen = self.seen
        if self.action == "list" and not seen.preview:
            statements = seen.statements().filter(claim__in=seen.listed_claims())
        elif self.action in WRITES:
            statements = Statement.objects.all()
        else:
            statements = seen.statements()
        citations = seen.citations().select_related("source__outlet")
        return statements.select_related("claim", "actor", "on_behalf_of").prefetch_related(
            Prefetch("citations", queryset=citations)
        )

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "list" and wants_csv(self.request):
            return StatementCSVSerializer
        if self.action in WRITES:
            return StatementWriteSerializer
        return StatementListSerializer

    def get_renderers(self) -> list:
        offered = ("json", "csv") if getattr(self, "action", None) == "list" else ("json",)
        return [renderer() for renderer in self.renderer_classes if renderer.format in offered]

    def list(self, request, *args, **kwargs):
        return csv_aware_list(self)

    def get_renderer_context(self) -> dict:
        return {**super().get_renderer_context(), "header": StatementCSVSerializer.Meta.fields}
