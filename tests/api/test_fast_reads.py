"""The plain read functions (``api.serializers.representations``) give exactly what the serializers'
declared fields give, object by object, for the public and for a newsroom preview.

The serializers' ``to_representation`` is the fast one; ``ModelSerializer.to_representation``
walks the declared fields, as DRF would without it. Both run on the same prefetched rows.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from actors.models import Actor
from api.actors import ActorViewSet
from api.serializers.actors import ActorSerializer
from api.serializers.claims import ClaimCSVSerializer, ClaimDetailSerializer, ClaimSerializer
from claims.selectors import claim_details, topics_seen
from claims.visibility import PREVIEW, public
from tests.factories import ActorRelationFactory, CitationFactory, StatementFactory

pytestmark = pytest.mark.django_db

walk = serializers.ModelSerializer.to_representation  # DRF's own, field by field


def context() -> dict:
    return {"request": Request(APIRequestFactory().get("/", HTTP_HOST="testserver"))}


@pytest.fixture
def richer(ledger):
    """The ledger, plus what it lacks: coordinates, dates known to the month and the year, a
    report date, an actor with a country and dates, a relation citing a public source."""
    claim = ledger.claim
    claim.latitude, claim.longitude = Decimal("16.2719"), Decimal("-0.0447")
    claim.event_date, claim.event_date_precision = datetime.date(2025, 1, 1), "year"
    claim.save()
    statement = StatementFactory(
        claim=claim,
        actor=ledger.army,
        stated_on=datetime.date(2025, 3, 1),
        stated_on_precision="month",
        stated_on_is_report_date=True,
    )
    army = ledger.army
    army.country, army.founded_on, army.founded_on_precision = (
        "ML",
        datetime.date(1960, 1, 1),
        "year",
    )
    army.save()
    CitationFactory(statement=statement, source=ledger.source, credibility=2)
    ActorRelationFactory(subject=army, object=ledger.fla, kind="allied_with", source=ledger.source)
    ActorRelationFactory(
        subject=ledger.fla, object=army, kind="member_of", source=ledger.secret_source
    )
    return ledger


@pytest.mark.parametrize("seen", [public, PREVIEW], ids=["public", "preview"])
def test_claims_read_as_their_fields_say(richer, seen):
    ctx = context()
    claims = list(claim_details(seen.claims(), seen))
    assert claims
    for claim in claims:
        detail = ClaimDetailSerializer(context=ctx)
        assert detail.to_representation(claim) == walk(detail, claim)
        listed = ClaimSerializer(context=ctx)
        assert listed.to_representation(claim) == walk(listed, claim)


def test_the_list_reads_as_its_fields_say(richer):
    ctx = context()
    for claim in public.listed_claims().prefetch_related(topics_seen(public)):
        listed = ClaimSerializer(context=ctx)
        assert listed.to_representation(claim) == walk(listed, claim)


@pytest.mark.parametrize("preview", [False, True], ids=["public", "preview"])
def test_the_list_answers_each_claim_as_its_fields_say(richer, api, publisher_api, preview):
    # The list reads rows, not models (``api.claims.rows_with_topics``): the same JSON.
    seen = PREVIEW if preview else public
    claims = seen.claims() if preview else seen.listed_claims()
    expected = {
        claim.pk: walk(ClaimSerializer(context=context()), claim)
        for claim in claims.prefetch_related(topics_seen(seen))
    }
    assert any(row["topics"] for row in expected.values())
    client = publisher_api if preview else api
    answer = client.get("/api/v1/claims/", {"page_size": 100}, HTTP_HOST="testserver")
    assert {row["id"]: row for row in answer.json()["results"]} == expected
    assert ("draft" in {row["status"] for row in expected.values()}) is preview


def test_the_csv_row_keeps_its_own_fields(richer):
    claim = public.listed_claims().prefetch_related(topics_seen(public)).get(pk=richer.claim.pk)
    row = ClaimCSVSerializer(claim, context=context()).data
    assert row["topics"] == ";".join(sorted(t.slug for t in richer.claim.topics.all()))


@pytest.mark.parametrize("seen", [public, PREVIEW], ids=["public", "preview"])
def test_actors_read_as_their_fields_say(richer, seen):
    view = ActorViewSet()
    view.action = "list"
    view.request = context()["request"]
    view.seen = seen
    ctx = context()
    actors = list(view.get_queryset())
    assert Actor.objects.filter(pk__in=[a.pk for a in actors], country="ML").exists()
    for actor in actors:
        serializer = ActorSerializer(context=ctx)
        assert serializer.to_representation(actor) == walk(serializer, actor)
