"""The claim page tells the story at a glance: who is for and against, when, and who reported it."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.utils import timezone

from claims.models import Correction
from claims.vocabulary import Stance, Status, Verdict
from tests.factories import ActorFactory, ClaimFactory, StatementFactory
from tests.ledger import SECRET

pytestmark = pytest.mark.django_db


def page(reader, claim) -> str:
    response = reader.get(claim.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def test_it_shows_the_proposition_verdict_reasoning_and_contested_badge(reader, disputed):
    html = page(reader, disputed.claim)
    assert "An FLA drone shot down a Malian army helicopter" in html
    assert "Our verdict: Disputed" in html
    assert disputed.claim.verdict_reasoning in html
    assert ">Contested<" in html
    assert "Event: February 2025" in html


def test_it_puts_the_fla_for_and_the_army_against_side_by_side(reader, ledger):
    html = page(reader, ledger.claim)
    army = f'href="{ledger.army.get_absolute_url()}"'
    assert "Azawad Liberation Front" in section(html, "side-for")
    assert army not in section(html, "side-for")
    assert f"{army}>Malian army</a>" in section(html, "side-against")


def test_statements_show_date_at_precision_quote_language_translation_and_sources(reader, ledger):
    html = page(reader, ledger.claim)
    timeline = html[html.index('id="timeline-title"') :]
    assert "1 February 2025" in timeline
    assert 'lang="fr"' in timeline
    assert "Nous avons abattu un hélicoptère" in timeline
    assert "We shot down a helicopter" in timeline
    assert "(human, by AFP)" in timeline
    assert "From Donbas to the desert" in timeline
    assert "Agence France-Presse" in timeline
    assert "Source reliability <abbr" in timeline
    assert "https://archive.example/afp" in timeline
    assert "(para 3)" in timeline


def test_a_statement_dated_by_its_report_says_so(reader, ledger):
    StatementFactory(
        claim=ledger.claim,
        actor=ledger.army,
        stance=Stance.DENIES,
        stated_on=datetime.date(2025, 10, 7),
        stated_on_is_report_date=True,
    )
    assert "reported 7 October 2025" in page(reader, ledger.claim)


def test_it_gives_the_outcome_of_requests_for_comment(reader, ledger):
    html = page(reader, ledger.claim)
    assert "Malian army did not respond to a request for comment by 5 October 2025." in html


def test_it_links_rival_claims(reader, ledger):
    html = page(reader, ledger.claim)
    assert "This claim contradicts" in html
    assert "This claim contradicts" in page(reader, ledger.rival)
    assert ledger.rival.get_absolute_url() in html
    rival = page(reader, ledger.rival)
    assert ledger.claim.get_absolute_url() in rival
    # The draft contradicts the claim too; the claim's page does not say so.
    assert ledger.draft.get_absolute_url() not in html
    assert SECRET not in html


def test_it_says_how_a_partys_position_changed(reader, ledger):
    StatementFactory(
        claim=ledger.claim,
        actor=ledger.army,
        stance=Stance.ACKNOWLEDGES,
        stated_on=datetime.date(2025, 7, 1),
        stated_on_precision="month",
    )
    html = page(reader, ledger.claim)
    assert f'href="{ledger.army.get_absolute_url()}">Malian army</a>' in section(html, "side-for")
    assert "denied on 2 February 2025, acknowledged in July 2025" in html


def test_it_links_the_api_json_and_carries_claimreview_json_ld(reader, disputed):
    claim = disputed.claim
    html = page(reader, claim)
    assert f'href="/api/v1/claims/{claim.pk}/"' in html
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == claim.text
    assert data["reviewRating"]["alternateName"] == "Disputed"
    # The spokesman asserted it on the FLA's behalf: the FLA is the claim's author.
    assert data["itemReviewed"]["author"]["@type"] == "Organization"
    assert data["itemReviewed"]["author"]["name"] == "Azawad Liberation Front"
    assert data["url"].endswith(claim.get_absolute_url())


def test_json_ld_cannot_close_its_script_element(reader):
    claim = ClaimFactory(published=True, text="Evil </script><script>alert(1)</script>")
    html = page(reader, claim)
    assert "</script><script>alert(1)" not in html


def test_it_says_when_there_are_no_corrections(reader, ledger):
    html = section(page(reader, ledger.claim), "corrections-title")
    assert "No corrections have been published for this claim." in html


def test_it_shows_the_corrections_log_oldest_first_with_what_changed(reader, ledger):
    claim = ledger.claim
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


def test_a_withdrawn_claim_keeps_its_page_and_says_when_and_why(reader, ledger):
    html = page(reader, ledger.withdrawn)
    assert "This claim was withdrawn on 8 October 2025" in html
    assert "Could not be sourced." in html


def test_a_claim_with_no_statements_says_so(reader):
    claim = ClaimFactory(published=True, published_at=timezone.now())
    assert "No statements have been recorded on this claim yet." in page(reader, claim)


def test_it_draws_the_timeline_as_svg_with_a_text_description(reader, ledger):
    html = page(reader, ledger.claim)
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg
    assert (
        "2 statements, from 1 February 2025 to 2 February 2025: "
        "1 for the claim, 1 against, 0 neutral."
    ) in svg
    # The spokesman's statement is drawn under the party he speaks for, its name wrapped.
    assert ">Azawad Liberation</tspan>" in svg


def test_an_independent_observer_is_told_apart_from_the_parties(reader, ledger):
    StatementFactory(
        claim=ledger.claim,
        actor=ActorFactory(name="Rida Lyammouri", kind="expert"),
        stance=Stance.SUPPORTS,
        is_interested_party=False,
    )
    html = page(reader, ledger.claim)
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


def test_its_revisions_say_what_changed_and_leave_out_saves_that_changed_nothing(reader):
    claim = ClaimFactory(text="Wording when first published", published=True)
    claim.save()  # nothing a reader sees changed
    claim.verdict, claim.verdict_reasoning = Verdict.LIKELY_FALSE, "Wreckage photographed."
    claim.save()
    claim.summary = "The army's account added."
    claim.save()
    items = re.findall(r"<li><time.*?</li>", section(page(reader, claim), "revisions-title"), re.S)
    assert len(items) == 3, items
    newest, middle, first = (" ".join(re.sub(r"<[^>]+>", "", i).split()) for i in items)
    assert "Summary changed." in newest
    assert "Verdict, verdict reasoning changed." in middle
    assert "Verdict now Likely false." in middle
    assert "published, verdict Unverified" in first
    assert "Wording when first published" in first
