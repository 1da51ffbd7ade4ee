"""The editorial workflow: writes that carry a rule beyond one form.

Draft → in review → published → withdrawn. Each move is a function here, with keyword-only
arguments, a permission check, ``full_clean()`` before ``save()``, inside one transaction, and
who, when and why recorded in the claim's history. Edits outside those moves (the API's writes,
an admin form) go through ``edit_claim`` / ``edit_statement``, which hold the two rules an edit
can break: a reporter neither sets a verdict nor touches a public claim, and a change to a public
claim's substance needs a public correction note.

Every save of a claim or a statement is also a version check (``claims.concurrency``): a save made
from an older version raises ``StaleEdit`` and writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation

from .models import Citation, Claim, ClaimRelation, Correction, RequestForComment, Statement
from .permissions import (
    EDITOR_ONLY_FIELDS,
    PUBLISH,
    check_editor_only,
    check_may_change,
)
from .vocabulary import Status

if TYPE_CHECKING:
    from django.db.models import Model

    from .permissions import User

CHANGE = "claims.change_claim"

# The moves each status allows. A withdrawn claim stays withdrawn, with its page and reason:
# newsrooms do not make retractions vanish, nor quietly bring them back.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.IN_REVIEW}),
    Status.IN_REVIEW: frozenset({Status.DRAFT, Status.PUBLISHED}),
    Status.PUBLISHED: frozenset({Status.WITHDRAWN}),
    Status.WITHDRAWN: frozenset(),
}

CLAIM_LABELS = {
    "text": "claim text",
    "summary": "summary",
    "verdict": "verdict",
    "verdict_reasoning": "verdict reasoning",
}
CORRECTION_NOTE_MISSING = (
    "This claim is public: say what was corrected and why, for the public corrections log "
    "(changed: {changed})."
)


def _require(user: User, permission: str, action: str) -> None:
    if not (user.is_active and user.has_perm(permission)):
        raise PermissionDenied(f"You may not {action}.")


def _record(obj: Claim | Statement | Correction, *, by: User, reason: str) -> None:
    """Who and why, for the history row simple-history writes on save."""
    obj._history_user = by if by.is_authenticated else None
    obj._change_reason = reason


# The moves ---------------------------------------------------------------------------------------


def _move(claim: Claim, status: str, *, by: User, reason: str) -> Claim:
    if status not in TRANSITIONS[claim.status]:
        raise ValidationError(
            {
                "status": f"A claim that is {claim.get_status_display().lower()} cannot become "
                f"{Status(status).label.lower()}."
            }
        )
    claim.status = status
    claim.full_clean()
    _record(claim, by=by, reason=reason)
    claim.save()
    return claim


@transaction.atomic
def submit_for_review(*, claim: Claim, by: User, reason: str = "") -> Claim:
    """Draft → in review: the claim joins the editors' queue, which shows who sent it, when, and
    the claim's note for the editor."""
    _require(by, CHANGE, "submit claims for review")
    claim.submitted_at = timezone.now()
    claim.submitted_by = by if by.is_authenticated else None
    return _move(claim, Status.IN_REVIEW, by=by, reason=reason or "Submitted for review")


@transaction.atomic
def return_to_draft(*, claim: Claim, by: User, reason: str = "") -> Claim:
    """In review → draft: back to the reporter, with the reason recorded."""
    _require(by, CHANGE, "return claims to draft")
    return _move(claim, Status.DRAFT, by=by, reason=reason or "Returned to draft")


@transaction.atomic
def publish(*, claim: Claim, by: User, reason: str = "") -> Claim:
    """In review → published, recording who published it and when (``published_at``)."""
    _require(by, PUBLISH, "publish claims")
    claim.published_by = by if by.is_authenticated else None
    return _move(claim, Status.PUBLISHED, by=by, reason=reason or "Published")


@transaction.atomic
def publish_now(*, claim: Claim, by: User, reason: str = "") -> Claim:
    """Draft or in review → published, in one step for an editor: a draft passes through review
    (both moves are in its history), as if the editor had pressed both buttons."""
    _require(by, PUBLISH, "publish claims")
    if claim.status == Status.DRAFT:
        submit_for_review(claim=claim, by=by, reason="Submitted for review on publishing")
    return publish(claim=claim, by=by, reason=reason)


@transaction.atomic
def withdraw(*, claim: Claim, by: User, reason: str) -> Claim:
    """Published → withdrawn. ``reason`` is public: the claim's page keeps it."""
    _require(by, PUBLISH, "withdraw claims")
    if not reason.strip():
        raise ValidationError({"withdrawal_reason": "Say publicly why the claim is withdrawn."})
    claim.withdrawal_reason = reason.strip()
    return _move(claim, Status.WITHDRAWN, by=by, reason=f"Withdrawn: {reason.strip()}")


