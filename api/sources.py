"""Outlets and sources in the public API. Only what a public claim cites is readable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework import serializers

from sources.models import Outlet, Source

from .filters import SourceFilter
from .serializers.sources import OutletSerializer, SourceSerializer, SourceWriteSerializer
from .viewsets import WRITES, PublicViewSet, WritableViewSet

if TYPE_CHECKING:
    from django.db.models import QuerySet


class OutletViewSet(PublicViewSet):
    """Publishers of the sources that public claims cite. Outlets have no public page."""

    serializer_class = OutletSerializer
    pagination_ordering = ("name", "pk")

    def get_queryset(self) -> QuerySet[Outlet]:
        return self.seen.outlets()


class SourceViewSet(WritableViewSet):
    """Documents that report the statements on public claims, each with its outlet."""

    filterset_class = SourceFilter
    detail_serializer_class = SourceSerializer

    def get_queryset(self) -> QuerySet[Source]:
        sources = Source.objects.all() if self.action in WRITES else self.seen.sources()
        return sources.select_related("outlet")

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return SourceWriteSerializer if self.action in WRITES else SourceSerializer
