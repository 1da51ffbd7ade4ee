"""A source made from a pasted address on the claim page gets the page's own title and date from
its first capture, in the background, with the change in its history."""

from __future__ import annotations

import datetime

import pytest

from newsroom.create import source_from_url
from sources.capture import capture

pytestmark = pytest.mark.django_db

ARTICLE = b"""<html><head><title>Agency | Convoy</title>
<meta property="og:title" content="Burkinabe drones destroy a JNIM convoy near Djibo">
<meta property="article:published_time" content="2025-03-03T18:00:00Z"></head></html>"""


def test_a_source_made_from_a_pasted_address_has_a_stand_in_title():
    source = source_from_url("https://agency.example/2025/burkina-drones-jnim-convoy.html")

    assert source.title == "Burkina drones jnim convoy"
    assert source.title_is_stand_in


def test_its_first_capture_fills_in_the_pages_title_and_date(server):
    server.expect_request("/2025/burkina-drones-jnim-convoy.html").respond_with_data(
        ARTICLE, content_type="text/html"
    )
    source = source_from_url(server.url_for("/2025/burkina-drones-jnim-convoy.html"))
    source.outlet.save()
    source.outlet = source.outlet
    source.save()

    capture(source)

    source.refresh_from_db()
    assert source.title == "Burkinabe drones destroy a JNIM convoy near Djibo"
    assert source.published_on == datetime.date(2025, 3, 3)
    assert not source.title_is_stand_in
    before, after = source.history.order_by("history_date")[:2]
    assert (before.title, after.title) == ("Burkina drones jnim convoy", source.title)
