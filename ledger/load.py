"""The ledger in: a bundle read back through the workflow's services, all or nothing.

``load_ledger`` checks the file against ``schema.json`` first (a file that is not the format
changes nothing and says where it breaks), then writes every record in one transaction, each
found by its natural key and created, updated or left alone:

- From this Contested's own ledger (the file's ``origin`` is ``ledger.origin()``): outlets,
  topics, actors and claims by slug — the same record. From anywhere else (another newsroom's
  Contested, a spreadsheet, a fact-checker's ClaimReview) slugs name nothing here, so records are
  found by what identifies them: an outlet by its website's domain, else its name; an actor by
  its name or an alias, and its kind; a topic by its name; a claim by its text. A record created
  from such a file gets a slug of its own, never another record's (``core.slugs.unique_slug``).
- A source by its normalised URL (``outlet:title`` with none); an alias by its actor and name;
  an actor relation by subject, kind, object and start; a statement, within its claim, by who
  said it, the stance, the date and its words (quote, else paraphrase); a citation by
  statement, source and locator; a claim relation by its two claims and kind; a request for
  comment by claim, actor and date. Nothing is ever deleted.
- **A record that exists is never changed** unless the file is this Contested's own ledger and
  the importer asks for updates (``update``). Otherwise a record the file gives differently is a
  *conflict*: reported with the fields that differ, left as it is, and the rest of the file
  imported — the editor decides, and edits the record by hand if the file was right.
- Every write goes through ``claims.services`` (permissions, who may change what, ``full_clean``,
  the correction rule, history with the importing user and "Imported from FILE").
- A claim arrives as a draft, unless the importer may publish and asks (``publish``): then it
  takes the file's status, with its publication and withdrawal times.
- A record equal to the ledger's is left alone, so the same file twice changes nothing the
  second time.

Any error — a bad stance or date, a reference to an unknown actor, a record twice in the file,
a change the importer may not make — is reported on its record and field, and the whole
transaction is rolled back. A dry run is a real run rolled back: its report is exactly what
importing would do.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from actors.lookup import named
from actors.models import Actor, ActorAlias, ActorRelation
from claims import consequences, permissions, services
from claims.concurrency import StaleEdit
from claims.models import Citation, Claim, ClaimRelation, RequestForComment, Statement, Topic
from claims.visibility import is_public_record
from claims.vocabulary import PUBLIC_STATUSES, Status
from core.slugs import unique_slug
from sources.lookup import outlet_on_host
from sources.models import Outlet, Source
from sources.urls_normalise import normalise_url

from . import origin
from .fields import (
    ACTOR,
    ACTOR_RELATION,
    ALIAS,
    CITATION,
    CLAIM,
    CLAIM_RELATION,
    OUTLET,
    REQUEST_FOR_COMMENT,
    SOURCE,
    STATEMENT,
    TOPIC,
    Field,
    read_value,
    source_ref,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.db.models import Model

SCHEMA = Path(__file__).with_name("schema.json")
# Set by the workflow, not read from the file, when the importer does not publish.
WORKFLOW = {"status", "published_at", "withdrawn_at", "withdrawal_reason"}


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA.read_text())


@dataclass
class Row:
    """One record of the file and what importing it does: "create", "update", "unchanged",
    "conflict" (it exists and the file gives ``changed`` differently: left as it is), or "error"
    with ``errors`` by field ("" for the record as a whole)."""

    kind: str
    key: str
    action: str = "unchanged"
    changed: list[str] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def done(self) -> str:
        if self.errors:
            return "refused"
        if self.action == "conflict":
            return "kept as it is: the file differs in " + ", ".join(self.changed)
        return {"create": "created", "update": "updated"}.get(self.action, "left alone")


@dataclass
class Report:
    file_name: str
    dry_run: bool
    rows: list[Row] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.file_errors and not any(row.errors for row in self.rows)

    def counts(self) -> dict[str, int]:
        counted: dict[str, int] = {}
        for row in self.rows:
            action = "error" if row.errors else row.action
            counted[action] = counted.get(action, 0) + 1
        return counted

    def errors(self) -> list[str]:
        """Every error as one line: "statement army/2 · stance: 'asserted' is not a choice"."""
        lines = list(self.file_errors)
        for row in self.rows:
            for name, messages in row.errors.items():
                where = f"{row.kind} {row.key}" + (f" · {name}" if name else "")
                lines += [f"{where}: {message}" for message in messages]
        return lines


class _RollBack(Exception):
    pass


def check_format(bundle: Any) -> list[str]:
    """Where ``bundle`` is not the ledger format, as "claims[3].statements[0].stance: …"."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    problems = []
    for error in sorted(validator.iter_errors(bundle), key=lambda e: list(e.absolute_path)):
        path = "".join(
            f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path
        ).lstrip(".")
        problems.append(f"{path or 'the file'}: {error.message}")
    return problems


