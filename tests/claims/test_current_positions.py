"""A party's current position on a claim: the latest statement made by it or on its behalf.

"Contested", the claim filter, the claim page's for/against columns, the stance grid, the actor
page and the API all read it from the same definition (``Statement.party`` and
``StatementQuerySet.current()``), so they cannot disagree."""

from __future__ import annotations

import datetime

import pytest

from claims.models import Claim, Statement
from claims.positions import current_positions
from claims.vocabulary import Direction, Stance
from tests.factories import ActorFactory, ClaimFactory, StatementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


@pytest.fixture
def spokesman_denies_then_group_asserts():
    """A spokesperson denies on behalf of an armed group; later the group itself asserts."""
    claim = ClaimFactory(published=True, slug="convoy")
    group = ActorFactory(name="Armed group", slug="group")
    spokesman = ActorFactory(name="Spokesman", slug="spokesman", kind="person")
    StatementFactory(
        claim=claim,
        actor=spokesman,
        on_behalf_of=group,
        stance=Stance.DENIES,
        stated_on=datetime.date(2025, 3, 1),
    )
    StatementFactory(
        claim=claim, actor=group, stance=Stance.ASSERTS, stated_on=datetime.date(2025, 3, 5)
    )
    return claim, group


def test_a_statement_made_on_behalf_of_a_party_is_that_partys(spokesman_denies_then_group_asserts):
    claim, group = spokesman_denies_then_group_asserts
    assert {s.party for s in claim.statements.all()} == {group}


def test_one_party_that_changed_its_mind_does_not_make_a_claim_contested(
    spokesman_denies_then_group_asserts,
):
    claim, _group = spokesman_denies_then_group_asserts
    assert not Claim.objects.filter(pk=claim.pk).contested().exists()
    assert Claim.objects.filter(pk=claim.pk).uncontested().exists()
    assert not Claim.objects.get(pk=claim.pk).is_contested
    assert not Claim.objects.get(pk=claim.pk).is_contested


def test_the_current_statement_is_the_partys_latest(spokesman_denies_then_group_asserts):
    claim, group = spokesman_denies_then_group_asserts
    current = Statement.objects.filter(claim=claim).current()
    assert [(s.party, s.stance) for s in current] == [(group, Stance.ASSERTS)]


def test_the_page_and_the_badge_agree(spokesman_denies_then_group_asserts, reader):
    claim, group = spokesman_denies_then_group_asserts
    grouped = current_positions(claim.statements.all())
    assert [p.party for p in grouped[Direction.FOR]] == [group]
    assert grouped[Direction.AGAINST] == []
    page = reader.get(claim.get_absolute_url())
    assert page.context["positions"][Direction.AGAINST] == []
    assert 'class="badge contested"' not in page.content.decode()


def test_two_parties_on_opposite_sides_contest_a_claim(spokesman_denies_then_group_asserts):
    claim, _group = spokesman_denies_then_group_asserts
    StatementFactory(
        claim=claim, actor=ActorFactory(), stance=Stance.DENIES, stated_on=datetime.date(2025, 3, 6)
    )
    assert Claim.objects.filter(pk=claim.pk).contested().exists()
    assert Claim.objects.get(pk=claim.pk).is_contested


def test_the_api_says_what_the_page_says(spokesman_denies_then_group_asserts, client):
    claim, group = spokesman_denies_then_group_asserts
    body = client.get(f"/api/v1/claims/{claim.pk}/", HTTP_HOST="localhost").json()
    assert body["contested"] is False
    assert [(p["party"]["slug"], p["direction"]) for p in body["positions"]] == [
        (group.slug, Direction.FOR)
    ]
