"""What a page says about itself: its title and publication date, from its Open Graph tags and
JSON-LD (read by extruct), else its ``<title>``. Used to fill in a source entered from a bare
address (sources/capture.py)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

import extruct
import lxml.html
from lxml.etree import ParserError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "Report",
        "WebPage",
        "SocialMediaPosting",
        "PressRelease",
    }
)
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class PageMetadata:
    title: str = ""
    published_on: datetime.date | None = None


def page_metadata(body: bytes, *, url: str, media_type: str) -> PageMetadata:
    if media_type not in HTML_TYPES or not body.strip():
        return PageMetadata()
    try:
        tree = lxml.html.document_fromstring(body)
    except (ParserError, ValueError):
        return PageMetadata()
    data = extruct.extract(
        tree, base_url=url, syntaxes=["opengraph", "json-ld"], uniform=True, errors="ignore"
    )
    opengraph = _first_values(data.get("opengraph", []))
    articles = [item for item in _json_ld_items(data.get("json-ld", [])) if _is_article(item)]
    title = (
        _text(opengraph.get("og:title"))
        or next((_text(a.get("headline") or a.get("name")) for a in articles), "")
        or _text(tree.findtext(".//title"))
    )
    published = _date(opengraph.get("article:published_time")) or next(
        (d for a in articles if (d := _date(a.get("datePublished")))), None
    )
    return PageMetadata(title=title[:500], published_on=published)


def _first_values(items: list[dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for item in items:
        for key, value in item.items():
            merged.setdefault(key, value)
    return merged


def _json_ld_items(items: list[Any]) -> list[dict[str, Any]]:
    found = []
    for item in items:
        if isinstance(item, list):
            found += _json_ld_items(item)
        elif isinstance(item, dict):
            found.append(item)
            found += _json_ld_items(
                item.get("@graph", []) if isinstance(item.get("@graph"), list) else []
            )
    return found


def _is_article(item: dict[str, Any]) -> bool:
    kinds = item.get("@type", [])
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1] in ARTICLE_TYPES for k in kinds)


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _date(value: Any) -> datetime.date | None:
    text = _text(value)
    if not text:
        return None
    try:
        return datetime.datetime.fromisoformat(text).date()
    except ValueError:
        match = ISO_DATE.match(text)
        if not match:
            return None
        try:
            return datetime.date(*(int(part) for part in match.groups()))
        except ValueError:
            return None
