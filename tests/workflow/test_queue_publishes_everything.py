"""Publishing from the editors' queue (a proxy of ``Claim``) is a publish like any other: the
claim's actors and sources become public, its history records the move, and every link on its
page answers."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin

from claims.models import Claim, ReviewQueue
from claims.vocabulary import Stance, Status
from tests.factories import (
    ActorFactory,
    CitationFactory,
    ClaimFactory,
    SourceFactory,
    StatementFactory,
)
from tests.workflow.forms import admin_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def story_in_review():
    """A held-out story: three actors no public claim names yet, one source, in review."""
    claim = ClaimFactory(status=Status.IN_REVIEW, text="A drone hit a fuel depot near Kidal")
    source = SourceFactory(title="A dispatch no public claim cites")
    for stance in (Stance.ASSERTS, Stance.DENIES, Stance.DECLINES_TO_COMMENT):
        statement = StatementFactory(claim=claim, actor=ActorFactory(), stance=stance)
        CitationFactory(statement=statement, source=source)
    return claim


def publish_from_the_queue(editor, claim: Claim):
    return editor.post(
        admin_url(ReviewQueue, "changelist"),
        {"action": "publish", admin.helpers.ACTION_CHECKBOX_NAME: [claim.pk]},
        follow=True,
    )


def test_publishing_from_the_queue_makes_the_claims_actors_and_sources_public(
    editor, reader, story_in_review
):
    assert publish_from_the_queue(editor, story_in_review).status_code == 200
    claim = Claim.objects.get(pk=story_in_review.pk)
    assert claim.status == Status.PUBLISHED

    page = reader.get(f"/claims/{claim.slug}/")
    assert page.status_code == 200
    links = set(re.findall(r'href="(/(?:actors|sources)/[^"]+)"', page.content.decode()))
    assert len(links) == 4, links  # three actors and the source
    for link in sorted(links):
        assert reader.get(link).status_code == 200, link


def test_publishing_from_the_queue_records_the_move_in_the_history(editor, reader, story_in_review):
    publish_from_the_queue(editor, story_in_review)
    claim = Claim.objects.get(pk=story_in_review.pk)
    reasons = list(
        claim.history.order_by("history_id").values_list("history_change_reason", "status")
    )
    assert reasons[-1] == ("Published", Status.PUBLISHED)

    history = reader.get(f"/api/v1/claims/{claim.pk}/history/")
    assert history.status_code == 200
    assert history.json(), "the published revision is public"
