"""Load the demo ledger (``demo/data.py``) into the database.

Safe to run any number of times: rows are found by their natural keys and saved only when a
value differs, inside one transaction, so a second run changes nothing and records no history.
"""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from django.db import models, transaction

from actors.models import Actor, ActorAlias, ActorRelation
from claims.models import Citation, Claim, ClaimRelation, RequestForComment, Statement, Topic
from sources.models import Outlet, Source

from . import data

REASON = "Demo data from the AFP article of 7 October 2025"


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _upsert[M: models.Model](
    model: type[M], lookup: dict[str, Any], values: dict[str, Any], counts: Counter
) -> M:
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        counts[f"{model._meta.verbose_name_plural} created"] += 1
    elif all(getattr(obj, field) == value for field, value in values.items()):
        return obj
    else:
        for field, value in values.items():
            setattr(obj, field, value)
        counts[f"{model._meta.verbose_name_plural} updated"] += 1
    obj.full_clean()
    obj._change_reason = REASON
    obj.save()
    return obj


@transaction.atomic
def _french(**texts: str | None) -> dict:
    """The newsroom's French translation of these fields (``core.translations``)."""
    texts = {field: text for field, text in texts.items() if text}
    return {"fr": {**texts, "method": "human"}} if texts else {}


def load_demo() -> Counter:
    """Create or update the demo rows; return what changed, by kind."""
    counts: Counter = Counter()
    outlets = {
        o["slug"]: _upsert(
            Outlet, {"slug": o["slug"]}, {k: v for k, v in o.items() if k != "slug"}, counts
        )
        for o in data.OUTLETS
    }
    sources = {}
    for s in data.SOURCES:
        outlet = outlets[s["outlet"]]
        values = {
            "byline": s["byline"],
            "published_on": _date(s["published_on"]),
            "language": s["language"],
            "internal_notes": s["internal_notes"],
        }
        sources[s["key"]] = _upsert(Source, {"outlet": outlet, "title": s["title"]}, values, counts)
    article = sources[data.ARTICLE]

    actors = {}
    for a in data.ACTORS:
        founded, precision = a.get("founded", (None, "day"))
        values = {
            "name": a["name"],
            "kind": a["kind"],
            "country": a["country"],
            "description": a["description"],
            "founded_on": _date(founded),
            "founded_on_precision": precision,
        }
        actor = _upsert(Actor, {"slug": a["slug"]}, values, counts)
        for name, language in a["aliases"]:
            _upsert(ActorAlias, {"actor": actor, "name": name}, {"language": language}, counts)
        actors[a["slug"]] = actor

    for subject, kind, obj, note, locator in data.ACTOR_RELATIONS:
        _upsert(
            ActorRelation,
            {"subject": actors[subject], "kind": kind, "object": actors[obj]},
            {"note": note, "source": article if locator else None},
            counts,
        )

    topics = {
        slug: _upsert(
            Topic,
            {"slug": slug},
            {"name": name, "translations": _french(name=data.FRENCH_TOPICS.get(slug))},
            counts,
        )
        for slug, name in data.TOPICS
    }

    claims = {}
    for c in data.CLAIMS:
        event, event_precision = c["event"] or (None, "day")
        values = {
            "text": c["text"],
            "summary": c["summary"],
            "event_date": _date(event),
            "event_date_precision": event_precision,
            "place_name": c["place_name"],
            "verdict": c["verdict"],
            "verdict_reasoning": c.get("verdict_reasoning", ""),
            "status": c["status"],
        }
        if french := data.FRENCH_CLAIMS.get(c["slug"]):
            values["translations"] = _french(text=french[0], summary=french[1])
        claim = _upsert(Claim, {"slug": c["slug"]}, values, counts)
        wanted = {topics[slug] for slug in c["topics"]}
        if set(claim.topics.all()) != wanted:
            claim.topics.set(wanted)
        claims[c["slug"]] = claim
        _load_statements(claim, c["statements"], actors, article, counts)
        for r in c.get("requests_for_comment", []):
            _upsert(
                RequestForComment,
                {
                    "claim": claim,
                    "actor": actors[r["actor"]],
                    "requested_on": _date(r["requested_on"]),
                },
                {
                    "deadline": _date(r["deadline"]),
                    "channel": r["channel"],
                    "outcome": r["outcome"],
                    "internal_notes": r["internal_notes"],
                },
                counts,
            )

    for from_slug, kind, to_slug, note in data.CLAIM_RELATIONS:
        _upsert(
            ClaimRelation,
            {"from_claim": claims[from_slug], "kind": kind, "to_claim": claims[to_slug]},
            {"note": note},
            counts,
        )
    return counts


def _load_statements(
    claim: Claim,
    statements: list[dict[str, Any]],
    actors: dict[str, Actor],
    article: Source,
    counts: Counter,
) -> None:
    for s in statements:
        stated, precision, is_report_date = s["stated"]
        behalf = s.get("on_behalf_of")
        statement = _upsert(
            Statement,
            {
                "claim": claim,
                "actor": actors[s["actor"]],
                "stance": s["stance"],
                "stated_on": _date(stated),
            },
            {
                "stated_on_precision": precision,
                "stated_on_is_report_date": is_report_date,
                "on_behalf_of": actors[behalf] if behalf else None,
                "quote": s.get("quote", ""),
                "quote_language": s.get("quote_language", ""),
                "paraphrase": s.get("paraphrase", ""),
                "is_interested_party": s.get("is_interested_party", True),
            },
            counts,
        )
        for locator, credibility in s["citations"]:
            _upsert(
                Citation,
                {"statement": statement, "source": article, "locator": locator},
                {"credibility": credibility},
                counts,
            )
