"""How the site shows the claim filters (``claims.filters.ClaimFilter``): a plain GET form that
needs no JavaScript, with the actor typed as a name or alias and suggested from a datalist."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.visibility import public

# The filters the site's form shows, in order; the API takes these and more.
SITE_FILTERS = (
    "q",
    "verdict",
    "contested",
    "actor",
    "position",
    "topic",
    "event_after",
    "event_before",
)
SUGGESTED_ACTORS = 30


class DateInput(forms.DateInput):
    input_type = "date"


class DatalistInput(forms.TextInput):
    """A text input with suggestions (``<datalist>``) that need no JavaScript."""

    template_name = "claims/widgets/datalist_input.html"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.suggestions: list[str] = []

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs']['id']}-suggestions"
        context["widget"]["suggestions"] = self.suggestions
        return context


def actor_suggestions() -> list[str]:
    """The most-quoted public actors' names, counting public statements only."""
    return list(
        public.actors()
        .order_by("-public_statements", "name")
        .values_list("name", flat=True)[:SUGGESTED_ACTORS]
    )


def dress(form: forms.Form) -> list[forms.BoundField]:
    """The site's fields of the filter form, with the widgets a reader's browser needs."""
    actor = form.fields["actor"]
    actor.widget = DatalistInput(attrs={"placeholder": _("Name or alias, e.g. FLA")})
    actor.widget.suggestions = actor_suggestions()
    actor.max_length = 200
    for name in ("event_after", "event_before"):
        form.fields[name].widget = DateInput()
    return [form[name] for name in SITE_FILTERS]
