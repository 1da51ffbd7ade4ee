"""An import never changes a record that exists unless the file is this Contested's own ledger
and the importer asks for updates; a file from elsewhere (a fact-checker's ClaimReview, a
spreadsheet, another newsroom's Contested) finds records by what they are, not by slugs that
name nothing here, adds what is new with slugs of its own, and reports what differs."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.management import call_command

from actors.models import Actor
from claims.models import Claim
from ledger import origin
from ledger.export import export_text
from ledger.files import read_upload
from ledger.load import load_ledger
from sources.models import Outlet, Source
from tests.factories import ActorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


def claimreview_page(publisher: str, url: str, claimant: str, text: str) -> bytes:
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": text,
        "datePublished": "2025-10-09",
        "author": {"@type": "Organization", "name": publisher, "url": "https://factuel.afp.com"},
        "reviewRating": {"@type": "Rating", "alternateName": "Faux"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": claimant}},
    }
    return f'<html><script type="application/ld+json">{json.dumps(review)}</script></html>'.encode()


def test_a_fact_checkers_page_published_as_afp_leaves_the_newsrooms_afp_as_it_is(editor_user):
    call_command("load_demo", verbosity=0)
    afp = Outlet.objects.get(slug="afp")
    before = (afp.name, afp.kind, afp.website)
    for n in range(2):
        page = claimreview_page(
            "AFP", f"https://factuel.afp.com/doc.afp.com.{n}", "A viral post", f"Claim number {n}"
        )
        report = load_ledger(read_upload("r.html", page), by=editor_user, file_name="r.html")
        assert report.applied, report.errors()
    afp.refresh_from_db()
    assert (afp.name, afp.kind, afp.website) == before
    assert afp.name == "Agence France-Presse"
    assert {s.outlet for s in Source.objects.filter(url__startswith="https://factuel.afp.com")} == {
        afp
    }


def test_a_claimant_named_partly_in_devanagari_gets_a_slug_of_its_own(editor_user):
    cited = ActorFactory(name="Rashtriya", slug="rashtriya")
    name = "Rashtriya राष्ट्रीय"
    page = claimreview_page("AFP", "https://factuel.afp.com/doc.1", name, "A march took place")
    report = load_ledger(read_upload("r.html", page), by=editor_user, file_name="r.html")
    assert report.applied, report.errors()
    cited.refresh_from_db()
    assert cited.name == "Rashtriya"
    claimant = Actor.objects.get(name=name)
    assert claimant.slug == "rashtriya-rastriy"


def another_newsrooms_ledger() -> dict:
    """This ledger as another Contested would have written it: its own origin, its slugs."""
    bundle = json.loads(export_text(scope="public"))
    bundle["origin"] = "another-newsroom"
    return bundle


def test_a_ledger_from_another_newsroom_never_renames_a_record_its_slug_lands_on(editor_user):
    call_command("load_demo", verbosity=0)
    bundle = another_newsrooms_ledger()
    theirs = copy.deepcopy(bundle["actors"][0])
    ours = Actor.objects.get(slug=theirs["slug"])
    theirs |= {"name": "Somebody else entirely", "aliases": []}
    bundle["actors"] = [theirs]
    bundle |= {key: [] for key in ("claims", "actor_relations", "requests_for_comment")}
    bundle["claim_relations"] = []
    report = load_ledger(bundle, by=editor_user, file_name="theirs.json")
    assert report.applied, report.errors()
    ours.refresh_from_db()
    assert ours.name != "Somebody else entirely"
    created = Actor.objects.get(name="Somebody else entirely")
    assert created.slug == f"{ours.slug}-2"


def test_a_record_a_file_from_elsewhere_gives_differently_is_a_conflict_left_as_it_is(
    editor_user,
):
    call_command("load_demo", verbosity=0)
    bundle = another_newsrooms_ledger()
    afp = next(outlet for outlet in bundle["outlets"] if outlet["slug"] == "afp")
    afp["name"] = "AFP"
    report = load_ledger(bundle, by=editor_user, file_name="theirs.json", dry_run=True)
    [row] = [row for row in report.rows if row.kind == "outlet" and row.key == "afp"]
    assert (row.action, row.changed) == ("conflict", ["name"])
    assert row.done == "kept as it is: the file differs in name"
    assert report.ok
    report = load_ledger(bundle, by=editor_user, file_name="theirs.json")
    assert report.applied
    assert Outlet.objects.get(slug="afp").name == "Agence France-Presse"


def test_only_the_newsrooms_own_ledger_may_update_and_only_when_asked(editor_user):
    call_command("load_demo", verbosity=0)
    own = json.loads(export_text(scope="newsroom"))
    assert own["origin"] == origin()
    next(o for o in own["outlets"] if o["slug"] == "afp")["name"] = "AFP"
    asked_not = load_ledger(own, by=editor_user, file_name="own.json")
    assert asked_not.applied
    assert Outlet.objects.get(slug="afp").name == "Agence France-Presse"
    assert load_ledger(own, by=editor_user, file_name="own.json", update=True).applied
    assert Outlet.objects.get(slug="afp").name == "AFP"
    elsewhere = dict(own, origin="another-newsroom")
    refused = load_ledger(elsewhere, by=editor_user, file_name="theirs.json", update=True)
    assert not refused.applied
    assert "Only this Contested's own ledger may update records" in refused.errors()[0]


def test_a_ledger_from_another_newsroom_finds_claims_by_their_text_and_adds_nothing_twice(
    editor_user,
):
    call_command("load_demo", verbosity=0)
    counts = Claim.objects.count(), Actor.objects.count(), Source.objects.count()
    bundle = another_newsrooms_ledger()
    report = load_ledger(bundle, by=editor_user, file_name="theirs.json")
    assert report.applied, report.errors()
    assert (Claim.objects.count(), Actor.objects.count(), Source.objects.count()) == counts


def test_two_claimants_whose_names_derive_one_slug_are_two_actors(editor_user):
    pages = [
        claimreview_page("AFP", "https://factuel.afp.com/doc.w1", "Wagner", "Claim one"),
        claimreview_page("AFP", "https://factuel.afp.com/doc.w2", "Wágner", "Claim two"),
    ]
    reviews = [json.loads(page.split(b">", 2)[2].rsplit(b"</script>", 1)[0]) for page in pages]
    from ledger.claimreview import read_claimreview

    bundle = read_claimreview(reviews)
    report = load_ledger(bundle, by=editor_user, file_name="r.json")
    assert report.applied, report.errors()
    wagner, vagner = Actor.objects.get(name="Wagner"), Actor.objects.get(name="Wágner")
    assert wagner.pk != vagner.pk
    assert Claim.objects.get(text="Claim two").statements.filter(actor=vagner).exists()