def move(
    *, claim: Claim, to: str, by: User, reason: str = "", withdrawal_reason: str = ""
) -> Claim:
    """The workflow move that takes ``claim`` to status ``to``; a move the workflow does not
    allow is a ``ValidationError`` naming ``status``."""
    if to == Status.WITHDRAWN:
        return withdraw(claim=claim, by=by, reason=withdrawal_reason)
    if to == Status.PUBLISHED:
        return publish(claim=claim, by=by, reason=reason)
    if to == Status.IN_REVIEW:
        return submit_for_review(claim=claim, by=by, reason=reason)
    if to == Status.DRAFT:
        return return_to_draft(claim=claim, by=by, reason=reason)
    raise ValidationError({"status": f"{to!r} is not a status."})


# Edits -------------------------------------------------------------------------------------------


def substance_labels(obj: Claim | Statement, fields: Iterable[str]) -> list[str]:
    """How the corrections log names changed substantive fields: "claim text", "statement by
    Malian army: quote"."""
    fields = [name for name in obj.SUBSTANCE if name in set(fields)]
    if isinstance(obj, Claim):
        return [CLAIM_LABELS[name] for name in fields]
    return [f"statement by {obj.actor}: {name}" for name in fields]


def require_correction_note(*, changed: list[str], note: str) -> None:
    if changed and not note.strip():
        raise ValidationError(
            {"correction_note": CORRECTION_NOTE_MISSING.format(changed=", ".join(changed))}
        )


def _differences(obj: Claim | Statement, saved: Claim | Statement) -> list[str]:
    return [
        field.attname
        for field in obj._meta.concrete_fields
        if getattr(obj, field.attname) != getattr(saved, field.attname)
    ]


@transaction.atomic
def record_correction(
    *, claim: Claim, by: User, note: str, changed: list[str]
) -> Correction | None:
    """Add the public note for a change to a public claim's substance, linked to the claim's
    latest revision. No change of substance, no correction."""
    if not changed:
        return None
    require_correction_note(changed=changed, note=note)
    correction = Correction(
        claim=claim,
        note=note.strip(),
        changed=changed,
        claim_revision=claim.history.order_by("-history_id").first(),
        created_by=by if by.is_authenticated else None,
    )
    correction.full_clean()
    correction.save()
    return correction


@transaction.atomic
def create_claim(*, claim: Claim, by: User, reason: str = "") -> Claim:
    """A new claim is a draft or in review; only an editor files one straight as published."""
    _require(by, "claims.add_claim", "add claims")
    if claim.status not in (Status.DRAFT, Status.IN_REVIEW):
        _require(by, PUBLISH, "publish claims")
        claim.published_by = by if by.is_authenticated else None
    blank = Claim()
    check_editor_only(by, [f for f in EDITOR_ONLY_FIELDS if getattr(claim, f) != getattr(blank, f)])
    claim.full_clean()
    _record(claim, by=by, reason=reason or "Created")
    claim.save()
    return claim


@transaction.atomic
def create_statement(*, statement: Statement, by: User, reason: str = "") -> Statement:
    """A new statement; on a published or withdrawn claim, only an editor adds one."""
    _require(by, "claims.add_statement", "add statements")
    check_may_change(by, statement)
    statement.full_clean()
    _record(statement, by=by, reason=reason or "Created")
    statement.save()
    return statement


@dataclass
class PendingCorrection:
    """Changes to a public claim's substance made together — the admin's claim page saves the
    claim, its statements and their citations at once — recorded as one correction at the end."""

    claim: Claim
    by: User
    note: str
    changed: list[str] = field(default_factory=list)

    def add(self, labels: list[str]) -> None:
        self.changed += [label for label in labels if label not in self.changed]

    def record(self) -> Correction | None:
        return record_correction(claim=self.claim, by=self.by, note=self.note, changed=self.changed)


def _correct(
    *, claim: Claim, by: User, note: str, labels: list[str], pending: PendingCorrection | None
) -> Correction | None:
    """Record the correction now, or add it to the one a page is gathering."""
    if pending is not None:
        pending.add(labels)
        return None
    return record_correction(claim=claim, by=by, note=note, changed=labels)


@transaction.atomic
def edit_claim(
    *,
    claim: Claim,
    by: User,
    reason: str = "",
    correction_note: str = "",
    pending: PendingCorrection | None = None,
) -> Correction | None:
    """Save changes made to ``claim`` (not its status: that moves through the functions above).

    Raises ``PermissionDenied`` for a reporter touching a public claim or an editor-only field,
    ``ValidationError`` naming ``correction_note`` when a public claim's substance changes without
    a note, and ``StaleEdit`` when the claim was saved by someone else since ``claim.version``.
    Returns the correction written, if any."""
    _require(by, CHANGE, "change claims")
    saved = Claim.objects.get(pk=claim.pk)
    changed = _differences(claim, saved)
    if "status" in changed:
        raise ValidationError(
            {"status": "Change the status by submitting, publishing, withdrawing or returning."}
        )
    was_public = saved.is_public
    check_may_change(by, saved)
    check_editor_only(by, changed)
    labels = substance_labels(claim, changed) if was_public else []
    if pending is None:
        require_correction_note(changed=labels, note=correction_note)
    claim.full_clean()
    _record(claim, by=by, reason=history_reason(changed=changed, given=reason or correction_note))
    claim.save()
    return _correct(claim=claim, by=by, note=correction_note, labels=labels, pending=pending)


