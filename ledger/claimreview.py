"""A fact-checker's ClaimReview (schema.org JSON-LD) read into a ledger bundle.

Each review becomes a claim (``claimReviewed``) with, where the review names them:

- the claim's author (``itemReviewed.author``) **asserting** it, dated when it appeared
  (``itemReviewed.datePublished``; else the review's date, marked as a report date), cited from
  where it appeared (``itemReviewed.appearance``), else from the review;
- the fact-checker taking the stance its rating says (``ledger.ratings``: one table of the
  ratings fact-checkers publish, in their languages; the number on its scale only when the
  words are not in it), in a paraphrase that quotes the rating, dated and cited by the review.
  The fact-checker is the review's ``author`` when that is an organisation, else its
  ``publisher`` (a reporter's byline with the newsroom as publisher), else the person.

Real pages are read as they are published: a text or a name given as a list (the first that
is not empty), HTML entities, stray line breaks, a ``url`` without its scheme or relative to
the page (resolved against the page's address, else the fact-checker's), no ``datePublished``
(see ``_Reader.undated``). The claim's language is ``inLanguage`` (the review's, else the
claim's), else the page's ``<html lang>``, when it is one of the site's languages.

Every mistake a review shows by itself — a field of the wrong shape, a rating neither the
table nor a number can read — is named by review and field (``ClaimReviewError``), every one
of them, before anything is imported.

Actors and outlets are found by name, alias or the address's domain; those not in the ledger are
added (kind "person" for a Person, else "other" for an author and "media" for a fact-checker)
for the newsroom to complete.

What the import proposes and does not set: the claim's verdict. A fact-checker's rating is its
verdict, not the newsroom's (three grades, kept apart), and a reporter may not set one; the
verdict the table reads from the rating goes in the claim's note for the editor, as do a
language the site does not have and a review's missing date. A claim already in the ledger keeps
its own note and language: a file only adds statements to it.
A page's ``<script type="application/ld+json">`` blocks are read with extruct.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from django.conf.locale import LANG_INFO

from actors.lookup import named
from actors.models import Actor
from claims.models import Claim
from claims.vocabulary import Verdict
from core import json_input
from core.slugs import derive_slug, unique_slug
from core.translations import site_languages
from sources.lookup import outlet_for_host
from sources.models import Source
from sources.urls_normalise import normalise_url

from . import FORMAT, VERSION
from .ratings import Rating, from_scale, from_words


class ClaimReviewError(ValueError):
    """The reviews' own mistakes, one line each ("review 2 (https://…) · reviewRating: …")."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class _Problem(Exception):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass
class Page:
    """What the page around the JSON-LD says: its address, language and date."""

    url: str = ""
    language: str = ""
    published: str = ""


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "html" and not self.page.language:
            self.page.language = found.get("lang", "")
        elif tag == "link" and "canonical" in found.get("rel", "").split():
            self.page.url = self.page.url or found.get("href", "")
        elif tag == "meta":
            key = found.get("property") or found.get("name") or ""
            if key == "og:url" and not self.page.url:
                self.page.url = found.get("content", "")
            elif key == "article:published_time" and not self.page.published:
                self.page.published = found.get("content", "")


def _types(item: Any) -> set[str]:
    kind = item.get("@type", []) if isinstance(item, dict) else []
    return {str(k) for k in (kind if isinstance(kind, list) else [kind])}


