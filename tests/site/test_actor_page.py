"""The actor page: names, relations, every position as a table, and where a position changed."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from claims.vocabulary import Stance
from tests.factories import ActorRelationFactory, ClaimFactory, SourceFactory, StatementFactory
from tests.ledger import SECRET

pytestmark = pytest.mark.django_db


def test_it_shows_names_aliases_and_description(reader, ledger):
    html = reader.get(ledger.fla.get_absolute_url()).content.decode()
    assert "<h1" in html
    assert "Azawad Liberation Front" in html
    assert "Also known as: <span>FLA</span>" in html
    assert "A coalition of armed groups in northern Mali." in html


def test_it_shows_relations_both_ways(reader, ledger):
    fla = reader.get(ledger.fla.get_absolute_url()).content.decode()
    assert "has as spokesperson" in fla
    assert "Mohamed Elmaouloud Ramadane" in fla
    spokesman = reader.get(ledger.spokesman.get_absolute_url()).content.decode()
    assert "Mohamed Elmaouloud Ramadane is spokesperson of" in spokesman


def test_a_relations_source_shows_only_when_public(reader, ledger):
    hidden = SourceFactory(title="Unpublished dossier")
    ActorRelationFactory(subject=ledger.army, kind="allied_with", object=ledger.fla, source=hidden)
    html = reader.get(ledger.army.get_absolute_url()).content.decode()
    assert "allied with" in html
    assert "Unpublished dossier" not in html


def test_relations_to_actors_the_public_cannot_see_are_left_out(reader, ledger):
    ActorRelationFactory(subject=ledger.army, kind="allied_with")
    html = reader.get(ledger.army.get_absolute_url()).content.decode()
    assert "allied with" not in html
    # Nor does the FLA's page show its alliance with the actor only the draft quotes.
    fla = reader.get(ledger.fla.get_absolute_url()).content.decode()
    assert "allied with" not in fla
    assert SECRET not in fla


def test_it_lists_every_position_with_claim_stance_date_and_source(reader, ledger):
    html = reader.get(ledger.army.get_absolute_url()).content.decode()
    table = html[html.index('id="positions-caption"') :]
    assert "An FLA drone shot down a Malian army helicopter" in table
    assert "denies" in table
    assert "2 February 2025" in table
    assert "Agence France-Presse" in table
    assert "The army intercepted a terrorist drone" in table


def test_positions_taken_through_a_spokesperson_count_for_the_party(reader, ledger):
    # The FLA said nothing itself: its spokesman asserted the helicopter claim for it.
    html = reader.get(ledger.fla.get_absolute_url()).content.decode()
    assert "through <a" in html
    assert "An FLA drone shot down a Malian army helicopter" in html


def test_it_says_plainly_where_a_position_changed(reader, ledger):
    StatementFactory(
        claim=ledger.claim,
        actor=ledger.army,
        stance=Stance.ACKNOWLEDGES,
        stated_on=datetime.date(2025, 7, 1),
        stated_on_precision="month",
    )
    html = reader.get(ledger.army.get_absolute_url()).content.decode()
    assert "Where its position changed" in html
    assert "denied on 2 February 2025, acknowledged in July 2025" in html


def test_it_announces_its_feed(reader, ledger):
    html = reader.get(ledger.army.get_absolute_url()).content.decode()
    feed = reverse("feed-actor", args=[ledger.army.slug])
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert f'href="{feed}"' in html


def test_positions_on_a_withdrawn_claim_are_marked(reader, ledger):
    # The army asserted the ledger's withdrawn claim.
    html = reader.get(ledger.army.get_absolute_url()).content.decode()
    assert f'{ledger.withdrawn.text}</a> <span class="badge">withdrawn</span>' in html


def test_the_actor_list_counts_published_claims_only(reader, ledger):
    # The army also spoke on the withdrawn claim and on the draft; neither counts, and the
    # actor only the draft quotes is not listed at all.
    response = reader.get(reverse("actors:actor-list"))
    counts = {actor.slug: actor.claim_count for actor in response.context["page"]}
    assert counts == {"fla": 1, "malian-army": 2, "ramadane": 1}


def test_it_sums_up_where_the_actor_stands_now(reader, ledger):
    # Against the helicopter claim; for the rival and for the withdrawn claim, whose page and
    # positions stay public.
    html = reader.get(ledger.army.get_absolute_url()).content.decode()
    assert "Current position on 3 claims" in html
    assert ">for 2<" in html
    assert ">against 1<" in html


def test_positions_are_paged_50_at_a_time_and_the_summary_counts_them_all(reader):
    from tests.factories import ActorFactory

    actor = ActorFactory(slug="prolific")
    for _ in range(51):
        StatementFactory(claim=ClaimFactory(published=True), actor=actor)
    response = reader.get(actor.get_absolute_url())
    assert len(response.context["page"].object_list) == 50
    assert "Current position on 51 claims" in response.content.decode()
    second = reader.get(actor.get_absolute_url(), {"page": 2})
    assert len(second.context["page"].object_list) == 1
