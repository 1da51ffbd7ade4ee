"""The claim list: filters and search that work without JavaScript, pagination, clear errors."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.visibility import public
from claims.vocabulary import Stance
from tests.factories import ActorAliasFactory, ClaimFactory, StatementFactory
from tests.ledger import SECRET

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]

URL = reverse("claims:claim-list")


def listed(reader, **params) -> list[str]:
    response = reader.get(URL, params)
    assert response.status_code == 200, response.content.decode()[:2000]
    return [claim.slug for claim in response.context["page"]]


def test_it_lists_published_claims_newest_first(reader, ledger):
    assert listed(reader) == ["rival", "helicopter"]


def test_it_searches_claim_text(reader, ledger):
    assert listed(reader, q="helicopter") == ["helicopter"]
    assert listed(reader, q="submarine") == []


def test_it_searches_quotes_translations_and_actor_names_and_aliases(reader, ledger):
    # The army's account of the rival claim, in French with a translation, and its other name.
    StatementFactory(
        claim=ledger.rival,
        actor=ledger.army,
        stance=Stance.ASSERTS,
        quote="L'appareil a été récupéré",
        quote_language="fr",
        translation="The aircraft was recovered",
    )
    ActorAliasFactory(actor=ledger.army, name="FAMa")
    assert listed(reader, q="abattu") == ["helicopter"]  # the spokesman's quote
    assert listed(reader, q="aircraft") == ["rival"]  # only in the translation
    assert listed(reader, q="Elmaouloud") == ["helicopter"]  # the spokesman's name
    assert set(listed(reader, q="FAMa")) == {"helicopter", "rival"}  # the army's alias


def test_search_combines_with_filters(reader, disputed):
    assert set(listed(reader, q="drone")) == {"helicopter", "rival"}
    assert listed(reader, q="drone", verdict="disputed") == ["helicopter"]


def test_it_filters_by_verdict(reader, disputed):
    assert listed(reader, verdict="disputed") == ["helicopter"]
    assert listed(reader, verdict="unverified") == ["rival"]
    assert listed(reader, verdict="false") == []


def test_it_filters_by_contested(reader, ledger):
    # Only the army speaks on the rival claim.
    assert listed(reader, contested="true") == ["helicopter"]
    assert listed(reader, contested="false") == ["rival"]


def test_it_filters_by_actor_and_their_position(reader, ledger):
    army = ledger.army.slug
    assert set(listed(reader, actor=army)) == {"helicopter", "rival"}
    assert listed(reader, actor=army, position="against") == ["helicopter"]
    assert listed(reader, actor=army, position="for") == ["rival"]
    # The spokesman's assertion on the FLA's behalf is the FLA's.
    assert listed(reader, actor="fla", position="for") == ["helicopter"]
    assert listed(reader, actor="fla", position="against") == []


def test_it_filters_by_topic(reader, ledger):
    # The draft shares the topic; it stays out.
    assert listed(reader, topic="drones") == ["helicopter"]


def test_it_filters_by_event_dates(reader, ledger):
    assert listed(reader, event_after="2025-01-15", event_before="2025-02-28") == ["helicopter"]
    assert listed(reader, event_after="2025-03-01") == []


@pytest.mark.parametrize(
    ("params", "label", "message"),
    [
        ({"verdict": "bogus"}, "Verdict", "Select a valid choice"),
        ({"contested": "maybe"}, "Contested", "Select a valid choice"),
        ({"actor": "nobody"}, "Actor", "No actor by that id, name or alias"),
        ({"topic": "nothing"}, "Topic", "Select a valid choice"),
        ({"event_after": "last tuesday"}, "Event on or after", "Enter a valid date"),
        (
            {"event_after": "2025-03-01", "event_before": "2025-01-01"},
            "Event on or before",
            "must not be before",
        ),
        ({"position": "sideways"}, "Actor&#x27;s position", "Select a valid choice"),
    ],
)
def test_a_bad_filter_value_is_an_error_naming_the_field(reader, ledger, params, label, message):
    response = reader.get(URL, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Some filters could not be used" in html
    assert f"{label}</a>: " in html
    assert message in html


def test_it_paginates(reader):
    for n in range(25):
        ClaimFactory(published=True, slug=f"claim-{n:02}")
    first = reader.get(URL)
    assert len(first.context["page"].object_list) == 20
    assert 'rel="next" href="?page=2"' in first.content.decode()
    second = reader.get(URL, {"page": 2})
    assert len(second.context["page"].object_list) == 5


def test_it_counts_and_pages_no_further_than_its_cap(reader, monkeypatch):
    monkeypatch.setattr("website.paging.CappedPaginator.cap", 3)
    for n in range(5):
        ClaimFactory(published=True, slug=f"claim-{n:02}")
    with CaptureQueriesContext(connection) as queries:
        response = reader.get(URL)
    assert "More than 3 claims" in response.content.decode()
    assert len(response.context["page"].object_list) == 3
    counts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]
    assert len(counts) == 1
    assert counts[0].endswith("LIMIT 4) subquery"), counts  # keys only, unordered, cap + 1


def test_a_list_under_its_cap_says_exactly_how_many(reader, ledger):
    assert "2 claims" in reader.get(URL).content.decode()
    assert "More than" not in reader.get(URL).content.decode()


def test_pagination_keeps_the_filters(reader):
    for n in range(25):
        ClaimFactory(published=True, slug=f"claim-{n:02}", verdict="unverified")
    html = reader.get(URL, {"verdict": "unverified"}).content.decode()
    assert 'href="?verdict=unverified&amp;page=2"' in html


def test_filter_choices_offer_only_public_actors_and_topics(reader, ledger):
    form = reader.get(URL).context["form"]
    suggestions = form.fields["actor"].widget.suggestions
    assert ledger.fla.name in suggestions
    assert ledger.secret_actor.name not in suggestions
    assert not [name for name in suggestions if SECRET in name]
    topics = form.fields["topic"].queryset
    assert ledger.topic in topics
    assert ledger.secret_topic not in topics


@pytest.mark.parametrize("typed", ["fla", "Azawad Liberation Front", "azawad liberation front"])
def test_the_actor_filter_takes_a_slug_a_name_or_an_alias(reader, ledger, typed):
    assert listed(reader, actor=typed, position="for") == ["helicopter"]


def test_a_drafts_actor_is_not_found_like_a_name_that_does_not_exist(reader, ledger):
    for typed in (ledger.secret_actor.slug, ledger.secret_actor.name, "nobody at all"):
        response = reader.get(URL, {"actor": typed})
        assert response.status_code == 400
        assert "No actor by that id, name or alias" in response.content.decode()


def test_the_actor_filter_suggests_names_without_listing_every_actor(reader, ledger):
    import re

    from tests.factories import ActorFactory
    from website.forms import SUGGESTED_ACTORS

    for n in range(40):
        StatementFactory(claim=ClaimFactory(published=True), actor=ActorFactory(name=f"Quoted {n}"))
    html = reader.get(URL).content.decode()
    assert 'list="id_actor-suggestions"' in html
    datalist = re.search(r'<datalist id="id_actor-suggestions">(.*?)</datalist>', html, re.S)
    assert datalist.group(1).count("<option") == SUGGESTED_ACTORS
    assert public.actors().count() > SUGGESTED_ACTORS


def test_event_date_precision_shows_in_the_list(reader, ledger):
    ClaimFactory(
        published=True,
        event_date=datetime.date(2023, 1, 1),
        event_date_precision="year",
        slug="kidal",
    )
    assert "Event: 2023" in reader.get(URL).content.decode()
