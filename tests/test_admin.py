"""The admin is the newsroom's tool: every page opens, lists cost the same at any length, and a
reporter enters a claim with its statements and their citations from one page."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actors.models import Actor
from claims.models import Claim, Correction, Statement
from claims.visibility import public
from claims.vocabulary import Stance
from sources.models import Source
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    CitationFactory,
    ClaimFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

NEWSROOM_MODELS = [
    model
    for model in admin.site._registry
    if model._meta.app_label in ("sources", "actors", "claims")
]


@pytest.fixture
def demo(db):
    call_command("load_demo")


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize("model", NEWSROOM_MODELS, ids=lambda m: m._meta.label)
def test_every_admin_page_opens_for_an_editor(editor, demo, model):
    if model is Correction:  # the demo has none: corrections come with later edits
        Correction.objects.create(
            claim=public.claims().first(), note="Misquoted.", changed=["claim text"]
        )
    response = editor.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    if admin.site._registry[model].has_add_permission(response.wsgi_request):
        assert editor.get(admin_url(model, "add")).status_code == 200
    obj = response.context["cl"].queryset.first()
    assert obj is not None, f"the demo has no {model._meta.verbose_name}"
    # Rows of the newsroom's lists (the editor's queue…) open the record's own pages.
    assert editor.get(admin_url(model, "change", obj.pk), follow=True).status_code == 200
    assert editor.get(admin_url(model, "history", obj.pk), follow=True).status_code == 200


def test_the_admin_turns_away_the_public(reader):
    response = reader.get(admin_url(Claim, "changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def changelist_queries(client, model, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(admin_url(model, "changelist"), params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def claims_with_statements(n: int) -> None:
    for _ in range(n):
        claim = ClaimFactory()
        StatementFactory(claim=claim, stance=Stance.ASSERTS)
        CitationFactory(statement=StatementFactory(claim=claim, stance=Stance.DENIES))
        ActorAliasFactory(actor=claim.statements.first().actor)


@pytest.mark.parametrize(
    ("model", "params"),
    [
        (Claim, {}),
        (Claim, {"contested": "yes"}),
        (Statement, {}),
        (Actor, {}),
        (Source, {}),
    ],
    ids=["claims", "contested-claims", "statements", "actors", "sources"],
)
def test_a_changelist_costs_the_same_queries_for_one_row_or_many(editor, model, params):
    claims_with_statements(1)
    one = changelist_queries(editor, model, **params)
    claims_with_statements(2)
    assert changelist_queries(editor, model, **params) == one


def test_the_claims_changelist_filters_by_actor_and_contested(editor):
    fla, army = ActorFactory(name="FLA"), ActorFactory(name="Army")
    contested = ClaimFactory(text="Helicopter shot down")
    StatementFactory(claim=contested, actor=fla, stance=Stance.ASSERTS)
    StatementFactory(claim=contested, actor=army, stance=Stance.DENIES)
    quiet = ClaimFactory(text="Decoys unveiled")
    StatementFactory(claim=quiet, actor=army, stance=Stance.ASSERTS)

    response = editor.get(admin_url(Claim, "changelist"), {"contested": "yes"})
    assert list(response.context["cl"].result_list) == [contested]
    response = editor.get(admin_url(Claim, "changelist"), {"actor": str(fla.pk)})
    assert list(response.context["cl"].result_list) == [contested]
    response = editor.get(admin_url(Claim, "changelist"), {"contested": "no"})
    assert list(response.context["cl"].result_list) == [quiet]


def management(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_a_reporter_enters_the_helicopter_claim_and_its_denial_from_one_page(editor):
    """Two page loads: the add form, then the saved claim. Actors and the source are picked by
    autocomplete inside the page."""
    fla = ActorFactory(name="Azawad Liberation Front")
    army = ActorFactory(name="Malian Armed Forces")
    article = CitationFactory().source

    assert editor.get(admin_url(Claim, "add")).status_code == 200  # page load 1
    form = {
        "text": "An FLA drone shot down a Malian army helicopter in northern Mali",
        "slug": "fla-drone-shot-down-malian-army-helicopter",
        "event_date": "February 2025",
        "verdict": "unverified",
        "status": "draft",
        **management("statements", 2),
        **management("relations_from", 0),
        **management("requests_for_comment", 0),
    }
    for i, (actor, stance, paraphrase) in enumerate(
        [
            (fla, "asserts", "The FLA said it shot down a Malian helicopter using a drone."),
            (army, "denies", "The army denied it."),
        ]
    ):
        form |= {
            f"statements-{i}-actor": str(actor.pk),
            f"statements-{i}-stance": stance,
            f"statements-{i}-stated_on": "February 2025",
            f"statements-{i}-paraphrase": paraphrase,
            f"statements-{i}-is_interested_party": "on",
            **management(f"statements-{i}-citations", 1),
            f"statements-{i}-citations-0-source": str(article.pk),
            f"statements-{i}-citations-0-locator": "para 21",
            f"statements-{i}-citations-0-credibility": "6",
        }
    response = editor.post(admin_url(Claim, "add"), form)  # page load 2 (after redirect)
    assert response.status_code == 302, response.context["errors"] if response.context else ""

    claim = Claim.objects.get(slug="fla-drone-shot-down-malian-army-helicopter")
    assert claim.status == "draft"
    assert claim.event_date_display == "February 2025"
    assert claim.is_contested
    assert claim in Claim.objects.asserted_by(fla).denied_by(army)
    assert {c.locator for s in claim.statements.all() for c in s.citations.all()} == {"para 21"}
    assert claim.history.count() == 1


def test_the_claim_form_names_the_field_that_is_wrong(editor):
    response = editor.post(
        admin_url(Claim, "add"),
        {
            "text": "A claim",
            "slug": "a-claim",
            "event_date_precision": "day",
            "verdict": "false",
            "verdict_reasoning": "",
            "status": "draft",
            **management("statements", 0),
            **management("relations_from", 0),
            **management("requests_for_comment", 0),
        },
    )
    assert response.status_code == 200
    assert "verdict_reasoning" in response.context["adminform"].form.errors
    assert not Claim.objects.exists()


def test_the_claim_page_shows_derived_fields_read_only(editor):
    claim = ClaimFactory()
    StatementFactory(claim=claim, stance=Stance.ASSERTS)
    StatementFactory(claim=claim, stance=Stance.DENIES)
    response = editor.get(admin_url(Claim, "change", claim.pk))
    form = response.context["adminform"].form
    assert "contested_display" not in form.fields
    assert "First asserted" in response.content.decode()
