"""Atom feeds of new and updated published claims: everything, per actor, per topic."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.models import Actor
from claims.models import Claim, Statement, Topic
from claims.visibility import public
from core.text import printable

if TYPE_CHECKING:
    import datetime

    from django.db.models import QuerySet
    from django.http import HttpRequest

ITEMS = 50


def _printable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: printable(v) if isinstance(v, str) else v for k, v in values.items()}


class PrintableAtomFeed(Atom1Feed):
    """Atom that XML 1.0 can carry: text stored before ``core.text``'s rule may still hold a
    control character, which would make the whole feed fail to render."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **_printable(kwargs))

    def add_item(self, *args: Any, **kwargs: Any) -> None:
        super().add_item(*args, **_printable(kwargs))


class ClaimsFeed(Feed):
    feed_type = PrintableAtomFeed
    title = _("Contested: new and updated claims")
    subtitle = _("Claims as they are published or updated, with the newsroom's verdict.")
    author_name = "Contested"

    def link(self) -> str:
        return reverse("claims:claim-list")

    def claims(self, obj: object) -> QuerySet[Claim]:
        return public.listed_claims()

    def items(self, obj: object = None) -> QuerySet[Claim]:
        return self.claims(obj).order_by("-updated_at", "-pk")[:ITEMS]

    def item_title(self, item: Claim) -> str:
        return str(item.shown("text"))

    def item_description(self, item: Claim) -> str:
        verdict = gettext("Verdict: %(verdict)s.") % {"verdict": item.get_verdict_display()}
        return f"{item.shown('summary')}\n\n{verdict}" if item.summary else verdict

    def item_pubdate(self, item: Claim) -> datetime.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Claim) -> datetime.datetime:
        return item.updated_at

    def item_guid(self, item: Claim) -> str:
        return f"contested:claim:{item.pk}"

    item_guid_is_permalink = False


class ActorClaimsFeed(ClaimsFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Actor:
        return get_object_or_404(public.actors(), slug=slug)

    def title(self, obj: Actor) -> str:
        return gettext("Contested: claims on which %(name)s took a position") % {"name": obj.name}

    def link(self, obj: Actor) -> str:
        return obj.get_absolute_url()

    def claims(self, obj: Actor) -> QuerySet[Claim]:
        return public.listed_claims().filter(
            Exists(Statement.objects.by(obj).filter(claim=OuterRef("pk")))
        )


class TopicClaimsFeed(ClaimsFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Topic:
        return get_object_or_404(public.topics(), slug=slug)

    def title(self, obj: Topic) -> str:
        return gettext("Contested: claims on %(name)s") % {"name": obj.shown("name")}

    def link(self, obj: Topic) -> str:
        return reverse("topic-detail", args=[obj.slug])

    def claims(self, obj: Topic) -> QuerySet[Claim]:
        return public.listed_claims().filter(topics=obj)
