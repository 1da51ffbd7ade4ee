"""The base of every write serializer: a body says exactly what it means, or is refused.

- A key the resource does not have is a 400 naming it (a typo such as ``sumary`` must not be
  dropped in silence, as a typo in a query parameter is not).
- A field the resource shows but does not take (``id``, ``url``, ``created_at``…) may be sent
  back as it was read — a client may PUT what it GOT — but a different value is a 400 naming it.
- A text field takes a JSON string, not a number or a boolean turned into one.
- A copy of an existing row is not refused here but by the view, as a 409 (``api.duplicates``).
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.validators import UniqueValidator

NOT_WRITABLE = "This field is read-only: leave it out, or send it unchanged."
UNKNOWN = "Unknown field."
# The JSON type each kind of field takes. DRF would turn 1 into "1", "true" into True and a
# {"code": …} object into a country; the schema says a string, a boolean, an integer.
TYPES: tuple[tuple[type[serializers.Field], type | tuple[type, ...], str], ...] = (
    (serializers.BooleanField, bool, "Must be true or false."),
    (serializers.CharField, str, "Must be a string."),
    (serializers.DateField, str, "Must be a date as a string: YYYY-MM-DD."),
    (serializers.DateTimeField, str, "Must be an ISO 8601 instant as a string."),
    (serializers.IntegerField, int, "Must be a whole number."),
    (serializers.PrimaryKeyRelatedField, int, "Must be an id: a whole number."),
)


def is_integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def wrong_type(field: serializers.Field, value: Any) -> str | None:
    """Why ``value`` is not of the JSON type ``field`` takes, or None. ``null`` is left to the
    field (``allow_null``), lists and objects to nested serializers."""
    if value is None:
        return None
    if isinstance(field, serializers.ManyRelatedField | serializers.ListSerializer):
        return None if isinstance(value, list) else "Must be a list."
    if isinstance(field, serializers.ChoiceField):  # the type of its choices: "ML", "day", 6
        if all(isinstance(choice, int) for choice in field.choices):
            return None if is_integer(value) else "Must be one of the choices, as a number."
        return None if isinstance(value, str) else "Must be one of the choices, as a string."
    for kind, json_type, message in TYPES:
        if isinstance(field, kind):
            if isinstance(value, bool) and json_type is not bool:
                return message
            return None if isinstance(value, json_type) else message
    return None


class WriteSerializer(serializers.ModelSerializer):
    # Uniqueness is not DRF's to check: a copy of an existing row is a 409 with the existing id
    # (api.duplicates), and the model's own full_clean() stays the last word.
    def get_validators(self) -> list:
        return []

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for field in fields.values():
            field.validators = [v for v in field.validators if not isinstance(v, UniqueValidator)]
        return fields

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, dict):
            errors = self.body_errors(data)
            if errors:
                raise serializers.ValidationError(errors)
            data = {key: value for key, value in data.items() if key in self.writable_names()}
        return super().to_internal_value(data)

    def writable_names(self) -> set[str]:
        return {name for name, field in self.fields.items() if not field.read_only}

    def shown(self) -> dict[str, Any]:
        """The resource as a reader sees it (the view's detail shape), for read-only echoes."""
        view = self.context.get("view")
        detail = getattr(view, "detail_serializer_class", None)
        if detail is None or self.instance is None or self.parent is not None:
            return {}
        return detail(self.instance, context=self.context).data

    def readable_names(self) -> set[str]:
        view = self.context.get("view")
        detail = getattr(view, "detail_serializer_class", None)
        if detail is None or self.parent is not None:
            return set()
        return set(detail().fields)

    def body_errors(self, data: dict[str, Any]) -> dict[str, list[str]]:
        errors: dict[str, list[str]] = {}
        writable = self.writable_names()
        readable = self.readable_names() - writable
        echoed = readable & set(data)
        shown = self.shown() if echoed else {}
        for key, value in data.items():
            if key in writable:
                message = wrong_type(self.fields[key], value)
                if message:
                    errors[key] = [message]
            elif key in readable:
                if key not in shown or shown[key] != value:
                    errors[key] = [NOT_WRITABLE]
            else:
                errors[key] = [UNKNOWN]
        return errors
