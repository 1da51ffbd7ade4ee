"""The claim list's filters: a plain GET form, so they work without JavaScript.

Choices come from the public querysets, so a draft's actor or topic is never offered, and a value
that is not a choice (a draft's actor slug included) is an error naming the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Count, Exists, OuterRef, Q, Subquery

from actors.models import Actor

from .models import Claim, Statement, Topic
from .vocabulary import Direction, Verdict

if TYPE_CHECKING:
    from django.db.models import QuerySet


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


class PublicActorField(forms.CharField):
    """An actor the public may see, typed as its slug, name or one of its aliases ("FLA").

    A newsroom has tens of thousands of actors, too many for a drop-down; a draft's actor is
    "not found" exactly like a name that does not exist."""

    SUGGESTED = 30

    def clean(self, value: Any) -> Actor | None:
        text = super().clean(value)
        if not text:
            return None
        actor = (
            Actor.objects.public()
            .filter(Q(slug=text) | Q(name__iexact=text) | Q(aliases__name__iexact=text))
            .order_by("name", "pk")
            .first()
        )
        if actor is None:
            raise forms.ValidationError(
                "No actor by that name or alias: check the spelling, or pick one of the "
                "suggestions.",
                code="unknown_actor",
            )
        return actor

    @classmethod
    def suggestions(cls) -> list[str]:
        """The most-quoted public actors' names, counting public statements only."""
        quoted = (
            Statement.objects.public()
            .filter(actor=OuterRef("pk"))
            .order_by()
            .values("actor")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return list(
            Actor.objects.public()
            .annotate(quoted=Subquery(quoted))
            .order_by("-quoted", "name")
            .values_list("name", flat=True)[: cls.SUGGESTED]
        )


class ClaimFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200, strip=True)
    verdict = forms.ChoiceField(
        label="Verdict", required=False, choices=[("", "Any verdict"), *Verdict.choices]
    )
    contested = forms.ChoiceField(
        label="Contested",
        required=False,
        choices=[("", "Either"), ("yes", "Contested"), ("no", "Not contested")],
    )
    actor = PublicActorField(
        label="Actor",
        required=False,
        max_length=200,
        widget=DatalistInput(attrs={"placeholder": "Name or alias, e.g. FLA"}),
    )
    position = forms.ChoiceField(
        label="Actor's position",
        required=False,
        choices=[
            ("", "Any position"),
            (Direction.FOR, "For the claim (asserted, acknowledged…)"),
            (Direction.AGAINST, "Against the claim (denied, disputed…)"),
        ],
    )
    topic = forms.ModelChoiceField(
        label="Topic",
        required=False,
        queryset=Topic.objects.none(),
        to_field_name="slug",
        empty_label="Any topic",
    )
    event_after = forms.DateField(label="Event on or after", required=False, widget=DateInput)
    event_before = forms.DateField(label="Event on or before", required=False, widget=DateInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["actor"].widget.suggestions = PublicActorField.suggestions()
        self.fields["topic"].queryset = Topic.objects.public().order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        after, before = data.get("event_after"), data.get("event_before")
        if after and before and after > before:
            self.add_error("event_before", "The end date must not be before the start date.")
        if data.get("position") and not data.get("actor"):
            self.add_error("position", "Choose an actor to filter by their position.")
        return data

    def filter(self, claims: QuerySet[Claim]) -> QuerySet[Claim]:
        """Apply the cleaned filters; search is applied by the view, which also orders."""
        data = self.cleaned_data
        if data.get("verdict"):
            claims = claims.filter(verdict=data["verdict"])
        if data.get("contested") == "yes":
            claims = claims.contested()
        elif data.get("contested") == "no":
            claims = claims.uncontested()
        if actor := data.get("actor"):
            position = data.get("position")
            if position == Direction.FOR:
                claims = claims.asserted_by(actor)
            elif position == Direction.AGAINST:
                claims = claims.denied_by(actor)
            else:
                claims = claims.filter(
                    Exists(Statement.objects.by(actor).filter(claim=OuterRef("pk")))
                )
        if topic := data.get("topic"):
            claims = claims.filter(topics=topic)
        if after := data.get("event_after"):
            claims = claims.filter(event_date__gte=after)
        if before := data.get("event_before"):
            claims = claims.filter(event_date__lte=before)
        return claims

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)
