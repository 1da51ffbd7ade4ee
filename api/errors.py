"""The domain's refusals as API answers: a broken rule is a 400 naming the field."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework import serializers

VIA_API = "Via the API"


def save_validated(instance: models.Model) -> models.Model:
    """Run the model's own rules (``full_clean``: a blank slug is derived by the model's
    ``clean()``, then checked for uniqueness) before saving, reporting them as a 400 that names
    each field."""
    try:
        instance.full_clean()
    except DjangoValidationError as exc:
        raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
    instance._change_reason = VIA_API  # the history's reason; its user is the token's
    instance.save()
    return instance


@contextmanager
def as_api_errors() -> Iterator[None]:
    """The workflow's refusals as API answers: a broken rule is a 400 naming the field."""
    try:
        yield
    except DjangoValidationError as exc:
        raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
