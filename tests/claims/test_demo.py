"""The demo ledger from the AFP article."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.core.management import call_command

from actors.models import Actor, ActorRelation
from claims.models import Claim, Statement
from claims.visibility import public
from sources.models import Source

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]

HELICOPTER = "fla-drone-shot-down-malian-army-helicopter"
INTERCEPTED = "malian-army-intercepted-and-recovered-rebel-drone"
DOMAIN_APPS = ("sources", "actors", "claims")


def snapshot() -> dict[str, list[tuple]]:
    """Every domain row's values (history tables excluded)."""
    return {
        model._meta.label: sorted(
            tuple(str(v) for v in row)
            for row in model.objects.values_list(
                *[f.attname for f in model._meta.concrete_fields if f.attname != "updated_at"]
            )
        )
        for model in apps.get_models()
        if model._meta.app_label in DOMAIN_APPS
        and not model._meta.label.split(".")[1].startswith("Historical")
    }


def test_loading_the_demo_twice_gives_the_same_data_and_no_new_history(capsys):
    call_command("load_demo")
    first = snapshot()
    history = Claim.history.count()
    call_command("load_demo")
    assert snapshot() == first
    assert Claim.history.count() == history
    assert "nothing changed" in capsys.readouterr().out


def test_the_helicopter_and_the_intercepted_drone_are_rival_published_claims():
    call_command("load_demo")
    helicopter = Claim.objects.get(slug=HELICOPTER)
    intercepted = Claim.objects.get(slug=INTERCEPTED)
    assert (
        public.claim_relations()
        .filter(from_claim=helicopter, kind="contradicts", to_claim=intercepted)
        .exists()
    )
    fla = Actor.objects.get(slug="fla")
    army = Actor.objects.get(slug="malian-armed-forces")
    assert helicopter in public.listed_claims().contested().asserted_by(fla).denied_by(army)
    assert intercepted in Claim.objects.asserted_by(army)


def test_the_ukraine_supply_claim_is_contested_with_accusers_and_deniers():
    call_command("load_demo")
    claim = Claim.objects.get(slug="ukraine-supplies-drones-and-weapons-to-the-fla")
    assert claim.is_contested
    accusers = {s.actor.slug for s in claim.statements.filter(stance="asserts")}
    assert accusers >= {
        "government-of-mali",
        "government-of-niger",
        "government-of-burkina-faso",
        "abdoulaye-maiga",
    }
    assert claim in Claim.objects.denied_by(Actor.objects.get(slug="government-of-ukraine"))
    assert claim in Claim.objects.denied_by(Actor.objects.get(slug="fla"))  # via Ramadane


def test_dates_keep_the_precision_the_article_gives():
    call_command("load_demo")
    helicopter = Claim.objects.get(slug=HELICOPTER)
    assert helicopter.event_date_display == "February 2025"
    maiga = Statement.objects.get(actor__slug="abdoulaye-maiga")
    assert maiga.stated_on_display == "September 2025"
    told_afp = Statement.objects.get(actor__slug="mohamed-elmaouloud-ramadane", stance="denies")
    assert told_afp.stated_on_display == "reported 7 October 2025"
    article = Source.objects.get()
    assert article.published_on == datetime.date(2025, 10, 7)
    assert maiga.quote.startswith("The Ukrainian regime has become one of the main suppliers")


def test_actors_carry_aliases_and_relations():
    call_command("load_demo")
    fla = Actor.objects.get(slug="fla")
    assert {"FLA", "Front de Libération de l'Azawad"} <= set(
        fla.aliases.values_list("name", flat=True)
    )
    assert ActorRelation.objects.filter(
        subject__slug="mohamed-elmaouloud-ramadane", kind="spokesperson_of", object=fla
    ).exists()
    assert ActorRelation.objects.filter(
        subject__slug="africa-corps", kind="successor_of", object__slug="wagner-group"
    ).exists()
    assert ActorRelation.objects.filter(
        subject__slug="africa-corps",
        kind="controlled_by",
        object__slug="russian-ministry-of-defence",
    ).exists()


def test_the_demo_shows_the_visibility_rule():
    call_command("load_demo")
    assert Claim.objects.filter(status="draft").exists()
    public_actors = set(public.actors().values_list("slug", flat=True))
    assert "ulf-laessing" not in public_actors  # quoted only in the draft
    assert {"fla", "malian-armed-forces", "mohamed-elmaouloud-ramadane"} <= public_actors
