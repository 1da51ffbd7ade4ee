"""Who may do what to any record: one policy, asked by every face and every service.

``can(user, action, record)`` answers; ``check(user, action, record)`` raises
``PermissionDenied`` with the reason (``why_not`` gives it). ``record`` is a row (saved, or
unsaved as a write would leave it) or a model class for a question about a kind of record ("may
this user add outlets at all?"), after Wagtail's permission policies
(``user_has_permission`` / ``user_has_permission_for_instance``). Nothing else in the project
says who may do what: the services (``claims.services``), the API, the admin (``newsroom``) and
the importer (``ledger.load``) ask this module.

**The rule: anything a public page shows is the editors' to change.** A user who may not
publish (``claims.publish_claim``, the Editor group) changes or deletes nothing the public sees,
neither as it is saved nor as the change would leave it:

- a claim with a public page (published or withdrawn), and what hangs off one: its statements,
  their citations, its relations to other public claims, a settled request for comment on it
  (``claims.visibility.is_public_record``);
- a **shared record** that public pages show: a source a public claim cites, the outlet of
  such a source, an actor a public claim references with its aliases, a relation between two
  such actors, a topic of a published claim — as ``claims.visibility`` says
  (``is_public_record``, on its querysets: the rule of what is public is written there only).

A reporter may still add shared records, and change those no public page shows (a source only
drafts cite). An editor's change to a shared record that public claims show is a correction of
each of those claims (``claims.services.save_reference``).

The table (besides the rule above, every write needs the model permission its action names,
held by the Reporter and Editor groups, ``claims.roles``):

=================  ===========================================  =================================
action             model permission                             also
=================  ===========================================  =================================
``view``           ``view_<model>``
``add``            ``add_<model>``                              a record that would be public at
                                                                once (a statement on a public
                                                                claim, an alias of a public actor,
                                                                a claim filed as published):
                                                                an editor
``change``         ``change_<model>``                           public: an editor
``delete``         ``delete_<model>`` (an alias: ``change_      public: an editor; a public claim:
                   actor``, an alias is part of its actor)      nobody (it is withdrawn)
``submit``,        ``change_claim``
``return``
``publish``,       ``publish_claim``
``withdraw``,
``set_verdict``,
``correct``
``recapture``      ``change_source``                            a public source, or one flagged
                                                                "changed": an editor (a capture
                                                                shows on the public source page,
                                                                and a capture by hand clears
                                                                "changed")
``clear_changed``  ``change_source`` and ``publish_claim``
``preview``        staff, ``view_claim``                        drafts on the public site
=================  ===========================================  =================================

Editor-only fields of a claim: the verdict, its reasoning and the withdrawal reason
(``set_verdict``; ``editor_only_changes``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import translation

from actors.models import Actor, ActorAlias, ActorRelation
from sources.models import LinkStatus, Outlet, Source

from .models import Claim, Topic
from .visibility import is_public_record

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.auth.models import User as Account  # settings.AUTH_USER_MODEL
    from django.db.models.options import Options

    # Who asks: a request's user, signed in or not.
    User = Account | AnonymousUser

PUBLISH = "claims.publish_claim"

# The actions. The model's own (``view``, ``add``, ``change``, ``delete``) and the workflow's.
VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"
SUBMIT, RETURN = "submit", "return"
PUBLISH_CLAIM, WITHDRAW, SET_VERDICT, CORRECT = "publish", "withdraw", "set_verdict", "correct"
RECAPTURE, CLEAR_CHANGED = "recapture", "clear_changed"
PREVIEW = "preview"

MODEL_ACTIONS = (VIEW, ADD, CHANGE, DELETE)
EDITORS_ACTIONS = (PUBLISH_CLAIM, WITHDRAW, SET_VERDICT, CORRECT)

# Fields only someone who may publish can set. Status changes only through the workflow's moves.
EDITOR_ONLY_FIELDS = ("verdict", "verdict_reasoning", "withdrawal_reason")

# The shared records: referenced by claims, shown on their pages and on pages of their own.
SHARED = (Outlet, Source, Actor, ActorAlias, ActorRelation, Topic)

PUBLIC_RECORD_REFUSAL = (
    "This is part of a public claim's record: only an editor may change it, or attach anything "
    "to a public claim."
)
# What a refusal says, by action.
REFUSALS = {
    SUBMIT: "submit claims for review",
    RETURN: "return claims to draft",
    PUBLISH_CLAIM: "publish claims",
    WITHDRAW: "withdraw claims",
    SET_VERDICT: "set a verdict, its reasoning or a withdrawal reason",
    CORRECT: "correct a public claim",
    RECAPTURE: "capture this source again",
    CLEAR_CHANGED: "clear a source's “changed” flag",
    PREVIEW: "preview drafts",
}


# The policy --------------------------------------------------------------------------------------


def can(user: User | None, action: str, record: Any) -> bool:
    """Whether ``user`` may do ``action`` to ``record`` (a row, or a model class)."""
    return why_not(user, action, record) is None


def check(user: User | None, action: str, record: Any) -> None:
    """``can``, raising ``PermissionDenied`` with the reason when the answer is no."""
    if (reason := why_not(user, action, record)) is not None:
        raise PermissionDenied(reason)


def why_not(user: User | None, action: str, record: Any) -> str | None:
    """Why ``user`` may not do ``action`` to ``record``, in a sentence; None when they may."""
    if user is None or not user.is_active:
        return "Sign in with an active account."
    model: type[models.Model] = record if isinstance(record, type) else type(record)
    instance = None if isinstance(record, type) else record
    opts = _concrete(model)
    editor = user.has_perm(PUBLISH)

    if action in MODEL_ACTIONS:
        permission = _model_permission(action, model)
        if not user.has_perm(permission):
            return f"You may not {action} {_plural(model)}."
        if instance is None or action == VIEW or editor:
            return None
        if action == DELETE and isinstance(instance, Claim) and is_public_record(instance):
            return "A public claim is withdrawn, never deleted."
        if is_public_record(instance):
            return _public_refusal(instance)
        return None
    if action in (SUBMIT, RETURN):
        return None if user.has_perm("claims.change_claim") else _may_not(action)
    if action in EDITORS_ACTIONS:
        if isinstance(instance, Claim) and action == CORRECT and not is_public_record(instance):
            return "Only a public claim has corrections."
        return None if editor else _may_not(action)
    if action == RECAPTURE:
        if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            return _may_not(action)
        if editor or instance is None:
            return None
        if instance.link_status == LinkStatus.CHANGED:
            return (
                f"Source “{instance}” changed since it was captured: only an editor captures it "
                "again, which clears the flag once the change is looked at."
            )
        if is_public_record(instance):
            return _public_refusal(instance)
        return None
    if action == CLEAR_CHANGED:
        return None if editor and user.has_perm("sources.change_source") else _may_not(action)
    if action == PREVIEW:
        return None if user.is_staff and user.has_perm("claims.view_claim") else _may_not(action)
    raise ValueError(f"No such action: {action!r}.")


def _model_permission(action: str, model: type[models.Model]) -> str:
    if action == DELETE and model is ActorAlias:
        # An alias is part of its actor: replacing an actor's aliases is changing the actor.
        return "actors.change_actor"
    opts = _concrete(model)
    return f"{opts.app_label}.{action}_{opts.model_name}"


def _plural(model: type[models.Model]) -> str:
    with translation.override(None):  # the refusal is an English sentence: the name too
        return str(_concrete(model).verbose_name_plural)


def _concrete(model: type[models.Model]) -> Options[models.Model]:
    """The options of the model whose table holds ``model``'s rows: itself, or a proxy's."""
    concrete = model._meta.concrete_model
    assert concrete is not None  # only an abstract model has none, and it has no rows
    return concrete._meta


def _may_not(action: str) -> str:
    return f"You may not {REFUSALS[action]}."


def _public_refusal(record: Any) -> str:
    if not isinstance(record, SHARED):
        return PUBLIC_RECORD_REFUSAL
    return f"{describe(record)} is shown on public pages: only an editor may change it."


def describe(record: Any) -> str:
    """A shared record as a refusal or the corrections log names it: source “AFP dispatch”."""
    with translation.override(None):
        kind = str(type(record)._meta.verbose_name)
    if isinstance(record, ActorRelation):
        with translation.override(None):
            return f"{kind} “{record.subject} {record.get_kind_display()} {record.object}”"
    if isinstance(record, Source):
        return f"{kind} “{record.title}”"
    return f"{kind} “{record}”"


# Editor-only fields -----------------------------------------------------------------------------


def editor_only_changes(user: User | None, changed: Iterable[str]) -> list[str]:
    """The editor-only fields among ``changed`` that ``user`` may not set."""
    if can(user, SET_VERDICT, Claim):
        return []
    return sorted(set(changed) & set(EDITOR_ONLY_FIELDS))


def check_editor_only(user: User | None, changed: Iterable[str]) -> None:
    if refused := editor_only_changes(user, changed):
        raise PermissionDenied(f"Only an editor may set {', '.join(refused)}.")
