"""Who may change what: one function per rule, used by every admin page (inline and
standalone), every API write and every service.

- **Model permissions** (``add_claim``, ``change_citation``…) say which kinds of record a user
  may write at all; the Reporter and Editor groups hold them (``claims.roles``).
- **What the public sees is the editors' to change**: a user who may not publish changes no
  record the public sees — a published or withdrawn claim, or a statement, citation, settled
  request for comment or relation between public claims hanging off one
  (``claims.visibility.is_public_record``) — neither as it is saved nor as the change would leave
  it. That is ``may_change``.
- **Editor-only fields**: the verdict, its reasoning and the withdrawal reason.
- **Previewing drafts** on the public site: active staff who may view claims.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied

from .visibility import is_public_record

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

PUBLISH = "claims.publish_claim"

# Fields only someone who may publish can set. Status changes only through the workflow's moves.
EDITOR_ONLY_FIELDS = ("verdict", "verdict_reasoning", "withdrawal_reason")

PUBLIC_RECORD_REFUSAL = (
    "This is part of a public claim's record: only an editor may change it, or attach anything "
    "to a public claim."
)


def may_publish(user: User | None) -> bool:
    """Publish, withdraw, set a verdict, and change what the public sees."""
    return bool(user is not None and user.is_active and user.has_perm(PUBLISH))


def may_change(user: User | None, record: Any) -> bool:
    """Whether ``user`` may change ``record`` (a claim, or a statement, citation, relation or
    request for comment) as far as publication goes. Call it with the record as saved and
    again as the change would leave it; model permissions are checked besides."""
    return may_publish(user) or not is_public_record(record)


def check_may_change(user: User | None, record: Any) -> None:
    if not may_change(user, record):
        raise PermissionDenied(PUBLIC_RECORD_REFUSAL)


def editor_only_changes(user: User | None, changed: Iterable[str]) -> list[str]:
    """The editor-only fields among ``changed`` that ``user`` may not set."""
    if may_publish(user):
        return []
    return sorted(set(changed) & set(EDITOR_ONLY_FIELDS))


def check_editor_only(user: User | None, changed: Iterable[str]) -> None:
    if refused := editor_only_changes(user, changed):
        raise PermissionDenied(f"Only an editor may set {', '.join(refused)}.")


def may_preview(user: User | None) -> bool:
    """Newsroom staff may open a draft's page to check it before publishing."""
    return bool(
        user is not None and user.is_active and user.is_staff and user.has_perm("claims.view_claim")
    )
