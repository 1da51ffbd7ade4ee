"""The database itself rejects rows that break the ledger's rules, whatever path writes them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from claims.models import Claim, Statement
from claims.vocabulary import Outcome, Status
from tests.factories import (
    ActorFactory,
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    RequestForCommentFactory,
    StatementFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


def rejects(build) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        build()


def test_it_rejects_a_status_outside_the_workflow():
    rejects(lambda: ClaimFactory(status="rumoured"))


def test_it_rejects_a_verdict_outside_the_vocabulary():
    rejects(lambda: ClaimFactory(verdict="sort_of", verdict_reasoning="because"))


def test_it_rejects_a_verdict_without_reasoning():
    rejects(lambda: ClaimFactory(verdict="false", verdict_reasoning=""))


def test_it_accepts_an_unverified_claim_without_reasoning():
    assert ClaimFactory(verdict="unverified").pk


def test_it_rejects_a_published_claim_without_a_publication_time():
    rejects(lambda: ClaimFactory(status=Status.PUBLISHED, published_at=None))


def test_it_rejects_a_withdrawal_without_a_reason():
    rejects(
        lambda: ClaimFactory(
            published=True,
            status=Status.WITHDRAWN,
            withdrawn_at=datetime.datetime(2025, 11, 1, tzinfo=datetime.UTC),
            withdrawal_reason="",
        )
    )


def test_it_rejects_coordinates_off_the_globe():
    rejects(lambda: ClaimFactory(latitude=Decimal("91"), longitude=Decimal("0")))


def test_it_rejects_half_a_coordinate_pair():
    rejects(lambda: ClaimFactory(latitude=Decimal("18.4"), longitude=None))


def test_it_rejects_a_duplicate_claim_slug():
    ClaimFactory(slug="same")
    rejects(lambda: ClaimFactory(slug="same"))


def test_it_rejects_an_unknown_stance():
    rejects(lambda: StatementFactory(stance="hints"))


def test_it_rejects_an_unknown_date_precision():
    rejects(lambda: StatementFactory(stated_on_precision="week"))


def test_it_rejects_a_statement_with_neither_quote_nor_paraphrase():
    rejects(lambda: StatementFactory(quote="", paraphrase=""))


def test_it_rejects_an_actor_speaking_on_its_own_behalf():
    actor = ActorFactory()
    rejects(lambda: StatementFactory(actor=actor, on_behalf_of=actor))


def test_it_rejects_a_credibility_outside_one_to_six():
    rejects(lambda: CitationFactory(credibility=7))


def test_it_rejects_citing_the_same_source_twice_at_the_same_place():
    citation = CitationFactory(locator="para 3")
    rejects(
        lambda: CitationFactory(
            statement=citation.statement, source=citation.source, locator="para 3"
        )
    )


def test_it_rejects_a_claim_related_to_itself():
    claim = ClaimFactory()
    rejects(lambda: ClaimRelationFactory(from_claim=claim, to_claim=claim))


def test_it_rejects_a_deadline_before_the_request():
    rejects(
        lambda: RequestForCommentFactory(
            requested_on=datetime.date(2025, 10, 5), deadline=datetime.date(2025, 10, 1)
        )
    )


def test_it_rejects_a_reply_on_a_request_that_was_not_replied_to():
    statement = StatementFactory()
    rejects(
        lambda: RequestForCommentFactory(
            claim=statement.claim, reply=statement, outcome=Outcome.DECLINED
        )
    )


def test_a_new_claim_is_a_draft():
    assert Claim(text="x").status == Status.DRAFT


def test_clean_puts_a_month_precise_date_on_the_first_of_the_month():
    statement = StatementFactory.build(
        claim=ClaimFactory(),
        actor=ActorFactory(),
        stated_on=datetime.date(2025, 2, 17),
        stated_on_precision="month",
    )
    statement.full_clean()
    assert statement.stated_on == datetime.date(2025, 2, 1)
    assert statement.stated_on_display == "February 2025"


def test_clean_names_the_field_when_a_verdict_lacks_reasoning():
    from django.core.exceptions import ValidationError

    claim = ClaimFactory.build(verdict="false", verdict_reasoning="")
    with pytest.raises(ValidationError) as excinfo:
        claim.full_clean()
    assert "verdict_reasoning" in excinfo.value.message_dict


def test_publishing_through_clean_stamps_the_publication_time():
    claim = ClaimFactory()
    claim.status = Status.PUBLISHED
    claim.full_clean()
    claim.save()
    assert Claim.objects.get(pk=claim.pk).published_at is not None


def test_statement_direction_follows_its_stance():
    assert Statement(stance="acknowledges").direction == "for"
    assert Statement(stance="retracts").direction == "against"
    assert Statement(stance="declines_to_comment").direction == "neutral"
