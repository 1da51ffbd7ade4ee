"""What every endpoint of the public API shares: strict query parameters, keyset pagination,
anonymous throttling, ETags and conditional writes.

The resources live beside this module (``api.claims``, ``api.actors``, ``api.sources``);
``api.urls`` routes them.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import parse_etags
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers, status
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.utils.urls import remove_query_param

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request
    from rest_framework.views import APIView

MAX_PAGE_SIZE = 100
PAGING_PARAMETERS = frozenset({"cursor", "page_size", "format"})


# Query parameters --------------------------------------------------------------------------------


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


# Pagination --------------------------------------------------------------------------------------


class KeysetPagination(CursorPagination):
    """Opaque cursors over a stable order, so reading page 4,000 costs what page 1 costs.

    The order is the view's ``pagination_ordering`` (ending in the primary key). A search ordered
    by relevance has no column to seek on, so its cursor carries an offset instead. There is no
    ``count``: counting every matching row is the one cost that grows with the data.
    """

    page_size = api_settings.PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering = ("-updated_at", "-pk")
    invalid_cursor_message = "Invalid cursor: use the next or previous link as given."

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise exceptions.ValidationError(
                {"page_size": [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw)

    def get_schema_operation_parameters(self, view: APIView) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.page_size,
                }
        return parameters

    def get_ordering(self, request: Request, queryset: QuerySet, view: APIView | None) -> tuple:
        ordering = getattr(view, "get_pagination_ordering", None)
        return tuple(ordering()) if ordering else self.ordering

    def decode_cursor(self, request: Request) -> Cursor | None:
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound as exc:
            raise exceptions.ValidationError({"cursor": [self.invalid_cursor_message]}) from exc

    def paginate_queryset(
        self, queryset: QuerySet, request: Request, view: APIView | None = None
    ) -> list | None:
        self.by_offset = bool(getattr(view, "ordered_by_relevance", lambda: False)())
        if not self.by_offset:
            return super().paginate_queryset(queryset, request, view)
        # Relevance order: the queryset arrives ordered; the cursor holds how many rows to skip.
        self.request = request
        self.page_size = self.get_page_size(request)
        self.base_url = request.build_absolute_uri()
        self.cursor = self.decode_cursor(request)
        offset = self.cursor.offset if self.cursor else 0
        rows = list(queryset[offset : offset + self.page_size + 1])
        self.page = rows[: self.page_size]
        self.offset = offset
        self.has_next = len(rows) > self.page_size
        self.has_previous = offset > 0
        return self.page

    def get_next_link(self) -> str | None:
        if not self.by_offset:
            return super().get_next_link()
        if not self.has_next:
            return None
        return self.encode_cursor(Cursor(self.offset + self.page_size, False, None))

    def get_previous_link(self) -> str | None:
        if not self.by_offset:
            return super().get_previous_link()
        if not self.has_previous:
            return None
        offset = max(self.offset - self.page_size, 0)
        if offset == 0:
            return remove_query_param(self.base_url, self.cursor_query_param)
        return self.encode_cursor(Cursor(offset, False, None))


# Throttling --------------------------------------------------------------------------------------


class AnonScopedRateThrottle(SimpleRateThrottle):
    """A budget per client address for anonymous readers, in scopes: ``anon-read`` for every
    read, ``anon-search`` (smaller) for a request with ``q``. A token holder is not throttled
    here: tokens are issued by the newsroom to tools it trusts."""

    def get_rate(self) -> str | None:  # read at request time, so settings can change it
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.user and request.user.is_authenticated:
            return True
        self.scope = "anon-search" if request.query_params.get("q") else "anon-read"
        self.rate = self.get_rate()
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def __init__(self) -> None:  # the scope is chosen per request
        pass

    def get_cache_key(self, request: Request, view: APIView) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


# ETags and conditional writes --------------------------------------------------------------------

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_VERSION = re.compile(r'^(?:W/)?"(\d+)-[0-9a-f]+"$')


def version_of(obj: models.Model) -> str:
    """The row's version: the workflow's ``version`` counter on claims and statements
    (``claims.concurrency``), else its ``updated_at`` in whole microseconds (exact on both
    databases)."""
    if hasattr(obj, "version"):
        return str(obj.version)
    return str((obj.updated_at - EPOCH) // datetime.timedelta(microseconds=1))


def tag_response(request: Request, response: Response) -> Response | None:
    if response.status_code not in (200, 201) or response.streaming:
        return None
    digest = hashlib.sha256(response.content).hexdigest()[:20]
    version = getattr(response, "version", None)
    etag = f'"{version}-{digest}"' if version else f'"{digest}"'
    response["ETag"] = etag
    if request.method in ("GET", "HEAD"):
        return get_conditional_response(request, etag=etag, response=response)
    return None


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource has changed since the version given in If-Match. Read it again."
    default_code = "precondition_failed"


def claim_version(request: Request, obj: models.Model) -> None:
    """Honour ``If-Match``. Call it inside ``transaction.atomic``, before saving.

    A claim or a statement carries the workflow's ``version``: the version the client read is
    set on the instance, and its save is then the conditional UPDATE of ``claims.concurrency``
    (``StaleEdit`` if someone saved since; the view answers 412). Other rows are claimed here by
    one conditional UPDATE of ``updated_at``, which matches only while the row still holds the
    version the client read and locks it until the transaction ends, so two writers holding the
    same ETag cannot both succeed; the ``save()`` that history records follows."""
    header = request.headers.get("If-Match")
    if not header or header.strip() == "*":
        return
    read = [int(m.group(1)) for tag in parse_etags(header) if (m := _VERSION.match(tag))]
    if not read:
        raise PreconditionFailed
    if hasattr(obj, "version"):
        obj.version = read[0]
        return
    versions = [EPOCH + datetime.timedelta(microseconds=n) for n in read]
    matched = (
        type(obj)
        ._default_manager.filter(pk=obj.pk, updated_at__in=versions)
        .update(updated_at=timezone.now())
    )
    if not matched:
        raise PreconditionFailed


# Writes ------------------------------------------------------------------------------------------


def save_validated(instance: models.Model) -> models.Model:
    """Run the model's own rules (``full_clean``: a blank slug is derived by the model's
    ``clean()``, then checked for uniqueness) before saving, reporting them as a 400 that names
    each field."""
    try:
        instance.full_clean()
    except DjangoValidationError as exc:
        raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
    instance.save()
    return instance


# Fields ------------------------------------------------------------------------------------------


@extend_schema_field(OpenApiTypes.URI)
class HtmlUrlField(serializers.Field):
    """The object's public page, as an absolute URL."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        request = self.context.get("request")
        path = value.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class ApiUrlField(serializers.HyperlinkedIdentityField):
    """The object's API address, absolute, without the request's own ``format``."""

    def get_url(self, obj: Any, view_name: str, request: Any, format: Any) -> str:
        path = reverse(view_name, kwargs={"pk": obj.pk})
        return request.build_absolute_uri(path) if request else path
