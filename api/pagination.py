"""Keyset pagination: opaque cursors over a stable order, so page 4,000 costs what page 1 costs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework import exceptions
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.settings import api_settings
from rest_framework.utils.urls import remove_query_param

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request
    from rest_framework.views import APIView


MAX_PAGE_SIZE = 100


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
