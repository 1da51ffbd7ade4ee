"""A fact-checker's ClaimReview (schema.org JSON-LD) read into a ledger bundle.

Each review becomes a claim (``claimReviewed``) with, where the review names them:

- the claim's author (``itemReviewed.author``) **asserting** it, dated when it appeared
  (``itemReviewed.datePublished``; else the review's date, marked as a report date), cited from
  where it appeared (``itemReviewed.appearance``), else from the review;
- the fact-checker (the review's ``author``) taking the stance its rating says — a false rating
  **denies**, a misleading or partly true one **disputes**, a true one **supports**, anything
  else **adds context** — in a paraphrase that quotes the rating, dated and cited by the review.

Actors and outlets are found by name, alias or the address's domain; those not in the ledger are
added (kind "other" for an author, "media" for a fact-checker) for the newsroom to complete.
A page's ``<script type="application/ld+json">`` blocks are read with extruct.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from actors.lookup import named
from core.slugs import derive_slug
from sources.lookup import outlet_for_host
from sources.models import Source
from sources.urls_normalise import normalise_url

from . import FORMAT, VERSION

_DISPUTES = (
    "misleading",
    "partly",
    "partially",
    "mixture",
    "mixed",
    "half",
    "missing context",
    "exaggerat",
    "unproven",
    "unsupported",
    "trompeur",
    "partiellement",
    "manque de contexte",
)
_DENIES = (
    "false",
    "fake",
    "incorrect",
    "wrong",
    "pants on fire",
    "fabricated",
    "faux",
    "inexact",
    "infondé",
)
_SUPPORTS = ("true", "correct", "accurate", "vrai", "exact")


def _types(item: Any) -> set[str]:
    kind = item.get("@type", []) if isinstance(item, dict) else []
    return set(kind if isinstance(kind, list) else [kind])


def _reviews(data: Any) -> list[dict]:
    if isinstance(data, list):
        return [review for item in data for review in _reviews(item)]
    if not isinstance(data, dict):
        return []
    if "ClaimReview" in _types(data):
        return [data]
    return _reviews(data.get("@graph", []))


def is_claimreview(data: Any) -> bool:
    return bool(_reviews(data))


def read_claimreview_page(content: bytes) -> dict[str, Any]:
    import extruct

    try:
        found = extruct.extract(content.decode("utf-8", "replace"), syntaxes=["json-ld"])
    except Exception as error:
        raise ValueError(f"The page cannot be read: {error}") from None
    return read_claimreview(found.get("json-ld", []))


def stance_for(rating: dict[str, Any]) -> str:
    """The fact-checker's stance from its rating's words, else from its value on its scale."""
    words = str(rating.get("alternateName") or rating.get("name") or "").casefold()
    for stance, markers in (("disputes", _DISPUTES), ("denies", _DENIES), ("supports", _SUPPORTS)):
        if any(marker in words for marker in markers):
            return stance
    try:
        value, best, worst = (
            float(rating[k]) for k in ("ratingValue", "bestRating", "worstRating")
        )
    except (KeyError, TypeError, ValueError):
        return "adds_context"
    share = (value - worst) / (best - worst) if best != worst else 0.5
    return "denies" if share <= 0.25 else "supports" if share >= 0.75 else "disputes"


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _day(value: Any) -> str | None:
    return str(value)[:10] if value else None


class _Reader:
    def __init__(self) -> None:
        self.outlets: dict[str, dict] = {}
        self.sources: dict[str, dict] = {}
        self.actors: dict[str, dict] = {}
        self.claims: dict[str, dict] = {}

    def actor(self, person: Any, kind: str) -> str | None:
        person = _first(person)
        name = (person.get("name") if isinstance(person, dict) else person) or ""
        name = " ".join(str(name).split())
        if not name:
            return None
        found = named(name)
        if found:
            return found.slug
        slug = derive_slug(name, 200)
        self.actors.setdefault(slug, {"slug": slug, "name": name, "kind": kind})
        return slug

    def source(self, address: str, title: str, published: str | None, publisher: str = "") -> str:
        url = normalise_url(address)
        if url in self.sources or Source.objects.filter(url=url).exists():
            return url
        outlet = outlet_for_host(urlsplit(url).hostname or "")
        if outlet.pk is None:
            name = publisher or outlet.name
            outlet_slug = derive_slug(name, 200)
            self.outlets.setdefault(
                outlet_slug,
                {"slug": outlet_slug, "name": name, "kind": "other", "website": outlet.website},
            )
        else:
            outlet_slug = outlet.slug
        self.sources[url] = {
            "url": url,
            "title": title[:500],
            "outlet": outlet_slug,
            "published_on": published,
        }
        return url

    def review(self, review: dict[str, Any]) -> None:
        text = " ".join(str(review.get("claimReviewed") or "").split())
        reviewed_on = _day(review.get("datePublished"))
        address = review.get("url") or ""
        if not text or not reviewed_on or not str(address).startswith("http"):
            raise ValueError(
                "A ClaimReview needs claimReviewed, datePublished and the review's url."
            )
        checker = _first(review.get("author")) or {}
        checker_name = checker.get("name", "") if isinstance(checker, dict) else str(checker)
        title = review.get("name") or review.get("headline") or f"{checker_name}: {text}"
        cited = self.source(address, str(title), reviewed_on, checker_name)
        slug = derive_slug(text, 120)
        claim = self.claims.setdefault(slug, {"slug": slug, "text": text[:300], "statements": []})

        item = review.get("itemReviewed") or {}
        author = self.actor(item.get("author"), "other")
        if author:
            appeared = _first(item.get("appearance") or item.get("firstAppearance"))
            seen_at = appeared.get("url") if isinstance(appeared, dict) else appeared
            said_on = _day(item.get("datePublished"))
            claim["statements"].append(
                {
                    "actor": author,
                    "stance": "asserts",
                    "stated_on": said_on or reviewed_on,
                    "stated_on_is_report_date": said_on is None,
                    "paraphrase": f"Said or shared: “{text}”",
                    "citations": [
                        {
                            "source": self.source(seen_at, f"{text}", said_on)
                            if isinstance(seen_at, str) and seen_at.startswith("http")
                            else cited
                        }
                    ],
                }
            )
        checker_slug = self.actor(checker, "media")
        if checker_slug:
            rating = review.get("reviewRating") or {}
            words = rating.get("alternateName") or rating.get("name") or "no rating given"
            claim["statements"].append(
                {
                    "actor": checker_slug,
                    "stance": stance_for(rating),
                    "stated_on": reviewed_on,
                    "paraphrase": f"{checker_name} rated it “{words}”.",
                    "citations": [{"source": cited}],
                }
            )


def read_claimreview(data: Any) -> dict[str, Any]:
    reviews = _reviews(data)
    if not reviews:
        raise ValueError('No ClaimReview found (schema.org JSON-LD with "@type": "ClaimReview").')
    reader = _Reader()
    for review in reviews:
        reader.review(review)
    return {
        "format": FORMAT,
        "version": VERSION,
        "outlets": list(reader.outlets.values()),
        "sources": list(reader.sources.values()),
        "actors": list(reader.actors.values()),
        "claims": list(reader.claims.values()),
    }
