"""The one visibility rule: the public sees published claims and only what they reference."""

from __future__ import annotations

import datetime

import pytest

from actors.models import Actor, ActorAlias, ActorRelation
from claims.models import Citation, Claim, ClaimRelation, RequestForComment, Statement, Topic
from claims.visibility import cited_publicly, is_public_record, public
from claims.vocabulary import Outcome, Status
from sources.models import Outlet, Source
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

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


@pytest.fixture
def ledger():
    """One published claim and one draft, each with its own actor, spokesperson, source,
    outlet and topic; plus an actor shared by both."""
    published = ClaimFactory(published=True)
    draft = ClaimFactory(status=Status.DRAFT)
    shared = ActorFactory(name="Shared")
    rows = {"published": published, "draft": draft, "shared": shared}
    for name, claim in (("pub", published), ("draft", draft)):
        topic = TopicFactory(name=f"{name} topic")
        claim.topics.add(topic)
        speaker = ActorFactory(name=f"{name} speaker")
        party = ActorFactory(name=f"{name} party")
        statement = StatementFactory(claim=claim, actor=speaker, on_behalf_of=party)
        citation = CitationFactory(statement=statement)
        StatementFactory(claim=claim, actor=shared)
        rows |= {
            f"{name}_topic": topic,
            f"{name}_speaker": speaker,
            f"{name}_party": party,
            f"{name}_statement": statement,
            f"{name}_citation": citation,
            f"{name}_source": citation.source,
            f"{name}_outlet": citation.source.outlet,
        }
    return rows


def test_the_public_sees_only_published_claims(ledger):
    assert list(public.claims()) == [ledger["published"]]


def test_statements_and_citations_of_drafts_are_not_public(ledger):
    assert ledger["draft_statement"] not in public.statements()
    assert ledger["pub_statement"] in public.statements()
    assert list(public.citations()) == [ledger["pub_citation"]]


def test_an_actor_that_only_drafts_reference_is_not_public(ledger):
    visible = set(public.actors())
    assert visible == {ledger["pub_speaker"], ledger["pub_party"], ledger["shared"]}


def test_a_source_and_outlet_that_only_drafts_cite_are_not_public(ledger):
    assert list(public.sources()) == [ledger["pub_source"]]
    assert list(public.outlets()) == [ledger["pub_outlet"]]


def test_a_topic_with_only_drafts_is_not_public(ledger):
    assert list(public.topics()) == [ledger["pub_topic"]]


def test_a_listed_claims_topics_are_the_public_topics_it_carries(ledger):
    # The lists read a claim's topics without the EXISTS of ``topics()``: the same rows.
    draft_topic, shared_topic = ledger["draft_topic"], TopicFactory(name="Shared topic")
    ledger["published"].topics.add(shared_topic)
    ledger["draft"].topics.add(shared_topic)
    withdrawn = ClaimFactory(
        published=True,
        status=Status.WITHDRAWN,
        withdrawn_at=datetime.datetime(2025, 11, 3, tzinfo=datetime.UTC),
        withdrawal_reason="The source retracted its report.",
    )
    withdrawn.topics.add(TopicFactory(name="Withdrawn topic"), shared_topic)
    claims = Claim.objects.prefetch_related("topics")
    carried = {claim: set(claim.topics.all()) for claim in claims}
    assert carried[ledger["draft"]] == {draft_topic, shared_topic}
    for claim in public.listed_claims():
        shown = carried[claim] & set(public.topics_of_listed_claims())
        assert shown == carried[claim] & set(public.topics())
        assert shown == {ledger["pub_topic"], shared_topic}


def test_publishing_the_draft_makes_what_it_references_public(ledger):
    draft = ledger["draft"]
    draft.status = Status.PUBLISHED
    draft.full_clean()
    draft.save()
    assert ledger["draft_party"] in public.actors()
    assert ledger["draft_source"] in public.sources()


def test_a_withdrawn_claim_keeps_what_it_references_public(ledger):
    claim = ledger["published"]
    claim.status = Status.WITHDRAWN
    claim.withdrawal_reason = "Based on a misread communiqué."
    claim.full_clean()
    claim.save()
    assert ledger["pub_speaker"] in public.actors()
    assert ledger["pub_source"] in public.sources()
    assert claim not in public.listed_claims()


def test_an_actor_unreferenced_by_any_claim_is_not_public():
    ActorFactory()
    assert not public.actors().exists()


