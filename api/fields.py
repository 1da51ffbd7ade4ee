"""Fields every resource shares: its API address, its public page, and dates at a precision."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core import dates


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


PARTIAL_DATE_HELP = (
    "An ISO 8601 date at its precision: 2025 (a year), 2025-02 (a month) or 2025-02-08 (a day). "
    "Read, it comes at the precision it is known to. Written, the precision is read from its "
    "form and the date stored as the first day of its period."
)
PRECISION_HELP = (
    "How precisely the date is known: day, month or year. When writing, leave it out: it is "
    "read from the date's form (2025-02 is a month). Sent with a full date it may be coarser "
    "(2025-02-14 with month is February 2025), never finer than the date."
)


@extend_schema_field({"type": "string", "pattern": dates.PARTIAL_PATTERN, "example": "2025-02"})
class PartialDateField(serializers.CharField):
    """A date with a precision companion (``event_date`` and ``event_date_precision``), as an
    ISO 8601 partial date: ``2025``, ``2025-02``, ``2025-02-08``. Parsing and formatting are
    ``core.dates``'. Written, it gives a ``dates.PartialDate``, which ``PartialDates`` (on the
    serializer) splits into the date and its precision."""

    default_error_messages = {"invalid": "Must be a date as a string: YYYY, YYYY-MM or YYYY-MM-DD."}

    def __init__(self, *, precision_field: str, **kwargs: Any) -> None:
        # The model's help text may be a lazy translation: joined as text.
        help_text = [kwargs.get("help_text"), PARTIAL_DATE_HELP]
        kwargs["help_text"] = " ".join(str(part) for part in help_text if part)
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)
        self.precision_field = precision_field

    def to_internal_value(self, data: Any) -> dates.PartialDate:
        if not isinstance(data, str):
            self.fail("invalid")
        try:
            return dates.parse(data)
        except ValueError as exc:
            raise serializers.ValidationError(str(exc), code="invalid") from None

    def get_attribute(self, instance: Any) -> dates.PartialDate | None:
        value = super().get_attribute(instance)
        if value is None:
            return None
        return dates.PartialDate(value, getattr(instance, self.precision_field))

    def to_representation(self, value: Any) -> str:
        if isinstance(value, dates.PartialDate):
            return value.isoformat()
        return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _precision_companion(model: type[models.Model], field: models.Field) -> str | None:
    """``event_date_precision`` for ``event_date``, when the model has it."""
    if not isinstance(field, models.DateField) or isinstance(field, models.DateTimeField):
        return None
    name = f"{field.name}_precision"
    return name if any(f.name == name for f in model._meta.concrete_fields) else None


class PartialDates:
    """A ``ModelSerializer`` mixin: every model date with a precision companion is a
    ``PartialDateField``, read and written as an ISO 8601 partial date, and its companion stays
    a field of its own.

    Written, the precision comes from the date's form. A precision sent beside it must say the
    same, or something coarser (``2023-02-14`` with ``month``, as clients wrote a month before
    partial dates: stored as 1 February); a finer one (``2023-02`` with ``day``) is a 400 naming
    the precision. A precision sent alone coarsens the stored date, as the model's ``clean()``
    always did."""

    def build_standard_field(self, field_name: str, model_field: models.Field) -> tuple:
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        model = self.Meta.model
        companion = _precision_companion(model, model_field)
        if companion:
            return PartialDateField, {**kwargs, "precision_field": companion}
        if field_name in {_precision_companion(model, f) for f in model._meta.concrete_fields}:
            kwargs["help_text"] = PRECISION_HELP
        return field_class, kwargs

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        attrs = super().validate(attrs)
        errors: dict[str, list[str]] = {}
        for field in self.fields.values():
            given = attrs.get(field.source)
            if not isinstance(field, PartialDateField) or not isinstance(given, dates.PartialDate):
                continue
            try:
                value, precision = dates.at_precision(given, attrs.get(field.precision_field))
            except ValueError as exc:
                errors[field.precision_field] = [str(exc)]
                continue
            attrs[field.source], attrs[field.precision_field] = value, precision
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


def TranslationsField() -> serializers.DictField:
    """A record's ``translations`` (``core.translations``), read-only, with its shape declared
    for the schema."""
    return serializers.DictField(
        child=serializers.DictField(child=serializers.CharField()),
        read_only=True,
        help_text="The translated fields in the site's other languages, by language code, each "
        "with `method`: who translated (human, machine, machine_reviewed). `language` is the "
        "language of the fields themselves.",
    )