def load_ledger(
    bundle: Any,
    *,
    by: Any,
    file_name: str,
    publish: bool = False,
    dry_run: bool = False,
    correction_note: str = "",
    update: bool = False,
) -> Report:
    """Import ``bundle`` (the parsed file) as ``by``; see the module's docstring. ``update``:
    change existing records as the file has them (this Contested's own ledger only)."""
    report = Report(file_name=file_name, dry_run=dry_run)
    report.file_errors = check_format(bundle)
    if report.file_errors:
        return report
    own = bundle.get("origin") == origin()
    if update and not own:
        report.file_errors.append(
            "Only this Contested's own ledger may update records that exist; this file comes "
            "from elsewhere. Import it without updating: what is new is added, and what differs "
            "is reported for you to decide."
        )
        return report
    if publish and not permissions.can(by, permissions.PUBLISH_CLAIM, Claim):
        report.file_errors.append("You may not publish: import the claims as drafts.")
        return report
    try:
        with transaction.atomic():
            # Contested-ness, actors' and sources' public-ness and the search documents
            # recomputed once per row touched, at the end.
            with consequences.batch():
                _Loader(
                    bundle,
                    by=by,
                    report=report,
                    publish=publish,
                    note=correction_note,
                    own=own,
                    update=update,
                ).run()
            if dry_run or not report.ok:
                raise _RollBack
    except _RollBack:
        return report
    report.applied = True
    return report


