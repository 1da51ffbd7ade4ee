"""The hot read paths as plain functions: a claim in the list, a claim's detail, an actor.

The serializers in this package stay the declared shape (drf-spectacular reads the schema from
their fields, and the write serializers echo them); for the reads a reader hits most, their
``to_representation`` calls these functions instead of walking DRF's fields one by one. Each
function gives the same JSON as the fields declare (``tests/api/test_fast_reads.py`` compares
the two on every object of the shared ledger), from the same prefetched rows: visibility is the
querysets' (``claims.visibility``), nothing here reads the database.

Absolute URLs come from one ``reverse()`` per kind of link and request (``Links``), not one per
object.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict, cast
from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone
from rest_framework import ISO_8601, serializers
from rest_framework.settings import api_settings

from claims.models import Claim
from claims.positions import chronological, current_positions
from claims.vocabulary import STANCE_DIRECTION, Direction
from core.dates import display, isoformat

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from django_stubs_ext import WithAnnotations

    from actors.models import Actor, ActorAlias, ActorRelation
    from claims.models import Statement, Topic
    from sources.models import Source

    class _ClaimSeen(TypedDict):
        seen_topics: list[Topic]  # claims.selectors.topics_seen

    class _RelationSeen(TypedDict):
        source_is_public: bool  # claims.visibility's with_public_source

    SeenRelation = WithAnnotations[ActorRelation, _RelationSeen]

    class _ActorSeen(TypedDict):
        seen_aliases: list[ActorAlias]  # api.actors.ActorViewSet's prefetches
        seen_relations_from: list[SeenRelation]
        seen_relations_to: list[SeenRelation]

    # A claim, an actor with what their reads prefetched as lists.
    SeenClaim = WithAnnotations[Claim, _ClaimSeen]
    SeenActor = WithAnnotations[Actor, _ActorSeen]

_SENTINEL = "987654321"  # stands for the id or slug in a reversed address
_SAFE = "!$&'()*+,;=/~:@"  # what reverse() leaves unquoted in an argument
_DATETIME = serializers.DateTimeField()
# DRF's own ISO 8601 output (the default DATETIME_FORMAT) is formatted here directly; another
# format goes through DRF's field.
_ISO = api_settings.DATETIME_FORMAT == ISO_8601
_DECIMAL_FIELDS: dict[str, serializers.DecimalField] = {}
_CLAIM = Claim._meta


class Links:
    """Absolute URLs for one request (or paths, without one), as ``ApiUrlField`` and
    ``HtmlUrlField`` give them: each kind reversed once, then filled in per object."""

    def __init__(self, request: Any) -> None:
        self.request = request
        self.formats: dict[str, tuple[str, str]] = {}
        # The time zone the answer's times are written in, looked up once per answer.
        self.zone = timezone.get_current_timezone()

    def datetime(self, value: Any) -> str | None:
        return _datetime(value, self.zone)

    def _affixes(self, view_name: str, by_pk: bool) -> tuple[str, str]:
        key = f"{view_name}:{by_pk}"
        found = self.formats.get(key)
        if found is None:
            if by_pk:
                path = reverse(view_name, kwargs={"pk": _SENTINEL})
            else:
                path = reverse(view_name, args=[_SENTINEL])
            if self.request is not None:
                path = self.request.build_absolute_uri(path)
            prefix, _, suffix = path.partition(_SENTINEL)
            found = self.formats[key] = (prefix, suffix)
        return found

    def api(self, view_name: str, pk: int) -> str:
        prefix, suffix = self._affixes(view_name, True)
        return f"{prefix}{pk}{suffix}"

    def page(self, view_name: str, argument: Any) -> str:
        prefix, suffix = self._affixes(view_name, False)
        return f"{prefix}{quote(str(argument), safe=_SAFE)}{suffix}"


def links(context: Mapping[str, Any]) -> Links:
    """The request's ``Links``, shared by every serializer of one answer (one context: the dict
    the view made, which DRF's types give as read-only)."""
    found: Links | None = context.get("_links")
    if found is None:
        found = cast("dict[str, Any]", context)["_links"] = Links(context.get("request"))
    return found


def _datetime(value: Any, zone: Any) -> str | None:
    """As DRF's ``DateTimeField`` gives it: in the time zone ``zone`` (the current one), ISO
    8601, UTC as Z."""
    if value is None:
        return None
    if not _ISO or timezone.is_naive(value):
        shown: str | None = _DATETIME.to_representation(value)
        return shown
    text: str = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def _decimal(model_field: Any, value: Any) -> str | None:
    """As ``ModelSerializer``'s ``DecimalField`` gives it: a string at the field's places."""
    if value is None:
        return None
    field = _DECIMAL_FIELDS.get(model_field.name)
    if field is None:
        field = _DECIMAL_FIELDS[model_field.name] = serializers.DecimalField(
            max_digits=model_field.max_digits, decimal_places=model_field.decimal_places
        )
    shown: str = field.to_representation(value)
    return shown


