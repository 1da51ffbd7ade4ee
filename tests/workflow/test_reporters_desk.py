"""The reporter's desk: a wire story's claim, its statements and its source entered in one page —
dates as written, missing actors and sources typed in, one source for every statement, "Save and
submit for review" — and the editor's queue showing who sent it, when and why."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from actors.models import Actor
from claims.models import Claim, Correction
from claims.vocabulary import Stance, Status
from sources.models import Outlet, Source
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ClaimFactory,
    OutletFactory,
    SourceFactory,
    StatementFactory,
)
from tests.test_admin import management
from tests.workflow.forms import admin_url, page_data

pytestmark = pytest.mark.django_db

DISPATCH = "https://www.afp.com/en/news/burkina-army-says-drones-destroyed-jnim-convoy-near-djibo"


def story(*statements: dict[str, str], **claim: str) -> dict[str, str]:
    """The add page's POST: a claim and its statements, each with no citation of its own."""
    form = {
        "text": "Burkinabe army drones destroyed a JNIM convoy near Djibo, killing dozens",
        "slug": "burkinabe-drones-destroyed-jnim-convoy-near-djibo",
        "event_date": "3 March 2025",
        "verdict": "unverified",
        **management("statements", len(statements)),
        **management("relations_from", 0),
        **management("requests_for_comment", 0),
        **claim,
    }
    for i, statement in enumerate(statements):
        form |= {f"statements-{i}-{name}": value for name, value in statement.items()}
        form |= management(f"statements-{i}-citations", 0)
    return form


def said(actor: str, stance: str, on: str, paraphrase: str) -> dict[str, str]:
    return {"actor": actor, "stance": stance, "stated_on": on, "paraphrase": paraphrase}


@pytest.mark.parametrize(
    ("typed", "stored", "precision", "shown"),
    [
        ("3 March 2025", datetime.date(2025, 3, 3), "day", "3 March 2025"),
        ("March 2025", datetime.date(2025, 3, 1), "month", "March 2025"),
        ("2025", datetime.date(2025, 1, 1), "year", "2025"),
        ("2025-03-03", datetime.date(2025, 3, 3), "day", "3 March 2025"),
        ("03/04/2025", datetime.date(2025, 4, 3), "day", "3 April 2025"),
    ],
)
def test_a_date_is_typed_as_written_and_shown_back_in_words(
    reporter, typed, stored, precision, shown
):
    army = ActorFactory(name="Burkinabe armed forces")
    form = story(said(str(army.pk), "asserts", typed, "Drones destroyed a convoy."))
    response = reporter.post(admin_url(Claim, "add"), form)
    assert response.status_code == 302, response.context and response.context["error_summary"]
    statement = Claim.objects.get().statements.get()
    assert (statement.stated_on, statement.stated_on_precision) == (stored, precision)
    page = reporter.get(admin_url(Claim, "change", statement.claim_id))
    assert f'value="{shown}"' in page.content.decode()


def test_a_date_not_in_the_calendar_is_a_clear_error_next_to_its_box_and_saves_nothing(reporter):
    army = ActorFactory(name="Burkinabe armed forces")
    form = story(said(str(army.pk), "asserts", "31/02/2025", "Drones destroyed a convoy."))
    response = reporter.post(admin_url(Claim, "add"), form)
    assert response.status_code == 200
    [error] = response.context["error_summary"]
    assert error["where"] == "Statement 1 — Said on"
    assert error["message"] == "31/02/2025 is not in the calendar."
    assert error["anchor"] == "id_statements-0-stated_on"
    assert "1 problem to fix on this page" in response.content.decode()
    assert not Claim.objects.exists()


