"""The safe fetcher against a real HTTP server on this machine."""

from __future__ import annotations

import itertools
import socket
import threading
import time

import pytest
from werkzeug import Response

from sources.capture import capture, is_retryable
from sources.fetch import Refused, Unreachable, address_allowed, fetch
from sources.models import CaptureOutcome
from tests.factories import SourceFactory

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


# The whole exchange's deadline: a real server that drips its answer --------------------------


class DrippingServer:
    """A raw TCP server on 127.0.0.1 that reads the request, sends ``head`` at once, then drips
    ``drip`` one byte every ``pause`` seconds, for ever (until the client goes or the test ends)."""

    def __init__(self, head: bytes, drip: bytes, pause: float = 0.05) -> None:
        self.head, self.drip, self.pause = head, drip, pause
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def url(self, path: str = "/story") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self) -> None:
        self.listener.settimeout(0.2)
        while not self.stopped.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(self.head)
                while not self.stopped.is_set():
                    for byte in itertools.cycle(self.drip):
                        if self.stopped.is_set():
                            return
                        conn.sendall(bytes([byte]))
                        time.sleep(self.pause)
            except OSError:
                return  # the fetcher hung up: what it should do

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(2)
        self.listener.close()


@pytest.fixture
def dripping(settings):
    servers = []

    def start(head: bytes, drip: bytes) -> DrippingServer:
        server = DrippingServer(head, drip)
        servers.append(server)
        settings.FETCH_ALLOW_PRIVATE_ADDRESSES = [f"127.0.0.1:{server.port}"]
        return server

    yield start
    for server in servers:
        server.close()


HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
DRIPS = {
    # the status line and the headers, a byte at a time, never ending
    "headers": (b"", HEAD + b"X-Padding: " + b"a" * 100_000 + b"\r\n"),
    # the headers at once, then a body without a length that never ends
    "body": (HEAD + b"Connection: close\r\n\r\n", b"<p>more</p>"),
    # the headers at once, then a chunked body that never ends
    "chunked": (HEAD + b"Transfer-Encoding: chunked\r\n\r\n", b"1\r\nx\r\n"),
    # a declared length the body never reaches
    "length": (HEAD + b"Content-Length: 1000000\r\n\r\n", b"x"),
}


@pytest.mark.parametrize("kind", DRIPS)
def test_a_dripping_answer_is_given_up_when_the_whole_fetch_deadline_passes(
    kind, dripping, settings
):
    settings.FETCH_TIMEOUT_SECONDS = 1
    server = dripping(*DRIPS[kind])

    started = time.monotonic()
    with pytest.raises(Unreachable, match=r"time limit of 1 s") as caught:
        fetch(server.url())
    took = time.monotonic() - started

    assert 0.9 < took < 1.5, took
    assert "FETCH_TIMEOUT_SECONDS" in str(caught.value)


def test_the_deadline_holds_across_redirects(allow_local, settings):
    # Each hop answers in 0.4 s, below any per-read timeout; the hops together do not.
    settings.FETCH_TIMEOUT_SECONDS = 1

    def hop(request):
        time.sleep(0.4)
        number = int(request.path.strip("/hop"))
        return Response("", status=302, headers={"Location": f"/hop{number + 1}"})

    for number in range(5):
        allow_local.expect_request(f"/hop{number}").respond_with_handler(hop)

    started = time.monotonic()
    with pytest.raises(Unreachable, match="time limit"):
        fetch(allow_local.url_for("/hop0"))
    assert time.monotonic() - started < 1.5


@pytest.mark.django_db
def test_a_capture_of_a_dripping_page_fails_in_time_with_the_reason_recorded(
    dripping, settings, capture_dir
):
    settings.FETCH_TIMEOUT_SECONDS = 1
    server = dripping(*DRIPS["headers"])
    source = SourceFactory(url=server.url())

    started = time.monotonic()
    row = capture(source, last_try=False)

    assert time.monotonic() - started < 1.5
    assert row.outcome == CaptureOutcome.FAILED
    assert "time limit of 1 s" in row.error
    assert is_retryable(row)


# Addresses that carry an IPv4 address --------------------------------------------------------

CARRIERS_OF_PRIVATE = [
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254, the cloud's metadata service
    "::ffff:10.0.0.1",  # IPv4-mapped
    "::ffff:169.254.169.254",
]
REFUSED_OUTRIGHT = [
    "64:ff9b:1::808:808",  # local-use NAT64, even of a public address
    "64:ff9b:1::a00:1",
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
    "2002:808:808::1",  # 6to4 of 8.8.8.8: refused all the same
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "2001:0:808:808:0:0:f7f7:f7f7",  # Teredo, server 8.8.8.8, client 8.8.8.8
    "::ffff:0:7f00:1",  # IPv4-translated 127.0.0.1
    "::ffff:0:808:808",  # IPv4-translated 8.8.8.8
    "::7f00:1",  # IPv4-compatible 127.0.0.1
    "::808:808",  # IPv4-compatible 8.8.8.8
]


@pytest.mark.parametrize("address", CARRIERS_OF_PRIVATE + REFUSED_OUTRIGHT)
def test_ipv6_addresses_that_carry_a_private_or_any_tunnelled_ipv4_address_are_refused(
    address, settings
):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = []
    assert not address_allowed(address, 80)


@pytest.mark.parametrize("address", ["64:ff9b::808:808", "64:ff9b::5db8:d822", "::ffff:8.8.8.8"])
def test_nat64_and_mapped_addresses_of_a_public_ipv4_address_are_allowed(address, settings):
    # An IPv6-only network reaches every IPv4-only site through NAT64 (DNS64 answers with them).
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = []
    assert address_allowed(address, 443)


def test_a_listed_network_allows_a_mapped_address_of_it(settings):
    settings.FETCH_ALLOW_PRIVATE_ADDRESSES = ["10.0.0.0/8", "2002::/16"]

    assert address_allowed("::ffff:10.1.2.3", 80)
    assert address_allowed("2002:a00:1::1", 80)
    assert not address_allowed("64:ff9b::7f00:1", 80)
