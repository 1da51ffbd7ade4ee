"""The client's address (core.clients): X-Forwarded-For counts only from a trusted proxy, read from
the right, at most PROXY_HOPS hops, and only past addresses that are trusted proxies themselves."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from core.clients import ClientAddressFilter, client_address, parse_address, resolve

LOOPBACK = ("127.0.0.0/8", "::1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("203.0.113.9", "203.0.113.9"),
        (" 203.0.113.9 ", "203.0.113.9"),
        ("203.0.113.9:4431", "203.0.113.9"),
        ("2001:db8::1", "2001:db8::1"),
        ("2001:DB8:0:0::1", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("[2001:db8::1]", "2001:db8::1"),
        ("::ffff:203.0.113.9", "203.0.113.9"),
        ("fe80::1%eth0", "fe80::1"),
        ('"203.0.113.9"', "203.0.113.9"),
    ],
)
def test_addresses_are_read_as_proxies_and_servers_write_them(text, expected):
    assert str(parse_address(text)) == expected


@pytest.mark.parametrize("text", ["", "unknown", "203.0.113", "999.1.1.1", "evil.example", "::g"])
def test_what_is_not_an_address_is_none(text):
    assert parse_address(text) is None


def test_without_a_proxy_the_header_is_ignored():
    assert resolve("198.51.100.7", "203.0.113.9", trusted=LOOPBACK, hops=0) == "198.51.100.7"


def test_a_client_that_is_not_a_trusted_proxy_is_known_by_its_own_address():
    for forged in ("203.0.113.9", "10.0.0.1, 203.0.113.9", "127.0.0.1"):
        assert resolve("198.51.100.7", forged, trusted=LOOPBACK, hops=1) == "198.51.100.7"
        assert resolve("198.51.100.7", forged, trusted=LOOPBACK, hops=3) == "198.51.100.7"


def test_from_a_trusted_proxy_the_address_it_appended_is_the_clients():
    assert resolve("127.0.0.1", "203.0.113.9", trusted=LOOPBACK, hops=1) == "203.0.113.9"
    # What the client sent itself, further left, is not believed.
    assert resolve("127.0.0.1", "6.6.6.6, 203.0.113.9", trusted=LOOPBACK, hops=1) == ("203.0.113.9")


def test_ipv6_proxies_and_clients():
    assert resolve("::1", "2001:db8::7", trusted=LOOPBACK, hops=1) == "2001:db8::7"
    assert resolve("::ffff:127.0.0.1", "203.0.113.9", trusted=LOOPBACK, hops=1) == "203.0.113.9"
    trusted = ("2001:db8:ffff::/48",)
    assert resolve("2001:db8:ffff::2", "[2001:db8::7]:5555", trusted=trusted, hops=1) == (
        "2001:db8::7"
    )
    assert resolve("2001:db8:fffe::2", "2001:db8::7", trusted=trusted, hops=1) == "2001:db8:fffe::2"


def test_trusted_proxies_may_be_networks_and_single_addresses():
    trusted = ("10.0.0.0/8", "192.0.2.10")
    assert resolve("10.20.30.40", "203.0.113.9", trusted=trusted, hops=1) == "203.0.113.9"
    assert resolve("192.0.2.10", "203.0.113.9", trusted=trusted, hops=1) == "203.0.113.9"
    assert resolve("192.0.2.11", "203.0.113.9", trusted=trusted, hops=1) == "192.0.2.11"
    assert resolve("11.0.0.1", "203.0.113.9", trusted=trusted, hops=1) == "11.0.0.1"


def test_several_hops_are_walked_only_past_trusted_proxies():
    # client → CDN edge (10.1.1.1) → nginx (127.0.0.1) → gunicorn
    trusted = ("127.0.0.1", "10.0.0.0/8")
    chain = "6.6.6.6, 203.0.113.9, 10.1.1.1"
    assert resolve("127.0.0.1", chain, trusted=trusted, hops=2) == "203.0.113.9"
    # One hop configured: the CDN's address is as far as we go.
    assert resolve("127.0.0.1", chain, trusted=trusted, hops=1) == "10.1.1.1"
    # The CDN is not trusted: it could be anyone, so its word about the client is not taken.
    assert resolve("127.0.0.1", chain, trusted=("127.0.0.1",), hops=2) == "10.1.1.1"
    # More hops configured than there are: never further left than the header goes.
    assert resolve("127.0.0.1", "10.1.1.1, 10.2.2.2", trusted=trusted, hops=5) == "10.1.1.1"


def test_a_header_that_is_not_an_address_leaves_the_last_one_vouched_for():
    assert resolve("127.0.0.1", "unknown", trusted=LOOPBACK, hops=1) == "127.0.0.1"
    assert resolve("127.0.0.1", " , ", trusted=LOOPBACK, hops=1) == "127.0.0.1"
    trusted = ("127.0.0.1", "10.0.0.0/8")
    assert resolve("127.0.0.1", "junk, 10.1.1.1", trusted=trusted, hops=2) == "10.1.1.1"


def test_client_address_reads_the_settings(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9"
    )
    settings.PROXY_HOPS = 1
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_address(request) == "192.0.2.10"
    settings.TRUSTED_PROXIES = ["192.0.2.0/24"]
    assert client_address(request) == "203.0.113.9"
    settings.PROXY_HOPS = 0
    assert client_address(request) == "192.0.2.10"


def test_log_lines_outside_a_request_say_no_client():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "message", None, None)
    assert ClientAddressFilter().filter(record)
    assert record.client == "-"


def test_a_unix_socket_is_a_trusted_proxy_only_when_listed():
    # gunicorn on a unix socket (BIND=unix:/path) gives no peer address.
    assert resolve("", "203.0.113.9", trusted=(*LOOPBACK, "unix"), hops=1) == "203.0.113.9"
    assert resolve("", "203.0.113.9", trusted=LOOPBACK, hops=1) == ""
    # "unix" trusts no address.
    assert resolve("198.51.100.7", "203.0.113.9", trusted=("unix",), hops=1) == "198.51.100.7"


def test_the_default_trusts_loopback_and_a_unix_socket_only(settings):
    assert settings.TRUSTED_PROXIES == ["127.0.0.0/8", "::1", "unix"]


def test_a_trusted_proxy_that_is_not_an_address_stops_the_start():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=Path(__file__).resolve().parents[2],
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")},
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "TRUSTED_PROXIES": "127.0.0.1,proxy.example",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXIES entries must be IP addresses" in result.stderr
