"""Pictures drawn on the server as SVG: a claim's timeline, and the parties × claims grid.

The layout is computed here and the template only places what it is given, so the drawing is
testable without a browser and needs no chart library. Time runs down a central axis; statements
for the claim sit to its left, against to its right, neutral ones on the axis.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext, ngettext

from claims.positions import chronological
from claims.vocabulary import Direction

from .pages import Grid

if TYPE_CHECKING:
    from collections.abc import Iterable

    from claims.models import Statement

WIDTH = 460
AXIS = WIDTH // 2
GAP = 16  # between the axis and a label
HEADER = 40
ROW = 84
NAME_CHARS = 18  # per line; a name takes at most two lines


def _clip(text: str, size: int = NAME_CHARS) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def _lines(text: str, size: int = NAME_CHARS) -> list[str]:
    """Up to two lines of at most ``size`` characters, broken between words."""
    words, lines = text.split(), [""]
    for word in words:
        candidate = f"{lines[-1]} {word}".strip()
        if len(candidate) <= size or not lines[-1]:
            lines[-1] = candidate
        elif len(lines) == 2:
            lines[-1] = _clip(f"{lines[-1]} {word}", size)
            break
        else:
            lines.append(word)
    return [_clip(line, size) for line in lines]


@dataclass
class TimelineMark:
    statement: Statement
    direction: str
    y: int
    date: str  # shown only where the date changes
    name: str
    stance: str

    @property
    def dot_y(self) -> int:
        return self.y + 34

    @property
    def name_lines(self) -> list[tuple[int, str]]:
        """(y, text) of each line of the party's name."""
        return [(self.y + 40 + 18 * i, line) for i, line in enumerate(_lines(self.name))]

    @property
    def stance_y(self) -> int:
        return self.y + 40 + 18 * len(self.name_lines)

    @property
    def date_box(self) -> tuple[int, int]:
        """(x, width) of the dark pill behind the date, centred on the axis."""
        width = int(len(self.date) * 7.8) + 20
        return AXIS - width // 2, width

    @property
    def text_x(self) -> int:
        if self.direction == Direction.FOR:
            return AXIS - GAP
        if self.direction == Direction.AGAINST:
            return AXIS + GAP
        return AXIS

    @property
    def anchor(self) -> str:
        return {Direction.FOR: "end", Direction.AGAINST: "start"}.get(self.direction, "middle")

    @property
    def is_neutral(self) -> bool:
        return self.direction == Direction.NEUTRAL

    @property
    def neutral_label(self) -> str:
        return f"{self.name} {self.stance}"

    @property
    def neutral_box(self) -> tuple[int, int]:
        """(x, width) of the white box that lifts a neutral label off the axis."""
        width = int(len(self.neutral_label) * 7.4) + 16
        return AXIS - width // 2, width

    @property
    def line_end_x(self) -> int:
        return self.text_x + (6 if self.direction == Direction.FOR else -6)


@dataclass
class Timeline:
    marks: list[TimelineMark]
    width: int = WIDTH
    axis: int = AXIS

    @property
    def height(self) -> int:
        return HEADER + ROW * len(self.marks) + 12

    @property
    def axis_end(self) -> int:
        return self.height - 6

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(Direction.values, 0)
        for mark in self.marks:
            counts[mark.direction] += 1
        return counts

    @property
    def description(self) -> str:
        counts = self.counts
        if not self.marks:
            return gettext("No statements yet.")
        first = self.marks[0].statement.stated_on_display
        last = self.marks[-1].statement.stated_on_display
        span = (
            first
            if first == last
            else gettext("from %(first)s to %(last)s") % {"first": first, "last": last}
        )
        return ngettext(
            "%(count)d statement, %(span)s: %(for)d for the claim, %(against)d against, "
            "%(neutral)d neutral.",
            "%(count)d statements, %(span)s: %(for)d for the claim, %(against)d against, "
            "%(neutral)d neutral.",
            len(self.marks),
        ) % {
            "count": len(self.marks),
            "span": span,
            "for": counts[Direction.FOR],
            "against": counts[Direction.AGAINST],
            "neutral": counts[Direction.NEUTRAL],
        }


def timeline(statements: Iterable[Statement]) -> Timeline:
    """Lay out statements in date order, one row each, the date written where it changes."""
    marks = []
    previous = None
    for index, statement in enumerate(chronological(statements)):
        shown = statement.stated_on_display
        party = statement.party
        mark_is_neutral = statement.direction == Direction.NEUTRAL
        stance = statement.get_stance_display()
        if party.pk != statement.actor_id:
            stance = gettext("%(stance)s, via %(name)s") % {
                "stance": stance,
                "name": statement.actor.name,
            }
        marks.append(
            TimelineMark(
                statement=statement,
                direction=statement.direction,
                y=HEADER + ROW * index,
                date="" if shown == previous else shown,
                name=_clip(party.name, 50) if mark_is_neutral else party.name,
                stance=_clip(stance, 50 if mark_is_neutral else NAME_CHARS + 6),
            )
        )
        previous = shown
    return Timeline(marks=marks)


# The stance grid ---------------------------------------------------------------------------------

GRID_NAME_WIDTH = 262
GRID_NAME_CHARS = 26
GRID_CELL = 44
GRID_HEADER = 30
GRID_ROW = 34
SYMBOLS = {Direction.FOR: "▲", Direction.AGAINST: "▼", Direction.NEUTRAL: "●"}


@dataclass
class GridCell:
    x: int
    y: int
    direction: str
    stance: str

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.direction]

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + GRID_CELL // 2, self.y + GRID_ROW // 2 + 5


@dataclass
class GridPicture:
    columns: list[tuple[int, int]]  # (x of the column's centre, number)
    rows: list[tuple[int, str]]  # (y of the row's text baseline, party name)
    cells: list[GridCell]
    width: int
    height: int
    description: str
    cell: int = GRID_CELL
    row: int = GRID_ROW
    name_width: int = GRID_NAME_WIDTH


def grid_picture(grid: Grid) -> GridPicture:
    """Lay out a stance grid: parties down the left, numbered claims across, one coloured,
    symbol-marked cell where a party has a position."""
    columns = [
        (GRID_NAME_WIDTH + GRID_CELL * i + GRID_CELL // 2, i + 1) for i in range(len(grid.claims))
    ]
    rows, cells = [], []
    counts = dict.fromkeys(Direction.values, 0)
    for r, (party, statements) in enumerate(grid.rows):
        y = GRID_HEADER + GRID_ROW * r
        rows.append((y + GRID_ROW // 2 + 5, _clip(party.name, GRID_NAME_CHARS)))
        for c, statement in enumerate(statements):
            if statement is None:
                continue
            counts[statement.direction] += 1
            cells.append(
                GridCell(
                    x=GRID_NAME_WIDTH + GRID_CELL * c,
                    y=y,
                    direction=statement.direction,
                    stance=statement.get_stance_display(),
                )
            )
    description = gettext(
        "%(parties)d parties across %(claims)d claims. Positions: %(for)d for, %(against)d "
        "against, %(neutral)d neutral. 'Show as a table', below, gives each one."
    ) % {
        "parties": len(grid.rows),
        "claims": len(grid.claims),
        "for": counts[Direction.FOR],
        "against": counts[Direction.AGAINST],
        "neutral": counts[Direction.NEUTRAL],
    }
    return GridPicture(
        columns=columns,
        rows=rows,
        cells=cells,
        width=GRID_NAME_WIDTH + GRID_CELL * max(len(grid.claims), 1) + 8,
        height=GRID_HEADER + GRID_ROW * len(grid.rows) + 4,
        description=description,
    )
