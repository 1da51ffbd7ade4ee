"""The reporter's desk in a real browser: the Djibo paragraph — the Burkinabe army's claim, JNIM's
denial and Human Rights Watch's civilian toll, from one AFP dispatch — entered from a reporter's
login in the pages counted below, with dates typed as written, two actors and the source missing
from the ledger; then the editor publishes it from the queue.

    On 3 March 2025 the Burkinabe army said its drones destroyed a JNIM convoy near Djibo,
    killing dozens of fighters. JNIM denied losing any fighters in a statement on its Telegram
    channel the next day. Human Rights Watch said on 10 March that at least 12 of the dead were
    civilians.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from actors.models import Actor
from claims.models import Claim
from claims.vocabulary import Status
from sources.models import Source
from tests.conftest import _member_of
from tests.factories import ActorFactory, OutletFactory

pytestmark = pytest.mark.django_db(transaction=True)

DISPATCH = "https://www.afp.com/en/news/burkina-army-says-drones-destroyed-jnim-convoy-near-djibo"
CLAIM = "Burkinabe army drones destroyed a JNIM convoy near Djibo, killing dozens of fighters"


def log_in(page, username: str, next_url: str) -> None:
    page.goto(f"/admin/login/?next={next_url}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("pw")
    page.get_by_role("button", name="Log in").click()


def pick(page, select_id: str, typed: str, option: str | re.Pattern) -> None:
    """Type into the autocomplete of ``select_id`` and choose ``option`` from what it offers."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    choice = page.locator(".select2-results__option", has_text=option)
    expect(choice.first).to_be_visible()
    choice.first.click()


def statement(page, n: int, actor: tuple[str, str | re.Pattern], stance: str, on: str, text: str):
    prefix = f"statements-{n}"
    if n > 0:
        page.locator(".djn-add-handler.djn-model-claims-statement").first.click()
        expect(page.locator(f"#id_{prefix}-stance")).to_be_visible()
    pick(page, f"id_{prefix}-actor", *actor)
    page.select_option(f"#id_{prefix}-stance", stance)
    page.fill(f"#id_{prefix}-stated_on", on)
    page.fill(f"#id_{prefix}-paraphrase", text)


def test_a_reporter_enters_the_djibo_paragraph_in_two_pages_and_the_editor_publishes_it(
    browser, live_server
):
    reporter = _member_of("Reporter", "reporter")
    _member_of("Editor", "editor")
    army = ActorFactory(name="Forces armées burkinabè", kind="military", country="BF")
    OutletFactory(name="AFP", kind="news_agency", website="https://www.afp.com/")

    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    loads: list[str] = []
    log_in(page, "reporter", "/admin/claims/claim/add/")
    page.on("load", lambda: loads.append(page.url))
    expect(page.get_by_role("heading", name="Add claim")).to_be_visible()

    page.fill("#id_text", CLAIM)
    page.fill("#id_event_date", "3 March 2025")
    page.fill("#id_place_name", "near Djibo")
    pick(page, "id_source_for_every_statement", DISPATCH, "Add new source")
    statement(
        page,
        0,
        ("Burkinabe", "Forces armées burkinabè"),
        "asserts",
        "3 March 2025",
        "The army said its drones destroyed a JNIM convoy near Djibo, killing dozens of fighters.",
    )
    statement(
        page,
        1,
        ("JNIM", "Add new actor “JNIM”"),
        "denies",
        "4 March 2025",
        "JNIM denied losing any fighters, in a statement on its Telegram channel.",
    )
    statement(
        page,
        2,
        ("Human Rights Watch", "Add new actor “Human Rights Watch”"),
        "adds_context",
        "10 March 2025",
        "Human Rights Watch said at least 12 of the dead were civilians.",
    )
    page.fill(
        "#id_note_for_editor", "HRW's toll is from its own interviews; JNIM only on Telegram."
    )
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("submitted for review")
    page.wait_for_load_state("load")  # the saved claim's page has finished loading

    assert len(loads) <= 3, loads  # goal: three page loads or fewer after login
    assert len(loads) == 2, loads  # the add page, then the saved claim
    expect(page.locator(".errorlist")).to_have_count(0)
    claim = Claim.objects.get()
    assert claim.status == Status.IN_REVIEW
    assert claim.submitted_by == reporter
    statements = list(claim.statements.order_by("stated_on"))
    assert [(s.actor.name, s.stance, s.stated_on_display) for s in statements] == [
        (army.name, "asserts", "3 March 2025"),
        ("JNIM", "denies", "4 March 2025"),
        ("Human Rights Watch", "adds_context", "10 March 2025"),
    ]
    source = Source.objects.get()
    assert source.url == DISPATCH
    assert source.outlet.name == "AFP"
    assert all(s.citations.get().source == source for s in statements)
    assert Actor.objects.count() == 3
    assert claim.event_date_display == "3 March 2025"
    assert claim.is_contested  # the army asserts, JNIM denies; HRW adds context
    context.close()

    # The editor: who sent it, when, and why — then publish from the queue.
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, "editor", "/admin/claims/reviewqueue/")
    row = page.locator("#result_list tbody tr", has_text=CLAIM)
    expect(row).to_contain_text("reporter")
    expect(row).to_contain_text("JNIM only on Telegram")
    expect(row.locator(".field-waiting")).to_contain_text(re.compile(r"\d+\xa0minutes?"))
    expect(row).to_contain_text("⚠ contested")
    row.locator("input.action-select").check()
    page.select_option("select[name=action]", "publish")
    page.get_by_role("button", name="Run").click()
    expect(page.locator(".messagelist")).to_contain_text("1 claim published")
    claim.refresh_from_db()
    assert claim.status == Status.PUBLISHED
    context.close()
