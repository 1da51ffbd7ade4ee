"""Atom feeds of new and updated published claims: overall, per actor, per topic."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.ledger import SECRET

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - our own feed, in a test


def entries(reader, url: str) -> list[str]:
    response = reader.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert SECRET not in response.content.decode()
    feed = parse(response.content)
    return [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]


def test_the_claims_feed_lists_published_claims_newest_update_first(reader, ledger):
    assert entries(reader, reverse("feed-claims")) == [
        "The army intercepted a terrorist drone",
        "An FLA drone shot down a Malian army helicopter",
    ]


def test_an_updated_claim_moves_to_the_top_with_its_updated_date(reader, disputed):
    disputed.claim.save()
    response = reader.get(reverse("feed-claims"))
    feed = parse(response.content)
    first = next(feed.iter(f"{ATOM}entry"))
    assert first.find(f"{ATOM}title").text == "An FLA drone shot down a Malian army helicopter"
    assert first.find(f"{ATOM}updated") is not None
    assert first.find(f"{ATOM}published") is not None
    assert "Verdict: Disputed." in first.find(f"{ATOM}summary").text


def test_an_actors_feed_has_the_claims_it_or_its_spokesperson_took_a_position_on(reader, ledger):
    # The army spoke itself (and on the withdrawn claim and the draft, which stay out).
    assert entries(reader, reverse("feed-actor", args=["malian-army"])) == [
        "The army intercepted a terrorist drone",
        "An FLA drone shot down a Malian army helicopter",
    ]
    # The FLA only through its spokesman.
    assert entries(reader, reverse("feed-actor", args=["fla"])) == [
        "An FLA drone shot down a Malian army helicopter",
    ]
    assert entries(reader, reverse("feed-actor", args=["ramadane"])) == [
        "An FLA drone shot down a Malian army helicopter",
    ]


def test_a_topics_feed_has_its_published_claims(reader, ledger):
    # The draft shares the topic; it stays out.
    assert entries(reader, reverse("feed-topic", args=["drones"])) == [
        "An FLA drone shot down a Malian army helicopter",
    ]


def test_pages_announce_their_feeds(reader, ledger):
    for url, feed in [
        (reverse("home"), reverse("feed-claims")),
        (reverse("topic-detail", args=["drones"]), reverse("feed-topic", args=["drones"])),
        (ledger.fla.get_absolute_url(), reverse("feed-actor", args=["fla"])),
    ]:
        html = reader.get(url).content.decode()
        assert 'rel="alternate" type="application/atom+xml"' in html
        assert f'href="{feed}"' in html, url
