"""The admin pages of shared records — outlets, sources, actors (with their aliases and
relations), topics — under the one permission policy (``claims.permissions``): what a public
page shows is the editors' to change.

- A record a public claim shows opens view-only for a reporter, and a forged POST is refused
  (403); a form that would leave a record public (a relation between two public actors) is an
  error on the form. Adding records stays open to reporters.
- Every save and deletion goes through ``claims.services.save_reference`` /
  ``delete_reference`` (the policy again, ``full_clean``, who and why in the history).
- An editor's change to a record that public claims show is a correction on each of them: the
  page offers an optional **correction note**; left blank, the note says what changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from claims import permissions, services
from claims.permissions import ADD, CHANGE, DELETE

from .forms import correction_note_field, guarded
from .history import REASON_FIELD, form_reason

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet
    from django.http import HttpRequest

CORRECTION_NOTE = "correction_note"


def with_correction_note(form_class: type[forms.ModelForm]) -> type[forms.ModelForm]:
    """``form_class`` with an optional correction note, shown when public claims show the
    record and the user may change it (``SharedRecordAdmin.get_fieldsets``)."""

    class SharedRecordForm(form_class):
        correction_note = correction_note_field(
            _(
                "Public claims show this record: your change is a correction on each of them. "
                "Say what was corrected and why, for their public corrections log; left blank, "
                "the note says which fields changed."
            )
        )

    SharedRecordForm.__name__ = form_class.__name__
    return SharedRecordForm


class SharedRecordAdmin:
    """Mix into a shared record's ``ModelAdmin``, before it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.form = with_correction_note(self.form)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return permissions.can(request.user, ADD, self.model)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.can(request.user, CHANGE, self.model if obj is None else obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.can(request.user, DELETE, self.model if obj is None else obj)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):
        form = super().get_form(request, obj, change=change, **kwargs)
        return guarded(form, request.user, None)

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        fieldsets = list(super().get_fieldsets(request, obj))
        fieldsets = [
            (name, {**opts, "fields": [f for f in opts["fields"] if f != CORRECTION_NOTE]})
            for name, opts in fieldsets
        ]
        if (
            obj is not None
            and permissions.can(request.user, CHANGE, obj)
            and services.corrects_claims(obj)
        ):
            fieldsets.append((_("Correction"), {"fields": [CORRECTION_NOTE]}))
        return fieldsets

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        services.save_reference(
            record=obj,
            by=request.user,
            reason=form_reason(form, given=request.POST.get(REASON_FIELD, ""), added=not change),
            correction_note=form.cleaned_data.get(CORRECTION_NOTE, ""),
        )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """The inlines (an actor's aliases and relations), row by row through the services."""
        given = request.POST.get(REASON_FIELD, "").strip()
        for obj in formset.save(commit=False):
            adding = obj._state.adding
            row = next(f for f in formset.forms if f.instance is obj)
            reason = form_reason(row, given=given, added=adding)
            services.save_reference(record=obj, by=request.user, reason=reason)
        for obj in formset.deleted_objects:
            services.delete_reference(
                record=obj, by=request.user, reason=given or "Deleted in the admin"
            )
        formset.save_m2m()

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        services.delete_reference(record=obj, by=request.user, reason="Deleted in the admin")

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            services.delete_reference(
                record=obj, by=request.user, reason="Deleted in the admin (bulk action)"
            )


class SharedInline:
    """An inline of a shared record's page (an actor's aliases, its relations): its rows are
    the policy's to allow, asked of a row of the parent record."""

    def _row(self, obj: Any) -> Any:
        if obj is None:
            return self.model
        return self.model(**{self.fk_name or self.parent_field(): obj})

    def parent_field(self) -> str:
        return next(f.name for f in self.model._meta.fields if f.related_model is self.parent_model)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.can(request.user, ADD, self._row(obj))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.can(request.user, CHANGE, self._row(obj))

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.can(request.user, DELETE, self._row(obj))
