"""The one visibility rule on every public page and feed: a draft, and the actor and source only
it references, appear nowhere; internal notes and confidential contacts never render."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.urls import reverse

from claims.models import Claim, RequestForComment
from claims.search import search_claims
from claims.vocabulary import Status
from tests.ledger import SECRET
from website.sitemaps import SITEMAPS

pytestmark = pytest.mark.django_db

# Not SECRET: a staff preview of the draft rightly shows the draft's own (SECRET) text.
NOTE = "zzinternalnotezz"


def public_urls(ledger) -> list[str]:
    claim, fla, army, topic = ledger.claim, ledger.fla, ledger.army, ledger.topic
    return [
        reverse("home"),
        reverse("methodology"),
        reverse("claims:claim-list"),
        reverse("claims:claim-list") + "?q=helicopter",
        reverse("claims:claim-list") + "?contested=true",
        reverse("claims:claim-list") + f"?actor={fla.slug}&position=for",
        reverse("claims:claim-list") + f"?actor={army.slug}",
        reverse("claims:claim-list") + f"?topic={topic.slug}",
        claim.get_absolute_url(),
        ledger.rival.get_absolute_url(),
        ledger.withdrawn.get_absolute_url(),
        reverse("actors:actor-list"),
        fla.get_absolute_url(),
        army.get_absolute_url(),
        ledger.spokesman.get_absolute_url(),
        ledger.source.get_absolute_url(),
        reverse("topic-detail", args=[topic.slug]),
        reverse("feed-claims"),
        reverse("feed-actor", args=[fla.slug]),
        reverse("feed-actor", args=[army.slug]),
        reverse("feed-topic", args=[topic.slug]),
        reverse("sitemap"),
        *(reverse("sitemap-section", args=[section]) for section in SITEMAPS),
    ]


# Every model the ledger gives internal notes (requests for comment: a contact too).
NOTED = {
    "claims.Claim",
    "claims.Statement",
    "claims.Citation",
    "claims.RequestForComment",
    "actors.Actor",
    "sources.Source",
    "sources.Outlet",
}


def mark_internal_fields() -> set[str]:
    """Rewrite every internal note and every request-for-comment contact, of public and draft
    objects alike, to NOTE; return the models that have rows carrying it."""
    marked = set()
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not any(f.name == "internal_notes" for f in meta.concrete_fields):
            continue
        if model._default_manager.update(internal_notes=NOTE):
            marked.add(meta.label)
    assert RequestForComment.objects.update(contact=NOTE)
    return marked


def test_no_public_page_or_feed_shows_a_draft_or_what_only_it_references(reader, ledger):
    for url in public_urls(ledger):
        response = reader.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.content.decode().lower(), url


def test_no_public_page_shows_internal_notes_or_contacts(reader, ledger):
    assert mark_internal_fields() >= NOTED
    for url in public_urls(ledger):
        text = reader.get(url).content.decode().lower()
        assert NOTE not in text, url


def test_the_draft_its_actor_source_topic_and_feeds_answer_like_missing_pages(reader, ledger):
    missing = reader.get("/claims/no-such-claim/")
    assert missing.status_code == 404
    urls = [
        ledger.draft.get_absolute_url(),
        ledger.secret_actor.get_absolute_url(),
        ledger.secret_source.get_absolute_url(),
        reverse("topic-detail", args=[ledger.secret_topic.slug]),
        reverse("feed-actor", args=[ledger.secret_actor.slug]),
        reverse("feed-topic", args=[ledger.secret_topic.slug]),
    ]
    for url in urls:
        response = reader.get(url)
        assert response.status_code == 404, url
        assert response.content == missing.content, url
        assert SECRET not in response.content.decode()


def test_a_filter_naming_the_drafts_actor_is_an_error_that_does_not_echo_it(reader, ledger):
    typed = ledger.secret_actor.slug
    response = reader.get(reverse("claims:claim-list"), {"actor": typed})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Actor" in text
    assert "No actor by that id, name or alias" in text
    # The form gives the reader back what they typed, and nothing else of the actor: the page
    # reads exactly as for a name that does not exist.
    assert f'value="{typed}"' in text
    nobody = "zznobodyzz"
    missing = reader.get(reverse("claims:claim-list"), {"actor": nobody})
    assert missing.status_code == 400
    assert text.replace(typed, nobody) == missing.content.decode()


def test_searching_for_the_drafts_words_finds_nothing(reader, ledger):
    for words in (SECRET, f"{SECRET} alias"):
        # The draft's text, and the alias of the actor only it quotes, would find it.
        assert ledger.draft in search_claims(Claim.objects.all(), words)
        response = reader.get(reverse("claims:claim-list"), {"q": words})
        assert response.context["page"].paginator.count == 0
    # The draft quotes the army too; a search for the army finds only the public claims.
    assert ledger.draft in search_claims(Claim.objects.all(), "Malian army")
    response = reader.get(reverse("claims:claim-list"), {"q": "Malian army"})
    assert {c.pk for c in response.context["page"]} == {ledger.claim.pk, ledger.rival.pk}


def test_counts_leave_the_draft_out(reader, ledger):
    home = reader.get(reverse("home")).content.decode()
    assert "Search 2 published claims" in home
    listing = reader.get(reverse("claims:claim-list"))
    assert listing.context["page"].paginator.count == 2


def test_staff_may_preview_a_draft_with_a_banner(editor, ledger):
    response = editor.get(ledger.draft.get_absolute_url())
    assert response.status_code == 200
    text = response.content.decode()
    assert "Preview — not public." in text
    assert f'<h1 id="claim-title" dir="auto" lang="en">{SECRET}</h1>' in text  # the draft's text
    assert f"<p>{SECRET}</p></blockquote>" in text  # a quote on it


def test_a_preview_never_shows_internal_notes(editor, ledger):
    assert mark_internal_fields() >= NOTED
    text = editor.get(ledger.draft.get_absolute_url()).content.decode()
    assert "Preview — not public." in text
    assert NOTE not in text


def test_a_published_claim_shows_no_preview_banner_to_staff(editor, ledger):
    text = editor.get(ledger.claim.get_absolute_url()).content.decode()
    assert "Preview" not in text


def test_a_withdrawn_claim_keeps_its_page_but_leaves_lists_search_feeds_and_counts(reader, ledger):
    claim = ledger.claim
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
