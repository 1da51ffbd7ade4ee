"""A page sent back with errors says how many there are and where, each a link to its box.

The claim page holds the claim, its statements and their citations: an error can sit in any
row of any inline. ``error_summary`` lists them all ("Statement 2 — Said on: …"), and
``note_needed_by_rows`` puts a statement's or a citation's "correction note needed" on the
note's own box, so the box is highlighted where the reporter or editor has to type.
"""

from __future__ import annotations

from typing import Any

from django.forms.forms import NON_FIELD_ERRORS
from django.utils.translation import gettext

from .formsets import CORRECTION_NOTE_MISSING

NOTE = "correction_note"


def _all_formsets(formsets: list[Any], where: str = "") -> list[tuple[str, Any]]:
    found = []
    for formset in formsets:
        name = str(formset.model._meta.verbose_name)
        here = f"{where}, {name}" if where else name.capitalize()
        found.append((here, formset))
        for index, form in enumerate(formset.forms, start=1):
            nested = getattr(form, "nested_formsets", [])
            found += _all_formsets(nested, f"{here} {index}")
    return found


def error_summary(form: Any, formsets: list[Any]) -> list[dict[str, str]]:
    """Every error of the page: where ("Statement 2 — Said on"), what, and the id of its box."""
    items: list[dict[str, str]] = []

    def add(form: Any, where: str) -> None:
        for name, errors in form.errors.items():
            if name == NON_FIELD_ERRORS or name not in form.fields:
                label, anchor = where or gettext("The claim"), ""
            else:
                field = str(form.fields[name].label or name)
                label = f"{where} — {field}" if where else field
                anchor = form[name].auto_id or ""
            items.extend({"where": label, "message": m, "anchor": anchor} for m in errors)

    add(form, "")
    for where, formset in _all_formsets(formsets):
        items.extend(
            {"where": where, "message": m, "anchor": ""} for m in formset.non_form_errors()
        )
        for index, row in enumerate(formset.forms, start=1):
            add(row, f"{where} {index}")
    return items


def note_needed_by_rows(form: Any, formsets: list[Any]) -> None:
    """A row's "correction note needed" shown on the note's box too."""
    if NOTE not in form.fields or form.has_error(NOTE):
        return
    for _where, formset in _all_formsets(formsets):
        for error in formset.non_form_errors().as_data():
            if error.code == CORRECTION_NOTE_MISSING:
                form.add_error(NOTE, error.messages[0])
                return
