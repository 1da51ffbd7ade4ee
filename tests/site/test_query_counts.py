"""Every list and detail page costs the same number of queries whatever it holds."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Correction
from claims.vocabulary import Stance
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ActorRelationFactory,
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    RequestForCommentFactory,
    StatementFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(n: int, actor, topic) -> None:
    """n published claims, each with two sides, a citation, a topic, a relation, a reply."""
    previous = None
    for _ in range(n):
        claim = ClaimFactory(published=True)
        claim.topics.add(topic)
        for_ = StatementFactory(claim=claim, actor=actor, stance=Stance.ASSERTS)
        StatementFactory(claim=claim, stance=Stance.DENIES)
        CitationFactory(statement=for_)
        ActorRelationFactory(subject=actor, object=for_.claim.statements.last().actor)
        RequestForCommentFactory(claim=claim, actor=actor, outcome="no_response")
        if previous:
            ClaimRelationFactory(from_claim=claim, to_claim=previous)
        previous = claim


@pytest.mark.parametrize(
    "url",
    [
        reverse("home"),
        reverse("claims:claim-list"),
        reverse("claims:claim-list") + "?q=happened&contested=true",
        reverse("actors:actor-list"),
        reverse("topic-detail", args=["topic"]),
        reverse("feed-claims"),
        reverse("feed-actor", args=["speaker"]),
        reverse("feed-topic", args=["topic"]),
        "/actors/speaker/",
    ],
)
def test_list_pages_cost_the_same_for_1_and_3_items(reader, url):
    actor = ActorFactory(slug="speaker")
    ActorAliasFactory(actor=actor)
    topic = TopicFactory(slug="topic")
    grow(1, actor, topic)
    one = count_queries(reader, url)
    grow(2, actor, topic)
    assert count_queries(reader, url) == one


def test_a_claim_page_costs_the_same_for_1_and_3_statements(reader):
    claim = ClaimFactory(published=True)
    claim.topics.add(TopicFactory())

    def add_statement() -> None:
        statement = StatementFactory(claim=claim, on_behalf_of=ActorFactory())
        CitationFactory(statement=statement)
        CitationFactory(statement=statement)
        RequestForCommentFactory(claim=claim, actor=statement.actor, outcome="declined")
        ClaimRelationFactory(from_claim=claim, to_claim=ClaimFactory(published=True))
        ClaimRelationFactory(from_claim=ClaimFactory(published=True), to_claim=claim)
        Correction.objects.create(claim=claim, note="Corrected.", changed=["verdict"])

    add_statement()
    one = count_queries(reader, claim.get_absolute_url())
    for _ in range(2):
        add_statement()
    assert count_queries(reader, claim.get_absolute_url()) == one
    # The claim, its statements, their citations, topics, relations both ways, requests for
    # comment, corrections, published revisions.
    assert one <= 9


def test_a_source_page_costs_the_same_for_1_and_3_citations(reader):
    citation = CitationFactory(statement=StatementFactory(claim=ClaimFactory(published=True)))
    url = citation.source.get_absolute_url()
    one = count_queries(reader, url)
    for _ in range(2):
        CitationFactory(
            source=citation.source,
            statement=StatementFactory(claim=ClaimFactory(published=True)),
        )
    assert count_queries(reader, url) == one
