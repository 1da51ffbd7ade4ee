"""A newsroom's spreadsheet of claims with their statements, read into a ledger bundle.

One row per statement; the claim's columns repeat on each of its rows (the first row that gives
a value wins). CSV (comma, semicolon or tab) or XLSX (its first sheet), read as a desk keeps one:
a title row or two above the headers is skipped (the header row is the one whose cells read most
like column names), and the headers are the newsroom's own.

**Columns.** Each header is mapped to one of ``COLUMNS`` or to nothing (the column is not
imported, and the reading's notes say so). A header that names a column ("Stance", "stated on",
"Source URL") maps itself; a mapping the newsroom confirmed for the same set of headers
(``ColumnMapping``) is applied again; otherwise headers are *proposed* from what desks write, in
English, French or Arabic ("Who" → actor, "Said what" → quote, "Lien" → source_url, "الموقف" →
stance) and from the newsroom's earlier mappings, for the editor to confirm on the import page.

**Values.** What a reporter types is taken as they write it: dates as in the newsroom's forms
(``core.dates.parse_written``: "3 March 2025", "12 juin 2025", "03/03/2025" day first, or a cell
typed as a date), a stance by its value, its words ("adds context") or a desk's verb ("claims",
"dément", "نفى"), an actor by its slug, name or alias (one nobody knows is proposed as a new actor
of kind "other", for the newsroom to complete), a topic by its name or slug (a new name becomes a
topic), a source by its address (a new one is added, its outlet found by the address's domain, or
added too). A row that repeats another's statement (same claim, actor, stance, date and words) is
read once: a new source on it is added to the first row's statement, and the notes say so.

**Limits.** A sheet larger than ``LEDGER_SHEET_MAX_BYTES`` once uncompressed (an XLSX is a zip:
its members' sizes are checked before anything is parsed) or with more than
``LEDGER_SHEET_MAX_ROWS`` filled-in rows is refused with a message naming the limit.

Mistakes a row can show by itself (a date not in the calendar, an unknown stance, a missing
column) are named by row and column before anything is imported (``SheetError``); what only the
ledger can check is named by the import's report, on the statement "row 7".
"""

from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Any

import tablib
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext, ngettext

from actors.lookup import named
from actors.models import Actor
from claims.models import Topic
from claims.vocabulary import STANCES
from core import dates
from core.slugs import derive_slug, unique_slug
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
# How many rows from the top are searched for the header row (a desk's title, a date, a blank).
HEADER_SEARCH_ROWS = 10


