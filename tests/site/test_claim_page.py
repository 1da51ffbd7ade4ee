"""The claim page tells the story at a glance: who is for and against, when, and who reported it."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.utils import timezone

from claims.models import Correction
from claims.vocabulary import Stance, Status
from tests.factories import ActorFactory, ClaimFactory, StatementFactory

pytestmark = pytest.mark.django_db


def page(reader, claim) -> str:
    response = reader.get(claim.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_it_shows_the_proposition_verdict_reasoning_and_contested_badge(reader, helicopter):
    html = page(reader, helicopter["claim"])
    assert "An FLA drone shot down a Malian army helicopter" in html
    assert "Our verdict: Disputed" in html
    assert "Incompatible accounts, no independent evidence." in html
    assert ">Contested<" in html
    assert "Event: February 2025" in html


def test_it_puts_the_fla_for_and_the_army_against_side_by_side(reader, helicopter):
    html = page(reader, helicopter["claim"])
    assert "Azawad Liberation Front" in section(html, "side-for")
    assert "Malian Armed Forces" not in section(html, "side-for")
    assert "Malian Armed Forces" in section(html, "side-against")


def test_statements_show_date_at_precision_quote_language_translation_and_sources(
    reader, helicopter
):
    html = page(reader, helicopter["claim"])
    timeline = html[html.index('id="timeline-title"') :]
    assert "February 2025" in timeline
    assert 'lang="fr"' in timeline
    assert "«intercepté et récupéré» un «drone terroriste»" in timeline
    assert "“intercepted and recovered” a “terrorist drone”" in timeline
    assert "(human, by AFP)" in timeline
    assert "From Donbas to the desert" in timeline
    assert "Agence France-Presse" in timeline
    assert "Source reliability <abbr" in timeline
    assert "https://archive.example/afp" in timeline
    assert "(para 21)" in timeline


def test_a_statement_dated_by_its_report_says_so(reader, helicopter):
    StatementFactory(
        claim=helicopter["claim"],
        actor=helicopter["army"],
        stance=Stance.DENIES,
        stated_on=datetime.date(2025, 10, 7),
        stated_on_is_report_date=True,
    )
    assert "reported 7 October 2025" in page(reader, helicopter["claim"])


def test_it_gives_the_outcome_of_requests_for_comment(reader, helicopter):
    html = page(reader, helicopter["claim"])
    assert "Malian Armed Forces did not respond to a request for comment by 5 October 2025." in html


def test_it_links_rival_claims(reader, helicopter):
    html = page(reader, helicopter["claim"])
    assert "This claim contradicts" in html
    assert "This claim contradicts" in page(reader, helicopter["rival"])
    assert helicopter["rival"].get_absolute_url() in html
    rival = page(reader, helicopter["rival"])
    assert helicopter["claim"].get_absolute_url() in rival


def test_it_says_how_a_partys_position_changed(reader, helicopter):
    StatementFactory(
        claim=helicopter["claim"],
        actor=helicopter["army"],
        stance=Stance.ACKNOWLEDGES,
        stated_on=datetime.date(2025, 7, 1),
        stated_on_precision="month",
    )
    html = page(reader, helicopter["claim"])
    assert "Malian Armed Forces" in section(html, "side-for")
    assert "denied in February 2025, acknowledged in July 2025" in html


def test_it_links_the_api_json_and_carries_claimreview_json_ld(reader, helicopter):
    claim = helicopter["claim"]
    html = page(reader, claim)
    assert f'href="/api/v1/claims/{claim.pk}/"' in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == claim.text
    assert data["reviewRating"]["alternateName"] == "Disputed"
    assert data["itemReviewed"]["author"]["@type"] == "Organization"
    assert data["itemReviewed"]["author"]["name"] == "Azawad Liberation Front"
    assert data["url"].endswith(claim.get_absolute_url())


def test_json_ld_cannot_close_its_script_element(reader):
    claim = ClaimFactory(published=True, text="Evil </script><script>alert(1)</script>")
    html = page(reader, claim)
    assert "</script><script>alert(1)" not in html


def test_it_says_when_there_are_no_corrections(reader, helicopter):
    html = section(page(reader, helicopter["claim"]), "corrections-title")
    assert "No corrections have been published for this claim." in html


def test_it_shows_the_corrections_log_oldest_first_with_what_changed(reader, helicopter):
    claim = helicopter["claim"]
    Correction.objects.create(
        claim=claim,
        note="The quote of the army was mistranslated.",
        changed=["statement quote"],
        created_at=datetime.datetime(2025, 10, 9, tzinfo=datetime.UTC),
    )
    Correction.objects.create(
        claim=claim,
        note="The verdict now reflects the UN report.",
        changed=["verdict", "verdict reasoning"],
        created_at=datetime.datetime(2025, 11, 2, tzinfo=datetime.UTC),
    )
    html = section(page(reader, claim), "corrections-title")
    first = html.index("9 October 2025</time>: The quote of the army was mistranslated.")
    second = html.index("2 November 2025</time>: The verdict now reflects the UN report.")
    assert first < second
    assert "(changed: verdict, verdict reasoning)" in html


def test_a_withdrawn_claim_keeps_its_page_and_says_when_and_why(reader, helicopter):
    claim = helicopter["claim"]
    claim.status = Status.WITHDRAWN
    claim.withdrawn_at = datetime.datetime(2025, 11, 3, tzinfo=datetime.UTC)
    claim.withdrawal_reason = "The source retracted its report."
    claim.save()
    html = page(reader, claim)
    assert "This claim was withdrawn on 3 November 2025" in html
    assert "The source retracted its report." in html


def test_a_claim_with_no_statements_says_so(reader):
    claim = ClaimFactory(published=True, published_at=timezone.now())
    assert "No statements have been recorded on this claim yet." in page(reader, claim)


def test_it_draws_the_timeline_as_svg_with_a_text_description(reader, helicopter):
    html = page(reader, helicopter["claim"])
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg
    assert "2 statements from" not in svg  # both were said in the same month
    assert "2 statements, February 2025: 1 for the claim, 1 against, 0 neutral." in svg
    assert ">Azawad Liberation</tspan>" in svg


def test_an_independent_observer_is_told_apart_from_the_parties(reader, helicopter):
    StatementFactory(
        claim=helicopter["claim"],
        actor=ActorFactory(name="Rida Lyammouri", kind="expert"),
        stance=Stance.SUPPORTS,
        is_interested_party=False,
    )
    html = page(reader, helicopter["claim"])
    assert "independent observer" in section(html, "side-for")


def test_it_lists_published_revisions_but_never_the_draft_ones(reader):
    claim = ClaimFactory(text="Draft-time wording of the claim")
    claim.text = "Wording when first published"
    claim.status = Status.PUBLISHED
    claim.published_at = datetime.datetime(2025, 10, 7, tzinfo=datetime.UTC)
    claim.save()
    claim.text = "Wording after a correction"
    claim.save()
    html = section(page(reader, claim), "corrections-title")
    assert "Revisions since publication" in html
    assert html.index("Wording after a correction") < html.index("Wording when first published")
    assert "Draft-time wording" not in html
    assert f'href="/api/v1/claims/{claim.pk}/history/"' in html
