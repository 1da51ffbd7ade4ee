"""The safe fetcher against a real HTTP server on this machine."""

from __future__ import annotations

import time

import pytest
from werkzeug import Response

from sources.fetch import Refused, Unreachable, address_allowed, fetch

PAGE = "<html><head><title>Convoy</title></head><body>JNIM convoy destroyed</body></html>"


def test_it_fetches_a_page_with_its_status_type_and_body(allow_local):
    allow_local.expect_request("/story").respond_with_data(PAGE, content_type="text/html")

    fetched = fetch(allow_local.url_for("/story"))

    assert fetched.status == 200
    assert fetched.media_type == "text/html"
    assert fetched.body == PAGE.encode()
    assert fetched.final_url == allow_local.url_for("/story")


def test_it_sends_a_descriptive_user_agent(allow_local, settings):
    allow_local.expect_request(
        "/story", headers={"User-Agent": settings.FETCH_USER_AGENT}
    ).respond_with_data(PAGE, content_type="text/html")

    assert fetch(allow_local.url_for("/story")).status == 200


def test_it_refuses_a_loopback_address_unless_a_setting_allows_it(httpserver, settings):
    httpserver.expect_request("/story").respond_with_data(PAGE, content_type="text/html")
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = []

    with pytest.raises(Refused, match="private"):
        fetch(httpserver.url_for("/story"))
    assert httpserver.log == []


def test_it_refuses_a_name_that_resolves_to_a_loopback_address(httpserver, settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = []

    with pytest.raises(Refused, match="private"):
        fetch(f"http://localhost:{httpserver.port}/story")
    assert httpserver.log == []


def test_it_refuses_a_redirect_to_a_loopback_address(allow_local):
    # Only the tests' server is allowed: another port on 127.0.0.1 is not.
    other = f"http://127.0.0.1:{allow_local.port + 1}/admin"
    allow_local.expect_request("/moved").respond_with_data(
        "", status=302, headers={"Location": other}
    )

    with pytest.raises(Refused, match="private"):
        fetch(allow_local.url_for("/moved"))


def test_it_follows_redirects_and_records_each_hop(allow_local):
    allow_local.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/new"}
    )
    allow_local.expect_request("/new").respond_with_data(PAGE, content_type="text/html")

    fetched = fetch(allow_local.url_for("/old"))

    assert [e.status for e in fetched.exchanges] == [301, 200]
    assert fetched.url == allow_local.url_for("/old")
    assert fetched.final_url == allow_local.url_for("/new")


def test_it_refuses_more_redirects_than_the_limit(allow_local, settings):
    settings.FETCH_MAX_REDIRECTS = 2
    for hop in range(4):
        allow_local.expect_request(f"/hop{hop}").respond_with_data(
            "", status=302, headers={"Location": f"/hop{hop + 1}"}
        )

    with pytest.raises(Refused, match="More than 2 redirects"):
        fetch(allow_local.url_for("/hop0"))


def test_it_refuses_a_page_over_the_size_cap(allow_local, settings):
    settings.FETCH_MAX_BYTES = 1000
    allow_local.expect_request("/big").respond_with_data("x" * 5000, content_type="text/html")

    with pytest.raises(Refused, match="limit"):
        fetch(allow_local.url_for("/big"))


def test_it_stops_reading_a_page_that_grows_past_the_size_cap_without_saying_its_length(
    allow_local, settings
):
    settings.FETCH_MAX_BYTES = 100_000

    def endless():
        for _ in range(1000):
            yield b"x" * 10_000

    allow_local.expect_request("/stream").respond_with_response(
        Response(endless(), content_type="text/html")
    )

    with pytest.raises(Refused, match="larger than the limit"):
        fetch(allow_local.url_for("/stream"))


def test_it_refuses_a_disallowed_content_type(allow_local):
    allow_local.expect_request("/tool").respond_with_data(
        b"MZ\x90\x00", content_type="application/x-msdownload"
    )

    with pytest.raises(Refused, match="application/x-msdownload"):
        fetch(allow_local.url_for("/tool"))


def test_a_404_is_an_answer_not_an_error(allow_local):
    allow_local.expect_request("/deleted").respond_with_data("Not found", status=404)

    assert fetch(allow_local.url_for("/deleted")).status == 404


def test_it_refuses_addresses_that_are_not_http(allow_local):
    with pytest.raises(Refused, match="Only http and https"):
        fetch("file:///etc/passwd")


def test_it_gives_up_on_a_server_that_does_not_answer_in_time(allow_local, settings):
    settings.FETCH_TIMEOUT_SECONDS = 1

    def slow(request):
        time.sleep(1.5)
        return Response(PAGE, content_type="text/html")

    allow_local.expect_request("/slow").respond_with_handler(slow)

    with pytest.raises(Unreachable):
        fetch(allow_local.url_for("/slow"))


PRIVATE = ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1"]
PRIVATE += ["0.0.0.0", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "224.0.0.1"]  # noqa: S104


@pytest.mark.parametrize("address", PRIVATE)
def test_it_refuses_private_loopback_link_local_and_reserved_addresses(address, settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = []
    assert not address_allowed(address, 80)


def test_it_allows_public_addresses_and_listed_private_ones(settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = ["10.0.0.0/8", "127.0.0.1:8080"]

    assert address_allowed("93.184.216.34", 443)
    assert address_allowed("2606:2800:220:1:248:1893:25c8:1946", 443)
    assert address_allowed("10.9.8.7", 443)
    assert address_allowed("127.0.0.1", 8080)
    assert not address_allowed("127.0.0.1", 8081)