def test_missing_actors_typed_by_name_are_added_once_with_the_claim(reporter):
    ActorFactory(name="Burkinabe armed forces")
    form = story(
        said("new:JNIM", "denies", "4 March 2025", "JNIM denied losing any fighters."),
        said("new:JNIM", "denies", "5 March 2025", "JNIM repeated its denial."),
        said("new:Human Rights Watch", "adds_context", "10 March 2025", "At least 12 civilians."),
    )
    assert reporter.post(admin_url(Claim, "add"), form).status_code == 302
    jnim = Actor.objects.get(name="JNIM")
    assert jnim.kind == "other"
    assert jnim.history.get().history_change_reason == "Added from a claim's page"
    assert Claim.objects.get().statements.filter(actor=jnim).count() == 2
    assert Actor.objects.filter(name="Human Rights Watch").count() == 1


def test_a_typed_name_that_is_an_existing_actors_alias_is_that_actor(reporter):
    jnim = ActorFactory(name="Jama'at Nusrat al-Islam wal-Muslimin")
    ActorAliasFactory(actor=jnim, name="JNIM")
    form = story(said("new:jnim", "denies", "4 March 2025", "JNIM denied it."))
    assert reporter.post(admin_url(Claim, "add"), form).status_code == 302
    assert Claim.objects.get().statements.get().actor == jnim
    assert Actor.objects.count() == 1


def test_a_page_with_an_error_adds_no_actor_and_shows_the_typed_name_again(reporter):
    form = story(said("new:JNIM", "denies", "in February", "JNIM denied it."))
    response = reporter.post(admin_url(Claim, "add"), form)
    assert response.status_code == 200
    assert not Actor.objects.exists()
    html = response.content.decode()
    assert '<option value="new:JNIM" selected>JNIM (new)</option>' in html
    assert "Add the year" in html


def test_one_pasted_address_becomes_the_source_of_every_statement_with_its_outlet(reporter):
    afp = OutletFactory(name="AFP", website="https://www.afp.com/")
    army = ActorFactory(name="Burkinabe armed forces")
    form = story(
        said(str(army.pk), "asserts", "3 March 2025", "Drones destroyed a convoy."),
        said("new:JNIM", "denies", "4 March 2025", "JNIM denied losing any fighters."),
        source_for_every_statement=f"new:{DISPATCH}?utm_source=wire",
    )
    assert reporter.post(admin_url(Claim, "add"), form).status_code == 302
    source = Source.objects.get()
    assert source.url == DISPATCH
    assert source.outlet == afp
    assert source.title == "Burkina army says drones destroyed jnim convoy near djibo"
    claim = Claim.objects.get()
    assert [s.citations.get().source for s in claim.statements.all()] == [source, source]


def test_a_pasted_address_already_in_the_ledger_is_that_source(reporter):
    known = SourceFactory(url=DISPATCH)
    army = ActorFactory(name="Burkinabe armed forces")
    form = story(
        said(str(army.pk), "asserts", "3 March 2025", "Drones destroyed a convoy."),
        source_for_every_statement=f"new:{DISPATCH}#top",
    )
    assert reporter.post(admin_url(Claim, "add"), form).status_code == 302
    assert Source.objects.get() == known
    assert Claim.objects.get().statements.get().citations.get().source == known


def test_an_address_on_an_unknown_site_adds_its_outlet_too(reporter):
    army = ActorFactory(name="Burkinabe armed forces")
    form = story(
        said(str(army.pk), "asserts", "3 March 2025", "Drones destroyed a convoy."),
        source_for_every_statement="new:https://lefaso.net/spip.php?article140000",
    )
    assert reporter.post(admin_url(Claim, "add"), form).status_code == 302
    assert Outlet.objects.get().name == "lefaso.net"
    assert Source.objects.get().outlet.website == "https://lefaso.net"


def test_a_new_source_needs_an_address(reporter):
    army = ActorFactory(name="Burkinabe armed forces")
    form = story(
        said(str(army.pk), "asserts", "3 March 2025", "Drones destroyed a convoy."),
        source_for_every_statement="new:JNIM Telegram statement",
    )
    response = reporter.post(admin_url(Claim, "add"), form)
    assert response.status_code == 200
    assert "paste its address" in str(response.context["error_summary"])
    assert not Claim.objects.exists()