def _fold(text: Any) -> str:
    """``text`` as compared: case, accents, Arabic short vowels, underscores and spacing aside."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("_", " ").replace("’", "'").replace("ـ", "")  # Arabic tatweel
    return " ".join(bare.replace("-", " ").split()).strip(" :?")


# What desks write above a column, in English, French and Arabic: a header is *proposed* for its
# column, for the editor to confirm. (A column's own name, folded, maps itself.)
_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "claim": (
        "claim text",
        "the claim",
        "allegation",
        "proposition",
        "story",
        "affirmation",
        "revendication",
        "enonce",
        "الادعاء",
        "ادعاء",
        "المزاعم",
        "الزعم",
    ),
    "claim_slug": ("slug", "claim slug"),
    "summary": ("resume", "synthese", "ملخص", "الملخص"),
    "event_date": (
        "event date",
        "date of event",
        "date of the event",
        "when it happened",
        "date de l'evenement",
        "date des faits",
        "تاريخ الحدث",
        "تاريخ الواقعة",
    ),
    "place": ("location", "where", "lieu", "ou", "localite", "المكان", "الموقع"),
    "topics": ("topic", "tags", "tag", "theme", "themes", "sujet", "sujets", "الموضوع", "المواضيع"),
    "actor": (
        "who",
        "who said it",
        "speaker",
        "said by",
        "source person",
        "qui",
        "acteur",
        "auteur",
        "locuteur",
        "من",
        "القائل",
        "المتحدث",
        "الجهة",
        "الفاعل",
    ),
    "on_behalf_of": ("for", "speaking for", "au nom de", "pour le compte de", "نيابة عن", "باسم"),
    "stance": ("position", "positionnement", "verb", "verbe", "الموقف", "موقف"),
    "stated_on": (
        "date",
        "when",
        "date said",
        "said on",
        "statement date",
        "date of statement",
        "quand",
        "date de la declaration",
        "التاريخ",
        "تاريخ",
        "تاريخ التصريح",
    ),
    "quote": (
        "said what",
        "what was said",
        "words",
        "quotation",
        "citation",
        "propos",
        "declaration",
        "ce qui a ete dit",
        "الاقتباس",
        "التصريح",
        "ماذا قال",
        "القول",
        "النص",
    ),
    "quote_language": ("language", "lang", "langue", "اللغة"),
    "paraphrase": ("in our words", "reformulation", "إعادة صياغة"),
    "translation": ("traduction", "الترجمة", "ترجمة"),
    "source_url": (
        "link",
        "url",
        "source",
        "source link",
        "lien",
        "lien source",
        "adresse",
        "الرابط",
        "رابط",
        "المصدر",
    ),
    "source_title": ("headline", "titre", "title", "العنوان"),
    "locator": ("paragraph", "timestamp", "paragraphe", "horodatage", "الفقرة"),
}
_PROPOSED = {_fold(word): column for column, words in _HEADER_WORDS.items() for word in words}
_OWN = {_fold(column): column for column in COLUMNS}

# A desk's verbs for a stance, in English, French and Arabic (folded as ``_fold`` does).
_STANCE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "asserts": (
        "assert",
        "asserted",
        "claims",
        "claim",
        "claimed",
        "said",
        "says",
        "states",
        "stated",
        "alleged",
        "alleges",
        "announced",
        "affirme",
        "a affirme",
        "declare",
        "a declare",
        "dit",
        "a dit",
        "allegue",
        "pretend",
        "revendique",
        "annonce",
        "يدعي",
        "ادعى",
        "زعم",
        "يزعم",
        "قال",
        "يقول",
        "أعلن",
    ),
    "suggests": ("suggested", "implied", "hinted", "suggere", "laisse entendre", "ألمح", "لمح"),
    "acknowledges": (
        "acknowledged",
        "admits",
        "admitted",
        "concedes",
        "conceded",
        "reconnait",
        "a reconnu",
        "admet",
        "اعترف",
        "يعترف",
        "أقر",
    ),
    "supports": (
        "confirms",
        "confirmed",
        "backs",
        "corroborates",
        "confirme",
        "a confirme",
        "corrobore",
        "أكد",
        "يؤكد",
    ),
    "disputes": (
        "disputed",
        "contests",
        "contested",
        "questions",
        "questioned",
        "conteste",
        "a conteste",
        "met en doute",
        "شكك",
        "يشكك",
    ),
    "denies": (
        "deny",
        "denied",
        "rejects",
        "rejected",
        "refutes",
        "refuted",
        "dement",
        "a dementi",
        "dementi",
        "nie",
        "a nie",
        "rejette",
        "refute",
        "نفى",
        "ينفي",
        "نفي",
        "رفض",
        "يرفض",
    ),
    "retracts": ("retracted", "withdrew", "se retracte", "s'est retracte", "تراجع", "سحب"),
    "declines_to_comment": (
        "no comment",
        "declined to comment",
        "refused to comment",
        "sans commentaire",
        "refuse de commenter",
        "n'a pas commente",
        "رفض التعليق",
        "لا تعليق",
    ),
    "adds_context": ("context", "contexte", "precise", "سياق"),
}


def _stance_words() -> dict[str, str]:
    # The vocabulary's own wording in English, whatever language is active when this is imported.
    with translation.override("en"):
        return (
            {_fold(stance): str(stance) for stance in STANCES}
            | {_fold(words.past): str(stance) for stance, words in STANCES.items()}
            | {_fold(words.by): str(stance) for stance, words in STANCES.items()}
            | {_fold(stance.label): stance.value for stance in STANCES}
            | {_fold(word): stance for stance, words in _STANCE_SYNONYMS.items() for word in words}
        )


_STANCE_WORDS = _stance_words()


class SheetError(ValueError):
    """The sheet's own mistakes, one line each ("row 4 · stated_on: …")."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


# Reading the cells -------------------------------------------------------------------------------


def max_bytes() -> int:
    return settings.LEDGER_SHEET_MAX_BYTES


def max_rows() -> int:
    return settings.LEDGER_SHEET_MAX_ROWS


