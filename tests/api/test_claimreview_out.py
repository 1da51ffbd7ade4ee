"""The ClaimReview we publish (``?format=claimreview``): a current review with its verdict on a
documented 1–5 scale, dates at the precision they are known, and none for a withdrawn claim."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest

from claims.vocabulary import Status, Verdict
from core.dates import PARTIAL_PATTERN
from ledger.linked_data import RATING_VALUES

pytestmark = pytest.mark.django_db

ISO_PARTIAL = re.compile(PARTIAL_PATTERN)


def review_of(api, claim) -> dict[str, Any]:
    response = api.get(f"/api/v1/claims/{claim.pk}/", {"format": "claimreview"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return response.json()


def set_verdict(claim, verdict: str, reasoning: str = "Two independent sources say so.") -> None:
    claim.verdict = verdict
    claim.verdict_reasoning = "" if verdict == Verdict.UNVERIFIED else reasoning
    claim.save()


def claimreview_problems(review: dict[str, Any]) -> list[str]:
    """What a ClaimReview lacks or gets wrong in its structure, by schema.org's types and the
    properties Google's fact-check guide requires (claimReviewed, reviewRating with its
    alternateName, url) or recommends (author, itemReviewed as a Claim, datePublished)."""
    problems = []
    if review.get("@context") != "https://schema.org":
        problems.append("@context is not schema.org")
    if review.get("@type") != "ClaimReview":
        problems.append("@type is not ClaimReview")
    for name in ("url", "claimReviewed"):
        if not isinstance(review.get(name), str) or not review[name].strip():
            problems.append(f"{name} is missing or empty")
    author = review.get("author") or {}
    if author.get("@type") not in {"Organization", "Person"} or not author.get("name"):
        problems.append("author is not a named Organization or Person")
    rating = review.get("reviewRating") or {}
    if rating.get("@type") != "Rating" or not rating.get("alternateName"):
        problems.append("reviewRating is not a Rating with an alternateName")
    numbers = [rating.get(k) for k in ("ratingValue", "bestRating", "worstRating")]
    if any(n is not None for n in numbers):
        if not all(isinstance(n, int) for n in numbers):
            problems.append("ratingValue, bestRating and worstRating come together, as numbers")
        elif not numbers[2] <= numbers[0] <= numbers[1] or numbers[2] >= numbers[1]:
            problems.append("ratingValue is not between worstRating and a greater bestRating")
    if "ratingExplanation" in rating and not str(rating["ratingExplanation"]).strip():
        problems.append("ratingExplanation is empty")
    item = review.get("itemReviewed") or {}
    if item.get("@type") != "Claim":
        problems.append("itemReviewed is not a Claim")
    for where, value in (
        ("", review.get("datePublished")),
        ("itemReviewed.", item.get("datePublished")),
    ):
        if value is not None and not ISO_PARTIAL.fullmatch(value):
            problems.append(f"{where}datePublished {value!r} is not ISO 8601")
    for path, value in _leaves(review):
        if value is None or value == "":
            problems.append(f"{path} is empty")
    return problems


def _leaves(data: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        return [leaf for k, v in data.items() for leaf in _leaves(v, f"{path}.{k}".lstrip("."))]
    if isinstance(data, list):
        return [leaf for i, v in enumerate(data) for leaf in _leaves(v, f"{path}[{i}]")]
    return [(path, data)]


# A withdrawn claim ---------------------------------------------------------------------------


def test_a_withdrawn_claim_publishes_no_claimreview(api, ledger):
    body = review_of(api, ledger.withdrawn)
    assert body["@type"] != "ClaimReview"
    assert "reviewRating" not in body
    assert "claimReviewed" not in body


def test_a_withdrawn_claim_is_described_as_a_withdrawn_page_with_its_reason(api, ledger):
    body = review_of(api, ledger.withdrawn)
    assert body == {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "url": "http://localhost/claims/withdrawn/",
        "name": "A withdrawn claim",
        "inLanguage": ledger.withdrawn.language,
        "publisher": {"@type": "Organization", "name": "Contested"},
        "creativeWorkStatus": "Withdrawn",
        "description": "Could not be sourced.",
        "datePublished": "2025-10-07",
        "dateModified": "2025-10-08",
    }


def test_a_claim_withdrawn_after_a_verdict_drops_the_verdict_too(api, ledger):
    claim = ledger.claim
    set_verdict(claim, Verdict.FALSE)
    assert review_of(api, claim)["reviewRating"]["ratingValue"] == 1
    claim.status = Status.WITHDRAWN
    claim.withdrawn_at = datetime.datetime(2025, 11, 3, tzinfo=datetime.UTC)
    claim.withdrawal_reason = "The footage was from 2019."
    claim.save()
    body = review_of(api, claim)
    assert body["@type"] == "WebPage"
    assert body["description"] == "The footage was from 2019."
    assert "False" not in str(body)


# The rating ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verdict", "value"),
    [
        (Verdict.FALSE, 1),
        (Verdict.LIKELY_FALSE, 2),
        (Verdict.MISLEADING, 3),
        (Verdict.LIKELY_TRUE, 4),
        (Verdict.CONFIRMED, 5),
    ],
)
def test_a_verdict_on_the_truth_scale_has_its_number_from_1_false_to_5_true(
    api, ledger, verdict, value
):
    set_verdict(ledger.claim, verdict)
    rating = review_of(api, ledger.claim)["reviewRating"]
    assert rating["alternateName"] == Verdict(verdict).label
    assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (value, 1, 5)


@pytest.mark.parametrize("verdict", [Verdict.UNVERIFIED, Verdict.UNPROVEN, Verdict.DISPUTED])
def test_a_verdict_that_judges_no_truth_has_its_words_and_no_number(api, ledger, verdict):
    set_verdict(ledger.claim, verdict)
    rating = review_of(api, ledger.claim)["reviewRating"]
    assert rating["alternateName"] == Verdict(verdict).label
    assert not {"ratingValue", "bestRating", "worstRating"} & set(rating)


def test_every_verdict_is_placed_on_the_scale_or_deliberately_left_off_it():
    left_off = {Verdict.UNVERIFIED, Verdict.UNPROVEN, Verdict.DISPUTED}
    assert set(RATING_VALUES) | left_off == set(Verdict)
    assert not set(RATING_VALUES) & left_off
    assert sorted(RATING_VALUES.values()) == [1, 2, 3, 4, 5]


def test_an_empty_rating_explanation_is_left_out(api, ledger):
    # The shared story's claim is unverified, with no reasoning.
    assert "ratingExplanation" not in review_of(api, ledger.claim)["reviewRating"]


def test_the_reasoning_is_the_rating_explanation(api, ledger):
    set_verdict(ledger.claim, Verdict.LIKELY_FALSE, "No wreckage was ever shown.")
    rating = review_of(api, ledger.claim)["reviewRating"]
    assert rating["ratingExplanation"] == "No wreckage was ever shown."


# Dates ---------------------------------------------------------------------------------------


def test_a_claim_said_in_a_year_is_dated_with_the_year_alone(api, ledger):
    ledger.assertion.stated_on_precision = "year"
    ledger.assertion.save()
    item = review_of(api, ledger.claim)["itemReviewed"]
    assert item["datePublished"] == "2025"


def test_a_claim_said_in_a_month_is_dated_with_the_month_never_its_first_day(api, ledger):
    ledger.assertion.stated_on_precision = "month"
    ledger.assertion.save()
    item = review_of(api, ledger.claim)["itemReviewed"]
    assert item["datePublished"] == "2025-02"
    assert "2025-02-01" not in str(review_of(api, ledger.claim))


def test_a_claim_said_on_a_day_is_dated_with_the_day(api, ledger):
    item = review_of(api, ledger.claim)["itemReviewed"]
    assert item["datePublished"] == "2025-02-01"


# Structure -----------------------------------------------------------------------------------


@pytest.mark.parametrize("verdict", list(Verdict))
def test_the_claimreview_has_the_structure_schema_org_and_google_expect(api, ledger, verdict):
    set_verdict(ledger.claim, verdict)
    ledger.assertion.stated_on_precision = "month"
    ledger.assertion.save()
    assert claimreview_problems(review_of(api, ledger.claim)) == []


def test_the_structure_check_catches_what_the_issue_found():
    """The check itself: a date that is not ISO 8601, an empty explanation and a rating outside
    its scale are each reported."""
    broken = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "http://localhost/claims/x/",
        "claimReviewed": "x",
        "author": {"@type": "Organization", "name": "Contested"},
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "False",
            "ratingValue": 7,
            "bestRating": 5,
            "worstRating": 1,
            "ratingExplanation": "",
        },
        "itemReviewed": {"@type": "Claim", "datePublished": "February 2025"},
    }
    assert claimreview_problems(broken) == [
        "ratingValue is not between worstRating and a greater bestRating",
        "ratingExplanation is empty",
        "itemReviewed.datePublished 'February 2025' is not ISO 8601",
        "reviewRating.ratingExplanation is empty",
    ]
