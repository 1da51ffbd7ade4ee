"""Linked data for a claim: schema.org ClaimReview, and a richer shape with stances.

One builder for the claim page's embedded JSON-LD and the API's ``?format=claimreview``.

ClaimReview says what the newsroom concluded about a claim and where the claim appeared. It
cannot say that the Malian army denied it and the FLA asserted it; ``claim_with_stances`` can.
Both read the public statements prefetched on the claim (``claims.selectors.claim_details``), never
a draft.

The verdict as a number (``reviewRating``'s ``ratingValue``, between ``worstRating`` 1 and
``bestRating`` 5) is on the truth scale many fact-checkers share: 1 false, 2 mostly false, 3 half
true, 4 mostly true, 5 true. Google's ClaimReview guide asks a publisher to document what its
numbers mean; this table is ours (the methodology page and the API guide can quote it):

=============  =====  ====================================================================
verdict        value  why
=============  =====  ====================================================================
false          1      the claim is false
likely false   2      probably false: "mostly false" on the shared scale
misleading     3      true in part, false in the impression it gives: "half true"
likely true    4      probably true: "mostly true"
confirmed      5      the claim is true
unverified     none   not yet judged: no place on a truth scale
unproven       none   the evidence settles nothing either way; a 3 would say "half true"
disputed       none   the parties' accounts conflict and the newsroom cannot settle it; a 3
                      would say "half true", which is a judgement the newsroom did not make
=============  =====  ====================================================================

A verdict without a value keeps its words (``alternateName``) and carries no scale at all, so a
reader of the markup never mistakes "not judged" for a middling score.

A withdrawn claim publishes no ClaimReview (see ``claim_review``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from actors.models import ActorKind
from claims.models import ORIGINATING
from claims.positions import chronological
from claims.vocabulary import STANCES, Status, Verdict
from core import dates

if TYPE_CHECKING:
    from django.http import HttpRequest
    from rest_framework.request import Request

    from actors.models import Actor
    from claims.models import Claim, Statement

# The characters that could close the script element or open a comment inside it.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

PUBLISHER = {"@type": "Organization", "name": "Contested"}

# The verdict on the 1–5 truth scale of ClaimReview's ``reviewRating`` (the table above). A
# verdict missing here has no number.
WORST_RATING, BEST_RATING = 1, 5
RATING_VALUES: dict[str, int] = {
    Verdict.FALSE: 1,
    Verdict.LIKELY_FALSE: 2,
    Verdict.MISLEADING: 3,
    Verdict.LIKELY_TRUE: 4,
    Verdict.CONFIRMED: 5,
}


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
    """schema.org ClaimReview: our verdict on the claim, and where the claim appeared. For a
    withdrawn claim, no review: its page described plainly (``_withdrawn_page``)."""
    if claim.status == Status.WITHDRAWN:
        return _withdrawn_page(claim, request)
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
        # At the precision it is known ("2025", "2025-02"): ISO 8601 allows a reduced precision,
        # and padding a month to its first day would claim a day nobody gave.
        said = _when(origin)
        if said:
            item["datePublished"] = said
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": page,
        "claimReviewed": claim.text,
        "inLanguage": claim.language,
        "author": PUBLISHER,
        "reviewRating": rating(claim),
        "itemReviewed": item,
    }
    if claim.published_at:
        review["datePublished"] = claim.published_at.date().isoformat()
    return review


def rating(claim: Claim) -> dict[str, Any]:
    """The verdict as a schema.org Rating: its words, its place on the 1–5 scale when it has one
    (the module's table), and the reasoning when there is some."""
    found: dict[str, Any] = {"@type": "Rating", "alternateName": claim.get_verdict_display()}
    value = RATING_VALUES.get(claim.verdict)
    if value is not None:
        found |= {"ratingValue": value, "bestRating": BEST_RATING, "worstRating": WORST_RATING}
    if claim.verdict_reasoning.strip():
        found["ratingExplanation"] = claim.verdict_reasoning
    return found


def _withdrawn_page(claim: Claim, request: Request | HttpRequest) -> dict[str, Any]:
    """A withdrawn claim's page, described plainly: a WebPage marked withdrawn, with the public
    reason, and no ClaimReview.

    Why not a ClaimReview marked withdrawn: a ClaimReview presents a current fact-check (Google's
    guide asks for the markup to come off a page whose review no longer stands, and schema.org
    has no way to say that a review was retracted that a consumer would heed). Search engines
    and fact-check aggregators that read ClaimReview would keep showing the old verdict as live.
    The page itself stays up and says why it was withdrawn; this says the same to machines, and
    the API's ``?format=claimreview`` answers with it too, so a tool syncing our reviews sees
    the withdrawal instead of a review that vanished."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "url": _absolute(request, claim.get_absolute_url()),
        "name": claim.text,
        "inLanguage": claim.language,
        "publisher": PUBLISHER,
        "creativeWorkStatus": "Withdrawn",
        "description": claim.withdrawal_reason,
    }
    if claim.published_at:
        data["datePublished"] = claim.published_at.date().isoformat()
    if claim.withdrawn_at:
        data["dateModified"] = claim.withdrawn_at.date().isoformat()
    return data


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
