"""A reader's path in a real browser, accessible throughout: home → search → claim → actor →
feed."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

HELICOPTER = "An FLA drone shot down a Malian army helicopter in northern Mali"


def test_a_reader_finds_the_helicopter_claim_sees_both_sides_and_follows_the_army(page, demo, axe):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Who said what")
    assert_accessible(axe, page)

    search = page.get_by_role("search").filter(has=page.locator("#home-q"))
    search.get_by_label(re.compile("Search")).fill("helicopter")
    search.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/claims/\?q=helicopter"))
    expect(page.get_by_role("heading", name=re.compile("matching “helicopter”"))).to_be_visible()
    assert_accessible(axe, page)

    page.get_by_role("link", name=HELICOPTER).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HELICOPTER)
    for_side = page.locator("section.side--for")
    against_side = page.locator("section.side--against")
    expect(for_side).to_contain_text("Azawad Liberation Front")
    expect(for_side).to_contain_text("asserts")
    expect(for_side).not_to_contain_text("Malian Armed Forces")
    expect(against_side).to_contain_text("Malian Armed Forces")
    expect(against_side).to_contain_text("denies")
    # Opposite sides on screen: for on the left, against on the right.
    assert for_side.bounding_box()["x"] < against_side.bounding_box()["x"]
    reply = "did not respond to a request for comment by 5 October 2025"
    expect(page.get_by_text(reply)).to_be_visible()
    expect(page.locator("svg.timeline")).to_be_visible()
    assert_accessible(axe, page)

    against_side.get_by_role("link", name="Malian Armed Forces").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Malian Armed Forces")
    expect(page.locator("table.positions-table")).to_contain_text("denies")
    assert_accessible(axe, page)

    feeds = page.locator('link[rel="alternate"][type="application/atom+xml"]')
    feed_url = feeds.last.get_attribute("href")
    assert feed_url == "/feeds/actors/malian-armed-forces/"
    feed = page.request.get(feed_url)
    assert feed.ok
    assert feed.headers["content-type"].startswith("application/atom+xml")
    assert HELICOPTER in feed.text()
    assert "The Malian army intercepted and recovered a rebel drone" in feed.text()


def test_a_reader_traces_a_statement_to_its_source(page, demo, axe):
    page.goto("/claims/fla-drone-shot-down-malian-army-helicopter/")
    page.locator("ol.statements").get_by_role(
        "link", name="From Donbas to the desert: Mali Tuaregs borrow Ukraine's war tactics"
    ).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("From Donbas to the desert")
    expect(page.locator("dl.facts")).to_contain_text("Agence France-Presse")
    expect(page.locator("dl.facts")).to_contain_text("B")
    assert_accessible(axe, page)


def test_filters_work_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/claims/")
    page.get_by_label("Verdict", exact=True).select_option("likely_true")
    page.get_by_label("Topic").select_option("drones")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"verdict=likely_true"))
    results = page.locator(".results .claim-item")
    expect(results).to_have_count(2)
    expect(results.first).to_contain_text("Likely true")
    context.close()


def test_a_bad_filter_shows_an_error_naming_the_field(page, demo, axe):
    page.goto("/claims/?event_after=yesterday")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Event on or after")
    expect(alert).to_contain_text("Enter a valid date")
    assert_accessible(axe, page)


def test_a_drafts_address_is_not_found_in_the_browser(page, demo):
    response = page.goto("/claims/turkish-drones-gave-mali-the-edge-at-kidal/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.locator("body")).not_to_contain_text("Turkish")


def test_an_editor_previews_a_draft_under_a_banner(browser, live_server, demo, editor_user, axe):
    client = Client()
    client.force_login(editor_user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page = context.new_page()
    page.goto("/claims/turkish-drones-gave-mali-the-edge-at-kidal/")
    expect(page.get_by_role("status")).to_contain_text("Preview — not public.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Turkish drones")
    assert_accessible(axe, page)
    context.close()