def _reviews(data: Any, depth: int = 0) -> list[dict]:
    if depth > 20:  # deeper than any real page nests: not a ClaimReview
        return []
    if isinstance(data, list):
        return [review for item in data for review in _reviews(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    if "ClaimReview" in _types(data):
        return [data]
    return _reviews(data.get("@graph", []), depth + 1)


def is_claimreview(data: Any) -> bool:
    return bool(_reviews(data))


def read_claimreview_page(content: bytes) -> dict[str, Any]:
    import extruct

    text = content.decode("utf-8", "replace")
    try:
        found = extruct.extract(text, syntaxes=["json-ld"])
    except Exception as error:
        raise ValueError(f"The page cannot be read: {error}") from None
    if json_input.depth(found.get("json-ld", [])) > json_input.MAX_DEPTH:
        raise ValueError(f"The page's JSON-LD nests deeper than {json_input.MAX_DEPTH} levels.")
    reader = _PageReader()
    try:
        reader.feed(text)
    except Exception:  # the page's own address and language are a bonus, never a refusal
        reader.page = Page()
    return read_claimreview(found.get("json-ld", []), page=reader.page)


def stance_for(rating: dict[str, Any]) -> str:
    """The fact-checker's stance from its rating (``ValueError`` when it cannot be read)."""
    return _rating(rating)[0].stance


def _rating(rating: dict[str, Any]) -> tuple[Rating, str]:
    """What ``rating`` says, and its words as the review gives them."""
    words = [_text(rating.get(key)) for key in ("alternateName", "name")]
    for said in words:
        found = from_words(said) if said else None
        if found:
            return found, said
    shown = next((said for said in words if said), "")
    found = from_scale(
        _text(rating.get("ratingValue")),
        _text(rating.get("bestRating")),
        _text(rating.get("worstRating")),
    )
    if found:
        worst, best = (
            _text(rating.get("worstRating")) or "1",
            _text(rating.get("bestRating")) or "5",
        )
        return found, shown or f"{_text(rating.get('ratingValue'))} on a scale of {worst} to {best}"
    how = (
        "Give the review a rating the table knows (False, Misleading, Half true, True…, in "
        "ledger/ratings.py) as its alternateName, or a ratingValue between worstRating and "
        "bestRating; or leave this review out of the file."
    )
    if shown:
        raise ValueError(f"“{shown}” is not a rating Contested knows, and no number says it. {how}")
    raise ValueError(f"The review gives no rating. {how}")


def _text(value: Any) -> str:
    """A text as JSON-LD gives it: a list (its first text that is not empty), a value object,
    HTML entities, stray line breaks and spaces."""
    if isinstance(value, list):
        return next((text for text in map(_text, value) if text), "")
    if isinstance(value, dict):
        value = value.get("@value", "")
    if value is None or isinstance(value, (bool, dict, list)):
        return ""
    return " ".join(html.unescape(str(value)).split())


def _name(value: Any) -> str:
    if isinstance(value, list):
        return next((name for name in map(_name, value) if name), "")
    return _text(value.get("name") if isinstance(value, dict) else value)


def _day(value: Any, field: str) -> str | None:
    """An ISO date (or its first ten characters: a date and time); ``None`` when not given."""
    text = _text(value)
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        raise _Problem(
            field, f"“{text}” is not a date: give it as ISO 8601 (2025-03-12)."
        ) from None


def _language(value: Any) -> str:
    """A language's code (``es``) from ``inLanguage``: a tag (``es-ES``), or a Language with
    an ``alternateName`` or ``name`` (``Spanish``, ``español``); ``""`` when it says none."""
    if isinstance(value, list):
        return next((code for code in map(_language, value) if code), "")
    if isinstance(value, dict):
        return _language(value.get("alternateName")) or _language(value.get("name"))
    text = _text(value)
    if re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", text):
        return re.split(r"[-_]", text)[0].lower()
    wanted = text.casefold()
    for code, info in LANG_INFO.items():
        if wanted and wanted in {str(info.get("name", "")).casefold(), info.get("name_local")}:
            return code.split("-")[0]
    return ""


def _object(review: dict, field: str, *, required: bool = False) -> dict:
    """``review[field]`` as the one object schema.org says it is; a text or a list is refused,
    naming the field."""
    value = review.get(field)
    if value is None or value == "":
        if required:
            raise _Problem(field, "The review does not give it.")
        return {}
    if isinstance(value, dict):
        return value
    shape = "a list" if isinstance(value, list) else "a text"
    raise _Problem(field, f'Give one object ({{"@type": …}}), not {shape}.')


class _Reader:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.outlets: dict[str, dict] = {}
        self.sources: dict[str, dict] = {}
        self.actors: dict[str, dict] = {}
        self.claims: dict[str, dict] = {}
        self.notes: dict[str, list[str]] = {}

    def actor(self, name: str, kind: str) -> str:
        found = named(name)
        if found:
            return found.slug
        for slug, actor in self.actors.items():
            if actor["name"] == name:
                return slug
        # Two names that derive one slug ("Wagner", "Вагнер") are two actors of the file.
        # A key no actor of the ledger has either: statements name existing actors by slug.
        slug = unique_slug(Actor, name, 200, also_taken=self.actors)
        self.actors[slug] = {"slug": slug, "name": name, "kind": kind}
        return slug

    def source(
        self,
        url: str,
        title: str,
        published: str | None,
        publisher: str = "",
        language: str = "",
        retrieved: str | None = None,
    ) -> str:
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
        if language:
            self.sources[url]["language"] = language
        if retrieved:
            self.sources[url]["retrieved_on"] = retrieved
        return url

    def checker(self, review: dict) -> tuple[str, str, str]:
        """The fact-checker: its name, its actor kind, its address."""
        authors = review.get("author")
        authors = authors if isinstance(authors, list) else [] if authors is None else [authors]
        if any(not isinstance(author, dict) for author in authors):
            raise _Problem(
                "author",
                "Give the fact-checker as an object "
                '({"@type": "Organization", "name": …}), not a text.',
            )
        publishers = review.get("publisher")
        publishers = publishers if isinstance(publishers, list) else [publishers]
        publishers = [{"name": p} if isinstance(p, str) else p for p in publishers]
        organisations = [a for a in authors if "Person" not in _types(a)] + [
            p for p in publishers if isinstance(p, dict) and "Person" not in _types(p)
        ]
        people = [a for a in authors if "Person" in _types(a)]
        for candidate, kind in [(o, "media") for o in organisations] + [
            (p, "person") for p in people
        ]:
            if _name(candidate):
                return _name(candidate), kind, _text(candidate.get("url"))
        raise _Problem("author", "The review names no fact-checker (an author or publisher).")

    def address(self, review: dict, checker_url: str) -> str:
        """The review's address, made absolute: against the page's, else the fact-checker's."""
        given = _text(review.get("url"))
        if not given:
            given = self.page.url
        if not given:
            raise _Problem("url", "The review does not give its address.")
        if not urlsplit(given).scheme and re.match(r"^[\w-]+(\.[\w-]+)+(/|$)", given):
            given = f"https://{given}"  # "www.snopes.com/fact-check/…": a host, no scheme
        if urlsplit(given).scheme not in ("http", "https"):
            base = next(
                (
                    b
                    for b in (self.page.url, checker_url)
                    if urlsplit(b).scheme in ("http", "https")
                ),
                "",
            )
            if not base:
                raise _Problem(
                    "url",
                    f"“{given}” is not a full address (https://…), and neither the page nor the "
                    "fact-checker gives one to read it against.",
                )
            given = urljoin(base, given)
        return normalise_url(given)

    def review(self, review: dict[str, Any]) -> None:
        item = _object(review, "itemReviewed")
        rating_given = _object(review, "reviewRating", required=True)
        text = _text(review.get("claimReviewed")) or _text(item.get("name"))
        if not text:
            raise _Problem("claimReviewed", "The review does not say what claim it reviews.")
        checker_name, checker_kind, checker_url = self.checker(review)
        address = self.address(review, checker_url)
        try:
            rating, words = _rating(rating_given)
        except ValueError as error:
            raise _Problem("reviewRating", str(error)) from None
        language = (
            _language(review.get("inLanguage"))
            or _language(item.get("inLanguage"))
            or _language(self.page.language)
        )
        reviewed_on = _day(review.get("datePublished"), "datePublished")
        notes = []
        title = _text(review.get("name")) or _text(review.get("headline"))
        title = title or f"{checker_name}: {text}"
        if reviewed_on is None:
            stated_on, retrieved, why = self.undated(review, address)
            notes.append(
                f"The review gives no datePublished: {checker_name}'s rating is dated by {why} "
                f"({stated_on}), marked as a report date. Correct it from the page."
            )
            cited = self.source(address, title, None, checker_name, language, retrieved)
        else:
            stated_on = reviewed_on
            cited = self.source(address, title, reviewed_on, checker_name, language)

        slug = derive_slug(text, 120)
        claim = self.claims.setdefault(slug, {"slug": slug, "text": text[:300], "statements": []})
        if "language" not in claim and language:
            if language in site_languages():
                claim["language"] = language
            else:
                name = LANG_INFO.get(language, {}).get("name", language)
                notes.append(
                    f"The claim is written in {name} ({language}), not one of the site's "
                    f"languages ({', '.join(site_languages())}): it is stored as the site's "
                    "default language. Translate its text, or replace it with a translation."
                )
        if rating.verdict != Verdict.UNVERIFIED:
            notes.append(
                f"{checker_name} rated it “{words}”, which reads as the verdict "
                f"“{Verdict(rating.verdict).label}”: set it if the newsroom agrees."
            )
        self.notes.setdefault(slug, []).extend(notes)

        claimant = _name(item.get("author"))
        if claimant:
            kind = "person" if "Person" in _types(_first(item.get("author"))) else "other"
            appeared = _first(item.get("appearance") or item.get("firstAppearance"))
            seen_at = _text(appeared.get("url") if isinstance(appeared, dict) else appeared)
            said_on = _day(item.get("datePublished"), "itemReviewed.datePublished")
            if urlsplit(seen_at).scheme in ("http", "https"):
                seen_at = self.source(
                    normalise_url(seen_at),
                    text,
                    said_on,
                    language=_language(item.get("inLanguage")),
                )
            else:
                seen_at = cited
            claim["statements"].append(
                {
                    "actor": self.actor(claimant, kind),
                    "stance": "asserts",
                    "stated_on": said_on or stated_on,
                    "stated_on_is_report_date": said_on is None,
                    "paraphrase": f"Said or shared: “{text}”",
                    "citations": [{"source": seen_at}],
                }
            )
        claim["statements"].append(
            {
                "actor": self.actor(checker_name, checker_kind),
                "stance": rating.stance,
                "stated_on": stated_on,
                "stated_on_is_report_date": reviewed_on is None,
                "paraphrase": f"{checker_name} rated it “{words}”.",
                "citations": [{"source": cited}],
            }
        )

    def undated(self, review: dict, address: str) -> tuple[str, str | None, str]:
        """The least-bad date for a review that gives none: a statement needs a date. The
        review's ``dateModified``, else the page's own publication date — each the latest day
        the rating had been given by, as a "reported on" date is —, else the day the review was
        first retrieved (the ledger's copy of it, so that importing it again another day finds
        the same statement; today on the first import). Returns the date, the review source's
        retrieval day when it is new, and what the date is."""
        today = datetime.date.today().isoformat()
        for value, why in (
            (review.get("dateModified"), "the day the review was last modified"),
            (self.page.published, "the page's publication date"),
        ):
            try:
                day = _day(value, "dateModified")
            except _Problem:
                day = None
            if day:
                return day, today, why
        known = Source.objects.filter(url=address).values_list("retrieved_on", flat=True).first()
        if known:
            return known.isoformat(), None, "the day it was first retrieved"
        return today, today, "the day it was first retrieved"

    def read(self, reviews: list[dict]) -> dict[str, Any]:
        problems = []
        for n, review in enumerate(reviews, start=1):
            where = f"review {n}"
            url = _text(review.get("url"))
            where += f" ({url})" if url else ""
            try:
                self.review(review)
            except _Problem as problem:
                problems.append(f"{where} · {problem.field}: {problem.message}")
            except (TypeError, AttributeError, KeyError, ValueError, RecursionError) as error:
                # A shape none of the checks above foresaw: named, never a server error.
                problems.append(f"{where}: This review cannot be read ({error}).")
        if problems:
            raise ClaimReviewError(problems)
        for slug, notes in self.notes.items():
            # A claim already in the ledger keeps its own note and language: the file only
            # adds statements to it.
            if notes and not Claim.objects.filter(slug=slug).exists():
                self.claims[slug]["note_for_editor"] = "\n".join(dict.fromkeys(notes))
        for slug, claim in self.claims.items():
            if "language" in claim and Claim.objects.filter(slug=slug).exists():
                del claim["language"]
        return {
            "format": FORMAT,
            "version": VERSION,
            "outlets": list(self.outlets.values()),
            "sources": list(self.sources.values()),
            "actors": list(self.actors.values()),
            "claims": list(self.claims.values()),
        }


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def read_claimreview(data: Any, *, page: Page | None = None) -> dict[str, Any]:
    reviews = _reviews(data)
    if not reviews:
        raise ValueError('No ClaimReview found (schema.org JSON-LD with "@type": "ClaimReview").')
    return _Reader(page or Page()).read(reviews)
