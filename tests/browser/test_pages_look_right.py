"""Every main page, at desktop and phone widths: no axe violations, nothing wider than a 360 px
phone, nothing loaded from another host, and a screenshot in screenshots/ to look at."""

from __future__ import annotations

import pytest

from claims.visibility import public
from tests.browser.conftest import assert_accessible, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "home": "/",
    "claims": "/claims/",
    "claims-search": "/claims/?q=drone&contested=true",
    "claim": "/claims/fla-drone-shot-down-malian-army-helicopter/",
    "claim-many-statements": "/claims/ukraine-supplies-drones-and-weapons-to-the-fla/",
    "actors": "/actors/",
    "actor": "/actors/fla/",
    "actor-army": "/actors/malian-armed-forces/",
    "source": None,  # the demo article: its id depends on the database
    "topic": "/topics/drones/",
    "methodology": "/methodology/",
}


def url_of(name: str) -> str:
    if PAGES[name]:
        return PAGES[name]

    return public.sources().get().get_absolute_url()


def visit(page, url: str, live_server) -> tuple[list[str], list[str]]:
    """Open the page; return the addresses of every request that left our own server, and the
    errors the browser logged (a broken resource, a content-security-policy violation)."""
    foreign: list[str] = []
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if not request.url.startswith((live_server.url, "data:"))
            else None
        ),
    )
    response = page.goto(url)
    assert response.ok, url
    return foreign, errors


@pytest.mark.parametrize("name", PAGES)
def test_desktop(page, live_server, demo, axe, name):
    foreign, errors = visit(page, url_of(name), live_server)
    assert foreign == []
    assert errors == []
    assert_accessible(axe, page)
    screenshot(page, f"{name}-desktop")


@pytest.mark.parametrize("name", PAGES)
def test_phone(phone, live_server, demo, axe, name):
    _, errors = visit(phone, url_of(name), live_server)
    assert errors == []
    assert_accessible(axe, phone)
    overflow = phone.evaluate("document.documentElement.scrollWidth")
    assert overflow <= 360, f"{name} is {overflow} px wide on a 360 px phone"
    screenshot(phone, f"{name}-phone")
