"""Sitemaps for search engines: only what the one visibility rule lets the public see."""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from actors.models import Actor
from claims.models import Claim, Topic
from claims.visibility import public
from sources.models import Source


class LocalisedSitemap(Sitemap):
    """Every page in each of the site's languages (``settings.LANGUAGES``), each entry with its
    ``hreflang`` alternates and an ``x-default`` (the English, unprefixed address)."""

    i18n = True
    alternates = True
    x_default = True


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
