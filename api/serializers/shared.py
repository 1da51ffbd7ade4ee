"""How a write serializer saves: every write goes through ``claims.services``, which ask the
one permission policy (``claims.permissions``)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from api.errors import VIA_API, as_api_errors
from claims import services


class SavedByModelRules:
    """Create and update through ``save_instance``, which the services implement below. A
    ``correction_note`` (write-only) is kept aside for it."""

    correction_note = ""

    def create(self, validated_data: dict) -> Any:
        self.correction_note = validated_data.pop("correction_note", "")
        return self.save_instance(self.Meta.model(**validated_data))

    def update(self, instance: Any, validated_data: dict) -> Any:
        self.correction_note = validated_data.pop("correction_note", "")
        for field, value in validated_data.items():
            setattr(instance, field, value)
        return self.save_instance(instance)

    def save_instance(self, instance: Any) -> Any:
        raise NotImplementedError


SHARED_NOTE_HELP = (
    "For an editor's change to a record that public claims show: the note for each of those "
    "claims' public corrections log. Left out, the note says what changed."
)


def correction_note_field() -> serializers.CharField:
    return serializers.CharField(
        write_only=True, required=False, allow_blank=True, help_text=SHARED_NOTE_HELP
    )


class SavedAsReference(SavedByModelRules):
    """Shared records (outlets, sources, actors, their relations, topics): through
    ``claims.services.save_reference``, which asks who may (one a public page shows is the
    editors' to change), runs ``full_clean()``, keeps the history and, for an editor's change to
    one that public claims show, records a correction on each of them."""

    def save_instance(self, instance: Any) -> Any:
        with as_api_errors():
            services.save_reference(
                record=instance,
                by=self.context["request"].user,
                reason=VIA_API,
                correction_note=self.correction_note,
            )
        return instance