@dataclass
class Table:
    """A sheet's header row and its filled-in rows, each with its number in the sheet."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]]

    def examples(self) -> dict[str, str]:
        """Each named header with the first value under it ("" when none), to show beside it."""
        return {
            header: next((_text(c[at]) for _n, c in self.rows if _text(c[at])), "")[:80]
            for at, header in enumerate(self.headers)
            if header
        }


def read_table(name: str, content: bytes) -> Table:
    """The cells of ``name``, within the limits; ``SheetError`` when it cannot be read or is over
    them."""
    if name.lower().endswith(".xlsx"):
        lines = _xlsx_rows(name, content)
    else:
        lines = _csv_rows(name, content)
    top: list[tuple[int, list[Any]]] = []
    rows: list[tuple[int, list[Any]]] = []
    filled = 0
    try:
        for number, cells in enumerate(lines, start=1):
            if not any(_text(cell) for cell in cells):
                continue
            filled += 1
            if filled > max_rows() + HEADER_SEARCH_ROWS:
                raise SheetError([_too_many_rows(name)])
            (top if number <= HEADER_SEARCH_ROWS else rows).append((number, list(cells)))
    except SheetError:
        raise
    except Exception as error:  # a damaged sheet's cells: csv's, zipfile's or openpyxl's errors
        raise SheetError([_unreadable(name, error)]) from None
    if not top:
        raise SheetError([gettext("%(name)s has no rows.") % {"name": name}])
    at = _header_row(top)
    header_cells = top[at][1]
    rows = top[at + 1 :] + rows
    if len(rows) > max_rows():
        raise SheetError([_too_many_rows(name)])
    headers = _unique([_text(cell) for cell in header_cells])
    width = len(headers)
    return Table(
        headers=headers,
        rows=[(number, (cells + [None] * width)[:width]) for number, cells in rows],
    )


def _unreadable(name: str, error: Exception) -> str:
    return gettext("%(name)s cannot be read as a sheet: %(error)s") % {
        "name": name,
        "error": error,
    }


def _too_many_rows(name: str) -> str:
    return gettext(
        "%(name)s has more than %(limit)d rows, the most one import takes "
        "(LEDGER_SHEET_MAX_ROWS): split it into several sheets."
    ) % {"name": name, "limit": max_rows()}


def _too_large(name: str) -> str:
    return gettext(
        "%(name)s is over %(limit)d MB once uncompressed, the most one import takes "
        "(LEDGER_SHEET_MAX_BYTES): split it into several sheets."
    ) % {"name": name, "limit": max_bytes() // (1024 * 1024)}


def _xlsx_rows(name: str, content: bytes) -> Any:
    """An XLSX's first sheet, row by row; its uncompressed size checked before it is parsed
    (a zip's members say their sizes, and ``zipfile`` reads no member past its stated size)."""
    import openpyxl

    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise SheetError([_unreadable(name, error)]) from None
    if sum(member.file_size for member in members) > max_bytes():
        raise SheetError([_too_large(name)])
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:
        raise SheetError([_unreadable(name, error)]) from None

    def rows() -> Any:
        try:
            yield from (book.active or book.worksheets[0]).iter_rows(values_only=True)
        finally:
            book.close()

    return rows()


def _csv_rows(name: str, content: bytes) -> Any:
    if len(content) > max_bytes():
        raise SheetError([_too_large(name)])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SheetError(
            [gettext("%(name)s is not UTF-8: save it as “CSV UTF-8”.") % {"name": name}]
        ) from None
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


def _header_row(top: list[tuple[int, list[Any]]]) -> int:
    """Which of the top rows holds the headers: the one with most cells that read as column
    names, else the first with more than one cell filled in (a title is one merged cell)."""
    scores = [sum(1 for cell in cells if _column_for(_text(cell))) for _number, cells in top]
    if max(scores) > 0:
        return scores.index(max(scores))
    for at, (_number, cells) in enumerate(top):
        if sum(1 for cell in cells if _text(cell)) > 1:
            return at
    return 0


def _unique(headers: list[str]) -> list[str]:
    """Headers as the mapping names them: a repeated one numbered ("Date (2)")."""
    seen: dict[str, int] = {}
    named_once = []
    for header in headers:
        if header:
            seen[header] = seen.get(header, 0) + 1
            if seen[header] > 1:
                header = f"{header} ({seen[header]})"
        named_once.append(header)
    return named_once


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):  # a date cell in a spreadsheet
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value.strip() if isinstance(value, str) else " ".join(str(value).split())


