"""Re-runnable loads: a write that would create a second copy of something that exists — by
one of its natural keys, which are the model's own unique fields and unique constraints (a
source's URL, an actor's or outlet's slug, a topic's name, a claim's slug, a relation's ends) —
is a 409 naming the field and carrying the existing object's id and URL, so a client re-running
its script can pick the existing object up instead of failing or duplicating it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.urls import NoReverseMatch, reverse
from rest_framework import status
from rest_framework.exceptions import APIException

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.serializers import Serializer


class Duplicate(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "duplicate"

    def __init__(self, detail: dict[str, Any]) -> None:
        super().__init__()
        self.detail = detail


def natural_keys(model: type[models.Model]) -> list[tuple[tuple[str, ...], models.Q | None]]:
    """The model's unique fields and unique constraints on fields, each with its condition."""
    keys: list[tuple[tuple[str, ...], models.Q | None]] = [
        ((field.name,), None)
        for field in model._meta.concrete_fields
        if field.unique and not field.primary_key
    ]
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            keys.append((tuple(constraint.fields), constraint.condition))
    return keys


def existing_copy(instance: models.Model) -> tuple[tuple[str, ...], models.Model] | None:
    """Another row that holds one of ``instance``'s natural keys, and which key."""
    model = type(instance)
    for fields, condition in natural_keys(model):
        values = {}
        for name in fields:
            field = model._meta.get_field(name)
            value = getattr(instance, field.attname)
            if value in (None, ""):
                break
            values[field.attname] = value
        else:
            rows = model._base_manager.filter(**values)
            if condition is not None:
                rows = rows.filter(condition)
            if instance.pk is not None:
                rows = rows.exclude(pk=instance.pk)
            try:
                found = rows.order_by("pk").first()
            except (DjangoValidationError, TypeError, ValueError):
                continue
            if found is not None:
                return fields, found
    return None


def refuse_duplicate(
    *,
    serializer: Serializer,
    instance: models.Model,
    request: Request,
    basename: str,
    derived_from: dict[str, str],
) -> None:
    """Raise ``Duplicate`` if ``instance`` (built from the request, not saved) would copy a row.
    The answer names the body's field for each part of the key — the field the client sent,
    or for a key derived from another (a slug from a name) the one it is derived from."""
    if hasattr(instance, "clean"):
        try:
            instance.clean()  # derives blank slugs, as the save will
        except DjangoValidationError:
            return  # the save reports it, naming the field
    found = existing_copy(instance)
    if found is None:
        return
    fields, existing = found
    by_source = {
        (field.source or name): name
        for name, field in serializer.fields.items()
        if not field.read_only
    }
    named = []
    for field in fields:
        name = by_source.get(field, field)
        if name not in request.data and field in derived_from:
            name = derived_from[field]
        named.append(name)
    # The sentence is English, so is the record's name (its verbose_name follows the language).
    label = existing._meta.verbose_name_raw
    article = "An" if str(label)[:1].lower() in "aeiou" else "A"
    message = f"{article} {label} with this {', '.join(named)} already exists: id {existing.pk}."
    detail: dict[str, Any] = {name: [message] for name in named}
    try:
        url = request.build_absolute_uri(reverse(f"api:{basename}-detail", args=[existing.pk]))
    except NoReverseMatch:
        url = None
    detail["existing"] = {"id": existing.pk, "url": url}
    raise Duplicate(detail)
