"""Linked data for a claim: schema.org ClaimReview, and a richer shape with stances.

One builder for the claim page's embedded JSON-LD and the API's ``?format=claimreview``.

ClaimReview says what the newsroom concluded about a claim and where the claim appeared. It
cannot say that the Malian army denied it and the FLA asserted it; ``claim_with_stances`` can.
Both read the public statements prefetched on the claim (``claims.api``), never a draft.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from actors.models import ActorKind
from claims.models import ORIGINATING
from claims.positions import chronological
from claims.vocabulary import STANCES
from core import dates

if TYPE_CHECKING:
    from django.http import HttpRequest
    from rest_framework.request import Request

    from actors.models import Actor
    from claims.models import Claim, Statement

# The characters that could close the script element or open a comment inside it.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

PUBLISHER = {"@type": "Organization", "name": "Contested"}


def _absolute(request: Request | HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _agent(actor: Actor, request: Request | HttpRequest) -> dict[str, Any]:
    return {
        "@type": "Person" if actor.kind == ActorKind.PERSON else "Organization",
        "@id": _absolute(request, actor.get_absolute_url()),
        "name": actor.name,
    }


def _creative_work(citation: Any, request: Request | HttpRequest) -> dict[str, Any]:
    source = citation.source
    work: dict[str, Any] = {
        "@type": "CreativeWork",
        "@id": _absolute(request, source.get_absolute_url()),
        "headline": source.title,
        "publisher": {"@type": "Organization", "name": source.outlet.name},
    }
    if source.url:
        work["url"] = source.url
    if source.published_on:
        work["datePublished"] = source.published_on.isoformat()
    return work


def _when(statement: Statement) -> str | None:
    """When it was said, as ISO 8601 at its precision: "2025-02-08", "2025-02" or "2025"."""
    return dates.isoformat(statement.stated_on, statement.stated_on_precision)


def stance_summary(statement: Statement) -> str:
    """ "denied by Malian army", "asserted by Mohamed Elmaouloud Ramadane on behalf of FLA"."""
    phrase = f"{STANCES[statement.stance].by} {statement.actor.name}"
    if statement.on_behalf_of_id:
        phrase += f" on behalf of {statement.on_behalf_of.name}"
    return phrase


def claim_review(claim: Claim, request: Request | HttpRequest) -> dict[str, Any]:
    """schema.org ClaimReview: our verdict on the claim, and where the claim appeared."""
    page = _absolute(request, claim.get_absolute_url())
    statements = chronological(claim.statements.all())
    # The claim's author is whoever put it forward first (asserted or suggested it), never a
    # party that only backed or acknowledged it, even earlier.
    origin = next((s for s in statements if s.stance in ORIGINATING), None)
    appearances = {
        citation.source_id: _creative_work(citation, request)
        for statement in statements
        if statement.direction == "for"
        for citation in statement.citations.all()
    }
    item: dict[str, Any] = {"@type": "Claim", "appearance": list(appearances.values())}
    if origin:
        item["author"] = _agent(origin.party, request)
        item["datePublished"] = _when(origin)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page,
        "claimReviewed": claim.text,
        "inLanguage": claim.language,
        "author": PUBLISHER,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": claim.get_verdict_display(),
            "ratingExplanation": claim.verdict_reasoning,
        },
        "itemReviewed": item,
    }
    if claim.published_at:
        review["datePublished"] = claim.published_at.date().isoformat()
    return review


def claim_with_stances(claim: Claim, request: Request) -> dict[str, Any]:
    """The claim with every public statement as a stance: who, for or against, when, in whose
    name, in their words, and which sources report it."""
    vocabulary = _absolute(request, "/api/v1/docs/") + "#jsonld/"
    context = [
        "https://schema.org",
        {
            "ctd": vocabulary,
            "stances": {"@id": "ctd:stances", "@container": "@list"},
            "stance": "ctd:stance",
            "direction": "ctd:direction",
            "summary": "ctd:summary",
            "onBehalfOf": {"@id": "ctd:onBehalfOf", "@type": "@id"},
            "interestedParty": "ctd:interestedParty",
            "translation": "ctd:translation",
            "credibility": "ctd:credibility",
            "verdict": "ctd:verdict",
            "verdictReasoning": "ctd:verdictReasoning",
            "contested": "ctd:contested",
            "status": "ctd:status",
        },
    ]
    stances = []
    for statement in chronological(claim.statements.all()):
        stance: dict[str, Any] = {
            "@type": "ctd:Stance",
            "stance": statement.stance,
            "direction": statement.direction,
            "summary": stance_summary(statement),
            "agent": _agent(statement.actor, request),
            "dateCreated": _when(statement),
            "interestedParty": statement.is_interested_party,
            "citation": [
                {**_creative_work(c, request), "credibility": c.credibility}
                for c in statement.citations.all()
            ],
        }
        if statement.on_behalf_of_id:
            stance["onBehalfOf"] = _agent(statement.on_behalf_of, request)
        if statement.quote:
            stance["text"] = statement.quote
            if statement.quote_language:
                stance["inLanguage"] = statement.quote_language
        if statement.translation:
            stance["translation"] = statement.translation
        if statement.paraphrase:
            stance["abstract"] = statement.paraphrase
        stances.append(stance)
    data: dict[str, Any] = {
        "@context": context,
        "@type": "Claim",
        "@id": _absolute(request, claim.get_absolute_url()),
        "url": _absolute(request, claim.get_absolute_url()),
        "text": claim.text,
        "description": claim.summary,
        "verdict": claim.verdict,
        "verdictReasoning": claim.verdict_reasoning,
        "contested": claim.is_contested,
        "status": claim.status,
        "stances": stances,
    }
    if claim.event_date:
        data["temporalCoverage"] = dates.isoformat(claim.event_date, claim.event_date_precision)
    if claim.place_name:
        data["spatialCoverage"] = {"@type": "Place", "name": claim.place_name}
    return data


def ld_json_script(data: dict[str, Any]) -> SafeString:
    """``data`` in a ``<script type="application/ld+json">`` element that no value can close."""
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above
