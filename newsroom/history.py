"""What every newsroom admin shares: a history row, with who and why, for every write.

simple-history records each save and delete (``HistoryRequestMiddleware`` supplies the user);
this mixin adds the short reason — the one typed in the form's "reason for this change" box, or
the fields the form changed — for forms, inlines, deletions and the bulk "delete selected"
action (which deletes row by row, so each deletion has its row and reason). Revert from the
history page is off: a revert is an edit, and goes through the change form where the
workflow's rules, the correction note and the version check apply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet
    from django.http import HttpRequest, HttpResponse

REASON_FIELD = "change_reason"
NOT_MODEL_FIELDS = {REASON_FIELD, "correction_note", "loaded_version"}


class ReasonForm(forms.ModelForm):
    change_reason = forms.CharField(
        label=_("Reason for this change"),
        max_length=200,
        required=False,
        help_text=_(
            'A few words for the history, e.g. "second source found". Left blank, the history '
            "names the fields you changed."
        ),
    )


def form_reason(form: forms.BaseForm, *, given: str = "", added: bool = False) -> str:
    if given.strip():
        return given.strip()
    if added:
        return "Added in the admin"
    changed = [name for name in form.changed_data if name not in NOT_MODEL_FIELDS]
    # The reason is the record's history, kept in one language whichever the editor reads the
    # newsroom in: the fields' labels in the project's own.
    with translation.override(settings.LANGUAGE_CODE):
        labels = [str(form.fields[name].label or name).lower() for name in changed]
    return "Edited in the admin: " + ", ".join(labels) if labels else "Saved in the admin"


class HistoryAdmin(SimpleHistoryAdmin):
    form = ReasonForm

    def get_fieldsets(self, request: HttpRequest, obj: Model | None = None) -> list[Any]:
        fieldsets = list(super().get_fieldsets(request, obj))
        if REASON_FIELD not in flatten_fieldsets(fieldsets):
            fieldsets.append((_("This change"), {"fields": [REASON_FIELD]}))
        return fieldsets

    def given_reason(self, request: HttpRequest) -> str:
        return request.POST.get(REASON_FIELD, "")

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        obj._change_reason = form_reason(form, given=self.given_reason(request), added=not change)
        super().save_model(request, obj, form, change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        given = self.given_reason(request)
        formset.deletion_reason = given.strip() or "Deleted in the admin"
        for inline_form in formset.forms:
            deleting = formset.can_delete and formset._should_delete_form(inline_form)
            inline_form.instance._change_reason = (
                given.strip() or "Deleted in the admin"
                if deleting
                else form_reason(inline_form, given=given, added=inline_form.instance._state.adding)
            )
        super().save_formset(request, form, formset, change)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        obj._change_reason = "Deleted in the admin"
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for obj in queryset:
            obj._change_reason = "Deleted in the admin (bulk action)"
            obj.delete()

    def revert_disabled(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return True

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        if request.method == "POST":
            raise PermissionDenied(gettext("Reverting is off: edit the record instead."))
        return super().history_form_view(request, object_id, version_id, extra_context)
