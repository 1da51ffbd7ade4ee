"""Inline formsets that write through the workflow's services, as the API does.

Each new, changed or deleted row of an inline is handed to ``claims.services``
(``create_statement``, ``edit_statement``, ``save_record``, ``delete_record``) with the page's
user, reason and pending correction, so the publication rule, the correction-note rule and the
history reason are applied by one path whichever way a record is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from nested_admin.formsets import NestedInlineFormSet

from claims import services
from claims.models import Statement
from claims.visibility import is_public_record

from .create import save_new_references
from .history import form_reason


@dataclass
class PageWrite:
    """Who saves an admin page, why, and the correction it gathers."""

    by: Any
    given_reason: str = ""
    pending: services.PendingCorrection | None = None

    def reason(self, form: Any, *, added: bool) -> str:
        return form_reason(form, given=self.given_reason, added=added)

    def save(self, form: Any, instance: Any, *, added: bool) -> None:
        reason = self.reason(form, added=added)
        save_new_references(form, instance, by=self.by)
        if isinstance(instance, Statement):
            if added:
                services.create_statement(statement=instance, by=self.by, reason=reason)
            else:
                services.edit_statement(
                    statement=instance, by=self.by, reason=reason, pending=self.pending
                )
            return
        if (
            not added
            and self.pending is not None
            and getattr(instance, "statement_id", None)
            and is_public_record(instance.statement.claim)
        ):
            self.pending.add([services.sources_label(instance.statement)])
        services.save_record(record=instance, by=self.by, reason=reason)

    def delete(self, instance: Any) -> None:
        if (
            self.pending is not None
            and getattr(instance, "statement_id", None)
            and is_public_record(instance.statement.claim)
        ):
            self.pending.add([services.sources_label(instance.statement)])
        services.delete_record(
            record=instance, by=self.by, reason=self.given_reason.strip() or "Deleted in the admin"
        )


class ServiceFormSet(NestedInlineFormSet):
    """Saves and deletes each row through ``page_write`` (set by the admin before saving)."""

    page_write: PageWrite

    def save_new(self, form: Any, commit: bool = True) -> Any:
        setattr(form.instance, self.fk.name, self.instance)
        instance = form.save(commit=False)
        if commit:
            self.page_write.save(form, instance, added=True)
            form.save_m2m()
        return instance

    def save_existing(self, form: Any, obj: Any, commit: bool = True) -> Any:
        instance = form.save(commit=False)
        if commit:
            self.page_write.save(form, instance, added=False)
            form.save_m2m()
        return instance

    def delete_existing(self, obj: Any, commit: bool = True) -> None:
        if commit:
            self.page_write.delete(obj)


def _public_claim(claim_id: int | None) -> bool:
    from claims.models import Claim

    return bool(claim_id) and is_public_record(Claim.objects.filter(pk=claim_id).get())


class StatementFormSet(ServiceFormSet):
    """On a public claim, a changed stance or quote needs the claim form's correction note (read
    from the same POST); and a statement someone changed since the page was opened is not
    deleted."""

    def substance_changes(self) -> list[str]:
        if not _public_claim(self.instance.pk):
            return []
        return [
            label
            for form in self.initial_forms
            if form.has_changed() and not self._should_delete_form(form)
            for label in services.substance_labels(form.instance, form.changed_data)
        ]

    def clean(self) -> None:
        super().clean()
        if self.instance.pk is None:
            return
        for form in self.forms:
            if not (self.can_delete and self._should_delete_form(form)):
                continue
            loaded = form.cleaned_data.get("loaded_version")
            if form.instance.pk is not None and loaded != form.saved_version:
                # A deletion is an edit too: do not delete what someone changed since.
                raise ValidationError(
                    gettext(
                        "Someone changed the statement by %(actor)s after you opened this page: "
                        "reload it before deleting that statement."
                    )
                    % {"actor": form.instance.actor}
                )
        require_note(self, self.substance_changes())


class CitationFormSet(ServiceFormSet):
    """On a public claim, changing or removing a statement's source is a correction: it needs
    the page's correction note. A source added is not."""

    def substance_changes(self) -> list[str]:
        statement = self.instance
        if statement.pk is None or not _public_claim(statement.claim_id):
            return []
        touched = any(
            form.has_changed() or self._should_delete_form(form) for form in self.initial_forms
        )
        return [services.sources_label(statement)] if touched else []

    def clean(self) -> None:
        super().clean()
        require_note(self, self.substance_changes())


CORRECTION_NOTE_MISSING = "correction_note_missing"


def require_note(formset: Any, changed: list[str]) -> None:
    """The page's correction note, for a change this formset makes to a public claim. The claim
    admin also puts the error on the note's own box (``ClaimAdmin.render_change_form``)."""
    if changed and not formset.data.get("correction_note", "").strip():
        raise ValidationError(
            services.CORRECTION_NOTE_MISSING.format(changed=", ".join(changed))
            + " "
            + gettext("Write it in the “Correction note” box, under “This change”."),
            code=CORRECTION_NOTE_MISSING,
        )