# The columns -------------------------------------------------------------------------------------


def _column_for(header: str) -> str | None:
    folded = _fold(header)
    return _OWN.get(folded) or _PROPOSED.get(folded)


def headers_key(headers: list[str]) -> str:
    """The key a mapping is remembered by: the set of headers, as compared."""
    folded = sorted({_fold(header) for header in headers if header})
    return hashlib.sha256("\x1f".join(folded).encode()).hexdigest()


@dataclass
class Columns:
    """Each header's column ("" when not imported), and whether it is settled: every header
    named a column itself, or the newsroom confirmed this mapping for these headers before."""

    mapping: dict[str, str]
    settled: bool


def columns_for(headers: list[str]) -> Columns:
    from .models import ColumnMapping

    remembered = ColumnMapping.objects.filter(headers_key=headers_key(headers)).first()
    if remembered is not None:
        by_fold = {_fold(h): c for h, c in remembered.columns.items()}
        return Columns({h: by_fold.get(_fold(h), "") for h in headers if h}, settled=True)
    earlier: dict[str, str] = {}
    for past in ColumnMapping.objects.order_by("saved_at").values_list("columns", flat=True):
        earlier |= {_fold(h): c for h, c in past.items() if c}
    mapping: dict[str, str] = {}
    settled = True
    for header in headers:
        if not header:
            continue
        own = _OWN.get(_fold(header))
        if own:
            mapping[header] = own
            continue
        settled = False
        guess = earlier.get(_fold(header)) or _PROPOSED.get(_fold(header)) or ""
        mapping[header] = "" if guess in mapping.values() else guess
    return Columns(mapping, settled)


def remember(headers: list[str], mapping: dict[str, str], *, by: Any) -> None:
    """Keep the mapping an editor confirmed, for the next sheet with these headers."""
    from .models import ColumnMapping

    ColumnMapping.objects.update_or_create(
        headers_key=headers_key(headers),
        defaults={
            "headers": [h for h in headers if h],
            "columns": {h: mapping.get(h, "") for h in headers if h},
            "saved_by": by if getattr(by, "pk", None) else None,
        },
    )


def mapping_problems(mapping: dict[str, str], *, chosen_by_editor: bool = True) -> list[str]:
    """What is wrong with ``mapping``: a needed column missing, a column chosen twice."""
    chosen = [column for column in mapping.values() if column]
    needed = (
        gettext("Choose the header that holds “%(column)s”.")
        if chosen_by_editor
        else gettext("The sheet needs the column “%(column)s”.")
    )
    problems = [needed % {"column": column} for column in REQUIRED if column not in chosen]
    problems += [
        gettext("Only one column can be “%(column)s”.") % {"column": column}
        for column in sorted({c for c in chosen if chosen.count(c) > 1})
    ]
    return problems


# The rows ----------------------------------------------------------------------------------------


@dataclass
class Reading:
    """A sheet read: its bundle, its columns, and notes for the editor (columns not imported,
    rows read once)."""

    bundle: dict[str, Any]
    columns: dict[str, str]
    notes: list[str] = field(default_factory=list)


def read(
    name: str,
    content: bytes,
    mapping: dict[str, str] | None = None,
    *,
    table: Table | None = None,
) -> Reading:
    """``name`` (its ``table`` when already read) read with ``mapping`` (header → column), else
    with the columns the headers settle (their own names, or the newsroom's confirmed mapping)."""
    table = table or read_table(name, content)
    if mapping is None:
        columns = columns_for(table.headers)
        mapping = (
            columns.mapping
            if columns.settled
            else {h: c for h, c in columns.mapping.items() if _OWN.get(_fold(h)) == c}
        )
        missing = mapping_problems(mapping, chosen_by_editor=False)
        if missing and not columns.settled:
            missing.append(
                gettext(
                    "Match the sheet's headers to the columns once on the import page, or name "
                    "them as the template does: %(columns)s."
                )
                % {"columns": ", ".join(COLUMNS)}
            )
    else:
        missing = mapping_problems(mapping)
    if missing:
        raise SheetError(missing)
    notes = [
        gettext("Column “%(header)s” is not imported.") % {"header": header}
        for header in table.headers
        if header and not mapping.get(header)
    ]
    unnamed = [
        at
        for at, header in enumerate(table.headers)
        if not header and any(_text(cells[at]) for _number, cells in table.rows)
    ]
    if unnamed:
        notes.append(
            ngettext(
                "%(count)d column without a header is not imported.",
                "%(count)d columns without a header are not imported.",
                len(unnamed),
            )
            % {"count": len(unnamed)}
        )
    where = {
        column: at for at, header in enumerate(table.headers) if (column := mapping.get(header))
    }
    reader = _Reader()
    bundle = reader.read(
        [
            (number, {column: _text(cells[at]) for column, at in where.items()})
            for number, cells in table.rows
        ]
    )
    return Reading(bundle=bundle, columns=mapping, notes=notes + reader.notes)


