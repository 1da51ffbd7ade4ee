"""A reporter's spreadsheet of claims with their statements, read into a ledger bundle.

One row per statement; the claim's columns repeat on each of its rows (the first row that gives
a value wins). Read with tablib (CSV or XLSX). What a reporter types is taken as they write it:
dates as in the newsroom's forms (``core.dates.parse_written``: "3 March 2025", "March 2025",
"03/03/2025", day first), a stance by its value or its words ("adds context"), an actor by its
slug, name or alias, a topic by its name or slug (a new name becomes a topic), a source by its
address (a new one is added, its outlet found by the address's domain, or added too).

Mistakes a row can show by itself (a date not in the calendar, an unknown stance, a missing
column) are named by row and column before anything is imported (``SheetError``); references
that only the ledger can check (an actor nobody knows) are named by the import's report, on the
statement "row 7".
"""

from __future__ import annotations

import io
from typing import Any

import tablib
from django.db.models import Q

from actors.lookup import named
from claims.models import Topic
from claims.vocabulary import STANCES
from core import dates
from core.slugs import derive_slug
from sources.lookup import outlet_for_host, title_from_url
from sources.models import Source
from sources.urls_normalise import normalise_url

from . import FORMAT, VERSION

COLUMNS = [
    "claim",
    "claim_slug",
    "summary",
    "event_date",
    "place",
    "topics",
    "actor",
    "on_behalf_of",
    "stance",
    "stated_on",
    "quote",
    "quote_language",
    "paraphrase",
    "translation",
    "source_url",
    "source_title",
    "locator",
]
REQUIRED = ["claim", "actor", "stance", "stated_on"]
_STANCE_WORDS = {str(stance.label): stance.value for stance in STANCES} | {
    stance.value: stance.value for stance in STANCES
}


