"""The one visibility rule on every public page and feed: a draft, and the actor and source only
it references, appear nowhere; internal notes and confidential contacts never render."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from claims.vocabulary import Status
from tests.site.conftest import CONTACT, INTERNAL, MARKER

pytestmark = pytest.mark.django_db


def public_urls(helicopter) -> list[str]:
    claim, fla, army = helicopter["claim"], helicopter["fla"], helicopter["army"]
    return [
        reverse("home"),
        reverse("methodology"),
        reverse("claims:claim-list"),
        reverse("claims:claim-list") + "?q=helicopter",
        reverse("claims:claim-list") + "?contested=true",
        reverse("claims:claim-list") + f"?actor={fla.slug}&position=against",
        reverse("claims:claim-list") + f"?topic={helicopter['topic'].slug}",
        claim.get_absolute_url(),
        helicopter["rival"].get_absolute_url(),
        reverse("actors:actor-list"),
        fla.get_absolute_url(),
        army.get_absolute_url(),
        helicopter["spokesman"].get_absolute_url(),
        helicopter["article"].get_absolute_url(),
        reverse("topic-detail", args=[helicopter["topic"].slug]),
        reverse("feed-claims"),
        reverse("feed-actor", args=[fla.slug]),
        reverse("feed-actor", args=[army.slug]),
        reverse("feed-topic", args=[helicopter["topic"].slug]),
        reverse("django.contrib.sitemaps.views.sitemap"),
    ]


def test_no_public_page_or_feed_shows_a_draft_or_what_only_it_references(
    reader, helicopter, leaky_draft
):
    for url in public_urls(helicopter):
        response = reader.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert MARKER not in text, url
        assert MARKER.lower() not in text, url


def test_no_public_page_shows_internal_notes_or_contacts(reader, helicopter):
    for url in public_urls(helicopter):
        text = reader.get(url).content.decode()
        assert INTERNAL not in text, url
        assert CONTACT not in text, url


def test_the_draft_its_actor_source_topic_and_feeds_answer_like_missing_pages(
    reader, helicopter, leaky_draft
):
    missing = reader.get("/claims/no-such-claim/")
    assert missing.status_code == 404
    urls = [
        leaky_draft["claim"].get_absolute_url(),
        leaky_draft["actor"].get_absolute_url(),
        leaky_draft["source"].get_absolute_url(),
        reverse("topic-detail", args=[leaky_draft["topic"].slug]),
        reverse("feed-actor", args=[leaky_draft["actor"].slug]),
        reverse("feed-topic", args=[leaky_draft["topic"].slug]),
    ]
    for url in urls:
        response = reader.get(url)
        assert response.status_code == 404, url
        assert response.content == missing.content, url
        assert MARKER not in response.content.decode()


def test_a_filter_naming_the_drafts_actor_is_an_error_that_does_not_echo_it(
    reader, helicopter, leaky_draft
):
    response = reader.get(reverse("claims:claim-list"), {"actor": leaky_draft["actor"].slug})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Actor" in text
    assert "No actor by that id, name or alias" in text
    assert MARKER not in text


def test_searching_for_the_drafts_words_finds_nothing(reader, helicopter, leaky_draft):
    for words in (MARKER, f"{MARKER} summary", f"{MARKER} actor"):
        response = reader.get(reverse("claims:claim-list"), {"q": words})
        assert response.context["page"].paginator.count == 0
    response = reader.get(reverse("claims:claim-list"), {"q": "helicopter"})
    assert [c.pk for c in response.context["page"]] == [helicopter["claim"].pk]


def test_counts_leave_the_draft_out(reader, helicopter, leaky_draft):
    home = reader.get(reverse("home")).content.decode()
    assert "Search 2 published claims" in home
    listing = reader.get(reverse("claims:claim-list"))
    assert listing.context["page"].paginator.count == 2


def test_staff_may_preview_a_draft_with_a_banner(editor, helicopter, leaky_draft):
    response = editor.get(leaky_draft["claim"].get_absolute_url())
    assert response.status_code == 200
    text = response.content.decode()
    assert "Preview — not public." in text
    assert f"{MARKER} claim about a helicopter" in text
    assert "ZQXDRAFTMARKER quote" in text


def test_a_preview_never_shows_internal_notes(editor, helicopter, leaky_draft):
    text = editor.get(leaky_draft["claim"].get_absolute_url()).content.decode()
    assert INTERNAL not in text
    assert f"{MARKER}-internal" not in text
    assert f"{MARKER}-contact" not in text
    assert CONTACT not in text


def test_a_published_claim_shows_no_preview_banner_to_staff(editor, helicopter):
    text = editor.get(helicopter["claim"].get_absolute_url()).content.decode()
    assert "Preview" not in text


def test_a_withdrawn_claim_keeps_its_page_but_leaves_lists_search_feeds_and_counts(
    reader, helicopter
):
    claim = helicopter["claim"]
    claim.status = Status.WITHDRAWN
    claim.withdrawn_at = datetime.datetime(2025, 11, 3, tzinfo=datetime.UTC)
    claim.withdrawal_reason = "The source retracted its report."
    claim.save()
    assert reader.get(claim.get_absolute_url()).status_code == 200
    for url in (
        reverse("home"),
        reverse("claims:claim-list"),
        reverse("claims:claim-list") + "?q=helicopter",
        reverse("feed-claims"),
        reverse("feed-actor", args=["fla"]),
    ):
        response = reader.get(url)
        assert response.status_code == 200, url
        assert claim.text not in response.content.decode(), url
    assert "Search 1 published claim" in reader.get(reverse("home")).content.decode()
    # Its topic has no other claim, so the topic is no longer a public page.
    assert reader.get(reverse("topic-detail", args=["drones"])).status_code == 404