def read_sheet(name: str, content: bytes, mapping: dict[str, str] | None = None) -> dict[str, Any]:
    return read(name, content, mapping).bundle


class _Reader:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.notes: list[str] = []
        self.claims: dict[str, dict[str, Any]] = {}
        self.topics: dict[str, dict[str, str]] = {}
        self.sources: dict[str, dict[str, Any]] = {}
        self.outlets: dict[str, dict[str, str]] = {}
        self.actors: dict[str, dict[str, str]] = {}
        self.actor_slugs: dict[str, str] = {}
        self.said: dict[tuple, tuple[int, dict[str, Any]]] = {}

    def problem(self, number: int, column: str, message: str) -> None:
        self.problems.append(f"row {number} · {column}: {message}")

    def read(self, rows: list[tuple[int, dict[str, str]]]) -> dict[str, Any]:
        for number, row in rows:
            if any(row.values()):
                self.row(number, row)
        if self.problems:
            raise SheetError(self.problems)
        bundle: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "outlets": list(self.outlets.values()),
            "sources": list(self.sources.values()),
            "actors": list(self.actors.values()),
            "topics": list(self.topics.values()),
            "claims": list(self.claims.values()),
        }
        return bundle

    def row(self, number: int, row: dict[str, str]) -> None:
        for column in REQUIRED:
            if not row.get(column):
                self.problem(number, column, gettext("Fill it in."))
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
        stance = _STANCE_WORDS.get(_fold(row.get("stance", "")))
        if row.get("stance") and stance is None:
            self.problem(
                number,
                "stance",
                gettext("“%(typed)s” is not a stance: %(stances)s.")
                % {"typed": row["stance"], "stances": ", ".join(str(s) for s in STANCES)},
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
        # One statement however many rows repeat it: the ledger knows a statement by its claim,
        # actor, stance, date and words, so a second row would be a second copy.
        key = (
            slug,
            statement["actor"],
            stance,
            statement["stated_on"],
            statement["quote"] or statement["paraphrase"],
        )
        if key in self.said:
            first, kept = self.said[key]
            new = [c for c in statement["citations"] if c not in kept["citations"]]
            kept["citations"] += new
            self.notes.append(
                gettext("Row %(row)d repeats row %(first)d: read once, its source added.")
                % {"row": number, "first": first}
                if new
                else gettext("Row %(row)d repeats row %(first)d: read once.")
                % {"row": number, "first": first}
            )
            return
        self.said[key] = (number, statement)
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
        """The actor's slug; one nobody knows by that slug, name or alias is proposed as a new
        actor (kind "other"), on a slug no actor of the ledger or the file has (a row may name an
        existing actor by its slug)."""
        if not typed:
            return typed
        if typed in self.actor_slugs:
            return self.actor_slugs[typed]
        found = named(typed, or_slug=True)
        if found:
            slug = found.slug
        else:
            slug = unique_slug(Actor, typed, 190, also_taken=self.actors)
            self.actors[slug] = {"slug": slug, "name": typed, "kind": "other"}
        self.actor_slugs[typed] = slug
        return slug

    def topic(self, typed: str) -> str:
        found = Topic.objects.filter(Q(slug=typed) | Q(name__iexact=typed)).first()
        if found:
            return found.slug
        slug = derive_slug(typed, 100)
        self.topics.setdefault(slug, {"slug": slug, "name": typed})
        return slug

    def source(self, number: int, address: str, title: str) -> str | None:
        if not address.startswith(("http://", "https://")):
            self.problem(
                number,
                "source_url",
                gettext("“%(address)s” is not an address (https://…).") % {"address": address},
            )
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