# Claims ------------------------------------------------------------------------------------------


class ClaimRow(SimpleNamespace):
    """A claim of the list as ``QuerySet.values()`` gives it, no model built (``claim`` reads
    the same attributes from a ``Claim``), with its topics in ``seen_topics``."""


class TopicName(NamedTuple):
    slug: str
    name: str


def claim(claim: SeenClaim | ClaimRow, to: Links) -> dict[str, Any]:
    """``ClaimSerializer``'s fields, from a ``Claim`` (its topics prefetched as ``seen_topics``
    by ``claims.selectors.topics_seen``) or a ``ClaimRow`` (``api.claims.rows_with_topics``)."""
    latitude, longitude = claim.latitude, claim.longitude
    return {
        "id": claim.id,
        "url": to.api("api:claim-detail", claim.id),
        "html_url": to.page("claims:claim-detail", claim.slug),
        "slug": claim.slug,
        "text": claim.text,
        "summary": claim.summary,
        "language": claim.language,
        "translations": claim.translations,
        "event_date": isoformat(claim.event_date, claim.event_date_precision),
        "event_date_precision": claim.event_date_precision,
        "event_date_display": display(claim.event_date, claim.event_date_precision),
        "place_name": claim.place_name,
        "latitude": None if latitude is None else _decimal(_CLAIM.get_field("latitude"), latitude),
        "longitude": (
            None if longitude is None else _decimal(_CLAIM.get_field("longitude"), longitude)
        ),
        "topics": [{"slug": t.slug, "name": t.name} for t in claim.seen_topics],
        "verdict": claim.verdict,
        "verdict_reasoning": claim.verdict_reasoning,
        "status": claim.status,
        "contested": bool(claim.is_contested),
        "published_at": to.datetime(claim.published_at),
        "created_at": to.datetime(claim.created_at),
        "updated_at": to.datetime(claim.updated_at),
    }


def claim_brief(claim: Claim, to: Links) -> dict[str, Any]:
    """``ClaimBriefSerializer``'s fields."""
    return {
        "id": claim.pk,
        "url": to.api("api:claim-detail", claim.pk),
        "html_url": to.page("claims:claim-detail", claim.slug),
        "slug": claim.slug,
        "text": claim.text,
        "status": claim.status,
    }


def actor_brief(actor: Actor | None, to: Links) -> dict[str, Any] | None:
    """``ActorBriefSerializer``'s fields."""
    if actor is None:
        return None
    return {
        "id": actor.pk,
        "url": to.api("api:actor-detail", actor.pk),
        "html_url": to.page("actors:actor-detail", actor.slug),
        "name": actor.name,
        "slug": actor.slug,
        "kind": actor.kind,
    }


def source(source: Source, to: Links) -> dict[str, Any]:
    """``SourceSerializer``'s fields, with ``OutletSerializer``'s."""
    outlet = source.outlet
    return {
        "id": source.pk,
        "url": to.api("api:source-detail", source.pk),
        "html_url": to.page("sources:source-detail", source.pk),
        "title": source.title,
        "document_url": source.url,
        "archive_url": source.archive_url,
        "outlet": {
            "id": outlet.pk,
            "url": to.api("api:outlet-detail", outlet.pk),
            "name": outlet.name,
            "slug": outlet.slug,
            "kind": outlet.kind,
            # django-stubs reads a CountryField as its CharField base (a str): it gives a Country.
            "country": outlet.country.code,  # type: ignore[attr-defined]
            "website": outlet.website,
            "default_reliability": outlet.default_reliability,
            "updated_at": to.datetime(outlet.updated_at),
        },
        "byline": source.byline,
        "published_on": _date(source.published_on),
        "language": source.language,
        "retrieved_on": _date(source.retrieved_on),
        "reliability": source.reliability_grade,
        "created_at": to.datetime(source.created_at),
        "updated_at": to.datetime(source.updated_at),
    }


def statement(statement: Statement, to: Links) -> dict[str, Any]:
    """``StatementSerializer``'s fields."""
    return {
        "id": statement.pk,
        "url": to.api("api:statement-detail", statement.pk),
        "actor": actor_brief(statement.actor, to),
        "on_behalf_of": actor_brief(statement.on_behalf_of, to),
        "stance": statement.stance,
        "direction": STANCE_DIRECTION[statement.stance],
        "stated_on": isoformat(statement.stated_on, statement.stated_on_precision),
        "stated_on_precision": statement.stated_on_precision,
        "stated_on_is_report_date": statement.stated_on_is_report_date,
        "stated_on_display": statement.stated_on_display,
        "quote": statement.quote,
        "quote_language": statement.quote_language,
        "paraphrase": statement.paraphrase,
        "translation": statement.translation,
        "translation_method": statement.translation_method,
        "translated_by": statement.translated_by,
        "is_interested_party": statement.is_interested_party,
        "citations": [
            {
                "id": citation.pk,
                "source": source(citation.source, to),
                "locator": citation.locator,
                "credibility": citation.credibility,
            }
            for citation in statement.citations.all()
        ],
        "created_at": to.datetime(statement.created_at),
        "updated_at": to.datetime(statement.updated_at),
    }


