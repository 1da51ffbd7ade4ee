"""A reader in Bamako, in a real browser: the helicopter claim in French with French dates, then
the switch to Arabic and a right-to-left page; every page checked by axe-core (WCAG 2.1 AA) at
1280 and 360 px, and nothing wider than the phone."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

CLAIM = "/claims/fla-drone-shot-down-malian-army-helicopter/"
PAGES = {
    "claim-ar": f"/ar{CLAIM}",
    "home-ar": "/ar/",
    "actor-ar": "/ar/actors/fla/",
    "claim-fr": f"/fr{CLAIM}",
}


def test_a_reader_reads_the_claim_in_french_then_switches_to_arabic(page, demo, axe):
    page.goto(f"/fr{CLAIM}")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h2#positions-title").inner_text() == "Qui dit quoi"
    # The claim itself in the newsroom's French, saying so, the original a click away.
    title = page.locator("h1#claim-title")
    assert title.inner_text().startswith("Un drone du FLA a abattu un hélicoptère")
    assert title.get_attribute("lang") == "fr"
    assert "Traduit par la rédaction" in page.locator(".translation-note").inner_text()
    page.locator("details.original summary").click()
    assert page.locator("details.original").inner_text().count("An FLA drone shot down") == 1
    # The army's denial, with the date in French at its precision ("février 2025").
    against = page.locator("section.side--against").inner_text()
    assert "dément" in against
    assert "février 2025" in page.locator("ol.statements").inner_text()
    assert_accessible(axe, page)
    page.get_by_role("navigation", name="Langue").get_by_role("link", name="العربية").click()
    page.wait_for_url(f"**/ar{CLAIM}")
    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "ar"
    assert "فبراير 2025" in page.locator("ol.statements").inner_text()
    # No Arabic translation: the original English, marked as English inside the Arabic page.
    assert page.locator("h1#claim-title").get_attribute("lang") == "en"
    # Right to left: the "for" column is on the right of the "against" one.
    for_box = page.locator("section.side--for").bounding_box()
    against_box = page.locator("section.side--against").bounding_box()
    assert for_box["x"] > against_box["x"]
    # A Latin name inside the Arabic page keeps its own direction.
    assert (
        page.locator("ol.statements bdi").first.evaluate("e => getComputedStyle(e).unicodeBidi")
        == "isolate"
    )
    assert_accessible(axe, page)
    screenshot(page, "claim-ar-desktop")


@pytest.mark.parametrize("name", ["claim-ar", "home-ar", "actor-ar", "claim-fr"])
def test_on_a_phone_nothing_is_wider_than_the_screen_and_axe_finds_nothing(phone, demo, axe, name):
    response = phone.goto(PAGES[name])
    assert response.ok
    assert_accessible(axe, phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{name} is {width} px wide on a 360 px phone"
    screenshot(phone, f"{name}-phone")
