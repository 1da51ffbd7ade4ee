"""Where each party stands on a claim, from its statements: the one definition of "current
position" that the contested badge, the claim filter, the claim page, the stance grid, the actor
page and the API share.

A statement's **party** is whose position it is (``Statement.party``: the organisation a
spokesperson speaks for, else the speaker). A party's **current position** on a claim is its
latest statement there (``CHRONOLOGICAL`` order). In the database the same rule is
``StatementQuerySet.current()``; a claim is **contested** when one party's current position is
for it and another's against (``ClaimQuerySet.contested()``). The functions here work on
statements already loaded, so a page computes positions without another query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from core.dates import DatePrecision
from core.dates import display as display_date

from .vocabulary import STANCES, Direction

if TYPE_CHECKING:
    from collections.abc import Iterable

    from actors.models import Actor

    from .models import Statement


def chronological(statements: Iterable[Statement]) -> list[Statement]:
    return sorted(statements, key=lambda s: s.chronological_key)


def _when(statement: Statement) -> str:
    shown = display_date(statement.stated_on, statement.stated_on_precision)
    if statement.stated_on_is_report_date:
        return _("as reported on %(date)s") % {"date": shown}
    if statement.stated_on_precision == DatePrecision.DAY:
        return _("on %(date)s") % {"date": shown}
    return _("in %(date)s") % {"date": shown}


def describe_changes(statements: Iterable[Statement]) -> str:
    """How one party's position on one claim moved, oldest first, in plain words:
    "denied in March 2025, acknowledged in July 2025". Empty when it never changed."""
    steps: list[Statement] = []
    for statement in chronological(statements):
        if not steps or steps[-1].stance != statement.stance:
            steps.append(statement)
    if len(steps) < 2:
        return ""
    return _(", ").join(
        _("%(stance)s %(when)s") % {"stance": STANCES[s.stance].past, "when": _when(s)}
        for s in steps
    )


@dataclass
class Position:
    """One party's current position on a claim, with the statements that led to it."""

    party: Actor
    statements: list[Statement] = field(default_factory=list)

    @property
    def current(self) -> Statement:
        return self.statements[-1]

    @property
    def direction(self) -> str:
        return self.current.direction

    @property
    def change(self) -> str:
        return describe_changes(self.statements)


def positions_by_party(statements: Iterable[Statement]) -> dict[tuple[int, int], Position]:
    """Each (claim, party)'s position, from statements loaded with their actors."""
    by_party: dict[tuple[int, int], Position] = {}
    for statement in chronological(statements):
        party = statement.party
        key = (statement.claim_id, party.pk)
        by_party.setdefault(key, Position(party=party)).statements.append(statement)
    return by_party


def current_positions(statements: Iterable[Statement]) -> dict[str, list[Position]]:
    """One claim's parties grouped by the direction of their current position: for, against,
    neutral; each group by name."""
    grouped: dict[str, list[Position]] = {d: [] for d in Direction.values}
    for position in positions_by_party(statements).values():
        grouped[position.direction].append(position)
    for group in grouped.values():
        group.sort(key=lambda p: p.party.name)
    return grouped
