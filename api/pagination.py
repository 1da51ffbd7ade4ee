"""Keyset pagination: opaque cursors over a stable order, so page 4,000 costs what page 1 costs."""

from __future__ import annotations

import binascii
from base64 import b64decode
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signing import BadSignature, Signer
from rest_framework import exceptions
from rest_framework.pagination import Cursor, CursorPagination
from rest_framework.settings import api_settings
from rest_framework.utils.urls import remove_query_param

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request
    from rest_framework.views import APIView


MAX_PAGE_SIZE = 100
# Cursors are signed with SECRET_KEY: rotating the key invalidates the links clients hold (a 400
# that says to start again from the first page), nothing else.
CURSOR_SALT = "api.cursor"


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

    def encode_cursor(self, cursor: Cursor) -> str:
        """DRF's cursor, signed: a client can follow it, not forge or edit it."""
        url = super().encode_cursor(cursor)
        scheme, netloc, path, query, fragment = urlsplit(url)
        params = parse_qs(query, keep_blank_values=True)
        params[self.cursor_query_param] = [
            Signer(salt=CURSOR_SALT).sign(params[self.cursor_query_param][0])
        ]
        return urlunsplit((scheme, netloc, path, urlencode(params, doseq=True), fragment))

    def decode_cursor(self, request: Request) -> Cursor | None:
        """The cursor as we issued it, or a 400 naming ``cursor``: signed by us, then base64 of
        at most ``o`` (a non-negative offset), ``r`` (0 or 1) and ``p`` (a printable position).
        Its position is checked against the ordering's column in ``paginate_queryset``."""
        signed = request.query_params.get(self.cursor_query_param)
        if not signed:  # absent, or left blank by a client building the URL: the first page
            return None
        try:
            encoded = Signer(salt=CURSOR_SALT).unsign(signed)
            text = b64decode(encoded.encode("ascii"), validate=True).decode("ascii")
            tokens = parse_qs(text, keep_blank_values=True, strict_parsing=True)
            if not set(tokens) <= {"o", "r", "p"} or any(len(v) != 1 for v in tokens.values()):
                raise ValueError(text)
            offset = int(tokens.get("o", ["0"])[0])
            reverse = tokens.get("r", ["0"])[0]
            position = tokens.get("p", [None])[0]
            if not 0 <= offset <= self.offset_cutoff or reverse not in ("0", "1"):
                raise ValueError(text)
            if position is not None and not position.isprintable():
                raise ValueError(text)
        except (BadSignature, TypeError, ValueError, binascii.Error, UnicodeError) as exc:
            raise self.invalid_cursor() from exc
        return Cursor(offset=offset, reverse=reverse == "1", position=position)

    def invalid_cursor(self) -> exceptions.ValidationError:
        return exceptions.ValidationError({"cursor": [self.invalid_cursor_message]})

    def check_position(self, queryset: QuerySet, ordering: tuple[str, ...]) -> None:
        """A position must be a value of the column the page seeks on: a tampered one is a 400,
        not a database error."""
        position = self.cursor.position if self.cursor else None
        if position is None:
            return
        field = queryset.model._meta.get_field(ordering[0].lstrip("-"))
        try:
            field.get_prep_value(field.to_python(position))
        except (DjangoValidationError, TypeError, ValueError) as exc:
            raise self.invalid_cursor() from exc

    def paginate_queryset(
        self, queryset: QuerySet, request: Request, view: APIView | None = None
    ) -> list | None:
        self.by_offset = bool(getattr(view, "ordered_by_relevance", lambda: False)())
        if not self.by_offset:
            self.cursor = self.decode_cursor(request)
            self.check_position(queryset, self.get_ordering(request, queryset, view))
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
