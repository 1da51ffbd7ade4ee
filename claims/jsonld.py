"""schema.org ClaimReview for a claim page, as JSON-LD.

ClaimReview cannot say "denied by X"; it carries the proposition, who first asserted it and our
verdict. The page itself, and the API, carry the full ledger.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .pages import party_of
from .vocabulary import Direction

if TYPE_CHECKING:
    from django.http import HttpRequest

    from .models import Claim, Statement

# The characters that could close the script element or open a comment inside it.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def claim_review(claim: Claim, statements: list[Statement], request: HttpRequest) -> dict[str, Any]:
    asserting = [s for s in statements if s.direction == Direction.FOR]
    authors: list[dict[str, str]] = []
    for statement in asserting:
        party = party_of(statement)
        entry = {"@type": "Organization" if party.kind != "person" else "Person"}
        entry["name"] = party.name
        if entry not in authors:
            authors.append(entry)
    appearances = []
    for statement in statements:
        for citation in statement.citations.all():
            source = citation.source
            if source.url and source.url not in appearances:
                appearances.append(source.url)
    item: dict[str, Any] = {"@type": "Claim"}
    if authors:
        item["author"] = authors
    if asserting:
        item["datePublished"] = asserting[0].stated_on.isoformat()
    if appearances:
        item["appearance"] = [{"@type": "CreativeWork", "url": url} for url in appearances]
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": request.build_absolute_uri(claim.get_absolute_url()),
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": "Contested"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": claim.get_verdict_display(),
        },
    }
    if claim.published_at:
        review["datePublished"] = claim.published_at.date().isoformat()
    return review


def ld_json_script(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above