class _Loader:
    def __init__(
        self,
        bundle: dict,
        *,
        by: Any,
        report: Report,
        publish: bool,
        note: str,
        own: bool,
        update: bool,
    ):
        self.bundle = bundle
        self.own = own  # this Contested's own ledger: slugs name the same records
        self.update = own and update  # and existing records may change as the file says
        self.by = by
        self.report = report
        self.publish = publish
        self.note = note
        self.reason = f"Imported from {report.file_name}"
        self.found: dict[str, dict[str, Any]] = {
            "outlet": {},
            "source": {},
            "actor": {},
            "topic": {},
            "claim": {},
            "statement": {},
        }

    # References ---------------------------------------------------------------------------------

    LOOKUP: dict[str, Callable[[str], Any]] = {
        "outlet": lambda key: Outlet.objects.filter(slug=key).first(),
        "actor": lambda key: Actor.objects.filter(slug=key).first(),
        "topic": lambda key: Topic.objects.filter(slug=key).first(),
        "claim": lambda key: Claim.objects.filter(slug=key).first(),
        "source": lambda key: _source_by_ref(key),
    }

    def ref(self, kind: str, key: str | None, row: Row, name: str) -> Any:
        if key is None:
            return None
        if key not in self.found[kind]:
            lookup = self.LOOKUP.get(kind)
            self.found[kind][key] = lookup(key) if lookup else None
        found = self.found[kind][key]
        if found is None or found.pk is None:
            row.errors.setdefault(name, []).append(f"No {kind} “{key}” in the file or the ledger.")
        return found

    def values(self, spec: tuple[Field, ...], record: dict, row: Row) -> dict[str, Any]:
        """The model attributes ``record`` gives, references resolved; errors on ``row``."""
        values: dict[str, Any] = {}
        for spec_field in spec:
            if spec_field.name not in record:
                continue
            value = record[spec_field.name]
            if spec_field.kind.startswith("ref:"):
                values[spec_field.name] = self.ref(spec_field.kind[4:], value, row, spec_field.name)
                continue
            try:
                values |= read_value(spec_field, value)
            except ValueError as error:
                row.errors.setdefault(spec_field.name, []).append(str(error))
        return values

    # Writing one record ---------------------------------------------------------------------------

    def row(self, kind: str, key: str) -> Row:
        row = Row(kind=kind, key=key)
        self.report.rows.append(row)
        return row

    def write(
        self, row: Row, obj: Model, values: dict[str, Any], save: Callable[[Model], Any]
    ) -> Model | None:
        """Set ``values`` on ``obj`` and save it through ``save`` if anything differs."""
        if row.errors:
            return None
        adding = obj._state.adding
        changed = [name for name, value in values.items() if _current(obj, name) != value]
        if not adding and not changed:
            return obj
        if not adding and not self.update:
            # It exists, and the file may not change it: the editor decides (module docstring).
            row.action = "conflict"
            row.changed = sorted({_field_name(name) for name in changed})
            return obj
        if not adding and not self.own:
            values.pop("slug", None)  # a slug from elsewhere names nothing here
        if adding and "slug" in values and not self.own:
            values["slug"] = unique_slug(type(obj), values["slug"], _slug_length(obj))
        for name, value in values.items():
            setattr(obj, name, value)
        try:
            with transaction.atomic():
                save(obj)
        except ValidationError as error:
            for name, messages in _by_field(error).items():
                row.errors.setdefault(name, []).extend(messages)
            return None
        except (PermissionDenied, StaleEdit) as error:
            row.errors.setdefault("", []).append(str(error))
            return None
        except IntegrityError:
            row.errors.setdefault("", []).append(
                "It conflicts with a record already in the ledger."
            )
            return None
        row.action = "create" if adding else "update"
        row.changed = [] if adding else sorted({_field_name(name) for name in changed})
        return obj

    def reference(self, obj: Model) -> None:
        # Who may (a record a public page shows is the editors'), and an editor's change to one
        # that public claims show corrected on each of them, with the import's note.
        services.save_reference(
            record=obj, by=self.by, reason=self.reason, correction_note=self.note
        )

    def attached(self, obj: Model) -> None:
        services.save_record(record=obj, by=self.by, reason=self.reason)

    # Which record of the ledger a record of the file is (module docstring) ----------------------

    def existing_outlet(self, record: dict) -> Outlet | None:
        if self.own:
            return Outlet.objects.filter(slug=record["slug"]).first()
        host = urlsplit(record.get("website") or "").hostname
        found = outlet_on_host(host) if host else None
        return found or Outlet.objects.filter(name__iexact=record["name"]).order_by("pk").first()

    def existing_actor(self, record: dict) -> Actor | None:
        if self.own:
            return Actor.objects.filter(slug=record["slug"]).first()
        return named(record["name"], kind=record.get("kind"))

    def existing_topic(self, record: dict) -> Topic | None:
        if self.own:
            return Topic.objects.filter(slug=record["slug"]).first()
        return Topic.objects.filter(name__iexact=record["name"]).order_by("pk").first()

    def existing_claim(self, record: dict) -> Claim | None:
        if self.own:
            return Claim.objects.filter(slug=record["slug"]).first()
        # A claim's slug may have been given, not derived, so only its text identifies it. Not
        # indexed: one scan of the claims per claim in the file (issue "Imports that never
        # corrupt", speed: look the file's texts up in one query).
        return Claim.objects.filter(text=record["text"]).order_by("pk").first()

    def once(self, kind: str, key: str, row: Row, seen: set) -> bool:
        if key in seen:
            row.errors.setdefault("", []).append(f"This {kind} is in the file twice.")
            return False
        seen.add(key)
        return True

    # The collections, in the order references need ----------------------------------------------

    def run(self) -> None:
        self.outlets()
        self.sources()
        self.actors()
        self.topics()
        self.actor_relations()
        claims = self.claims()
        self.claim_relations()
        self.requests_for_comment()
        self.moves(claims)

    def outlets(self) -> None:
        seen: set = set()
        for record in self.bundle.get("outlets", []):
            row = self.row("outlet", record["slug"])
            if not self.once("outlet", record["slug"], row, seen):
                continue
            obj = self.existing_outlet(record) or Outlet()
            saved = self.write(row, obj, self.values(OUTLET, record, row), self.reference)
            self.found["outlet"][record["slug"]] = saved

    def sources(self) -> None:
        seen: set = set()
        for record in self.bundle.get("sources", []):
            row = self.row("source", record.get("url") or f"{record['outlet']}:{record['title']}")
            values = self.values(SOURCE, record, row)
            if row.errors:
                continue
            obj = Source(**values)
            key = source_ref(obj)
            row.key = key
            if not self.once("source", key, row, seen):
                continue
            obj = _source_by_ref(key) or Source()
            self.found["source"][key] = self.write(row, obj, values, self.reference)

    def actors(self) -> None:
        seen: set = set()
        for record in self.bundle.get("actors", []):
            row = self.row("actor", record["slug"])
            if not self.once("actor", record["slug"], row, seen):
                continue
            obj = self.existing_actor(record) or Actor()
            actor = self.write(row, obj, self.values(ACTOR, record, row), self.reference)
            self.found["actor"][record["slug"]] = actor
            for alias in record.get("aliases", []):
                alias_row = self.row("alias", f"{record['slug']}/{alias['name']}")
                if actor is None:
                    alias_row.errors[""] = ["Its actor could not be imported."]
                    continue
                obj = ActorAlias.objects.filter(actor=actor, name=alias["name"]).first()
                values = self.values(ALIAS, alias, alias_row)
                self.write(alias_row, obj or ActorAlias(actor=actor), values, self.reference)

    def topics(self) -> None:
        seen: set = set()
        for record in self.bundle.get("topics", []):
            row = self.row("topic", record["slug"])
            if not self.once("topic", record["slug"], row, seen):
                continue
            obj = self.existing_topic(record) or Topic()
            saved = self.write(row, obj, self.values(TOPIC, record, row), self.reference)
            self.found["topic"][record["slug"]] = saved

    def actor_relations(self) -> None:
        for record in self.bundle.get("actor_relations", []):
            row = self.row(
                "actor relation",
                f"{record['subject']} {record['kind']} {record['object']}"
                + (f" from {record['start_on']}" if record.get("start_on") else ""),
            )
            values = self.values(ACTOR_RELATION, record, row)
            if row.errors:
                continue
            obj = ActorRelation.objects.filter(
                subject=values["subject"],
                kind=values["kind"],
                object=values["object"],
                start_on=values.get("start_on"),
            ).first()
            self.write(row, obj or ActorRelation(), values, self.reference)

    def claims(self) -> list[tuple[Claim, dict, Row]]:
        seen: set = set()
        loaded = []
        for record in self.bundle.get("claims", []):
            row = self.row("claim", record["slug"])
            if not self.once("claim", record["slug"], row, seen):
                continue
            values = self.values(CLAIM, record, row)
            existing = self.existing_claim(record)
            status = values.pop("status", Status.DRAFT)
            if self.publish and existing is None:
                # An editor's import files the claim as the ledger has it.
                values["status"] = status
            else:
                for name in WORKFLOW - {"status"}:
                    values.pop(name, None)
            topics = [self.ref("topic", slug, row, "topics") for slug in record.get("topics", [])]
            claim = self.write(row, existing or Claim(), values, self.save_claim)
            self.found["claim"][record["slug"]] = claim
            if claim is None or row.errors:
                continue
            if {t.pk for t in claim.topics.all()} != {t.pk for t in topics if t}:
                claim.topics.set([t for t in topics if t])
                row.action = "create" if row.action == "create" else "update"
                row.changed = sorted({*row.changed, "topics"})
            self.statements(claim, record)
            loaded.append((claim, record | {"status": status}, row))
        return loaded

    def save_claim(self, claim: Claim) -> None:
        if claim._state.adding:
            services.create_claim(claim=claim, by=self.by, reason=self.reason)
        else:
            services.edit_claim(
                claim=claim, by=self.by, reason=self.reason, correction_note=self.note
            )

    def statements(self, claim: Claim, record: dict) -> None:
        existing: dict[tuple, Statement] = {}
        for statement in claim.statements.select_related("actor"):
            existing.setdefault(_statement_key(statement), statement)
        for n, said in enumerate(record.get("statements", []), start=1):
            ref = said.get("ref") or f"{claim.slug}/{n}"
            row = self.row("statement", ref)
            values = self.values(STATEMENT, said, row)
            if row.errors:
                continue
            candidate = Statement(claim=claim, **values)
            obj = existing.pop(_statement_key(candidate), None) or Statement(claim=claim)
            statement = self.write(row, obj, values, self.save_statement)
            self.found["statement"][ref] = statement
            for cited in said.get("citations", []):
                self.citation(statement, ref, cited)

    def save_statement(self, statement: Statement) -> None:
        if statement._state.adding:
            services.create_statement(statement=statement, by=self.by, reason=self.reason)
        else:
            services.edit_statement(
                statement=statement, by=self.by, reason=self.reason, correction_note=self.note
            )

    def citation(self, statement: Statement | None, ref: str, record: dict) -> None:
        where = f" {record['locator']}" if record.get("locator") else ""
        row = self.row("citation", f"{ref} ← {record['source']}{where}")
        if statement is None:
            row.errors[""] = ["Its statement could not be imported."]
            return
        values = self.values(CITATION, record, row)
        if row.errors:
            return
        obj = Citation.objects.filter(
            statement=statement, source=values["source"], locator=values.get("locator", "")
        ).first()
        self.write(row, obj or Citation(statement=statement), values, self.attached)

    def claim_relations(self) -> None:
        for record in self.bundle.get("claim_relations", []):
            row = self.row(
                "claim relation", f"{record['from_claim']} {record['kind']} {record['to_claim']}"
            )
            values = self.values(CLAIM_RELATION, record, row)
            if row.errors:
                continue
            obj = ClaimRelation.objects.filter(
                from_claim=values["from_claim"], kind=values["kind"], to_claim=values["to_claim"]
            ).first()
            self.write(row, obj or ClaimRelation(), values, self.attached)

    def requests_for_comment(self) -> None:
        for record in self.bundle.get("requests_for_comment", []):
            row = self.row(
                "request for comment",
                f"{record['claim']} → {record['actor']} on {record['requested_on']}",
            )
            reply = record.get("reply")
            values = self.values(REQUEST_FOR_COMMENT, record | {"reply": None}, row)
            if reply is not None:
                values["reply"] = self.found["statement"].get(reply)
                if values["reply"] is None:
                    row.errors.setdefault("reply", []).append(
                        f"No statement “{reply}” in the file."
                    )
            if row.errors:
                continue
            obj = RequestForComment.objects.filter(
                claim=values["claim"], actor=values["actor"], requested_on=values["requested_on"]
            ).first()
            self.write(row, obj or RequestForComment(requested_by=self.by), values, self.attached)

    def moves(self, claims: list[tuple[Claim, dict, Row]]) -> None:
        """An editor's import of an existing claim: published, or withdrawn, as the file says
        (a claim the import created, or one it may update)."""
        if not self.publish:
            return
        for claim, record, row in claims:
            if row.action != "create" and not self.update:
                if record["status"] != claim.status:
                    row.action = "conflict"
                    row.changed = sorted({*row.changed, "status"})
                continue
            wanted = record["status"]
            try:
                if wanted in PUBLIC_STATUSES and not is_public_record(claim):
                    services.publish_now(claim=claim, by=self.by, reason=self.reason)
                    row.changed = sorted({*row.changed, "status"})
                if wanted == Status.WITHDRAWN and claim.status == Status.PUBLISHED:
                    claim.withdrawal_reason = record.get("withdrawal_reason") or ""
                    services.withdraw(claim=claim, by=self.by, reason=claim.withdrawal_reason)
                    row.changed = sorted({*row.changed, "status"})
            except (ValidationError, PermissionDenied) as error:
                row.errors.setdefault("status", []).extend(getattr(error, "messages", [str(error)]))
            if row.changed and row.action == "unchanged":
                row.action = "update"