def positions(statements: list[Statement], to: Links) -> list[dict[str, Any]]:
    """``PositionSerializer``'s fields, for, then against, then neutral."""
    grouped = current_positions(statements)
    return [
        {
            "party": actor_brief(position.party, to),
            "direction": position.direction,
            "stance": position.current.stance,
            "statement": position.current.pk,
            "change": position.change,
        }
        for direction in Direction.values
        for position in grouped[direction]
    ]


def relations(claim: Claim, to: Links) -> list[dict[str, Any]]:
    """``RelatedClaimSerializer``'s fields: outgoing relations, then incoming ones."""
    return [
        {
            "kind": r.kind,
            "direction": "outgoing",
            "note": r.note,
            "claim": claim_brief(r.to_claim, to),
        }
        for r in claim.relations_from.all()
    ] + [
        {
            "kind": r.kind,
            "direction": "incoming",
            "note": r.note,
            "claim": claim_brief(r.from_claim, to),
        }
        for r in claim.relations_to.all()
    ]


def claim_detail(found: SeenClaim, to: Links) -> dict[str, Any]:
    """``ClaimDetailSerializer``'s fields, from a claim loaded by
    ``claims.selectors.claim_details``."""
    data = claim(found, to)
    said = chronological(found.statements.all())  # whatever order they were loaded in
    data["withdrawn_at"] = to.datetime(found.withdrawn_at)
    data["withdrawal_reason"] = found.withdrawal_reason
    data["statements"] = [statement(s, to) for s in said]
    data["positions"] = positions(said, to)
    data["relations"] = relations(found, to)
    data["requests_for_comment"] = [
        {
            "actor": actor_brief(r.actor, to),
            "requested_on": _date(r.requested_on),
            "deadline": _date(r.deadline),
            "channel": r.channel,
            "outcome": r.outcome,
            "reply": r.reply_id,
        }
        for r in found.requests_for_comment.all()
    ]
    data["history_url"] = to.api("api:claim-history", found.pk)
    return data


# Actors ------------------------------------------------------------------------------------------


def actor(found: SeenActor, to: Links) -> dict[str, Any]:
    """``ActorSerializer``'s fields, from an actor loaded by ``api.actors.ActorViewSet``."""
    return {
        "id": found.pk,
        "url": to.api("api:actor-detail", found.pk),
        "html_url": to.page("actors:actor-detail", found.slug),
        "name": found.name,
        "slug": found.slug,
        "kind": found.kind,
        "description": found.description,
        "language": found.language,
        "translations": found.translations,
        "country": found.country.code,  # type: ignore[attr-defined]  # a Country, as above
        "founded_on": isoformat(found.founded_on, found.founded_on_precision),
        "founded_on_precision": found.founded_on_precision,
        "dissolved_on": isoformat(found.dissolved_on, found.dissolved_on_precision),
        "dissolved_on_precision": found.dissolved_on_precision,
        "wikidata_id": found.wikidata_id,
        "aliases": [{"name": a.name, "language": a.language} for a in found.seen_aliases],
        "relations": [
            {
                "subject": actor_brief(r.subject, to),
                "kind": r.kind,
                "object": actor_brief(r.object, to),
                "start_on": isoformat(r.start_on, r.start_on_precision),
                "start_on_precision": r.start_on_precision,
                "end_on": isoformat(r.end_on, r.end_on_precision),
                "end_on_precision": r.end_on_precision,
                "note": r.note,
                # django-stubs sees no annotation on the rows of a list in WithAnnotations.
                "source": (
                    source(r.source, to)
                    if r.source_id is not None
                    and r.source_is_public  # type: ignore[attr-defined]
                    and r.source is not None
                    else None
                ),
            }
            for r in [*found.seen_relations_from, *found.seen_relations_to]
        ],
        "created_at": to.datetime(found.created_at),
        "updated_at": to.datetime(found.updated_at),
    }


def fast(
    read: Callable[[Any, Links], dict[str, Any]],
) -> Callable[[Any, Any], dict[str, Any]]:
    """A ``to_representation`` that builds the object with ``read``."""

    def to_representation(self: serializers.Serializer[Any], instance: Any) -> dict[str, Any]:
        return read(instance, links(self.context))

    return to_representation
