"""The order of a claim's statements when their dates are imprecise (``CHRONOLOGICAL``).

A date known to the month or the year is stored as the first day of its period, but it only
says "some time in February". Sorting by the stored day would put "supported in February" on
1 February, before an assertion made on 20 February that it backs. The rule: an imprecise date
comes after every more precise date inside its period (February after 28 February, 2025 after
31 December 2025, still before 1 March and 2026); on the same footing a statement that puts the
claim forward (asserts, suggests) comes before one that backs or answers it; then the order of
entry. The database (``Meta.ordering``, ``current()``) and Python (``chronological_key``) keep
the same order."""

from __future__ import annotations

import datetime
import itertools

import pytest

from claims.models import CHRONOLOGICAL, Claim, Statement
from claims.positions import chronological, current_positions
from claims.vocabulary import Direction, Stance
from tests.factories import ActorFactory, ClaimFactory, StatementFactory
from website.pages import claim_for_page

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


def said(claim, stance, day, precision="day", actor=None, **extra):
    return StatementFactory(
        claim=claim,
        actor=actor or ActorFactory(),
        stance=stance,
        stated_on=day,
        stated_on_precision=precision,
        **extra,
    )


@pytest.fixture
def support_dated_to_the_month(ledger):
    """The FLA's spokesman asserts on 20 February 2025 and the army denies on 21 February; an
    ally's support, known only as "February 2025", was entered before either."""
    claim = ledger.claim
    claim.statements.all().delete()
    ally = ActorFactory(name="An ally", slug="ally")
    support = said(claim, Stance.SUPPORTS, datetime.date(2025, 2, 1), "month", actor=ally)
    assertion = said(
        claim,
        Stance.ASSERTS,
        datetime.date(2025, 2, 20),
        actor=ledger.spokesman,
        on_behalf_of=ledger.fla,
    )
    denial = said(claim, Stance.DENIES, datetime.date(2025, 2, 21), actor=ledger.army)
    return claim, [assertion, denial, support]


def test_a_month_only_support_comes_after_the_day_dated_assertion_it_backs(
    support_dated_to_the_month,
):
    claim, expected = support_dated_to_the_month
    assert list(Statement.objects.filter(claim=claim)) == expected
    assert list(claim.statements.all()) == expected
    assert list(Statement.objects.filter(claim=claim).order_by(*CHRONOLOGICAL)) == expected
    assert chronological(reversed(expected)) == expected


def test_the_claim_page_and_the_api_keep_that_order(support_dated_to_the_month, client):
    claim, expected = support_dated_to_the_month
    assert list(claim_for_page(claim.slug).statements.all()) == expected
    page = client.get(claim.get_absolute_url())
    assert [s.pk for s in page.context["statements"]] == [s.pk for s in expected]
    body = client.get(f"/api/v1/claims/{claim.pk}/", HTTP_HOST="localhost").json()
    assert [s["id"] for s in body["statements"]] == [s.pk for s in expected]
    assert [s["stated_on"] for s in body["statements"]] == ["2025-02-20", "2025-02-21", "2025-02"]
    jsonld = client.get(
        f"/api/v1/claims/{claim.pk}/", {"format": "jsonld"}, HTTP_HOST="localhost"
    ).json()
    assert [s["stance"] for s in jsonld["stances"]] == ["asserts", "denies", "supports"]


def test_an_imprecise_date_stays_inside_its_period():
    claim = ClaimFactory()
    january = said(claim, Stance.SUPPORTS, datetime.date(2025, 1, 1), "month")
    last_of_february = said(claim, Stance.DENIES, datetime.date(2025, 2, 28))
    february = said(claim, Stance.SUPPORTS, datetime.date(2025, 2, 1), "month")
    first_of_march = said(claim, Stance.ASSERTS, datetime.date(2025, 3, 1))
    last_of_2025 = said(claim, Stance.DENIES, datetime.date(2025, 12, 31))
    year_2025 = said(claim, Stance.ACKNOWLEDGES, datetime.date(2025, 1, 1), "year")
    year_2024 = said(claim, Stance.ASSERTS, datetime.date(2024, 1, 1), "year")
    january_2026 = said(claim, Stance.DENIES, datetime.date(2026, 1, 1), "month")
    expected = [
        year_2024,
        january,
        last_of_february,
        february,
        first_of_march,
        last_of_2025,
        year_2025,
        january_2026,
    ]
    assert list(claim.statements.all()) == expected
    assert chronological(claim.statements.all()) == expected


