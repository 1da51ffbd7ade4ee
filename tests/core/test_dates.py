from __future__ import annotations

import datetime
import re

import pytest
from django.utils import translation

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


@pytest.mark.parametrize(
    ("written", "value", "precision"),
    [
        ("3 March 2025", datetime.date(2025, 3, 3), "day"),
        ("3rd Mar. 2025", datetime.date(2025, 3, 3), "day"),
        ("March 3, 2025", datetime.date(2025, 3, 3), "day"),
        ("on 3 March 2025", datetime.date(2025, 3, 3), "day"),
        ("1er mars 2025", datetime.date(2025, 3, 1), "day"),
        ("March 2025", datetime.date(2025, 3, 1), "month"),
        ("in février 2025", datetime.date(2025, 2, 1), "month"),
        ("2025", datetime.date(2025, 1, 1), "year"),
        ("2025-03", datetime.date(2025, 3, 1), "month"),
        ("2025-03-03", datetime.date(2025, 3, 3), "day"),
        ("03/03/2025", datetime.date(2025, 3, 3), "day"),
        ("03/04/2025", datetime.date(2025, 4, 3), "day"),
        ("3.4.2025", datetime.date(2025, 4, 3), "day"),
        ("04/2025", datetime.date(2025, 4, 1), "month"),
        # Arabic: Django's month names and their other spellings, the Levant's and Iraq's, the
        # two paired, Arabic-Indic digits, the Arabic comma, a year marked م, direction marks.
        ("3 مارس 2025", datetime.date(2025, 3, 3), "day"),
        ("3 إبريل 2025", datetime.date(2025, 4, 3), "day"),
        ("3 أبريل 2025", datetime.date(2025, 4, 3), "day"),
        ("3 ابريل 2025", datetime.date(2025, 4, 3), "day"),
        ("اغسطس 2025", datetime.date(2025, 8, 1), "month"),
        ("٣ مارس ٢٠٢٥", datetime.date(2025, 3, 3), "day"),
        ("3 آذار 2025", datetime.date(2025, 3, 3), "day"),
        ("3 اذار 2025", datetime.date(2025, 3, 3), "day"),
        ("كانون الثاني 2025", datetime.date(2025, 1, 1), "month"),
        ("١٥ تشرين الأول ٢٠٢٥", datetime.date(2025, 10, 15), "day"),
        ("3 كانون الأول 2025", datetime.date(2025, 12, 3), "day"),
        ("3 آذار/مارس 2025", datetime.date(2025, 3, 3), "day"),
        ("مارس (آذار) 2025", datetime.date(2025, 3, 1), "month"),
        ("في 3 مارس، 2025م", datetime.date(2025, 3, 3), "day"),
        ("3 مَارِس 2025", datetime.date(2025, 3, 3), "day"),
        ("٢٠٢٥", datetime.date(2025, 1, 1), "year"),
        ("٠٣/٠٤/٢٠٢٥", datetime.date(2025, 4, 3), "day"),
        ("03\u200f/04\u200f/2025", datetime.date(2025, 4, 3), "day"),
        # The Maghreb's month names (Algeria, Tunisia; Morocco), and Mauritania's wires with them.
        ("3 جانفي 2025", datetime.date(2025, 1, 3), "day"),
        ("فيفري 2025", datetime.date(2025, 2, 1), "month"),
        ("١٢ أفريل ٢٠٢٥", datetime.date(2025, 4, 12), "day"),
        ("ماي 2025", datetime.date(2025, 5, 1), "month"),
        ("3 جوان 2025", datetime.date(2025, 6, 3), "day"),
        ("جويلية 2025", datetime.date(2025, 7, 1), "month"),
        ("3 يوليوز 2025", datetime.date(2025, 7, 3), "day"),
        ("أوت 2025", datetime.date(2025, 8, 1), "month"),
        ("20 غشت 2025", datetime.date(2025, 8, 20), "day"),
        ("شتنبر 2025", datetime.date(2025, 9, 1), "month"),
        ("نونبر 2025", datetime.date(2025, 11, 1), "month"),
        ("3 دجنبر 2025", datetime.date(2025, 12, 3), "day"),
        ("3 جوان/يونيو 2025", datetime.date(2025, 6, 3), "day"),
    ],
)
def test_a_date_written_as_a_journalist_writes_it_is_read_with_its_precision(
    written, value, precision
):
    assert dates.parse_written(written) == (value, precision)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("31/02/2025", "31/02/2025 is not in the calendar."),
        ("30 February 2025", "30 February 2025 is not in the calendar."),
        ("2025-02-30", "2025-02-30 is not in the calendar."),
        ("12/31/2025", "There is no month 31: numeric dates are read day first"),
        ("3/3/25", "Write the year in full"),
        ("in February", "Add the year"),
        ("Marhc 2025", "“Marhc” is not a month"),
        ("last Tuesday", "Not a date we can read"),
        ("3 مارسس 2025", "“مارسس” is not a month"),
        ("3 آذار/أبريل 2025", "“آذار/أبريل” names two different months."),
        ("آذار", "Add the year"),
        ("٣١/٠٢/٢٠٢٥", "31/02/2025 is not in the calendar."),
        ("1446 هـ", "Not a date we can read"),
        ("", "Enter a date."),
    ],
)
def test_an_ambiguous_or_impossible_written_date_is_refused_with_a_reason(written, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        dates.parse_written(written)


@pytest.mark.parametrize(
    ("language", "written", "message"),
    [
        ("fr", "Marhc 2025", "« Marhc » n’est pas un mois. Écrivez-la par exemple : 3 mars 2025"),
        ("fr", "31/02/2025", "31/02/2025 n’existe pas dans le calendrier."),
        ("fr", "in February", "Ajoutez l’année"),
        ("ar", "31/02/2025", "31/02/2025 ليس تاريخًا في التقويم."),
        ("ar", "", "أدخل تاريخًا."),
    ],
)
def test_a_refused_date_is_explained_in_the_editors_language(language, written, message):
    with translation.override(language), pytest.raises(ValueError, match=re.escape(message)):
        dates.parse_written(written)


EVERY_MONTH = [datetime.date(2025, month, 1) for month in range(1, 13)]


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
@pytest.mark.parametrize("precision", ["day", "month", "year"])
def test_what_display_writes_in_each_language_reads_back_as_the_same_date(language, precision):
    # A saved date is shown in its box in the editor's language and sent back as shown.
    for first in EVERY_MONTH:
        stored = dates.normalise(first.replace(day=28), precision)
        with translation.override(language):
            shown = dates.display(stored, precision)
        assert dates.parse_written(shown) == (stored, precision), shown


def test_the_api_keeps_to_iso_8601():
    with pytest.raises(ValueError, match="ISO 8601"):
        dates.parse("3 March 2025")
