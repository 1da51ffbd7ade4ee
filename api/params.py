"""Query parameters: a parameter nobody declared, or a format nobody offers, is a 400 naming
it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django_filters import CharFilter, Filter, ModelChoiceFilter
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation

from claims.filters import PublicActorFilter

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request
    from rest_framework.views import APIView


PAGING_PARAMETERS = frozenset({"cursor", "page_size", "format"})
# Filters that name another object, and the errors that mean "no such object the public sees".
REFERENCES = (PublicActorFilter, ModelChoiceFilter)
UNKNOWN_REFERENCE = frozenset({"unknown_actor", "invalid_choice"})
# Filters whose value is any text (words, a name, a slug): an empty value is no filter at all.
FREE_TEXT = (PublicActorFilter, CharFilter, ModelChoiceFilter)


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
            return self.apply(request, queryset, view)
        if action in getattr(view, "paginated_actions", ()):
            unknown_parameters(request, PAGING_PARAMETERS)
        elif request.method in ("GET", "HEAD"):
            unknown_parameters(request, {"format"})
        return queryset

    def apply(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        """The filters, with two leniencies the site's form does not have, since a machine
        asking for what cannot exist is answered best by an empty list: a reference to an
        object the public cannot see (an actor or topic by a name nobody has, or a draft's)
        matches nothing, alike for both; so does a date range that ends before it starts.
        Any other bad value is a 400 naming the parameter, and so is an empty value for a
        parameter whose values are typed (a date, a number, a choice)."""
        filterset = self.get_filterset(request, queryset, view)
        blank = sorted(
            name
            for name, value in request.query_params.items()
            if value == ""
            and name in filterset.filters
            and not isinstance(filterset.filters[name], FREE_TEXT)
        )
        if blank:
            raise exceptions.ValidationError(
                {name: ["Give a value, or leave the parameter out."] for name in blank}
            )
        if filterset.is_valid():
            return filterset.qs
        if all(
            all(matches_nothing(filterset.filters[name], error) for error in field_errors)
            for name, field_errors in filterset.form.errors.as_data().items()
        ):
            return queryset.none()
        raise translate_validation(filterset.errors)


def matches_nothing(filter_: Filter, error: DjangoValidationError) -> bool:
    if error.code == "empty_range":
        return True
    return isinstance(filter_, REFERENCES) and error.code in UNKNOWN_REFERENCE


class StrictContentNegotiation(DefaultContentNegotiation):
    """An unknown ``format`` is a bad parameter (400 naming it), not a missing page."""

    def select_renderer(self, request: Request, renderers: list, format_suffix: Any = None) -> Any:
        if request.query_params.get("format") == "":
            offered = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError({"format": [f"Give a format: {offered}."]})
        return super().select_renderer(request, renderers, format_suffix)

    def filter_renderers(self, renderers: list, format: str) -> list:
        chosen = [renderer for renderer in renderers if renderer.format == format]
        if not chosen:
            offered = ", ".join(renderer.format for renderer in renderers)
            raise exceptions.ValidationError({"format": [f"Unknown format. Offered: {offered}."]})
        return chosen
