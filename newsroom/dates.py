"""Dates typed as journalists write them: one box per date, the precision read from the text.

A model stores a partial date as two fields, ``stated_on`` and ``stated_on_precision``
(``core.dates``). The newsroom's forms show one box for the pair: "3 March 2025", "March 2025",
"2025", "2025-03-03" or "03/03/2025" (day first) go in, the precision is inferred from what was
typed (``core.dates.parse_written``, the domain's one parser, which the API's ISO 8601 dates go
through too), and the saved date comes back in words in the newsroom's language ("3 March 2025",
"mars 2025", "3 مارس 2025"), which the same parser reads when the page is saved again.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core import dates


class WrittenDateField(forms.CharField):
    """A partial date as text; cleans to a ``core.dates.PartialDate`` (or ``None``)."""

    widget = forms.TextInput(
        attrs={
            "placeholder": _("3 March 2025, March 2025 or 2025"),
            "size": 22,
            "autocomplete": "off",
        }
    )

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "help_text",
            _(
                "As written: 3 March 2025, March 2025, 2025, 2025-03-03 or 03/03/2025 (day "
                "first). The precision follows what you type."
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dates.PartialDate | None:
        if isinstance(value, dates.PartialDate):
            return value
        text = super().to_python(value)
        if not text:
            return None
        try:
            return dates.parse_written(text)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from None

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dates.PartialDate):
            return dates.display(value.value, value.precision)
        return value

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True


class WrittenDatesForm(forms.ModelForm):
    """A model form whose partial dates (``written_dates``: the date fields that have a
    ``<name>_precision`` beside them) are typed as one box each. A precision field the admin
    lays out beside its date becomes a hidden input whose value ``clean`` replaces with the
    precision read from what was typed."""

    written_dates: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.written_dates:
            if name not in self.fields:
                continue
            model_field = self.fields[name]
            self.fields[name] = WrittenDateField(
                label=model_field.label, required=model_field.required
            )
            if precision := self.fields.get(f"{name}_precision"):
                precision.widget = forms.HiddenInput()
                precision.required = False
            # The instance's date, shown in words at its precision; an initial given as text
            # (from the query string) stays as typed.
            if isinstance(self.initial.get(name), datetime.date):
                precision = getattr(self.instance, f"{name}_precision")
                self.initial[name] = dates.PartialDate(self.initial[name], precision)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name in self.written_dates:
            if name not in self.fields or name in self.errors:
                continue
            written = cleaned.get(name)
            cleaned[name] = written.value if written else None
            precision = written.precision if written else dates.DatePrecision.DAY
            setattr(self.instance, f"{name}_precision", precision)
            if f"{name}_precision" in self.fields:
                cleaned[f"{name}_precision"] = precision
        return cleaned
