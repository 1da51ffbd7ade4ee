"""Outlets and sources in the public API. Only what a public claim cites is readable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch
from rest_framework import serializers

from sources.models import CaptureOutcome, Outlet, Source

from .filters import SourceFilter
from .serializers.records import OutletWriteSerializer
from .serializers.sources import (
    OutletSerializer,
    SourceWithCapturesSerializer,
    SourceWriteSerializer,
)
from .viewsets import WRITES, WritableViewSet

if TYPE_CHECKING:
    from django.db.models import QuerySet

# The newest copies a source carries in the API; the source page lists as many.
CAPTURES_SHOWN = 10


class OutletViewSet(WritableViewSet):
    """Publishers of the sources that public claims cite (a newsroom token sees every outlet).
    Outlets have no public page."""

    detail_serializer_class = OutletSerializer
    pagination_ordering = ("name", "pk")
    natural_keys_from = {"slug": "name"}

    def get_queryset(self) -> QuerySet[Outlet]:
        return Outlet.objects.all() if self.action in WRITES else self.seen.outlets()

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return OutletWriteSerializer if self.action in WRITES else OutletSerializer


class SourceViewSet(WritableViewSet):
    """Documents that report the statements on public claims, each with its outlet."""

    filterset_class = SourceFilter
    detail_serializer_class = SourceWithCapturesSerializer

    def get_queryset(self) -> QuerySet[Source]:
        sources = Source.objects.all() if self.action in WRITES else self.seen.sources()
        copies = (
            self.seen.captures()
            .filter(outcome=CaptureOutcome.CAPTURED)
            .order_by("-captured_at", "-pk")[:CAPTURES_SHOWN]
        )
        return sources.select_related("outlet").prefetch_related(
            Prefetch("captures", queryset=copies, to_attr="copies")
        )

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return SourceWriteSerializer if self.action in WRITES else SourceWithCapturesSerializer
