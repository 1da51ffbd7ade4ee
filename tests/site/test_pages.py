"""Home, topic, source and methodology pages, and how every page revalidates cheaply."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ClaimFactory, StatementFactory
from tests.ledger import SECRET

pytestmark = pytest.mark.django_db


def test_home_shows_latest_and_most_contested_claims_and_a_search_box(reader, ledger):
    response = reader.get(reverse("home"))
    html = response.content.decode()
    assert [c.slug for c in response.context["latest"]] == ["rival", "helicopter"]
    # Only the army speaks on the rival claim: it is not contested.
    assert [c.slug for c in response.context["most_contested"]] == ["helicopter"]
    assert 'role="search"' in html
    assert 'name="q"' in html


def test_home_counts_published_claims_no_further_than_the_lists_cap(reader, monkeypatch):
    monkeypatch.setattr("website.paging.CappedPaginator.cap", 3)
    for n in range(3):
        ClaimFactory(published=True, slug=f"claim-{n}")
    ClaimFactory(slug="a-draft")
    assert "Search 3 published claims" in reader.get(reverse("home")).content.decode()
    ClaimFactory(published=True, slug="claim-3")
    with CaptureQueriesContext(connection) as queries:
        html = reader.get(reverse("home")).content.decode()
    assert "Search more than 3 published claims" in html
    counts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert len(counts) == 1
    assert counts[0].endswith("LIMIT 4) subquery"), counts  # keys only, cap + 1


def test_home_draws_a_stance_grid_of_parties_and_claims(reader, ledger):
    html = reader.get(reverse("home")).content.decode()
    grid = html[html.index('class="stance-grid"') : html.index("</table>")]
    # The parties' rows (the claims' texts are in the grid too, so look for the row links).
    for party in (ledger.fla, ledger.army):
        assert f'href="{party.get_absolute_url()}">{party.name}</a>' in grid
    # The spokesman speaks for the FLA, whose row it is.
    assert ledger.spokesman.get_absolute_url() not in grid
    assert "Ramadane" not in grid
    assert "cell--for" in grid
    assert "cell--against" in grid
    picture = html[html.index('<svg class="stance-picture"') : html.index("</svg>")]
    assert 'role="img"' in picture
    assert "sg-for" in picture
    assert "sg-against" in picture


def test_a_topic_page_lists_its_claims_with_a_grid(reader, ledger):
    html = reader.get(reverse("topic-detail", args=["drones"])).content.decode()
    assert "<h1>Drones</h1>" in html
    assert "An FLA drone shot down a Malian army helicopter" in html
    assert 'class="stance-grid"' in html
    # The draft shares the topic; it stays out.
    assert SECRET not in html


def test_a_source_page_shows_outlet_grade_archive_and_the_statements_it_reports(reader, ledger):
    outlet = ledger.source.outlet
    outlet.default_reliability = "B"
    outlet.save()
    html = reader.get(ledger.source.get_absolute_url()).content.decode()
    assert "From Donbas to the desert" in html
    assert "Agence France-Presse" in html
    assert "<strong><bdi>B</bdi></strong> — usually reliable (the outlet's grade)" in html
    assert "https://archive.example/afp" in html
    assert f'href="{ledger.army.get_absolute_url()}">Malian army</a>' in html
    assert "denies" in html
    assert "<dd>English</dd>" in html


def test_a_source_page_leaves_out_statements_of_drafts_citing_it(reader, ledger):
    # The army's statement on the draft cites this source too.
    assert ledger.source.citations.filter(statement__claim=ledger.draft).exists()
    html = reader.get(ledger.source.get_absolute_url()).content.decode()
    assert SECRET not in html


def test_the_methodology_page_explains_stances_verdicts_and_grades(reader, ledger):
    html = reader.get(reverse("methodology")).content.decode()
    assert "declines to comment" in html
    assert "Likely false" in html
    assert "A — completely reliable" in html
    assert "6 — truth cannot be judged" in html


@pytest.mark.parametrize(
    "name", ["home", "methodology", "claims:claim-list", "actors:actor-list", "feed-claims"]
)
def test_pages_carry_an_etag_and_answer_304_when_unchanged(reader, ledger, name):
    url = reverse(name)
    first = reader.get(url)
    assert first.has_header("ETag")
    assert "no-cache" in first["Cache-Control"]
    again = reader.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_a_claim_page_revalidates_and_changes_its_etag_when_a_statement_is_added(reader, ledger):
    url = ledger.claim.get_absolute_url()
    first = reader.get(url)
    assert reader.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    StatementFactory(claim=ledger.claim, actor=ledger.army, paraphrase="More.")
    changed = reader.get(url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_pages_load_nothing_from_another_host(reader, ledger):
    for url in [reverse("home"), ledger.claim.get_absolute_url()]:
        html = reader.get(url).content.decode()
        for attribute in ('src="http', 'src="//', 'href="//', "@import"):
            assert attribute not in html
        assert '<link rel="stylesheet" href="/static/' in html


def test_a_source_page_pages_through_many_statements(reader):
    from tests.factories import CitationFactory, ClaimFactory, SourceFactory

    source = SourceFactory(language="en")
    for _ in range(51):
        CitationFactory(
            source=source, statement=StatementFactory(claim=ClaimFactory(published=True))
        )
    first = reader.get(source.get_absolute_url())
    assert len(first.context["page"].object_list) == 50
    assert reader.get(source.get_absolute_url(), {"page": 2}).context["page"].number == 2


def test_pages_tell_the_browser_to_load_nothing_from_elsewhere_and_run_no_script(reader, ledger):
    for url in [reverse("home"), ledger.claim.get_absolute_url(), reverse("feed-claims")]:
        policy = reader.get(url)["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'none'" in policy
