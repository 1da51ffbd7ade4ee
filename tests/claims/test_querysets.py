"""The domain's words on querysets: published, contested, asserted_by, denied_by."""

from __future__ import annotations

import datetime

import pytest

from claims.models import Claim
from claims.visibility import public
from claims.vocabulary import Stance, Status
from tests.factories import ActorFactory, ClaimFactory, StatementFactory

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]

FEB = datetime.date(2025, 2, 1)
MAR = datetime.date(2025, 3, 1)
JUL = datetime.date(2025, 7, 1)


def test_published_holds_only_published_claims():
    published = ClaimFactory(published=True)
    for status in (Status.DRAFT, Status.IN_REVIEW):
        ClaimFactory(status=status)
    ClaimFactory(
        published=True,
        status=Status.WITHDRAWN,
        withdrawal_reason="Duplicate.",
        withdrawn_at=datetime.datetime(2025, 11, 1, tzinfo=datetime.UTC),
    )
    assert list(public.listed_claims()) == [published]


def test_public_also_holds_withdrawn_claims_which_keep_their_page():
    withdrawn = ClaimFactory(
        published=True,
        status=Status.WITHDRAWN,
        withdrawal_reason="Duplicate.",
        withdrawn_at=datetime.datetime(2025, 11, 1, tzinfo=datetime.UTC),
    )
    ClaimFactory(status=Status.DRAFT)
    assert list(public.claims()) == [withdrawn]


def test_a_claim_with_one_actor_for_and_another_against_is_contested():
    claim = ClaimFactory()
    StatementFactory(claim=claim, stance=Stance.ASSERTS)
    StatementFactory(claim=claim, stance=Stance.DENIES)
    assert list(Claim.objects.contested()) == [claim]
    claim.refresh_from_db()  # "contested" is stored, written when each statement is saved
    assert claim.is_contested is True
    assert Claim.objects.get(pk=claim.pk).is_contested is True


def test_a_claim_with_only_assertions_is_not_contested():
    claim = ClaimFactory()
    StatementFactory(claim=claim, stance=Stance.ASSERTS)
    StatementFactory(claim=claim, stance=Stance.SUPPORTS)
    StatementFactory(claim=claim, stance=Stance.DECLINES_TO_COMMENT)
    assert not Claim.objects.contested().exists()
    assert list(Claim.objects.uncontested()) == [claim]
    assert Claim.objects.get(pk=claim.pk).is_contested is False


def test_an_actor_who_asserts_then_retracts_does_not_contest_the_claim_alone():
    claim = ClaimFactory()
    actor = ActorFactory()
    StatementFactory(claim=claim, actor=actor, stance=Stance.ASSERTS, stated_on=FEB)
    StatementFactory(claim=claim, actor=actor, stance=Stance.RETRACTS, stated_on=MAR)
    assert not Claim.objects.contested().exists()


def test_only_each_actors_latest_position_counts():
    """The army denies in February, then acknowledges in July: no one is against any more."""
    claim = ClaimFactory()
    army = ActorFactory()
    StatementFactory(claim=claim, stance=Stance.ASSERTS, stated_on=FEB)
    StatementFactory(claim=claim, actor=army, stance=Stance.DENIES, stated_on=FEB)
    assert Claim.objects.get(pk=claim.pk).is_contested is True
    StatementFactory(claim=claim, actor=army, stance=Stance.ACKNOWLEDGES, stated_on=JUL)
    assert Claim.objects.get(pk=claim.pk).is_contested is False


def test_asserted_by_finds_claims_the_actor_or_its_spokesperson_took_a_position_for():
    fla, spokesman = ActorFactory(), ActorFactory()
    own = StatementFactory(actor=fla, stance=Stance.ASSERTS).claim
    via_spokesman = StatementFactory(
        actor=spokesman, on_behalf_of=fla, stance=Stance.ACKNOWLEDGES
    ).claim
    denied = StatementFactory(actor=fla, stance=Stance.DENIES).claim
    StatementFactory(stance=Stance.ASSERTS)  # someone else's claim
    assert set(Claim.objects.asserted_by(fla)) == {own, via_spokesman}
    assert set(Claim.objects.denied_by(fla)) == {denied}
    assert set(Claim.objects.asserted_by(spokesman)) == {via_spokesman}


def test_denied_by_counts_disputes_and_retractions_but_not_silence():
    army = ActorFactory()
    disputed = StatementFactory(actor=army, stance=Stance.DISPUTES).claim
    retracted = StatementFactory(actor=army, stance=Stance.RETRACTS).claim
    StatementFactory(actor=army, stance=Stance.DECLINES_TO_COMMENT)
    assert set(Claim.objects.denied_by(army)) == {disputed, retracted}


def test_querysets_compose():
    fla, army = ActorFactory(), ActorFactory()
    claim = ClaimFactory(published=True)
    StatementFactory(claim=claim, actor=fla, stance=Stance.ASSERTS)
    StatementFactory(claim=claim, actor=army, stance=Stance.DENIES)
    draft = ClaimFactory()
    StatementFactory(claim=draft, actor=fla, stance=Stance.ASSERTS)
    StatementFactory(claim=draft, actor=army, stance=Stance.DENIES)
    assert list(public.listed_claims().contested().asserted_by(fla).denied_by(army)) == [claim]


def test_first_asserted_is_the_earliest_position_for_the_claim():
    claim = ClaimFactory()
    StatementFactory(claim=claim, stance=Stance.DENIES, stated_on=datetime.date(2025, 1, 1))
    StatementFactory(claim=claim, stance=Stance.ASSERTS, stated_on=JUL)
    StatementFactory(claim=claim, stance=Stance.SUGGESTS, stated_on=FEB)
    assert claim.first_asserted == FEB
    assert Claim.objects.with_first_asserted().get(pk=claim.pk).first_asserted == FEB
