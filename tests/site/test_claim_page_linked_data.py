"""The JSON-LD in a claim's page: a ClaimReview while the review stands, none once withdrawn."""

from __future__ import annotations

import datetime
import json
import re

import pytest

from claims.vocabulary import Status, Verdict

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def linked_data(reader, claim) -> list[dict]:
    response = reader.get(claim.get_absolute_url())
    assert response.status_code == 200
    return [json.loads(block) for block in JSON_LD.findall(response.content.decode())]


def test_a_withdrawn_claims_page_carries_no_claimreview(reader, ledger):
    blocks = linked_data(reader, ledger.withdrawn)
    assert [block["@type"] for block in blocks] == ["WebPage"]
    assert "ClaimReview" not in json.dumps(blocks)


def test_a_withdrawn_claims_page_says_to_machines_that_it_is_withdrawn_and_why(reader, ledger):
    (page,) = linked_data(reader, ledger.withdrawn)
    assert page["creativeWorkStatus"] == "Withdrawn"
    assert page["description"] == "Could not be sourced."
    assert page["url"].endswith("/claims/withdrawn/")


def test_a_published_verdict_withdrawn_later_leaves_the_page_with_no_rating(reader, disputed):
    claim = disputed.claim
    claim.verdict = Verdict.FALSE
    claim.save()
    (review,) = linked_data(reader, claim)
    assert review["reviewRating"]["ratingValue"] == 1
    claim.status = Status.WITHDRAWN
    claim.withdrawn_at = datetime.datetime(2025, 11, 3, tzinfo=datetime.UTC)
    claim.withdrawal_reason = "The helicopter was lost in an accident."
    claim.save()
    (page,) = linked_data(reader, claim)
    assert page["@type"] == "WebPage"
    assert "reviewRating" not in page
    assert page["dateModified"] == "2025-11-03"


def test_a_published_claims_page_carries_its_rating_on_the_1_to_5_scale(reader, disputed):
    claim = disputed.claim
    claim.verdict = Verdict.LIKELY_TRUE
    claim.save()
    (review,) = linked_data(reader, claim)
    assert review["@type"] == "ClaimReview"
    rating = review["reviewRating"]
    assert (rating["ratingValue"], rating["worstRating"], rating["bestRating"]) == (4, 1, 5)
    assert rating["ratingExplanation"] == "Incompatible accounts, no independent evidence."


def test_a_page_gives_a_month_only_assertion_at_its_month(reader, ledger):
    ledger.assertion.stated_on_precision = "month"
    ledger.assertion.save()
    (review,) = linked_data(reader, ledger.claim)
    assert review["itemReviewed"]["datePublished"] == "2025-02"
    assert "ratingExplanation" not in review["reviewRating"]
