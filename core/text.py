"""Plain text: what a stored text may hold. One rule for every text field of every model, applied
by ``full_clean()`` (so by the admin, the API, imports and the services alike), and one function
that makes old text safe where a format cannot carry it (XML feeds)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models

if TYPE_CHECKING:
    from collections.abc import Collection

# Control characters (C0 but tab, line feed and carriage return; DEL; C1) and the two
# non-characters XML 1.0 cannot carry. A reader never sees them; a feed cannot hold them.
NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
MESSAGE = "Remove the control character (U+%(code)04X): only printable text, tabs and new lines."


def printable(value: str) -> str:
    """``value`` without the characters ``NOT_TEXT`` refuses (for text stored before the rule)."""
    return NOT_TEXT.sub("", value)


def text_errors(instance: models.Model) -> dict[str, list[ValidationError]]:
    """Each text field of ``instance`` that holds a character ``NOT_TEXT`` refuses."""
    errors: dict[str, list[ValidationError]] = {}
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(instance, field.attname)
        if isinstance(value, str) and (match := NOT_TEXT.search(value)):
            errors[field.name] = [
                ValidationError(MESSAGE, code="control_character", params={"code": ord(match[0])})
            ]
    return errors


class PlainTextModel(models.Model):
    """A model whose text fields hold printable text only (``full_clean()`` refuses the rest,
    naming the field)."""

    class Meta:
        abstract = True

    def clean_fields(self, exclude: Collection[str] | None = None) -> None:
        errors = {name: e for name, e in text_errors(self).items() if name not in (exclude or ())}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as exc:
            for name, field_errors in exc.error_dict.items():
                errors.setdefault(name, []).extend(field_errors)
        if errors:
            raise ValidationError(errors)
