"""Sitemaps for search engines: only what the one visibility rule lets the public see.

``/sitemap.xml`` is an index of sections (``/sitemap-claims.xml?p=2`` …), each page holding
``LocalisedSitemap.limit`` addresses (1,000 items, each in every language, with its alternates): a
page costs the same at 100k claims as at 100 — one sitemap of every claim took 37 s to render at
100k.
"""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, QuerySet
from django.urls import reverse

from actors.models import Actor
from claims.models import Claim, Topic
from claims.visibility import public
from sources.models import Source


class _InEachLanguage:
    """The (item, language) pairs Django's i18n sitemap pages over, without loading every item:
    counted with one ``COUNT`` and sliced with one ``LIMIT``/``OFFSET`` query of the items a
    page needs (Django's own ``Sitemap._items`` builds the pairs for every item on each page)."""

    def __init__(self, items: Any, languages: list[str]) -> None:
        self.items, self.languages = items, languages

    def count(self) -> int:
        return self.items.count() * len(self.languages)

    def __getitem__(self, key: slice) -> list[tuple[Any, str]]:
        n = len(self.languages)
        start, stop = key.start or 0, key.stop
        first = start // n
        last = None if stop is None else -(-stop // n)
        pairs = [(item, code) for item in self.items[first:last] for code in self.languages]
        return pairs[start - first * n : None if stop is None else stop - first * n]


class LocalisedSitemap(Sitemap):
    """Every page in each of the site's languages (``settings.LANGUAGES``), each entry with its
    ``hreflang`` alternates and an ``x-default`` (the English, unprefixed address)."""

    i18n = True
    alternates = True
    x_default = True
    # Addresses per page (Django pages an item's languages as separate addresses): 1,000 items
    # in three languages, well under the protocol's 50,000 addresses and 50 MB.
    limit = 3000

    def _items(self) -> Any:
        items = self.items()
        if isinstance(items, QuerySet):
            return _InEachLanguage(items, self._languages())
        return super()._items()  # a short list of fixed pages

    def get_latest_lastmod(self) -> Any:
        """The index's last-modified date for the section, in one query (Django's default
        loads every item to take the latest)."""
        if not hasattr(self, "lastmod"):
            return None
        return self.items().order_by().aggregate(latest=Max("updated_at"))["latest"]


class ClaimSitemap(LocalisedSitemap):
    """Published claims (withdrawn ones keep their page but leave the lists, this one too)."""

    changefreq = "daily"

    def items(self) -> Any:
        return public.listed_claims().only("slug", "updated_at").order_by("pk")

    def lastmod(self, claim: Claim) -> Any:
        return claim.updated_at


class ActorSitemap(LocalisedSitemap):
    def items(self) -> Any:
        return public.actors().only("slug", "updated_at").order_by("pk")

    def lastmod(self, actor: Actor) -> Any:
        return actor.updated_at


class SourceSitemap(LocalisedSitemap):
    def items(self) -> Any:
        return public.sources().only("pk", "updated_at").order_by("pk")

    def lastmod(self, source: Source) -> Any:
        return source.updated_at


class TopicSitemap(LocalisedSitemap):
    def items(self) -> Any:
        return public.topics().only("slug").order_by("pk")

    def location(self, topic: Topic) -> str:
        return reverse("topic-detail", args=[topic.slug])


class PageSitemap(LocalisedSitemap):
    def items(self) -> list[str]:
        return ["home", "methodology", "claims:claim-list", "actors:actor-list"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "claims": ClaimSitemap,
    "actors": ActorSitemap,
    "sources": SourceSitemap,
    "topics": TopicSitemap,
}