def test_a_relation_is_public_only_when_both_actors_are(ledger):
    visible = ActorRelationFactory(subject=ledger["pub_speaker"], object=ledger["pub_party"])
    ActorRelationFactory(subject=ledger["pub_speaker"], object=ledger["draft_party"])
    ActorRelationFactory(subject=ledger["pub_speaker"], object=ActorFactory())
    assert list(public.actor_relations()) == [visible]


def test_a_relation_source_does_not_make_a_source_public(ledger):
    relation = ActorRelationFactory(
        subject=ledger["pub_speaker"], object=ledger["pub_party"], source=ledger["draft_source"]
    )
    assert relation in public.actor_relations()
    assert ledger["draft_source"] not in public.sources()


def test_a_claim_relation_to_a_draft_is_not_public(ledger):
    rival = ClaimFactory(published=True)
    visible = ClaimRelationFactory(from_claim=ledger["published"], to_claim=rival)
    ClaimRelationFactory(from_claim=ledger["published"], to_claim=ledger["draft"])
    assert list(public.claim_relations()) == [visible]


def test_a_pending_request_for_comment_is_not_public_nor_its_actor(ledger):
    asked = ActorFactory()
    RequestForCommentFactory(claim=ledger["published"], actor=asked, outcome=Outcome.PENDING)
    assert not public.requests_for_comment().exists()
    assert asked not in public.actors()


def test_an_actor_that_did_not_respond_to_a_public_claim_is_public(ledger):
    asked = ActorFactory()
    RequestForCommentFactory(claim=ledger["published"], actor=asked, outcome=Outcome.NO_RESPONSE)
    RequestForCommentFactory(claim=ledger["draft"], outcome=Outcome.NO_RESPONSE)
    assert public.requests_for_comment().count() == 1
    assert asked in public.actors()


def test_overdue_lists_pending_requests_past_their_deadline():
    late = RequestForCommentFactory(deadline=datetime.date(2025, 10, 5))
    RequestForCommentFactory(deadline=datetime.date(2025, 10, 5), outcome=Outcome.DECLINED)
    RequestForCommentFactory(deadline=datetime.date(2025, 12, 1))
    assert list(RequestForComment.objects.overdue(datetime.date(2025, 10, 6))) == [late]


def test_the_row_rule_and_the_querysets_agree(ledger):
    """``is_public_record`` (one loaded row, for the write rules, shared records included) says
    what the querysets say, row by row; and the stored ``Source.is_public`` is the rule
    ``cited_publicly()``."""
    withdrawn = ClaimFactory(
        published=True,
        status=Status.WITHDRAWN,
        withdrawn_at=datetime.datetime(2025, 10, 9, tzinfo=datetime.UTC),
        withdrawal_reason="Misread.",
    )
    CitationFactory(statement=StatementFactory(claim=withdrawn))
    withdrawn.topics.add(TopicFactory(name="A topic only a withdrawn claim has"))  # not listed
    ClaimRelationFactory(from_claim=ledger["published"], to_claim=withdrawn)
    ClaimRelationFactory(from_claim=ledger["published"], to_claim=ledger["draft"])
    for claim in (ledger["published"], ledger["draft"]):
        for outcome in (Outcome.PENDING, Outcome.DECLINED):
            RequestForCommentFactory(claim=claim, outcome=outcome)
    for name in ("pub", "draft"):
        ActorRelationFactory(subject=ledger[f"{name}_speaker"], object=ledger[f"{name}_party"])
        ActorAliasFactory(actor=ledger[f"{name}_speaker"])
    querysets = {
        Claim: public.claims(),
        Statement: public.statements(),
        Citation: public.citations(),
        ClaimRelation: public.claim_relations(),
        RequestForComment: public.requests_for_comment(),
        Source: public.sources(),
        Outlet: public.outlets(),
        Actor: public.actors(),
        ActorAlias: ActorAlias.objects.filter(actor__in=public.actors()),
        ActorRelation: public.actor_relations(),
        Topic: public.topics(),
    }
    for model, seen in querysets.items():
        rows = list(model.objects.all())
        assert {r.pk for r in rows if is_public_record(r)} == set(seen.values_list("pk", flat=True))
        assert any(is_public_record(r) for r in rows)
        assert not all(is_public_record(r) for r in rows)
    by_rule = Source.objects.filter(cited_publicly()).values_list("pk", flat=True)
    assert set(public.sources().values_list("pk", flat=True)) == set(by_rule)
