"""The base viewsets of the public API: public reads, trusted writes, ETags."""

from __future__ import annotations

import copy
from contextlib import suppress
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any

from django.db import models, transaction
from django.utils.cache import patch_vary_headers
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from claims import permissions
from claims.cache_versions import GLOBAL, SHARED, claim_key
from claims.visibility import Visibility, visible_to
from core import response_cache

from .conditional import PreconditionFailed, claim_version, tag_response, version_of
from .duplicates import refuse_duplicate
from .idempotency import once
from .params import StrictContentNegotiation

if TYPE_CHECKING:
    from django.http import HttpResponse
    from rest_framework.request import Request


class _Answered(Exception):
    """Not an error: the answer, found before the view ran (a 304 or a cached answer)."""

    def __init__(self, response: HttpResponse) -> None:
        self.response = response


class ConditionalMixin:
    """ETags on every 200 (a version and a digest of the body on single objects, a digest on
    lists), 304 for a matching ``If-None-Match``, 412 for a stale ``If-Match`` on a write.

    For the public, with the response cache on (``core.response_cache``), the digest is the
    version of the data the answer shows (``claims.cache_versions``, read from the database in one
    query): once the request is authenticated, throttled and its format negotiated, a matching
    ``If-None-Match`` is a 304 and a cached answer is served, before the view runs a query."""

    # A claim's detail and history are keyed on the claim's own data version.
    per_claim_actions = frozenset({"retrieve", "history"})

    def version_keys(self) -> list[str] | None:
        """The data versions this answer is keyed on; ``None``: not to be cached."""
        if getattr(self, "basename", None) == "claim" and self.action in self.per_claim_actions:
            pk = self.kwargs.get("pk", "")
            # Only the canonical spelling of an id: "007" must not get a version of its own.
            if not (pk.isdigit() and str(int(pk)) == pk):
                return None
            return [claim_key(pk), SHARED]
        return [GLOBAL]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        request.cache_variant = None
        if request.method not in response_cache.SAFE:
            return
        found = response_cache.variant(
            request, self.version_keys(), media_type=request.accepted_media_type or ""
        )
        if found is None:
            return
        headers = {"Vary": "Accept, Authorization"}
        answer = response_cache.not_modified(request, found, headers) or response_cache.fetch(found)
        if answer is not None:
            raise _Answered(answer)
        request.cache_variant = found

    def handle_exception(self, exc: Exception) -> Any:
        if isinstance(exc, _Answered):
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        renderer = getattr(request, "accepted_renderer", None)
        if response.status_code >= 400 and renderer and renderer.format != "json":
            # An error is JSON whatever format was asked for: a CSV of it would say nothing.
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        response = super().finalize_response(request, response, *args, **kwargs)
        # What a request reads depends on its token: caches must not share answers across them.
        patch_vary_headers(response, ["Authorization"])
        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(partial(tag_response, request))
        return response


# The actions that write. Every other action reads, and reads only what the public sees.
WRITES = frozenset({"create", "update", "partial_update"})


