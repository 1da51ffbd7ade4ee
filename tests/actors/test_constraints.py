from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from tests.factories import ActorAliasFactory, ActorFactory, ActorRelationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


def rejects(build) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        build()


def test_it_rejects_an_unknown_actor_kind():
    rejects(lambda: ActorFactory(kind="cabal"))


def test_it_rejects_a_duplicate_slug():
    ActorFactory(slug="fla")
    rejects(lambda: ActorFactory(slug="fla"))


def test_it_rejects_dissolution_before_foundation():
    rejects(
        lambda: ActorFactory(
            founded_on=datetime.date(2024, 11, 1), dissolved_on=datetime.date(2020, 1, 1)
        )
    )


def test_it_rejects_two_actors_with_one_wikidata_id_but_allows_many_without():
    ActorFactory(wikidata_id="Q123")
    ActorFactory(wikidata_id="")
    ActorFactory(wikidata_id="")
    rejects(lambda: ActorFactory(wikidata_id="Q123"))


def test_it_rejects_the_same_alias_twice_for_one_actor():
    alias = ActorAliasFactory(name="FLA")
    rejects(lambda: ActorAliasFactory(actor=alias.actor, name="FLA"))


def test_it_rejects_an_actor_related_to_itself():
    actor = ActorFactory()
    rejects(lambda: ActorRelationFactory(subject=actor, object=actor))


def test_it_rejects_a_relation_that_ends_before_it_starts():
    rejects(
        lambda: ActorRelationFactory(
            start_on=datetime.date(2025, 1, 1), end_on=datetime.date(2024, 1, 1)
        )
    )


def test_it_rejects_the_same_undated_relation_twice():
    relation = ActorRelationFactory()
    rejects(
        lambda: ActorRelationFactory(
            subject=relation.subject, kind=relation.kind, object=relation.object
        )
    )


def test_it_allows_the_same_relation_over_two_periods():
    first = ActorRelationFactory(kind="allied_with", start_on=datetime.date(2024, 1, 1))
    second = ActorRelationFactory(
        subject=first.subject,
        kind="allied_with",
        object=first.object,
        start_on=datetime.date(2025, 6, 1),
    )
    assert second.pk
