"""The base viewsets of the public API: public reads, trusted writes, ETags."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from django.db import models, transaction
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from .base import (
    PreconditionFailed,
    StrictContentNegotiation,
    claim_version,
    tag_response,
    version_of,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request


class ConditionalMixin:
    """ETags on every 200 (a version and a digest of the body on single objects, a digest on
    lists), 304 for a matching ``If-None-Match``, 412 for a stale ``If-Match`` on a write."""

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        renderer = getattr(request, "accepted_renderer", None)
        if response.status_code >= 400 and renderer and renderer.format != "json":
            # An error is JSON whatever format was asked for: a CSV of it would say nothing.
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        response = super().finalize_response(request, response, *args, **kwargs)
        if hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(partial(tag_response, request))
        return response


class ReadViewSet(ConditionalMixin, viewsets.ReadOnlyModelViewSet):
    """A public resource: ``public_queryset()`` is the only way in for reads, ``prepare()`` adds
    the joins and the prefetches (built on public querysets) that keep the query count flat."""

    content_negotiation_class = StrictContentNegotiation
    pagination_ordering: tuple[str, ...] = ("-updated_at", "-pk")
    read_serializer_class: type[serializers.Serializer]

    def public_queryset(self) -> QuerySet:
        raise NotImplementedError

    def prepare(self, queryset: QuerySet) -> QuerySet:
        return queryset

    def get_queryset(self) -> QuerySet:
        # Built once per request: the permission check asks for it too, and composing the
        # public querysets and their prefetches is not free. It is never evaluated here.
        if getattr(self, "_prepared_queryset", None) is None:
            self._prepared_queryset = self.build_queryset()
        return self._prepared_queryset

    def build_queryset(self) -> QuerySet:
        return self.prepare(self.public_queryset())

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return self.read_serializer_class

    def get_pagination_ordering(self) -> tuple[str, ...]:
        return self.pagination_ordering

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        response = Response(self.get_serializer(instance).data)
        response.version = version_of(instance)
        return response


class WriteViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    ReadViewSet,
):
    """A resource trusted tools may also create and update (never delete: the newsroom retracts
    in the admin). Writers with the model's change permission reach rows that are not public
    yet, so a tool can amend the draft it filed; reads stay public for everyone."""

    write_serializer_class: type[serializers.Serializer]
    # What the model's own save raises for an edit made from an old version (answered 412).
    stale_errors: tuple[type[Exception], ...] = ()
    http_method_names = ["get", "post", "put", "patch", "head"]

    def build_queryset(self) -> QuerySet:
        if self.request.method in ("GET", "HEAD"):
            return super().build_queryset()
        return self.prepare(self.write_queryset())

    def write_queryset(self) -> QuerySet:
        return self.read_serializer_class.Meta.model._default_manager.all()

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.request.method in ("POST", "PUT", "PATCH"):
            return self.write_serializer_class
        return self.read_serializer_class

    def _read_back(self, instance: models.Model, status_code: int) -> Response:
        instance = self.prepare(self.write_queryset()).get(pk=instance.pk)
        data = self.read_serializer_class(instance, context=self.get_serializer_context()).data
        response = Response(data, status=status_code)
        response.version = version_of(instance)
        return response

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            instance = serializer.save()
        response = self._read_back(instance, status.HTTP_201_CREATED)
        response["Location"] = response.data["url"]
        return response

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        is_partial = kwargs.pop("partial", False)
        instance = self.get_object()
        self.check_may_change(instance)
        serializer = self.get_serializer(instance, data=request.data, partial=is_partial)
        serializer.is_valid(raise_exception=True)
        self.perform_update(serializer)
        return self._read_back(serializer.instance, status.HTTP_200_OK)

    def perform_update(self, serializer: serializers.Serializer) -> None:
        try:
            with transaction.atomic():
                claim_version(self.request, serializer.instance)
                serializer.save()
        except self.stale_errors as exc:
            raise PreconditionFailed from exc

    def check_may_change(self, instance: models.Model) -> None:
        """Hook: refuse a change the user may not make (publishing rules)."""