def test_on_the_same_footing_putting_the_claim_forward_comes_first():
    """Both known only as "February 2025": the support was entered first, the assertion is
    still shown first. Two reactions on the same footing keep the order they were entered in."""
    claim = ClaimFactory()
    feb = datetime.date(2025, 2, 1)
    support = said(claim, Stance.SUPPORTS, feb, "month")
    denial = said(claim, Stance.DENIES, feb, "month")
    suggestion = said(claim, Stance.SUGGESTS, feb, "month")
    assertion = said(claim, Stance.ASSERTS, feb, "month")
    expected = [suggestion, assertion, support, denial]
    assert list(claim.statements.all()) == expected
    assert chronological(claim.statements.all()) == expected


def test_the_database_and_python_agree_on_any_mix():
    """Dates on either side of a month's and a year's ends, at every precision, every stance;
    entered in an order that is not the timeline's. Rows are saved without ``normalise`` (a
    month-precise 31 January), as an import might leave them: the order ignores what lies below
    a date's precision."""
    claim = ClaimFactory()
    days = [datetime.date(2024, 12, 31), datetime.date(2025, 1, 1), datetime.date(2025, 1, 31)]
    days += [datetime.date(2025, 2, d) for d in (1, 2, 28)] + [datetime.date(2025, 12, 31)]
    mix = list(itertools.product(list(Stance), ["year", "day", "month"], reversed(days)))
    for stance, precision, day in mix[::3]:
        said(claim, stance, day, precision)
    from_sql = list(Statement.objects.filter(claim=claim))
    assert from_sql == sorted(from_sql, key=lambda s: s.chronological_key)
    assert from_sql == chronological(reversed(from_sql))
    assert from_sql != sorted(from_sql, key=lambda s: s.pk)


def test_a_partys_current_position_follows_the_same_order():
    """The army denied on 15 February; it acknowledged "in February". Nothing says the
    acknowledgement came first, so it is the army's current position, in SQL and in Python."""
    claim = ClaimFactory(published=True)
    army = ActorFactory(name="Army", slug="army")
    group = ActorFactory(name="Group", slug="group")
    said(claim, Stance.ASSERTS, datetime.date(2025, 2, 10), actor=group)
    acknowledgement = said(
        claim, Stance.ACKNOWLEDGES, datetime.date(2025, 2, 1), "month", actor=army
    )
    said(claim, Stance.DENIES, datetime.date(2025, 2, 15), actor=army)
    current = Statement.objects.filter(claim=claim, actor=army).current()
    assert list(current) == [acknowledgement]
    grouped = current_positions(claim.statements.select_related("actor", "on_behalf_of"))
    assert [p.party for p in grouped[Direction.FOR]] == [army, group]
    assert grouped[Direction.AGAINST] == []
    assert not Claim.objects.filter(pk=claim.pk).contested().exists()


# ClaimReview names who put the claim forward -----------------------------------------------------


def test_claim_review_names_the_earliest_asserting_party_not_an_earlier_supporter(ledger, client):
    """An ally backed the claim on 15 January, before the FLA asserted it on 1 February: the
    FLA, not the ally, is the author of the claim ClaimReview reviews."""
    ally = ActorFactory(name="An ally", slug="ally", kind="state")
    said(ledger.claim, Stance.SUPPORTS, datetime.date(2025, 1, 15), actor=ally)
    said(ledger.claim, Stance.ACKNOWLEDGES, datetime.date(2025, 1, 20), actor=ledger.army)
    review = client.get(
        f"/api/v1/claims/{ledger.claim.pk}/", {"format": "claimreview"}, HTTP_HOST="localhost"
    ).json()
    assert review["itemReviewed"]["author"]["name"] == "Azawad Liberation Front"
    assert review["itemReviewed"]["datePublished"] == "2025-02-01"


def test_claim_review_names_the_day_dated_assertion_before_a_month_only_one(
    support_dated_to_the_month, client
):
    claim, _ = support_dated_to_the_month
    other = ActorFactory(name="Another group", slug="another")
    said(claim, Stance.ASSERTS, datetime.date(2025, 2, 1), "month", actor=other)
    review = client.get(
        f"/api/v1/claims/{claim.pk}/", {"format": "claimreview"}, HTTP_HOST="localhost"
    ).json()
    assert review["itemReviewed"]["author"]["name"] == "Azawad Liberation Front"
    assert review["itemReviewed"]["datePublished"] == "2025-02-20"


def test_claim_review_has_no_author_when_nobody_put_the_claim_forward(ledger, client):
    ledger.assertion.stance = Stance.SUPPORTS
    ledger.assertion.save()
    review = client.get(
        f"/api/v1/claims/{ledger.claim.pk}/", {"format": "claimreview"}, HTTP_HOST="localhost"
    ).json()
    assert "author" not in review["itemReviewed"]
    assert [a["headline"] for a in review["itemReviewed"]["appearance"]] == [
        "From Donbas to the desert"
    ]
