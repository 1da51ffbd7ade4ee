"""The newsroom's forms: the version a form was built from, the reason for a change, the public
correction note, and who may change what."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims import permissions, services
from claims.models import Claim
from claims.visibility import is_public_record
from sources.models import Source

from .create import NewReferencesForm
from .dates import WrittenDatesForm
from .history import NOT_MODEL_FIELDS, ReasonForm
from .translations import with_translations


class VersionedForm(ReasonForm):
    """Carries the version the form was built from. When the form changes anything, the save is
    made from that version, so it is refused if someone saved the record since (StaleEdit)."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The version saved now (a POST builds the form from the current row).
        self.saved_version = self.instance.version
        if self.instance.pk is not None:
            self.fields["loaded_version"].initial = self.instance.version
            # Without it an edit could not be checked against later saves: refuse, don't guess.
            self.fields["loaded_version"].required = True
            self.fields["loaded_version"].error_messages["required"] = gettext(
                "This page is missing the version it was opened at: reload it and edit again."
            )

    def has_changed(self) -> bool:
        return any(name not in NOT_MODEL_FIELDS for name in self.changed_data)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.instance.pk is not None and loaded is not None and self.has_changed():
            self.instance.version = loaded
        return cleaned


def correction_note_field(help_text: str) -> forms.CharField:
    """The public correction note's box, as every newsroom page shows it."""
    return forms.CharField(
        label=_("Correction note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=help_text,
    )


class CorrectionNoteMixin(forms.ModelForm):
    """Asks for the public correction note when a public claim's substance changes.

    ``was_public`` is read when the form is built, before the form's values reach the
    instance."""

    correction_note = correction_note_field(
        _(
            "Public. Required when you change the claim, its verdict or reasoning, or a "
            "statement's stance or quote, once the claim is published: say what was corrected "
            "and why."
        )
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.was_public = self.instance.pk is not None and self.is_public()

    def is_public(self) -> bool:
        raise NotImplementedError

    def substance_changes(self) -> list[str]:
        if not self.was_public:
            return []
        return services.substance_labels(self.instance, self.changed_data)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        try:
            services.require_correction_note(
                changed=self.substance_changes(), note=cleaned.get("correction_note", "")
            )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class _ClaimForm(NewReferencesForm, WrittenDatesForm, CorrectionNoteMixin, VersionedForm):
    written_dates = ("event_date",)
    # Not a column: the claim admin replaces it with its create-from-autocomplete field and cites
    # the source from every statement (``ClaimAdmin.get_form``, ``create.cite_everywhere``).
    source_for_every_statement = forms.ModelChoiceField(
        queryset=Source.objects.none(), required=False
    )

    def is_public(self) -> bool:
        return is_public_record(self.instance)


ClaimForm = with_translations(_ClaimForm, Claim)


class StatementForm(NewReferencesForm, WrittenDatesForm, VersionedForm):
    written_dates = ("stated_on",)


class CitationForm(NewReferencesForm):
    pass


class StatementAdminForm(CorrectionNoteMixin, StatementForm):
    def is_public(self) -> bool:
        return is_public_record(self.instance.claim)


def guarded(form_class: type[forms.ModelForm], user: Any, field: str | None) -> type:
    """``form_class`` refusing a change that would leave the record part of what the public sees
    when the one policy refuses it (``claims.permissions``, the record as the form would leave
    it), naming ``field`` (or the form): a reporter cannot attach a citation, a statement or a
    relation to a public claim, nor relate two public actors."""

    class GuardedForm(form_class):
        def _post_clean(self) -> None:
            super()._post_clean()
            action = permissions.ADD if self.instance._state.adding else permissions.CHANGE
            if (reason := permissions.why_not(user, action, self.instance)) is not None:
                self.add_error(field if field in self.fields else None, reason)

    GuardedForm.__name__ = form_class.__name__
    return GuardedForm
