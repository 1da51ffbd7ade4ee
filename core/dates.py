"""Dates known to a day, a month or a year.

The AFP article says only "In February" for the helicopter claim, so an event or a statement date
is stored as a ``DateField`` holding the first day of its period plus a precision. The rule that a
month-precise date falls on the 1st (and a year-precise one on 1 January) is applied by
``normalise`` from the models' ``clean()``; ``display`` renders it at its precision.

The one place for partial dates as text, ISO 8601 at their precision (``2025``, ``2025-02``,
``2025-02-08``): ``parse`` reads one, inferring its precision, and ``isoformat`` writes one. And
the one place for their order: ``sort_key`` in Python and ``sort_key_expression`` in SQL put an
imprecise date after every more precise date inside its period (see ``sort_key``).

The newsroom's forms also take dates as journalists write them ("3 March 2025", "March 2025",
"03/03/2025", day first; "3 مارس 2025", "آذار ٢٠٢٥"): ``parse_written``, the same parser with more
spellings, which reads back whatever ``display`` writes in each language. The API keeps to ISO
8601 (its schema publishes the pattern).
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from django.db import models
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.utils import dateformat
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.models.expressions import Combinable


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


@overload
def normalise(value: datetime.date, precision: str) -> datetime.date: ...
@overload
def normalise(value: None, precision: str) -> None: ...
@overload
def normalise(value: datetime.date | None, precision: str) -> datetime.date | None: ...
def normalise(value: datetime.date | None, precision: str) -> datetime.date | None:
    """The first day of the period that ``value`` falls in, at ``precision``."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


# How a date reads at each precision, day first in every language we serve; the month's name is
# the active language's (Django's own catalogues): "7 October 2025", "7 octobre 2025",
# "7 أكتوبر 2025"; "février 2025"; a year alone is its number.
DISPLAY_FORMATS: dict[str, str] = {
    DatePrecision.DAY: "j F Y",
    DatePrecision.MONTH: "F Y",
    DatePrecision.YEAR: "Y",
}


def display(value: datetime.date | None, precision: str) -> str:
    """'7 October 2025', 'February 2025' or '2023', in the active language and never more
    precise than the date is known."""
    if value is None:
        return ""
    return _display(value, precision, get_language())


@lru_cache(maxsize=8192)
def _display(value: datetime.date, precision: str, language: str | None) -> str:
    # Formatting a date is the slowest part of a list row (Django's ``dateformat`` resolves the
    # month's name through gettext each time); a list repeats the same few dates, so each date
    # is formatted once per precision and language. ``language`` is only the cache's key: the
    # format reads the active language itself.
    return dateformat.format(value, DISPLAY_FORMATS.get(precision, DISPLAY_FORMATS["day"]))


# Coarser precisions are larger.
_BREADTH: dict[str, int] = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}

# ISO 8601 calendar dates, extended format, at a year's, a month's or a day's precision. The
# API's schema publishes it; ``parse`` takes the same and checks that the day exists (no 30
# February).
PARTIAL_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class PartialDate(NamedTuple):
    """A date at its precision: the first day of its period, and the period's length."""

    value: datetime.date
    precision: str

    def isoformat(self) -> str:
        return isoformat(self.value, self.precision)


def parse(text: str) -> PartialDate:
    """``2023`` → 1 January 2023 at year precision, ``2023-02`` → 1 February at month
    precision, ``2023-02-08`` at day precision. ``ValueError``, with a message for the person
    who sent it, for anything else."""
    match = _PARTIAL.fullmatch(text)
    if match is None:
        raise ValueError(
            "Not a date. Give an ISO 8601 date at its precision: YYYY, YYYY-MM or YYYY-MM-DD "
            "(2025, 2025-02 or 2025-02-08)."
        )
    year, month, day = match.groups()
    precision = DatePrecision.DAY if day else DatePrecision.MONTH if month else DatePrecision.YEAR
    try:
        value = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(_not_in_calendar(text)) from None
    return PartialDate(value, precision)


