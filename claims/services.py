"""The editorial workflow: writes that carry a rule beyond one form.

Draft → in review → published → withdrawn. Each move is a function here, with keyword-only
arguments, a permission check, ``full_clean()`` before ``save()``, inside one transaction, and
who, when and why recorded in the claim's history. Edits outside those moves (the API's writes,
an admin form) go through ``edit_claim`` / ``edit_statement``, which hold the two rules an edit
can break: a reporter neither sets a verdict nor touches a public claim, and a change to a public
claim's substance needs a public correction note. Shared records (outlets, sources, actors, their
aliases and relations, topics) go through ``save_reference`` / ``delete_reference``: one a public
page shows is the editors' to change, and their change is a correction on each public claim that
shows it.

Who may do what is asked of one policy, ``claims.permissions.can`` / ``check``, and nowhere else.

Every save of a claim or a statement is also a version check (``claims.concurrency``): a save made
from an older version raises ``StaleEdit`` and writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, cast

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone, translation

from actors.models import Actor
from sources.models import Outlet, Source

from . import permissions
from .consequences import one_write
from .models import (
    Citation,
    Claim,
    ClaimRelation,
    Correction,
    RequestForComment,
    Statement,
    Topic,
)
from .permissions import ADD, CHANGE, DELETE, EDITOR_ONLY_FIELDS, check, check_editor_only
from .visibility import is_public_record, public
from .vocabulary import Status

if TYPE_CHECKING:
    from django.contrib.auth.models import User as Account
    from django.db.models import Model, QuerySet

    from .permissions import User

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


class _HistoryNotes(Protocol):
    """What simple-history reads from a record it writes a history row for (it has no types)."""

    _history_user: Account | None
    _change_reason: str


def _record(obj: Model, *, by: User, reason: str) -> None:
    """Who and why, for the history row simple-history writes on save."""
    notes = cast("_HistoryNotes", obj)
    notes._history_user = by if by.is_authenticated else None
    notes._change_reason = reason


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


@one_write
def submit_for_review(*, claim: Claim, by: User, reason: str = "") -> Claim:
    """Draft → in review: the claim joins the editors' queue, which shows who sent it, when, and
    the claim's note for the editor."""
    check(by, permissions.SUBMIT, claim)
    claim.submitted_at = timezone.now()
    claim.submitted_by = by if by.is_authenticated else None
    return _move(claim, Status.IN_REVIEW, by=by, reason=reason or "Submitted for review")


@one_write
def return_to_draft(*, claim: Claim, by: User, reason: str = "") -> Claim:
    """In review → draft: back to the reporter, with the reason recorded."""
    check(by, permissions.RETURN, claim)
    return _move(claim, Status.DRAFT, by=by, reason=reason or "Returned to draft")


@one_write
def publish(*, claim: Claim, by: User, reason: str = "") -> Claim:
    """In review → published, recording who published it and when (``published_at``)."""
    check(by, permissions.PUBLISH_CLAIM, claim)
    claim.published_by = by if by.is_authenticated else None
    return _move(claim, Status.PUBLISHED, by=by, reason=reason or "Published")


@one_write
def publish_now(*, claim: Claim, by: User, reason: str = "") -> Claim:
    """Draft or in review → published, in one step for an editor: a draft passes through review
    (both moves are in its history), as if the editor had pressed both buttons."""
    check(by, permissions.PUBLISH_CLAIM, claim)
    if claim.status == Status.DRAFT:
        submit_for_review(claim=claim, by=by, reason="Submitted for review on publishing")
    return publish(claim=claim, by=by, reason=reason)


@one_write
def withdraw(*, claim: Claim, by: User, reason: str) -> Claim:
    """Published → withdrawn. ``reason`` is public: the claim's page keeps it."""
    check(by, permissions.WITHDRAW, claim)
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


@one_write
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


@one_write
def create_claim(*, claim: Claim, by: User, reason: str = "") -> Claim:
    """A new claim is a draft or in review; only an editor files one straight as published."""
    check(by, ADD, Claim)
    if claim.status not in (Status.DRAFT, Status.IN_REVIEW):
        check(by, permissions.PUBLISH_CLAIM, claim)
        claim.published_by = by if by.is_authenticated else None
    blank = Claim()
    check_editor_only(by, [f for f in EDITOR_ONLY_FIELDS if getattr(claim, f) != getattr(blank, f)])
    claim.full_clean()
    _record(claim, by=by, reason=reason or "Created")
    claim.save()
    return claim


