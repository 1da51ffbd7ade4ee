"""Full-text search: one function, the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import connection

from claims.models import Claim, ClaimSearchDocument
from claims.search import rebuild_search_index, search_claims
from claims.visibility import public
from claims.vocabulary import Stance
from tests.factories import ActorAliasFactory, ActorFactory, ClaimFactory, StatementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


def found(query: str, queryset=None) -> list[str]:
    queryset = Claim.objects.all() if queryset is None else queryset
    return [claim.slug for claim in search_claims(queryset, query)]


@pytest.fixture
def helicopter():
    claim = ClaimFactory(
        slug="helicopter",
        text="An FLA drone shot down a Malian army helicopter",
        summary="The army gave a rival account.",
        place_name="Northern Mali",
        published=True,
    )
    fla = ActorFactory(name="Azawad Liberation Front")
    ActorAliasFactory(actor=fla, name="FLA")
    StatementFactory(
        claim=claim,
        actor=fla,
        stance=Stance.ASSERTS,
        quote="Nous avons abattu un hélicoptère",
        translation="We shot down a helicopter",
    )
    army = ActorFactory(name="Malian Armed Forces")
    ActorAliasFactory(actor=army, name="FAMa")
    StatementFactory(
        claim=claim,
        actor=army,
        stance=Stance.DENIES,
        paraphrase="The army said it intercepted a terrorist drone.",
    )
    return claim


@pytest.mark.parametrize(
    "query",
    [
        "helicopter",  # the claim's text
        "rival account",  # its summary
        "abattu",  # a quote in its original language
        "intercepted terrorist",  # a paraphrase
        "Azawad Liberation",  # an actor's name
        "FAMa",  # an actor's alias
        "FLA helicopter",  # words from two tables at once
        "helicopters",  # another form of the word
    ],
)
def test_it_finds_a_claim_by_anything_said_about_it(helicopter, query):
    assert found(query) == ["helicopter"]


def test_it_finds_nothing_for_words_that_appear_nowhere(helicopter):
    assert found("submarine") == []


def test_it_only_searches_the_queryset_it_is_given(helicopter):
    draft = ClaimFactory(slug="draft", text="A second helicopter was lost")
    assert set(found("helicopter")) == {"helicopter", "draft"}
    assert found("helicopter", public.listed_claims()) == ["helicopter"]
    assert draft not in search_claims(public.listed_claims(), "helicopter")


def test_an_empty_query_leaves_the_queryset_as_it_is(helicopter):
    assert found("   ") == ["helicopter"]


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "heli*", "(", "title:", "-", "'; drop"])
def test_search_syntax_typed_by_a_reader_never_breaks_the_query(helicopter, query):
    # No database error, and nothing but claims: operators are read as words or dropped.
    assert set(found(query)) <= {"helicopter"}


def test_claims_whose_own_text_matches_come_first(helicopter):
    ClaimFactory(slug="mentions", text="Convoy attacked near Kidal", summary="helicopter seen")
    assert found("helicopter") == ["helicopter", "mentions"]


def test_renaming_an_actor_or_adding_an_alias_updates_the_index(helicopter):
    army = helicopter.statements.get(stance=Stance.DENIES).actor
    army.name = "Forces Armées Maliennes"
    army.save()
    assert found("Maliennes") == ["helicopter"]
    ActorAliasFactory(actor=army, name="Tatmadaw-free alias")
    assert found("Tatmadaw") == ["helicopter"]


def test_deleting_a_statement_removes_its_words(helicopter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        helicopter.statements.get(stance=Stance.DENIES).delete()
    assert found("intercepted") == []


def test_rebuilding_the_index_covers_rows_written_in_bulk(helicopter):
    ClaimSearchDocument.objects.all().delete()
    assert found("helicopter") == []
    assert rebuild_search_index() == 1
    assert found("helicopter") == ["helicopter"]


def test_search_costs_the_same_queries_for_one_match_or_many(
    helicopter, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        list(search_claims(Claim.objects.all(), "helicopter"))
    for n in range(2):
        ClaimFactory(text=f"Helicopter number {n}")
    with django_assert_max_num_queries(1):
        assert len(list(search_claims(Claim.objects.all(), "helicopter"))) == 3


@pytest.mark.skipif(connection.vendor != "postgresql", reason="web-search syntax is PostgreSQL's")
def test_on_postgresql_a_reader_can_exclude_a_word(helicopter):
    ClaimFactory(slug="drone-only", text="A drone was intercepted")
    assert found("drone -helicopter") == ["drone-only"]


def test_a_search_ranks_only_the_newest_matches_up_to_its_cap(helicopter, monkeypatch):
    monkeypatch.setattr("claims.search.RANKED", 3)
    for n in range(4):
        ClaimFactory(slug=f"older-{n}", text=f"Convoy {n} attacked", summary="helicopter seen")
    # The four newer claims match only in their summaries; the helicopter claim matches in its
    # own text but is now the oldest match: past the cap, it is not ranked or returned.
    newest = list(Claim.objects.order_by("-updated_at", "-pk").values_list("slug", flat=True))
    assert found("helicopter") == newest[:3]
    helicopter.save()  # updated again: the newest match, and the best ranked
    assert found("helicopter")[0] == "helicopter"
    assert len(found("helicopter")) == 3


def test_the_search_cap_applies_after_the_other_filters(helicopter, monkeypatch):
    monkeypatch.setattr("claims.search.RANKED", 1)
    ClaimFactory(slug="newer", text="Another helicopter")
    assert found("helicopter") == ["newer"]
    assert found("helicopter", Claim.objects.exclude(slug="newer")) == ["helicopter"]