def _source_by_ref(key: str) -> Source | None:
    if ":" in key and not key.startswith(("http://", "https://")):
        outlet, title = key.split(":", 1)
        return Source.objects.filter(url="", outlet__slug=outlet, title=title).first()
    return Source.objects.filter(url__in={key, normalise_url(key)}).order_by("pk").first()


def _slug_length(obj: Model) -> int:
    return obj._meta.get_field("slug").max_length or 50


def _statement_key(statement: Statement) -> tuple:
    return (
        statement.actor_id,
        statement.stance,
        statement.stated_on,
        statement.stated_on_precision,
        statement.quote or statement.paraphrase,
    )


def _current(obj: Model, name: str) -> Any:
    value = getattr(obj, name, None)
    if name == "country":
        return value.code or "" if value is not None else ""
    return value


def _field_name(name: str) -> str:
    return name.removesuffix("_precision")


# The database's check constraints, as the person who wrote the file reads them: the field, and
# what to do. (A check constraint's default message names the constraint.)
READABLE = {
    "claims_claim_verdict_has_reasoning": ("verdict_reasoning", "Give the verdict's reasoning."),
    "claims_claim_public_has_published_at": (
        "published_at",
        "A public claim has a publication time.",
    ),
    "claims_claim_withdrawn_has_reason": ("withdrawal_reason", "Say why the claim was withdrawn."),
    "claims_claim_coordinates_valid": (
        "latitude",
        "Give both latitude (−90 to 90) and longitude (−180 to 180), or neither.",
    ),
    "claims_statement_not_on_own_behalf": (
        "on_behalf_of",
        "Leave it blank when the actor speaks for itself.",
    ),
    "claims_statement_has_quote_or_paraphrase": ("paraphrase", "Give a quote or a paraphrase."),
    "claims_relation_not_reflexive": ("to_claim", "A claim is not related to itself."),
    "claims_rfc_deadline_after_request": ("deadline", "The deadline comes after the request."),
    "claims_rfc_reply_only_when_replied": (
        "reply",
        "Give a reply only with the outcome “replied”.",
    ),
    "actors_actor_dissolved_after_founded": ("dissolved_on", "Dissolved after it was founded."),
    "actors_relation_not_reflexive": ("object", "An actor is not related to itself."),
    "actors_relation_ends_after_start": ("end_on", "The relation ends after it starts."),
    "sources_source_retrieved_after_published": (
        "retrieved_on",
        "Retrieved on or after the day it was published.",
    ),
}
_CONSTRAINT = re.compile(r"^Constraint “(?P<name>[^”]+)” is violated\.$")


def _by_field(error: ValidationError) -> dict[str, list[str]]:
    """``error``'s messages by field, a database constraint's name never among them."""
    if not hasattr(error, "error_dict"):
        found: dict[str, list[str]] = {"": error.messages}
    else:
        found = {
            ("" if name == "__all__" else name): messages
            for name, messages in error.message_dict.items()
        }
    readable: dict[str, list[str]] = {}
    for name, messages in found.items():
        for message in messages:
            match = _CONSTRAINT.match(message)
            if match is None:
                readable.setdefault(name, []).append(message)
                continue
            constraint = match["name"]
            field, text = READABLE.get(constraint, ("", "These values do not go together."))
            if constraint.endswith("_valid") and constraint not in READABLE:
                continue  # a choice: the field's own error says which
            if text not in readable.get(field, []):
                readable.setdefault(field, []).append(text)
    return readable or {"": ["These values do not go together."]}