@one_write
def create_statement(*, statement: Statement, by: User, reason: str = "") -> Statement:
    """A new statement; on a published or withdrawn claim, only an editor adds one."""
    check(by, ADD, statement)
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


@one_write
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
    saved = Claim.objects.get(pk=claim.pk)
    changed = _differences(claim, saved)
    if "status" in changed:
        raise ValidationError(
            {"status": "Change the status by submitting, publishing, withdrawing or returning."}
        )
    was_public = is_public_record(saved)
    check(by, CHANGE, saved)
    check_editor_only(by, changed)
    labels = substance_labels(claim, changed) if was_public else []
    if pending is None:
        require_correction_note(changed=labels, note=correction_note)
    claim.full_clean()
    _record(claim, by=by, reason=history_reason(changed=changed, given=reason or correction_note))
    claim.save()
    return _correct(claim=claim, by=by, note=correction_note, labels=labels, pending=pending)


@one_write
def edit_statement(
    *,
    statement: Statement,
    by: User,
    reason: str = "",
    correction_note: str = "",
    pending: PendingCorrection | None = None,
) -> Correction | None:
    """Save changes made to ``statement``, under the same rules as ``edit_claim``."""
    saved = Statement.objects.select_related("claim").get(pk=statement.pk)
    changed = _differences(statement, saved)
    was_public = is_public_record(saved.claim)
    check(by, CHANGE, saved)
    check(by, CHANGE, statement)
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


def sources_label(statement: Statement) -> str:
    """How the corrections log names a change to a public statement's sources."""
    return f"statement by {statement.actor}: sources"


def _check_write(record: Model, by: User) -> Model | None:
    """Who may make this write (``claims.permissions``): an addition as it would be, a change
    both as saved and as it would be. Returns the record as saved, if it was."""
    if record._state.adding:
        check(by, ADD, record)
        return None
    saved = type(record)._default_manager.get(pk=record.pk)
    check(by, CHANGE, saved)
    check(by, CHANGE, record)
    return saved


@one_write
def save_record(
    *, record: Citation | ClaimRelation | RequestForComment, by: User, reason: str = ""
) -> None:
    """Add or change a citation, a relation between claims or a request for comment: who may
    (``claims.permissions``, the record as saved and as it will be), ``full_clean()``, and who
    and why in its history."""
    adding = record._state.adding
    _check_write(record, by)
    record.full_clean()
    _record(record, by=by, reason=reason or ("Created" if adding else "Edited"))
    record.save()


@one_write
def delete_record(*, record: Attached, by: User, reason: str = "") -> None:
    """Delete a statement, a citation, a relation between claims or a request for comment,
    under the same rules as ``save_record``."""
    check(by, DELETE, record)
    _record(record, by=by, reason=reason or "Deleted")
    record.delete()


# Shared records: outlets, sources, actors (their aliases and relations), topics ----------------

# Fields no public page shows: a change to them alone corrects no claim.
NEWSROOM_ONLY = frozenset(
    {
        "internal_notes",
        "title_is_stand_in",
        "created_at",
        "updated_at",
        "version",
        "is_public",
        "public_statements",
        "link_status",
        "link_status_since",
        "last_checked_at",
    }
)


def corrects_claims(record: Model) -> bool:
    """Whether a change to this shared record is a correction of public claims: it is one that
    claims' pages show (a source, an outlet, an actor, a topic) and the public sees it. Cheap:
    the stored facts, not the claims (``claims_showing`` finds those, for the write)."""
    return isinstance(record, Source | Outlet | Actor | Topic) and is_public_record(record)


