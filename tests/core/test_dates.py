from __future__ import annotations

import datetime

import pytest

from core import dates


@pytest.mark.parametrize(
    ("precision", "stored", "shown"),
    [
        ("day", datetime.date(2025, 10, 7), "7 October 2025"),
        ("month", datetime.date(2025, 2, 1), "February 2025"),
        ("year", datetime.date(2023, 1, 1), "2023"),
    ],
)
def test_a_date_is_stored_at_the_start_of_its_period_and_shown_at_its_precision(
    precision, stored, shown
):
    entered = stored.replace(day=min(stored.day + 13, 28)) if precision != "day" else stored
    assert dates.normalise(entered, precision) == stored
    assert dates.display(stored, precision) == shown


def test_an_unknown_date_shows_as_nothing():
    assert dates.display(None, "day") == ""
    assert dates.normalise(None, "year") is None
