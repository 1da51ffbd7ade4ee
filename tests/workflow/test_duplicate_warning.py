"""The duplicate warning: saving a claim much like another warns and links to it, and saves."""

from __future__ import annotations

import pytest

from claims.models import Claim
from claims.selectors import similar_claims
from tests.factories import ClaimFactory
from tests.workflow.forms import admin_url, page_data

pytestmark = pytest.mark.django_db

SHOOTDOWN = "An FLA drone shot down a Malian army helicopter in northern Mali"


def add_claim(client, text: str):
    data = page_data(client.get(admin_url(Claim, "add"))) | {"text": text, "slug": "new-claim"}
    data["statements-TOTAL_FORMS"] = "0"
    return client.post(admin_url(Claim, "add"), data, follow=True)


def test_similar_claims_finds_a_near_copy_and_not_an_unrelated_claim():
    original = ClaimFactory(text=SHOOTDOWN)
    ClaimFactory(text="Ukraine supplies kamikaze drones to terrorist groups in the Sahel")
    found = similar_claims("An FLA drone shot down a Malian army helicopter in the north of Mali")
    assert [c.pk for c in found] == [original.pk]
    assert 0 < found[0].similarity <= 1


def test_similar_claims_leaves_out_the_claim_itself():
    claim = ClaimFactory(text=SHOOTDOWN)
    assert similar_claims(SHOOTDOWN, exclude=claim.pk) == []


def test_a_reporter_saving_a_claim_like_an_existing_one_is_warned_with_a_link(reporter):
    original = ClaimFactory(text=SHOOTDOWN)
    response = add_claim(reporter, "An FLA drone shot down a Malian army helicopter in north Mali")
    page = response.content.decode()
    assert "looks much like" in page
    assert admin_url(Claim, "change", original.pk) in page
    assert Claim.objects.count() == 2, "a warning, not a refusal"


def test_a_claim_unlike_any_other_saves_without_a_warning(reporter):
    ClaimFactory(text=SHOOTDOWN)
    response = add_claim(reporter, "Ukraine trained FLA fighters to fly FPV drones")
    assert "looks much like" not in response.content.decode()
    assert Claim.objects.count() == 2