def claims_showing(record: Model) -> QuerySet[Claim]:
    """The public claims whose pages show a shared record (``claims.visibility``, its querysets):
    those citing a source (or a source of an outlet), quoting an actor (as speaker, or as the
    party spoken for) or showing its settled request for comment, or filed under a topic. An
    alias or a relation between actors shows on actors' pages, not on claims'; a record the
    public does not see shows on no page."""
    if not corrects_claims(record):
        return Claim.objects.none()
    if isinstance(record, Source | Outlet):
        by = "source" if isinstance(record, Source) else "source__outlet"
        shown = Q(pk__in=public.citations().filter(**{by: record}).values("statement__claim"))
    elif isinstance(record, Actor):
        quoted = public.statements().filter(Q(actor=record) | Q(on_behalf_of=record))
        asked = public.requests_for_comment().filter(actor=record)
        shown = Q(pk__in=quoted.values("claim")) | Q(pk__in=asked.values("claim"))
    else:
        shown = Q(topics=record)
    return public.claims().filter(shown).distinct().order_by("pk")


def shared_labels(saved: Model, record: Model) -> list[str]:
    """How the corrections log names what changed in a shared record: ``source “AFP dispatch”:
    title``, named as readers knew it (as saved)."""
    changed = [
        field
        for field in record._meta.concrete_fields
        if field.name not in NEWSROOM_ONLY
        and getattr(record, field.attname) != getattr(saved, field.attname)
    ]
    with translation.override(None):  # the log names fields in the project's own words
        return [f"{permissions.describe(saved)}: {field.verbose_name}" for field in changed]


def generated_note(saved: Model, labels: list[str], *, removed: bool = False) -> str:
    """The public note when the editor gave none: what changed (or that it was removed), in a
    sentence."""
    what = permissions.describe(saved)
    subject = f"{what[0].upper()}{what[1:]}, which this claim shows,"
    if removed:
        return f"{subject} was removed."
    fields = ", ".join(label.removeprefix(f"{what}: ") for label in labels)
    return f"{subject} was corrected: {fields}."


def correct_claims_showing(
    *, saved: Model, labels: list[str], by: User, note: str = ""
) -> list[Correction]:
    """A correction, on each public claim that shows ``saved``, of the changes ``labels``
    name: the editor's note, else one saying what changed."""
    if not labels:
        return []
    note = note.strip() or generated_note(saved, labels)
    return [
        correction
        for claim in claims_showing(saved)
        if (correction := record_correction(claim=claim, by=by, note=note, changed=labels))
    ]


@one_write
def save_reference(
    *, record: Model, by: User, reason: str = "", correction_note: str = ""
) -> list[Correction]:
    """Add or change an outlet, a source, an actor (or its alias or relation) or a topic — typed
    in on a claim's page, sent through the API, or read from a ledger file: who may
    (``claims.permissions``: one a public page shows is the editors' to change),
    ``full_clean()``, and who and why in its history. A change to one that public claims show
    is a correction on each of them (``correction_note``, else a sentence saying what changed);
    returns those corrections."""
    adding = record._state.adding
    saved = _check_write(record, by)
    record.full_clean()
    _record(record, by=by, reason=reason or correction_note or ("Created" if adding else "Edited"))
    record.save()
    if saved is None:
        return []
    return correct_claims_showing(
        saved=saved, labels=shared_labels(saved, record), by=by, note=correction_note
    )


@one_write
def delete_reference(
    *, record: Model, by: User, reason: str = "", correction_note: str = ""
) -> None:
    """Delete a shared record (an alias, a topic, an outlet or source nothing cites…) under the
    same rules as ``save_reference``: one that public claims show (a topic) is an editor's, and
    its removal a correction on each of them."""
    check(by, DELETE, record)
    saved = type(record)._default_manager.get(pk=record.pk)
    showing = list(claims_showing(saved))
    _record(record, by=by, reason=reason or correction_note or "Deleted")
    record.delete()
    labels = [f"{permissions.describe(saved)}: removed"]
    note = correction_note.strip() or generated_note(saved, labels, removed=True)
    for claim in showing:
        record_correction(claim=claim, by=by, note=note, changed=labels)


@one_write
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

    def key(c: Citation) -> tuple[int, str, int]:
        return (c.source_id, c.locator, c.credibility)

    existing = list(statement.citations.all())
    wanted = {key(c) for c in citations}
    removed = [c for c in existing if key(c) not in wanted]
    labels = [sources_label(statement)] if removed and is_public_record(statement.claim) else []
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