class PublicViewSet(
    ConditionalMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """A public resource. Each resource says, per action, what it reads (``get_queryset``,
    built on ``claims.visibility``) and in which shape (``get_serializer_class``); this class
    adds strict parameters, keyset pages in the order ``get_pagination_ordering`` gives, and
    ETags."""

    content_negotiation_class = StrictContentNegotiation
    pagination_ordering: tuple[str, ...] = ("-updated_at", "-pk")

    @cached_property
    def seen(self) -> Visibility:
        """What this request reads: what the public sees, or, for a token whose user may
        preview drafts in the admin (``claims.permissions``, "preview"), drafts too — so a
        tool can read back what it filed. ``claims.visibility.visible_to`` decides."""
        return visible_to(self.request.user)

    def get_pagination_ordering(self) -> tuple[str, ...]:
        """The order the keyset paginator seeks on; it ends in the primary key."""
        return self.pagination_ordering

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        response.version = version_of(instance)
        return response


class WritableViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, PublicViewSet):
    """A resource trusted tools may also create and update (never delete: the newsroom retracts
    in the admin). A write answers with the row in ``detail_serializer_class``'s shape, read
    through the resource's ``get_queryset`` for that write action; writers with the model's
    change permission reach rows that are not public yet, so a tool can amend the draft it
    filed, under the services' rules."""

    detail_serializer_class: type[serializers.Serializer]
    # What the model's own save raises for an edit made from an old version (answered 412).
    stale_errors: tuple[type[Exception], ...] = ()
    http_method_names = ["get", "post", "put", "patch", "head"]
    # A natural key a client may leave out, and the field it is then derived from.
    natural_keys_from: dict[str, str] = {}

    def read_back(self, instance: models.Model, status_code: int) -> Response:
        instance = self.get_queryset().get(pk=instance.pk)
        data = self.detail_serializer_class(instance, context=self.get_serializer_context()).data
        response = Response(data, status=status_code)
        response.version = version_of(instance)
        return response

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """A new row, answered 201 with its URL in ``Location``. Sent again with the same
        ``Idempotency-Key``, the first answer is replayed (``api.idempotency``)."""
        return once(request, lambda: self.create_once(request))

    def create_once(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.refuse_duplicate(serializer, None)
        # The answer is read inside the transaction: if the database goes away before the
        # commit, nothing was written and the client's retry (after a 503) cannot duplicate.
        with transaction.atomic():
            instance = serializer.save()
            response = self.read_back(instance, status.HTTP_201_CREATED)
        # A plain str: WSGI servers refuse a header value of any other type.
        response["Location"] = str(response.data["url"])
        return response

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """A write with ``If-Match`` is conditional: 412 when the row changed since that version.
        A write without it is unconditional: the row is locked before it is read, so concurrent
        writers take turns and the last one wins; history keeps every version."""
        is_partial = kwargs.pop("partial", False)
        try:
            with transaction.atomic():
                if not request.headers.get("If-Match"):
                    self.lock_row()
                instance = self.get_object()
                self.check_may_change(instance)
                serializer = self.get_serializer(instance, data=request.data, partial=is_partial)
                serializer.is_valid(raise_exception=True)
                self.refuse_duplicate(serializer, instance)
                claim_version(request, instance)
                serializer.save()
                return self.read_back(serializer.instance, status.HTTP_200_OK)
        except self.stale_errors as exc:
            raise PreconditionFailed from exc

    def refuse_duplicate(
        self, serializer: serializers.Serializer, instance: models.Model | None
    ) -> None:
        """A 409 naming the field, with the existing object's id and URL, when the write would
        copy a row by one of its natural keys (``api.duplicates``)."""
        model = self.get_queryset().model
        fields = {f.name: f for f in model._meta.concrete_fields}
        values = {
            name: value
            for name, value in serializer.validated_data.items()
            if name in fields and not fields[name].many_to_many
        }
        probe = copy.copy(instance) if instance is not None else model()
        for name, value in values.items():
            setattr(probe, name, value)
        refuse_duplicate(
            serializer=serializer,
            instance=probe,
            request=self.request,
            basename=self.basename,
            derived_from=self.natural_keys_from,
        )

    def lock_row(self) -> None:
        """Hold the addressed row until the transaction ends (PostgreSQL; SQLite serialises
        writers by itself)."""
        model = self.get_queryset().model
        with suppress(TypeError, ValueError):  # not an id: get_object answers 404
            model._base_manager.select_for_update().filter(pk=self.kwargs["pk"]).first()

    def check_may_change(self, instance: models.Model) -> None:
        """Refuse, before the body is read, a change the one policy refuses
        (``claims.permissions``: a row a public page shows is the editors'): a 403 saying why.
        The services ask again, with the row as the write would leave it."""
        reason = permissions.why_not(self.request.user, permissions.CHANGE, instance)
        if reason is not None:
            raise exceptions.PermissionDenied(reason)