# Dates as journalists write them (the newsroom's forms): "3 March 2025", "March 2025",
# "3/3/2025". Numeric dates are read day first, as in most of the world and in the wires the
# newsroom works from: 03/04/2025 is 3 April 2025. Month names in English and French (the
# Sahel's wires are in both); "3rd", "1er" and a comma after the month are allowed.
#
# And in Arabic, since ``display`` writes a date back into its box in the editor's language
# ("3 إبريل 2025" under /ar/admin/): the names Django's Arabic catalogue writes and their usual
# spellings (يناير … ديسمبر), the Levant's and Iraq's (كانون الثاني … كانون الأول), which Sahel
# and Levant newsrooms both use, alone or paired ("آذار/مارس", "مارس (آذار)"), and the
# Maghreb's, from the French (Algeria and Tunisia: جانفي، فيفري، أفريل، جوان، جويلية، أوت;
# Morocco: يوليوز، غشت، شتنبر، نونبر، دجنبر); Arabic-Indic digits as well as Western ones, the
# Arabic comma, and a year marked "م" (Gregorian).
_MONTH_NAMES = [
    ("january", "jan", "janvier", "janv", "يناير", "كانون الثاني", "جانفي"),
    ("february", "feb", "février", "fevrier", "févr", "fevr", "فبراير", "شباط", "فيفري"),
    ("march", "mar", "mars", "مارس", "آذار"),
    ("april", "apr", "avril", "avr", "أبريل", "نيسان", "أفريل"),
    ("may", "mai", "مايو", "أيار", "ماي"),
    ("june", "jun", "juin", "يونيو", "يونيه", "حزيران", "جوان"),
    ("july", "jul", "juillet", "juil", "يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    ("august", "aug", "août", "aout", "أغسطس", "آب", "أوت", "غشت"),
    ("september", "sep", "sept", "septembre", "سبتمبر", "أيلول", "شتنبر"),
    ("october", "oct", "octobre", "أكتوبر", "تشرين الأول"),
    ("november", "nov", "novembre", "نوفمبر", "تشرين الثاني", "نونبر"),
    ("december", "dec", "décembre", "decembre", "déc", "ديسمبر", "كانون الأول", "دجنبر"),
]

# Arabic is written with or without its hamza (أبريل, ابريل, إبريل), short vowels and tatweel
# (the stretching "ـ"): a name is looked up without them.
_ALEFS = str.maketrans("أإآٱ", "اااا")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def _fold(name: str) -> str:
    return _ARABIC_MARKS.sub("", " ".join(name.split())).translate(_ALEFS).lower()


MONTHS = {
    _fold(name): number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names
}

# Arabic-Indic (٠١٢…) and Persian (۰۱۲…) digits are read as 0-9. Direction marks come with Arabic
# text copied from a page (and in Django's Arabic short dates, "03‏/03‏/2025"): dropped.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_DIRECTION_MARKS = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")

# The forms the messages below suggest, in the editor's language.
WRITTEN_FORMS = _("3 March 2025, March 2025, 2025, 2025-03-03 or 03/03/2025 (day first)")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?"
# One word, or two for the Levant's "كانون الثاني" and "تشرين الأول"; then perhaps the same month
# in the other calendar's name, after a slash or in brackets.
_NAME = r"[^\W\d_]+(?:\s+ال[^\W\d_]+)?"
_MONTH = rf"(?P<month>{_NAME}(?:\s*/\s*{_NAME}|\s*\(\s*{_NAME}\s*\))?)\.?"
_YEAR = r"(?P<year>\d{4})"
_COMMA = r"[,،]?"
_WRITTEN = [
    re.compile(rf"{_DAY}\s+{_MONTH}{_COMMA}\s+{_YEAR}"),  # 3 March 2025
    re.compile(rf"{_MONTH}\s+{_DAY}{_COMMA}\s+{_YEAR}"),  # March 3, 2025
    re.compile(rf"{_MONTH}{_COMMA}\s+{_YEAR}"),  # March 2025
    re.compile(r"(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.]" + _YEAR),  # 03/03/2025, 3.3.2025
    re.compile(r"(?P<month>\d{1,2})[/.]" + _YEAR),  # 03/2025
]
_SHORT_YEAR = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2}")


def _as_typed(text: str) -> str:
    """``text`` with its spaces collapsed, its digits Western, and without what only says how
    it was typed: direction marks, Arabic short vowels, a leading "in", "on", "le" or "في", a
    year's "م"."""
    written = _ARABIC_MARKS.sub("", _DIRECTION_MARKS.sub("", text)).translate(_DIGITS)
    written = " ".join(written.split())
    written = re.sub(r"^(?:in|on|en|le|في)\s+", "", written, flags=re.IGNORECASE)
    return re.sub(r"(?<=\d{4})\s*م\.?$", "", written)


def _month_number(text: str) -> int:
    """The month ``text`` names: a number, a name, or two names of the same month."""
    if text.isdigit():
        return int(text)
    names = [name.strip() for name in re.split(r"[/()]", text) if name.strip()]
    numbers = set()
    for name in names:
        number = MONTHS.get(_fold(name))
        if number is None:
            raise ValueError(
                gettext("“%(name)s” is not a month. Write it as, e.g., %(forms)s.")
                % {"name": name, "forms": WRITTEN_FORMS}
            )
        numbers.add(number)
    if len(numbers) > 1:
        raise ValueError(gettext("“%(text)s” names two different months.") % {"text": text})
    return numbers.pop()


