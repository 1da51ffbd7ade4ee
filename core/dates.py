"""Dates known to a day, a month or a year.

The AFP article says only "In February" for the helicopter claim, so an event or a statement date
is stored as a ``DateField`` holding the first day of its period plus a precision. The rule that a
month-precise date falls on the 1st (and a year-precise one on 1 January) is applied by
``normalise`` from the models' ``clean()``; ``display`` renders it at its precision.
"""

from __future__ import annotations

import datetime

from django.db import models


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


def normalise(value: datetime.date | None, precision: str) -> datetime.date | None:
    """The first day of the period that ``value`` falls in, at ``precision``."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


def display(value: datetime.date | None, precision: str) -> str:
    """'7 October 2025', 'February 2025' or '2023'."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year}"
    if precision == DatePrecision.MONTH:
        return value.strftime("%B %Y")
    return f"{value.day} {value.strftime('%B %Y')}"


def precision_field(verbose_name: str = "precision") -> models.CharField:
    return models.CharField(
        verbose_name,
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text="How precisely the date is known. Enter any day in the month or year; "
        "it is stored as the first day of that period and shown as 'February 2025' or '2025'.",
    )
