"""Query parameters: a parameter nobody declared, or a format nobody offers, is a 400 naming
it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request
    from rest_framework.views import APIView


PAGING_PARAMETERS = frozenset({"cursor", "page_size", "format"})


def unknown_parameters(request: Request, allowed: set[str] | frozenset[str]) -> None:
    """A typo such as ``denied_bt`` must not silently return everything: name it in a 400."""
    unknown = sorted(set(request.query_params) - set(allowed))
    if unknown:
        offered = ", ".join(sorted(allowed))
        raise exceptions.ValidationError(
            {name: [f"Unknown parameter. Allowed: {offered}."] for name in unknown}
        )


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter with two more rules: a parameter nobody declared is a 400 naming it, and a
    detail URL takes no filters at all (only ``format``)."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        action = getattr(view, "action", None)
        if action == "list":
            filterset_class = self.get_filterset_class(view, queryset)
            declared = set(filterset_class.base_filters) if filterset_class else set()
            unknown_parameters(request, declared | PAGING_PARAMETERS)
            if not declared & set(request.query_params):
                return queryset  # nothing to filter: skip building the filter form
            return super().filter_queryset(request, queryset, view)
        if action in getattr(view, "paginated_actions", ()):
            unknown_parameters(request, PAGING_PARAMETERS)
        elif request.method in ("GET", "HEAD"):
            unknown_parameters(request, {"format"})
        return queryset


class StrictContentNegotiation(DefaultContentNegotiation):
    """An unknown ``format`` is a bad parameter (400 naming it), not a missing page."""

    def filter_renderers(self, renderers: list, format: str) -> list:
        chosen = [renderer for renderer in renderers if renderer.format == format]
        if not chosen:
            offered = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError({"format": [f"Unknown format. Offered: {offered}."]})
        return chosen
