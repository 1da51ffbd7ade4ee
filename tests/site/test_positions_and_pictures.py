"""Positions over time, the timeline layout and the stance grid, computed outside templates."""

from __future__ import annotations

import datetime

import pytest

from claims.positions import current_positions, describe_changes
from claims.vocabulary import Stance
from tests.factories import ActorFactory, ClaimFactory, StatementFactory
from website.pages import stance_grid
from website.pictures import AXIS, grid_picture, timeline
from website.templatetags.contested import language_name

pytestmark = pytest.mark.django_db


def said(claim, actor, stance, day, precision="month", **kwargs):
    return StatementFactory(
        claim=claim,
        actor=actor,
        stance=stance,
        stated_on=day,
        stated_on_precision=precision,
        **kwargs,
    )


def test_a_change_of_position_is_said_plainly_oldest_first():
    claim, army = ClaimFactory(published=True), ActorFactory()
    later = said(claim, army, Stance.ACKNOWLEDGES, datetime.date(2025, 7, 1))
    earlier = said(claim, army, Stance.DENIES, datetime.date(2025, 3, 1))
    assert describe_changes([later, earlier]) == "denied in March 2025, acknowledged in July 2025"


def test_repeating_the_same_stance_is_not_a_change():
    claim, army = ClaimFactory(published=True), ActorFactory()
    first = said(claim, army, Stance.DENIES, datetime.date(2025, 3, 1))
    again = said(claim, army, Stance.DENIES, datetime.date(2025, 4, 1))
    assert describe_changes([first, again]) == ""


def test_a_change_dated_to_a_day_or_by_a_report_says_so():
    claim, army = ClaimFactory(published=True), ActorFactory()
    first = said(claim, army, Stance.DENIES, datetime.date(2025, 3, 4), precision="day")
    second = said(
        claim,
        army,
        Stance.RETRACTS,
        datetime.date(2025, 10, 7),
        precision="day",
        stated_on_is_report_date=True,
    )
    assert describe_changes([first, second]) == (
        "denied on 4 March 2025, retracted as reported on 7 October 2025"
    )


def test_positions_group_parties_by_their_latest_stance_and_count_spokespeople_for_the_party():
    claim = ClaimFactory(published=True)
    fla, army, spokesman = ActorFactory(name="FLA"), ActorFactory(name="Army"), ActorFactory()
    a = said(claim, fla, Stance.ASSERTS, datetime.date(2025, 2, 1))
    b = said(claim, spokesman, Stance.RETRACTS, datetime.date(2025, 5, 1), on_behalf_of=fla)
    c = said(claim, army, Stance.DECLINES_TO_COMMENT, datetime.date(2025, 2, 1))
    grouped = current_positions([a, b, c])
    assert grouped["for"] == []
    assert [p.party for p in grouped["against"]] == [fla]
    assert grouped["against"][0].change == "asserted in February 2025, retracted in May 2025"
    assert [p.party for p in grouped["neutral"]] == [army]


def test_the_timeline_puts_for_left_of_the_axis_against_right_and_neutral_on_it():
    claim = ClaimFactory(published=True)
    marks = timeline(
        [
            said(claim, ActorFactory(), Stance.DENIES, datetime.date(2025, 3, 1)),
            said(claim, ActorFactory(), Stance.ASSERTS, datetime.date(2025, 2, 1)),
            said(claim, ActorFactory(), Stance.DECLINES_TO_COMMENT, datetime.date(2025, 3, 1)),
        ]
    ).marks
    assert [m.direction for m in marks] == ["for", "against", "neutral"]
    assert marks[0].text_x < AXIS < marks[1].text_x
    assert marks[2].text_x == AXIS
    assert marks[0].y < marks[1].y < marks[2].y
    # The date is written once where it changes.
    assert [m.date for m in marks] == ["February 2025", "March 2025", ""]


def test_the_timeline_description_gives_one_date_when_every_statement_shares_it():
    claim = ClaimFactory(published=True)
    statements = [
        said(claim, ActorFactory(), Stance.ASSERTS, datetime.date(2025, 2, 1)),
        said(claim, ActorFactory(), Stance.DENIES, datetime.date(2025, 2, 20)),
    ]
    assert timeline(statements).description == (
        "2 statements, February 2025: 1 for the claim, 1 against, 0 neutral."
    )


def test_long_names_wrap_to_two_lines_and_are_clipped_after():
    claim = ClaimFactory(published=True)
    actor = ActorFactory(name="Ministry of Defence of the Russian Federation and its Friends")
    mark = timeline([said(claim, actor, Stance.ASSERTS, datetime.date(2025, 2, 1))]).marks[0]
    lines = [text for _, text in mark.name_lines]
    assert len(lines) == 2
    assert all(len(line) <= 18 for line in lines)
    assert lines[1].endswith("…")


def test_the_stance_grid_shows_each_partys_latest_position_per_claim():
    one, two = ClaimFactory(published=True), ClaimFactory(published=True)
    fla, army = ActorFactory(name="FLA"), ActorFactory(name="Army")
    said(one, fla, Stance.ASSERTS, datetime.date(2025, 2, 1))
    said(one, army, Stance.DENIES, datetime.date(2025, 2, 1))
    latest = said(one, army, Stance.ACKNOWLEDGES, datetime.date(2025, 7, 1))
    said(two, fla, Stance.ASSERTS, datetime.date(2025, 2, 1))
    grid = stance_grid([one, two])
    rows = {party.name: cells for party, cells in grid.rows}
    assert list(rows) == ["FLA", "Army"]  # most positions first
    assert rows["Army"] == [latest, None]
    assert [s.stance for s in rows["FLA"]] == ["asserts", "asserts"]


@pytest.mark.parametrize(
    ("code", "name"), [("fr", "French"), ("ar", "Arabic"), ("fr-ML", "French"), ("zzz", "zzz")]
)
def test_language_codes_read_as_names(code, name):
    assert language_name(code) == name


def test_the_grid_picture_places_one_marked_cell_per_position():
    one, two = ClaimFactory(published=True), ClaimFactory(published=True)
    fla, army = ActorFactory(name="FLA"), ActorFactory(name="Army")
    said(one, fla, Stance.ASSERTS, datetime.date(2025, 2, 1))
    said(one, army, Stance.DENIES, datetime.date(2025, 2, 1))
    said(two, fla, Stance.DECLINES_TO_COMMENT, datetime.date(2025, 2, 1))
    picture = grid_picture(stance_grid([one, two]))
    assert [name for _, name in picture.rows] == ["FLA", "Army"]
    assert [number for _, number in picture.columns] == [1, 2]
    cells = {(c.y, c.x): (c.direction, c.symbol) for c in picture.cells}
    assert len(cells) == 3
    fla_row, army_row = sorted({c.y for c in picture.cells})
    first, second = sorted({c.x for c in picture.cells})
    assert cells[(fla_row, first)] == ("for", "▲")
    assert cells[(army_row, first)] == ("against", "▼")
    assert cells[(fla_row, second)] == ("neutral", "●")
    assert picture.description.startswith("2 parties across 2 claims. Positions: 1 for, 1 against")
