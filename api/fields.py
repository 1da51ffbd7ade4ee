"""Fields every resource shares: its API address and its public page."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


@extend_schema_field(OpenApiTypes.URI)
class HtmlUrlField(serializers.Field):
    """The object's public page, as an absolute URL."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**{**kwargs, "source": "*", "read_only": True})

    def to_representation(self, value: Any) -> str:
        request = self.context.get("request")
        path = value.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class ApiUrlField(serializers.HyperlinkedIdentityField):
    """The object's API address, absolute, without the request's own ``format``."""

    def get_url(self, obj: Any, view_name: str, request: Any, format: Any) -> str:
        path = reverse(view_name, kwargs={"pk": obj.pk})
        return request.build_absolute_uri(path) if request else path
