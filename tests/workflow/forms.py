"""Turn an admin change page into the POST a browser would send, so tests edit like people do."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse


def admin_url(model, view: str, *args) -> str:
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def _form_values(form: Any, data: dict[str, Any]) -> None:
    for name in form.fields:
        bound = form[name]
        value = bound.value()
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(
            form.fields[name], forms.MultipleChoiceField | forms.ModelMultipleChoiceField
        ):
            data[bound.html_name] = [str(v) for v in value or []]
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = "" if value is None else str(value)
    for nested in getattr(form, "nested_formsets", []):
        _formset_values(nested, data)


def _formset_values(formset: Any, data: dict[str, Any]) -> None:
    management = formset.management_form
    for name in management.fields:
        value = management[name].value()
        data[management[name].html_name] = "" if value is None else str(value)
    for form in formset.forms:
        _form_values(form, data)


def page_data(response: Any) -> dict[str, Any]:
    """Every field of the page's form and inline formsets, as loaded."""
    assert response.status_code == 200
    data: dict[str, Any] = {}
    _form_values(response.context["adminform"].form, data)
    for inline in response.context["inline_admin_formsets"]:
        _formset_values(inline.formset, data)
    return data