@transaction.atomic
def edit_statement(
    *,
    statement: Statement,
    by: User,
    reason: str = "",
    correction_note: str = "",
    pending: PendingCorrection | None = None,
) -> Correction | None:
    """Save changes made to ``statement``, under the same rules as ``edit_claim``."""
    _require(by, "claims.change_statement", "change statements")
    saved = Statement.objects.select_related("claim").get(pk=statement.pk)
    changed = _differences(statement, saved)
    was_public = saved.claim.is_public
    check_may_change(by, saved)
    check_may_change(by, statement)
    labels = substance_labels(statement, changed) if was_public else []
    if pending is None:
        require_correction_note(changed=labels, note=correction_note)
    statement.full_clean()
    _record(
        statement, by=by, reason=history_reason(changed=changed, given=reason or correction_note)
    )
    statement.save()
    return _correct(claim=saved.claim, by=by, note=correction_note, labels=labels, pending=pending)


# What hangs off a claim: citations, relations between claims, requests for comment ----------

Attached = Statement | Citation | ClaimRelation | RequestForComment


def _permission(record: Attached, action: str) -> str:
    return f"claims.{action}_{record._meta.model_name}"


def sources_label(statement: Statement) -> str:
    """How the corrections log names a change to a public statement's sources."""
    return f"statement by {statement.actor}: sources"


@transaction.atomic
def save_record(
    *, record: Citation | ClaimRelation | RequestForComment, by: User, reason: str = ""
) -> None:
    """Add or change a citation, a relation between claims or a request for comment: the model
    permission, who may change what (the record as saved and as it will be), ``full_clean()``,
    and who and why in its history."""
    adding = record._state.adding
    _require(by, _permission(record, "add" if adding else "change"), "make this change")
    if not adding:
        check_may_change(by, type(record).objects.get(pk=record.pk))
    check_may_change(by, record)
    record.full_clean()
    _record(record, by=by, reason=reason or ("Created" if adding else "Edited"))
    record.save()


@transaction.atomic
def save_reference(*, record: Model, by: User, reason: str = "") -> None:
    """Add or change an outlet, a source, an actor (or its alias or relation) or a topic — typed in
    on a claim's page, or read from a ledger file: the model permission, ``full_clean()``, and
    who and why in its history."""
    opts = record._meta
    action = "add" if record._state.adding else "change"
    with translation.override(None):  # the refusal is an English sentence: the name too
        records = str(opts.verbose_name_plural)
    _require(by, f"{opts.app_label}.{action}_{opts.model_name}", f"{action} {records}")
    record.full_clean()
    _record(record, by=by, reason=reason or ("Created" if action == "add" else "Edited"))
    record.save()


@transaction.atomic
def delete_record(*, record: Attached, by: User, reason: str = "") -> None:
    """Delete a statement, a citation, a relation between claims or a request for comment,
    under the same rules as ``save_record``."""
    _require(by, _permission(record, "delete"), "delete this")
    check_may_change(by, record)
    _record(record, by=by, reason=reason or "Deleted")
    record.delete()


@transaction.atomic
def replace_citations(
    *,
    statement: Statement,
    citations: list[Citation],
    by: User,
    reason: str = "",
    correction_note: str = "",
) -> Correction | None:
    """Make ``citations`` (unsaved) the statement's sources. Citations already there are kept;
    on a public claim, removing or changing one is a correction (a source added is not)."""
    key = lambda c: (c.source_id, c.locator, c.credibility)  # noqa: E731
    existing = list(statement.citations.all())
    wanted = {key(c) for c in citations}
    removed = [c for c in existing if key(c) not in wanted]
    labels = [sources_label(statement)] if removed and statement.claim.is_public else []
    require_correction_note(changed=labels, note=correction_note)
    for citation in removed:
        delete_record(record=citation, by=by, reason=reason)
    kept = {key(c) for c in existing}
    for citation in citations:
        if key(citation) not in kept:
            citation.statement = statement
            save_record(record=citation, by=by, reason=reason)
    return record_correction(claim=statement.claim, by=by, note=correction_note, changed=labels)


def history_reason(*, changed: Iterable[str], given: str = "", where: str = "") -> str:
    """The change reason for a write: the one given, else the fields it changed."""
    if given.strip():
        return given.strip()
    shown = [
        name.removesuffix("_id").replace("_", " ")
        for name in changed
        if name not in ("version", "updated_at")
    ]
    where = f" {where}" if where else ""
    return f"Edited{where}: {', '.join(shown)}" if shown else f"Saved{where} without changes"
