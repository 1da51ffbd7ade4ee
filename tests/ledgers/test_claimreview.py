"""A fact-checker's ClaimReview, from its page's JSON-LD, becomes a claim with its rating."""

from __future__ import annotations

import json

import pytest

from actors.models import Actor
from claims.models import Claim
from ledger.claimreview import stance_for
from ledger.files import read_upload
from ledger.load import load_ledger
from sources.models import Source

pytestmark = pytest.mark.django_db

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factuel.afp.com/doc.afp.com.36XY2ZK",
    "name": "Non, cette vidéo ne montre pas des soldats maliens fuyant Kidal",
    "claimReviewed": "A video shows Malian soldiers fleeing Kidal",
    "datePublished": "2025-03-12T10:00:00+00:00",
    "author": {"@type": "Organization", "name": "AFP Factuel", "url": "https://factuel.afp.com"},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Faux",
    },
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": "Sahel Vérité (Facebook page)"},
        "datePublished": "2025-03-09",
        "appearance": [
            {"@type": "CreativeWork", "url": "https://www.facebook.com/sahelverite/videos/1"}
        ],
    },
}
PAGE = f"""<!doctype html><html><head><title>AFP Factuel</title>
<script type="application/ld+json">{json.dumps(REVIEW)}</script></head>
<body><h1>Non, cette vidéo…</h1></body></html>""".encode()


def test_a_fact_checkers_page_becomes_a_claim_asserted_by_its_author_and_denied_by_the_checker(
    reporter_user,
):
    report = load_ledger(
        read_upload("review.html", PAGE), by=reporter_user, file_name="review.html"
    )
    assert report.ok, report.errors()
    claim = Claim.objects.get()
    assert claim.text == "A video shows Malian soldiers fleeing Kidal"
    assertion, rating = claim.statements.all()
    assert (assertion.actor.name, assertion.stance, assertion.stated_on_display) == (
        "Sahel Vérité (Facebook page)",
        "asserts",
        "9 March 2025",
    )
    assert assertion.citations.get().source.url == "https://www.facebook.com/sahelverite/videos/1"
    assert (rating.actor.name, rating.stance, rating.paraphrase) == (
        "AFP Factuel",
        "denies",
        "AFP Factuel rated it “Faux”.",
    )
    review = Source.objects.get(url="https://factuel.afp.com/doc.afp.com.36XY2ZK")
    assert rating.citations.get().source == review
    assert review.outlet.name == "AFP Factuel"
    assert Actor.objects.get(name="AFP Factuel").kind == "media"
    assert claim.is_contested


def test_the_json_ld_itself_imports_the_same_and_twice_changes_nothing(reporter_user):
    first = load_ledger(
        read_upload("r.jsonld", json.dumps([REVIEW]).encode()), by=reporter_user, file_name="r"
    )
    assert first.ok, first.errors()
    again = load_ledger(
        read_upload("r.jsonld", json.dumps(REVIEW).encode()), by=reporter_user, file_name="r"
    )
    assert set(again.counts()) == {"unchanged"}


@pytest.mark.parametrize(
    ("rating", "stance"),
    [
        ({"alternateName": "False"}, "denies"),
        ({"alternateName": "Partly false"}, "disputes"),
        ({"alternateName": "Trompeur"}, "disputes"),
        ({"alternateName": "True"}, "supports"),
        ({"alternateName": "Satire"}, "adds_context"),
        ({"ratingValue": 5, "bestRating": 5, "worstRating": 1}, "supports"),
        ({"ratingValue": 3, "bestRating": 5, "worstRating": 1}, "disputes"),
    ],
)
def test_a_rating_reads_as_a_stance(rating, stance):
    assert stance_for(rating) == stance


def test_a_page_without_a_claimreview_says_so():
    with pytest.raises(ValueError, match="No ClaimReview found"):
        read_upload("page.html", b"<html><body>No data here</body></html>")
