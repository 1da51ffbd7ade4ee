"""The domain's refusals as API answers: a broken rule is a 400 naming the field, a refused
write a 403 saying why."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, serializers

VIA_API = "Via the API"


@contextmanager
def as_api_errors() -> Iterator[None]:
    """The workflow's refusals as API answers: a broken rule is a 400 naming the field, a write
    the user may not make a 403 saying why (``claims.permissions``)."""
    try:
        yield
    except DjangoValidationError as exc:
        raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
    except DjangoPermissionDenied as exc:
        raise exceptions.PermissionDenied(str(exc) or None) from exc