def test_save_and_submit_sends_the_new_claim_to_the_queue_with_the_reporters_note(
    reporter, reporter_user, editor
):
    army = ActorFactory(name="Burkinabe armed forces")
    form = story(
        said(str(army.pk), "asserts", "3 March 2025", "Drones destroyed a convoy."),
        note_for_editor="HRW toll not yet confirmed by a second source.",
        _save_and_submit="Save and submit for review",
    )
    response = reporter.post(admin_url(Claim, "add"), form)
    claim = Claim.objects.get()
    assert response.status_code == 302
    assert response["Location"] == admin_url(Claim, "change", claim.pk)
    assert claim.status == Status.IN_REVIEW
    assert claim.submitted_by == reporter_user
    assert claim.submitted_at is not None

    queue = editor.get(reverse("admin:claims_reviewqueue_changelist")).content.decode()
    assert reporter_user.username in queue
    assert "HRW toll not yet confirmed by a second source." in queue
    assert 'class="field-waiting"' in queue


def test_the_add_page_offers_save_and_submit_and_puts_the_statements_before_the_verdict(reporter):
    html = reporter.get(admin_url(Claim, "add")).content.decode()
    assert 'name="_save_and_submit"' in html
    assert html.index('id="statements-group"') < html.index(">Verdict<")
    assert "Derived from the statements" not in html


def test_a_party_adding_context_does_not_make_the_claim_contested():
    claim = ClaimFactory()
    StatementFactory(claim=claim, stance=Stance.ASSERTS)
    StatementFactory(claim=claim, stance=Stance.ADDS_CONTEXT)
    assert not Claim.objects.get().is_contested


def test_the_autocomplete_finds_an_actor_by_demonym_and_says_why(reporter):
    army = ActorFactory(name="Forces armées nationales", kind="military", country="BF")
    ActorAliasFactory(actor=army, name="Burkinabe army")
    ActorFactory(name="Malian Armed Forces", kind="military", country="ML")
    url = reverse("admin:autocomplete")
    params = {"app_label": "claims", "model_name": "statement", "field_name": "actor"}

    [found] = reporter.get(url, params | {"term": "Burkinabe"}).json()["results"]
    assert found["id"] == str(army.pk)
    assert found["text"] == (
        "Forces armées nationales — Military, Burkina Faso · alias “Burkinabe army”"
    )
    [found] = reporter.get(url, params | {"term": "Burkina Faso"}).json()["results"]
    assert found["text"] == (
        "Forces armées nationales — Military, Burkina Faso · Burkina Faso → Burkina Faso"
    )


def test_a_changed_paraphrase_of_a_public_statement_asks_for_the_note_at_its_box(editor):
    statement = StatementFactory(claim=ClaimFactory(published=True), paraphrase="It was shot.")
    url = admin_url(Claim, "change", statement.claim_id)
    data = page_data(editor.get(url)) | {"statements-0-paraphrase": "It was shot down."}
    refused = editor.post(url, data)
    assert refused.status_code == 200
    note_errors = refused.context["adminform"].form.errors["correction_note"]
    assert "paraphrase" in note_errors[0]
    assert "under “This change”" in note_errors[0]
    assert editor.post(url, data | {"correction_note": "Reworded."}).status_code == 302
    assert Correction.objects.get().note == "Reworded."


def test_an_actors_dates_are_typed_as_written_too(editor):
    url = admin_url(Actor, "add")
    data = {
        "name": "Jama'at Nusrat al-Islam wal-Muslimin",
        "slug": "jnim",
        "kind": "armed_group",
        "founded_on": "March 2017",
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "relations_from-TOTAL_FORMS": "0",
        "relations_from-INITIAL_FORMS": "0",
    }
    response = editor.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    jnim = Actor.objects.get()
    assert (jnim.founded_on, jnim.founded_on_precision) == (datetime.date(2017, 3, 1), "month")
