"""GET /api/v1/actors/ and /api/v1/actors/{id}/."""

from __future__ import annotations

import itertools

import pytest

from tests.api.conftest import count_queries, ids
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ActorRelationFactory,
    CitationFactory,
    ClaimFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db
URL = "/api/v1/actors/"


def test_it_lists_actors_that_public_claims_reference(api, ledger):
    listed = ids(api.get(URL))
    assert sorted(listed) == sorted([ledger.army.pk, ledger.fla.pk, ledger.spokesman.pk])


def test_an_actor_only_a_draft_references_answers_like_a_missing_one(api, ledger):
    secret = api.get(f"{URL}{ledger.secret_actor.pk}/")
    missing = api.get(f"{URL}999999/")
    assert secret.status_code == missing.status_code == 404
    assert secret.content == missing.content


def test_an_actor_carries_aliases_and_relations_between_public_actors(api, ledger):
    body = api.get(f"{URL}{ledger.fla.pk}/").json()
    assert body["html_url"] == "http://localhost/actors/fla/"
    assert body["aliases"] == [{"name": "FLA", "language": ""}]
    # The spokesman's relation shows; the secret actor's alliance does not.
    assert [(r["subject"]["slug"], r["kind"], r["object"]["slug"]) for r in body["relations"]] == [
        ("ramadane", "spokesperson_of", "fla")
    ]
    assert "internal_notes" not in body


def test_a_relation_shows_its_source_only_when_a_public_claim_cites_it(api, ledger):
    relation = ledger.spokesman.relations_from.get()
    relation.source = ledger.secret_source
    relation.save()
    body = api.get(f"{URL}{ledger.spokesman.pk}/").json()
    assert body["relations"][0]["source"] is None
    relation.source = ledger.source
    relation.save()
    body = api.get(f"{URL}{ledger.spokesman.pk}/").json()
    assert body["relations"][0]["source"]["id"] == ledger.source.pk


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "azawad"}, ["fla"]),
        ({"q": "FLA"}, ["fla"]),  # by alias
        ({"q": "nobody"}, []),
        ({"kind": "military"}, ["army"]),
        ({"kind": "state"}, []),
        ({"country": "ML"}, ["army"]),
        ({"country": "FR"}, []),
    ],
)
def test_each_filter_matches_and_misses(api, ledger, params, expected):
    ledger.army.country = "ML"
    ledger.army.save()
    response = api.get(URL, params)
    assert response.status_code == 200, response.content
    assert sorted(ids(response)) == sorted(getattr(ledger, name).pk for name in expected)


@pytest.mark.parametrize(
    ("params", "named"),
    [({"name": "x"}, "name"), ({"kind": "alien"}, "kind"), ({"country": "XX"}, "country")],
)
def test_a_bad_or_unknown_parameter_is_a_400_naming_it(api, ledger, params, named):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert list(response.json()) == [named]


def test_a_search_for_a_draft_only_actors_alias_finds_nothing(api, ledger):
    assert ids(api.get(URL, {"q": "zzsecretzz"})) == []


def _actors(n: int) -> list:
    claim = ClaimFactory(published=True)
    actors = []
    for _ in range(n):
        actor = ActorFactory()
        ActorAliasFactory(actor=actor)
        CitationFactory(statement=StatementFactory(claim=claim, actor=actor))
        actors.append(actor)
    for subject, obj in itertools.pairwise(actors):
        ActorRelationFactory(subject=subject, object=obj, source=None)
    return actors


def test_the_query_count_is_the_same_for_one_actor_and_three(api, db):
    _actors(1)
    one = count_queries(api, URL)
    _actors(2)
    assert len(api.get(URL).json()["results"]) == 3
    # 1: actors; 2: aliases; 3 and 4: public relations from and to them.
    assert count_queries(api, URL) == one == 4


def test_the_detail_query_count_is_flat(api, db):
    [actor] = _actors(1)
    one = count_queries(api, f"{URL}{actor.pk}/")
    claim = actor.statements.first().claim
    for _ in range(2):
        other = ActorFactory()
        StatementFactory(claim=claim, actor=other)
        ActorRelationFactory(subject=other, object=actor, kind="member_of")
        ActorAliasFactory(actor=actor)
    assert len(api.get(f"{URL}{actor.pk}/").json()["relations"]) == 2
    assert count_queries(api, f"{URL}{actor.pk}/") == one