def parse_written(text: str) -> PartialDate:
    """A date as a journalist writes it, its precision inferred from what was written: ISO 8601
    at its precision (``parse``), or one of ``WRITTEN_FORMS``, with English, French or Arabic
    month names and Western or Arabic-Indic digits. ``ValueError`` with a message for the person
    typing it: an unknown month, a two-digit year, a day not in the calendar."""
    written = _as_typed(text)
    if not written:
        raise ValueError(gettext("Enter a date."))
    if _PARTIAL.fullmatch(written):
        return parse(written)
    if _SHORT_YEAR.fullmatch(written):
        raise ValueError(
            gettext("Write the year in full: is “%(date)s” in 19xx or 20xx?") % {"date": written}
        )
    for pattern in _WRITTEN:
        match = pattern.fullmatch(written)
        if match is None:
            continue
        parts = match.groupdict()
        month = _month_number(parts["month"])
        if not 1 <= month <= 12:
            raise ValueError(
                gettext(
                    "There is no month %(month)s: numeric dates are read day first (03/04/2025 "
                    "is 3 April 2025)."
                )
                % {"month": month}
            )
        day = parts.get("day")
        precision = DatePrecision.DAY if day else DatePrecision.MONTH
        try:
            value = datetime.date(int(parts["year"]), month, int(day or 1))
        except ValueError:
            raise ValueError(_not_in_calendar(written)) from None
        return PartialDate(value, precision)
    if re.fullmatch(_MONTH, written):
        raise ValueError(gettext("Add the year: “%(date)s 2025”, say.") % {"date": written})
    raise ValueError(
        gettext("Not a date we can read. Write it as, e.g., %(forms)s.") % {"forms": WRITTEN_FORMS}
    )


def _not_in_calendar(text: str) -> str:
    return gettext("%(date)s is not in the calendar.") % {"date": text}


@overload
def isoformat(value: datetime.date, precision: str) -> str: ...
@overload
def isoformat(value: None, precision: str) -> None: ...
@overload
def isoformat(value: datetime.date | None, precision: str) -> str | None: ...
def isoformat(value: datetime.date | None, precision: str) -> str | None:
    """'2025-02-08', '2025-02' or '2025': the ISO 8601 form of ``value`` at ``precision``."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def period_end(given: PartialDate) -> datetime.date:
    """The last day of the period ``given`` names: 31 December for a year, the month's last day
    for a month, the day itself for a day."""
    value = given.value
    if given.precision == DatePrecision.YEAR:
        return datetime.date(value.year, 12, 31)
    if given.precision == DatePrecision.MONTH:
        following = datetime.date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return value


def at_precision(given: PartialDate, precision: str | None) -> PartialDate:
    """``given`` at the ``precision`` also sent with it, if any. The same precision, or a
    coarser one (``2023-02-14`` with ``month``: how a month was written before partial dates),
    is taken, the date moved to its period's first day; a finer one (``2023-02`` with ``day``)
    claims what the date does not say: ``ValueError``."""
    if precision is None or precision == given.precision:
        return given
    if _BREADTH[precision] < _BREADTH[given.precision]:
        raise ValueError(
            f"{given.isoformat()} is known to the {given.precision}, not to the {precision}: "
            f'leave the precision out, or send "{given.precision}".'
        )
    return PartialDate(normalise(given.value, precision), precision)


def sort_key(value: datetime.date, precision: str) -> int:
    """Where a date falls in time, as a number: 20250208 for 8 February 2025.

    An imprecise date says only that something happened some time in its period, so it sorts
    after every more precise date inside that period and before the next period: February 2025
    is 20250232 (after 28 February, before 1 March), 2025 is 20251332 (after 31 December 2025,
    before 2026). What an imprecise date stores below its precision is ignored, so a row saved
    without ``normalise`` sorts the same. ``sort_key_expression`` is the same number in SQL.
    """
    if precision == DatePrecision.YEAR:
        return value.year * 10000 + 1332
    if precision == DatePrecision.MONTH:
        return value.year * 10000 + value.month * 100 + 32
    return value.year * 10000 + value.month * 100 + value.day


def sort_key_expression(date_field: str, precision_field: str) -> models.Case:
    """``sort_key`` computed by the database, for ``order_by`` and comparisons."""
    year = ExtractYear(date_field) * 10000
    month = ExtractMonth(date_field) * 100
    return models.Case(
        models.When(**{precision_field: DatePrecision.YEAR.value}, then=year + 1332),
        models.When(**{precision_field: DatePrecision.MONTH.value}, then=year + month + 32),
        default=year + month + ExtractDay(date_field),
        output_field=models.IntegerField(),
    )


def precision_field(verbose_name: Any = None) -> models.CharField[str | int | Combinable, str]:
    return models.CharField(
        verbose_name or _("precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "How precisely the date is known. Enter any day in the month or year; it is stored "
            "as the first day of that period and shown as 'February 2025' or '2025'."
        ),
    )
