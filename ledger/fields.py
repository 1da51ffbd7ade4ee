"""How each record's fields read and write in the ledger file — said once, for export and import.

A field is a ``Field(key, kind)``: the JSON key is the model's field name, and the kind says how
the value is written:

- ``text`` and ``bool``: as they are (``translations``, an object of languages, too);
- ``partial``: a date at its precision (``<name>_precision`` beside it), ISO 8601 —
  ``2025``, ``2025-02``, ``2025-02-08`` (``core.dates``);
- ``date``: a full ISO date; ``instant``: an ISO 8601 date and time in UTC; ``decimal``: a
  string, so no digit is lost;
- ``ref:<kind>``: another record by its natural key — an outlet, actor, topic or claim by slug, a
  source by ``source_ref`` (its URL, or ``outlet-slug:title`` for a document with no address).

``INTERNAL`` fields (newsroom-only notes) are written only in the newsroom's whole export.
"""

from __future__ import annotations

import datetime
import decimal
from dataclasses import dataclass
from typing import Any

from core import dates


@dataclass(frozen=True)
class Field:
    name: str
    kind: str = "text"
    internal: bool = False


def _fields(*specs: str | tuple[str, str]) -> tuple[Field, ...]:
    return tuple(Field(spec) if isinstance(spec, str) else Field(*spec) for spec in specs)


INTERNAL = Field("internal_notes", internal=True)

OUTLET = (*_fields("slug", "name", "kind", "country", "website", "default_reliability"), INTERNAL)
SOURCE = (
    *_fields(
        "url",
        "title",
        ("outlet", "ref:outlet"),
        "byline",
        ("published_on", "date"),
        "language",
        "archive_url",
        ("retrieved_on", "date"),
        "reliability",
    ),
    INTERNAL,
)
ACTOR = (
    *_fields(
        "slug",
        "name",
        "kind",
        "description",
        "language",
        "translations",
        "country",
        ("founded_on", "partial"),
        ("dissolved_on", "partial"),
        "wikidata_id",
    ),
    INTERNAL,
)
ALIAS = _fields("name", "language")
ACTOR_RELATION = (
    *_fields(
        ("subject", "ref:actor"),
        "kind",
        ("object", "ref:actor"),
        ("start_on", "partial"),
        ("end_on", "partial"),
        ("source", "ref:source"),
        "note",
    ),
    INTERNAL,
)
TOPIC = _fields("slug", "name", "language", "translations")
CLAIM = (
    *_fields(
        "slug",
        "text",
        "summary",
        "language",
        "translations",
        ("event_date", "partial"),
        "place_name",
        ("latitude", "decimal"),
        ("longitude", "decimal"),
        "verdict",
        "verdict_reasoning",
        "status",
        ("published_at", "instant"),
        ("withdrawn_at", "instant"),
        "withdrawal_reason",
    ),
    INTERNAL,
    Field("note_for_editor", internal=True),
)
STATEMENT = (
    *_fields(
        ("actor", "ref:actor"),
        ("on_behalf_of", "ref:actor"),
        "stance",
        ("stated_on", "partial"),
        ("stated_on_is_report_date", "bool"),
        "quote",
        "quote_language",
        "paraphrase",
        "translation",
        "translation_method",
        "translated_by",
        ("is_interested_party", "bool"),
    ),
    INTERNAL,
)
CITATION = (*_fields(("source", "ref:source"), "locator", ("credibility", "int")), INTERNAL)
CLAIM_RELATION = _fields(("from_claim", "ref:claim"), "kind", ("to_claim", "ref:claim"), "note")
REQUEST_FOR_COMMENT = (
    *_fields(
        ("claim", "ref:claim"),
        ("actor", "ref:actor"),
        ("requested_on", "date"),
        "channel",
        ("deadline", "date"),
        "outcome",
        ("reply", "ref:statement"),
    ),
    Field("contact", internal=True),
)


def source_ref(source: Any) -> str:
    """A source's key in the file: its URL, or ``outlet-slug:title`` when it has none."""
    return source.url or f"{source.outlet.slug}:{source.title}"


def fields_for(spec: tuple[Field, ...], *, internal: bool) -> tuple[Field, ...]:
    return tuple(field for field in spec if internal or not field.internal)


def write_value(record: Any, field: Field, refs: dict[str, Any]) -> Any:
    """The file's value of ``field`` on ``record`` (``refs`` names related records)."""
    if field.kind.startswith("ref:"):
        # A related record the reader does not see (a relation's draft-only source) is null.
        return refs[field.kind[4:]].get(getattr(record, f"{field.name}_id"))
    value = getattr(record, field.name)
    if field.kind == "partial":
        return dates.isoformat(value, getattr(record, f"{field.name}_precision"))
    if value is None:
        return None
    if field.kind == "date":
        return value.isoformat()
    if field.kind == "instant":
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    if field.kind == "decimal":
        return str(value)
    if field.name == "country":
        return value.code or ""
    return value


def read_value(field: Field, value: Any) -> dict[str, Any]:
    """The model attributes a file value stands for (a partial date is two). ``ValueError``
    with a message for the person who wrote the file. References are resolved by the loader."""
    if field.kind == "partial":
        if value is None:
            return {field.name: None}
        written = dates.parse(value)
        return {field.name: written.value, f"{field.name}_precision": written.precision}
    if value is None:
        return {field.name: None}
    if field.kind == "date":
        return {field.name: datetime.date.fromisoformat(value)}
    if field.kind == "instant":
        return {field.name: datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))}
    if field.kind == "decimal":
        try:
            return {field.name: decimal.Decimal(value)}
        except decimal.InvalidOperation:
            raise ValueError(f"{value!r} is not a number.") from None
    return {field.name: value}