class SheetError(ValueError):
    """The sheet's own mistakes, one line each ("row 4 · stated_on: …")."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def load_rows(name: str, content: bytes) -> tablib.Dataset:
    try:
        if name.lower().endswith(".xlsx"):
            return tablib.Dataset().load(io.BytesIO(content), format="xlsx")
        return tablib.Dataset().load(content.decode("utf-8-sig"), format="csv")
    except Exception as error:
        raise SheetError([f"{name} cannot be read as a sheet: {error}"]) from None


def read_sheet(name: str, content: bytes) -> dict[str, Any]:
    rows = load_rows(name, content)
    headers = [str(h or "").strip().lower() for h in rows.headers or []]
    missing = [column for column in REQUIRED if column not in headers]
    unknown = [h for h in headers if h and h not in COLUMNS]
    if missing or unknown:
        raise SheetError(
            [f"The sheet needs the column “{c}”." for c in missing]
            + [f"Unknown column “{c}”: the columns are {', '.join(COLUMNS)}." for c in unknown]
        )
    return _Reader().read(
        [
            {header: _text(value) for header, value in zip(headers, row, strict=False)}
            for row in rows
        ]
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):  # a date cell in a spreadsheet
        return value.isoformat()[:10]
    return " ".join(str(value).split()) if not isinstance(value, str) else value.strip()


class _Reader:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.claims: dict[str, dict[str, Any]] = {}
        self.topics: dict[str, dict[str, str]] = {}
        self.sources: dict[str, dict[str, Any]] = {}
        self.outlets: dict[str, dict[str, str]] = {}

    def problem(self, number: int, column: str, message: str) -> None:
        self.problems.append(f"row {number} · {column}: {message}")

    def read(self, rows: list[dict[str, str]]) -> dict[str, Any]:
        for number, row in enumerate(rows, start=2):  # row 1 holds the headers
            if any(row.values()):
                self.row(number, row)
        if self.problems:
            raise SheetError(self.problems)
        return {
            "format": FORMAT,
            "version": VERSION,
            "outlets": list(self.outlets.values()),
            "sources": list(self.sources.values()),
            "topics": list(self.topics.values()),
            "claims": list(self.claims.values()),
        }

    def row(self, number: int, row: dict[str, str]) -> None:
        for column in REQUIRED:
            if not row.get(column):
                self.problem(number, column, "Fill it in.")
        if not row.get("claim"):
            return
        slug = row.get("claim_slug") or derive_slug(row["claim"], 120)
        claim = self.claims.setdefault(slug, {"slug": slug, "text": row["claim"], "statements": []})
        for column, key in (("summary", "summary"), ("place", "place_name")):
            if row.get(column) and not claim.get(key):
                claim[key] = row[column]
        if row.get("event_date") and "event_date" not in claim:
            claim["event_date"] = self.date(number, "event_date", row["event_date"])
        if row.get("topics") and "topics" not in claim:
            claim["topics"] = [self.topic(t.strip()) for t in row["topics"].split(";") if t.strip()]
        stance = _STANCE_WORDS.get(row.get("stance", "").lower())
        if row.get("stance") and stance is None:
            self.problem(
                number, "stance", f"“{row['stance']}” is not a stance: {', '.join(_STANCE_WORDS)}."
            )
        statement: dict[str, Any] = {
            "ref": f"row {number}",
            "actor": self.actor(row.get("actor", "")),
            "stance": stance,
            "stated_on": self.date(number, "stated_on", row.get("stated_on", "")),
            "quote": row.get("quote", ""),
            "quote_language": row.get("quote_language", ""),
            "paraphrase": row.get("paraphrase", ""),
            "translation": row.get("translation", ""),
            "citations": [],
        }
        if row.get("on_behalf_of"):
            statement["on_behalf_of"] = self.actor(row["on_behalf_of"])
        if row.get("source_url"):
            source = self.source(number, row["source_url"], row.get("source_title", ""))
            if source:
                statement["citations"].append({"source": source, "locator": row.get("locator", "")})
        claim["statements"].append(statement)

    def date(self, number: int, column: str, text: str) -> str | None:
        if not text:
            return None
        try:
            return dates.parse_written(text).isoformat()
        except ValueError as error:
            self.problem(number, column, str(error))
            return None

    def actor(self, typed: str) -> str:
        """The actor's slug; what was typed when no actor has that slug, name or alias (the
        import then names it)."""
        found = named(typed, or_slug=True)
        return found.slug if found else typed

    def topic(self, typed: str) -> str:
        found = Topic.objects.filter(Q(slug=typed) | Q(name__iexact=typed)).first()
        if found:
            return found.slug
        slug = derive_slug(typed, 100)
        self.topics.setdefault(slug, {"slug": slug, "name": typed})
        return slug

    def source(self, number: int, address: str, title: str) -> str | None:
        if not address.startswith(("http://", "https://")):
            self.problem(number, "source_url", f"“{address}” is not an address (https://…).")
            return None
        url = normalise_url(address)
        if url in self.sources or Source.objects.filter(url=url).exists():
            return url
        outlet = outlet_for_host(url.split("/")[2])
        if outlet.pk is None:
            self.outlets.setdefault(
                outlet.slug,
                {
                    "slug": outlet.slug,
                    "name": outlet.name,
                    "kind": outlet.kind,
                    "website": outlet.website,
                },
            )
        self.sources[url] = {
            "url": url,
            "title": title or title_from_url(url),
            "outlet": outlet.slug,
        }
        return url


def template(file_format: str) -> bytes:
    """The sheet to fill in, with the Djibo story as its example rows."""
    rows = tablib.Dataset(headers=COLUMNS)
    claim = "Burkinabe army drones destroyed a JNIM convoy near Djibo, killing dozens of fighters"
    dispatch = "https://www.afp.com/en/news/burkina-army-drones-jnim-convoy-djibo"
    common = [claim, "", "", "3 March 2025", "near Djibo", "Drones"]
    for actor, stance, said, paraphrase in [
        ("Burkinabe army", "asserts", "3 March 2025", "Its drones destroyed a JNIM convoy."),
        ("JNIM", "denies", "4 March 2025", "It lost no fighters, it said on Telegram."),
        (
            "Human Rights Watch",
            "adds context",
            "10 March 2025",
            "At least 12 of the dead were civilians.",
        ),
    ]:
        rows.append([*common, actor, "", stance, said, "", "", paraphrase, "", dispatch, "", ""])
    exported = rows.export(file_format)
    return exported.encode("utf-8") if isinstance(exported, str) else exported
