"""Who is asking: the client's address, the one answer that the API's throttles, the public
site's search throttle, the admin's login lockout (django-axes) and the request log all use.

Behind a reverse proxy every request comes from the proxy, and the client's address is the one
the proxy appended to ``X-Forwarded-For``. Anyone can send that header, so it is read only when
the connection itself comes from a trusted proxy (``TRUSTED_PROXIES``: addresses, networks, and
``unix`` for a unix socket; loopback and a unix socket by default) and the settings say a proxy
is there (``BEHIND_PROXY``, ``PROXY_HOPS``). It is then read from the right, one hop at a time,
no further than ``PROXY_HOPS`` hops, and only past addresses that are themselves trusted
proxies: whatever lies further left is what the client chose to send. A client that reaches
gunicorn directly is known by its own address, whatever it sends.

Written here with the standard library rather than django-ipware: ipware checks the proxies
named *inside* the header (by prefix), never the address the connection comes from, and it reads
several other headers a client can forge.
"""

from __future__ import annotations

import ipaddress
import logging
from contextvars import ContextVar
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from django.http import HttpRequest, HttpResponse

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

DEFAULT_TRUSTED = ("127.0.0.0/8", "::1", "unix")  # loopback and a unix socket
# In TRUSTED_PROXIES, a connection over a unix socket (gunicorn's BIND=unix:/path): it has no
# address (REMOTE_ADDR is empty), and only processes on this host can open it.
UNIX_SOCKET = "unix"


def parse_address(text: str) -> Address | None:
    """An address as a proxy or the WSGI server writes it, or None: ``203.0.113.9``,
    ``2001:db8::1``, with a port (``203.0.113.9:443``, ``[2001:db8::1]:443``), IPv4 mapped into
    IPv6 (``::ffff:203.0.113.9``, as a dual-stack socket reports it) read as the IPv4 address."""
    text = text.strip().strip('"')
    if text.startswith("["):  # [v6] or [v6]:port
        text = text[1:].split("]", 1)[0]
    elif text.count(":") == 1:  # v4:port
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


@lru_cache(maxsize=8)
def trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    """``TRUSTED_PROXIES`` as networks; a single address is a network of one."""
    return tuple(
        ipaddress.ip_network(entry.strip(), strict=False)
        for entry in entries
        if entry.strip() != UNIX_SOCKET
    )


def is_trusted(address: Address | None, entries: Iterable[str]) -> bool:
    if address is None:
        return False
    return any(address in network for network in trusted_networks(tuple(entries)))


def resolve(remote: str, forwarded: str, *, trusted: Iterable[str], hops: int) -> str:
    """The client's address, from the connection's ``remote`` address and the
    ``X-Forwarded-For`` value ``forwarded``, trusting ``trusted`` proxies for at most ``hops``
    hops. Pure, so that it can be tested without a request."""
    trusted = tuple(trusted)
    peer = parse_address(remote)
    client = str(peer) if peer is not None else remote
    from_unix_socket = not remote.strip() and UNIX_SOCKET in trusted
    if hops < 1 or not forwarded or not (from_unix_socket or is_trusted(peer, trusted)):
        return client
    chain = [entry for entry in forwarded.split(",") if entry.strip()]
    for entry in reversed(chain[-hops:]):
        address = parse_address(entry)
        if address is None:  # not an address: the last one we can vouch for stands
            return client
        client = str(address)
        if not is_trusted(address, trusted):
            return client
    return client


def client_address(request: HttpRequest) -> str:
    """The client's address for ``request`` (see the module's docstring)."""
    return resolve(
        request.META.get("REMOTE_ADDR", ""),
        request.META.get("HTTP_X_FORWARDED_FOR", ""),
        trusted=getattr(settings, "TRUSTED_PROXIES", DEFAULT_TRUSTED),
        hops=getattr(settings, "PROXY_HOPS", 0),
    )


# The address of the client whose request is running, for the log lines it causes.
_current: ContextVar[str] = ContextVar("client_address", default="-")


class ClientAddressMiddleware:
    """Works the client's address out once per request, for the log (``ClientAddressFilter``).
    First in ``MIDDLEWARE``, so that the per-request log line has it too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current.set(client_address(request))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


class ClientAddressFilter(logging.Filter):
    """Gives every log record a ``client``: the address of the request being served, or ``-``."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.client = _current.get()
        return True
