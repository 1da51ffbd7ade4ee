"""The safe fetcher: one GET of a document's address on behalf of the newsroom, within limits.

- **Addresses**: only http and https, and never to a private, loopback, link-local or otherwise
  non-public address (``ipaddress``'s ``is_global``) unless ``FETCH_ALLOW_PRIVATE_ADDRESSES``
  lists it. An IPv6 address that carries an IPv4 one is judged by it (IPv4-mapped, NAT64's
  64:ff9b::/96) or refused (6to4, Teredo, local-use NAT64, IPv4-compatible and -translated).
  The check is made on the addresses DNS gave, at the moment of connecting, and the socket
  connects to the very address that was checked — so a name that resolves to 127.0.0.1,
  a redirect to a private address, or a DNS answer that changes between check and connect
  (rebinding) are all refused. Every redirect is a new request through the same check.
- **Limits**: ``FETCH_TIMEOUT_SECONDS`` of wall-clock time for the whole fetch — DNS aside,
  every connection, every header and every byte of every redirect's exchange fall within it: a
  watchdog shuts the fetch's sockets down when it passes, so a server that drips its status
  line, its headers or an endless body a byte at a time cannot hold the worker past it;
  ``FETCH_MAX_BYTES`` of body (the declared ``Content-Length`` first, then what arrives);
  ``FETCH_MAX_REDIRECTS``; a content-type allowlist (``ALLOWED_TYPES``); a descriptive
  ``User-Agent``. No proxy from the environment, no cookies kept between fetches.

Why our own guard on requests/urllib3 rather than a library: ``advocate`` (the requests wrapper
made for this) has had no release since 2020, and ``safehttpx`` is asynchronous and httpx's. The
guard is the one method urllib3 connects through (``_new_conn``), kept small and tested against
a real server; everything else (HTTP, TLS, redirects' parsing) is requests'.
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from django.conf import settings
from django.utils import timezone
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

# What a source may be: pages, documents, feeds, data and pictures. Video and archives are
# left to a human with the right tools.
ALLOWED_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/pdf",
        "application/json",
        "application/ld+json",
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/webp",
    }
)
CHUNK = 64 * 1024
DEADLINE_SLACK = 0.1  # seconds


class FetchError(Exception):
    """Nothing was fetched."""


class Refused(FetchError):
    """The fetcher's rules forbid this fetch (an address, a type, a size, too many redirects):
    trying again will not help."""


class HostNotFound(FetchError):
    """DNS has no address for the host: the site is gone, or its name is."""


class Unreachable(FetchError):
    """No answer (a timeout, a refused connection, a broken exchange): it may pass."""


@dataclass
class Exchange:
    """One request and its answer, as the WARC will record it."""

    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    request_headers: list[tuple[str, str]]
    peer: str = ""


@dataclass
class Fetched:
    url: str
    exchanges: list[Exchange]
    body: bytes
    fetched_at: datetime = field(default_factory=timezone.now)

    @property
    def final(self) -> Exchange:
        return self.exchanges[-1]

    @property
    def final_url(self) -> str:
        return self.final.url

    @property
    def status(self) -> int:
        return self.final.status

    @property
    def content_type(self) -> str:
        return header(self.final.headers, "Content-Type")

    @property
    def media_type(self) -> str:
        return media_type(self.content_type)


def header(headers: list[tuple[str, str]], name: str) -> str:
    return next((v for k, v in headers if k.lower() == name.lower()), "")


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


# Which addresses may be reached -------------------------------------------------------------------


@lru_cache(maxsize=8)
def _allowances(entries: tuple[str, ...]) -> list[tuple[Any, int | None]]:
    """``FETCH_ALLOW_PRIVATE_ADDRESSES``: networks, each with an optional port."""
    allowed = []
    for entry in entries:
        net, port = entry, None
        if entry.startswith("["):  # [::1]:8080
            net, _, rest = entry[1:].partition("]")
            port = int(rest[1:]) if rest.startswith(":") else None
        elif entry.count(":") == 1:  # 127.0.0.1:8080
            net, port_text = entry.split(":")
            port = int(port_text)
        allowed.append((ipaddress.ip_network(net, strict=False), port))
    return allowed


# IPv6 addresses that carry an IPv4 address. Those a host reaches through a translator (NAT64's
# well-known prefix, which DNS64 gives IPv6-only networks for every IPv4-only site) or that are
# the IPv4 address itself (IPv4-mapped) are judged by the IPv4 address they carry. The tunnels and
# the deprecated or local-use forms, which no public site needs, are refused outright.
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052 well-known prefix
REFUSED_V6 = (
    ipaddress.ip_network("64:ff9b:1::/48"),  # RFC 8215 local-use NAT64: the operator's own
    ipaddress.ip_network("2002::/16"),  # 6to4 (RFC 3056), deprecated (RFC 7526)
    ipaddress.ip_network("2001::/32"),  # Teredo (RFC 4380)
    ipaddress.ip_network("::ffff:0:0:0/96"),  # IPv4-translated (RFC 2765)
    ipaddress.ip_network("::/96"),  # IPv4-compatible (deprecated, RFC 4291), :: and ::1 too
)


def _public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            return _public(ip.ipv4_mapped)
        if ip in NAT64:
            return _public(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if any(ip in net for net in REFUSED_V6):
            return False
    return ip.is_global and not ip.is_multicast


def address_allowed(address: str, port: int) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if _public(ip):
        return True
    candidates = [ip]
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        candidates.append(ip.ipv4_mapped)
    return any(
        candidate in net and (allowed_port is None or allowed_port == port)
        for candidate in candidates
        for net, allowed_port in _allowances(tuple(settings.FETCH_ALLOW_PRIVATE_ADDRESSES))
    )


# The whole exchange's deadline --------------------------------------------------------------------


class _Watchdog:
    """One fetch's wall-clock deadline. Socket timeouts bound each read, not the exchange: a
    server sending one byte every few seconds resets them for ever. So every socket the fetch
    opens is registered here, and when the deadline passes a timer shuts them down, which ends
    any read in progress (plain or TLS) at once. ``expired`` then tells the reader that what
    ended was the deadline, not the server."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def error(self) -> Unreachable:
        return Unreachable(
            f"No complete answer within the fetch's time limit of {self.seconds:g} s "
            "(FETCH_TIMEOUT_SECONDS); gave up."
        )


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


_watchdog: contextvars.ContextVar[_Watchdog | None] = contextvars.ContextVar(
    "fetch_watchdog", default=None
)


class _GuardedConnect:
    """Resolve, check every address DNS gave, then connect to the first, checked, one."""

    host: str
    port: int
    _dns_host: str

    def _new_conn(self) -> socket.socket:
        try:
            infos = socket.getaddrinfo(self.host.strip("[]"), self.port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise HostNotFound(f"No address for {self.host}: {exc}") from exc
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        refused = [a for a in addresses if not address_allowed(a, self.port)]
        if refused:
            raise Refused(
                f"{self.host} resolves to {refused[0]}, a private or reserved address; "
                "the fetcher reaches public addresses only."
            )
        self._dns_host = addresses[0]
        sock = super()._new_conn()  # type: ignore[misc]
        watchdog = _watchdog.get()
        if watchdog is not None:
            watchdog.watch(sock)
        return sock


class GuardedHTTPConnection(_GuardedConnect, HTTPConnection):
    pass


class GuardedHTTPSConnection(_GuardedConnect, HTTPSConnection):
    pass


class GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": GuardedHTTPPool,
            "https": GuardedHTTPSPool,
        }


def _session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxy or .netrc from the environment: the guard sees the peer
    adapter = GuardedAdapter(max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


# The fetch --------------------------------------------------------------------------------------


def fetch(url: str) -> Fetched:
    """GET ``url`` and follow its redirects within the limits; raise a ``FetchError`` when
    nothing was fetched. Any status is an answer: a 404 is fetched, and says the page is gone."""
    with _Watchdog(settings.FETCH_TIMEOUT_SECONDS) as watchdog:
        token = _watchdog.set(watchdog)
        try:
            return _fetch(url, watchdog)
        except FetchError:
            # A read that timed out at the deadline (each read's timeout shrinks to the time
            # left) or a socket the watchdog shut: either way, the deadline ended it.
            if watchdog.expired or watchdog.remaining() < DEADLINE_SLACK:
                raise watchdog.error() from None
            raise
        finally:
            _watchdog.reset(token)


def _fetch(url: str, watchdog: _Watchdog) -> Fetched:
    request_headers = {
        "User-Agent": settings.FETCH_USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8",
        # The body is kept as it came; asking for no compression keeps it readable too.
        "Accept-Encoding": "identity",
    }
    exchanges: list[Exchange] = []
    with _session() as session:
        for _ in range(settings.FETCH_MAX_REDIRECTS + 1):
            if urlsplit(url).scheme not in ("http", "https"):
                raise Refused(f"Only http and https addresses are fetched, not {url!r}.")
            response = _get(session, url, request_headers, watchdog)
            exchange = Exchange(
                url=url,
                status=response.status_code,
                reason=response.reason or "",
                headers=list(response.raw.headers.items()),
                request_headers=list(response.request.headers.items()),
            )
            exchanges.append(exchange)
            location = response.headers.get("Location")
            if response.is_redirect and location:
                response.close()
                url = urljoin(url, location)
                continue
            try:
                body = _read_body(response, exchange, watchdog)
            finally:
                response.close()
            return Fetched(url=exchanges[0].url, exchanges=exchanges, body=body)
    raise Refused(f"More than {settings.FETCH_MAX_REDIRECTS} redirects, last to {url}.")


def _get(
    session: requests.Session, url: str, headers: dict[str, str], watchdog: _Watchdog
) -> requests.Response:
    if watchdog.remaining() <= 0:
        raise watchdog.error()
    timeout = max(0.01, min(settings.FETCH_TIMEOUT_SECONDS, watchdog.remaining()))
    try:
        return session.get(
            url, headers=headers, stream=True, timeout=timeout, allow_redirects=False
        )
    except (requests.Timeout, requests.ConnectionError) as exc:
        raise Unreachable(f"No answer from {urlsplit(url).netloc}: {exc}") from exc
    except requests.RequestException as exc:
        raise Refused(f"Cannot fetch {url!r}: {exc}") from exc


def _read_body(response: requests.Response, exchange: Exchange, watchdog: _Watchdog) -> bytes:
    limit = settings.FETCH_MAX_BYTES
    ok = 200 <= exchange.status < 300
    if ok:
        kind = media_type(header(exchange.headers, "Content-Type"))
        if kind not in ALLOWED_TYPES:
            raise Refused(
                f"The answer is {kind or 'of no declared type'}, not a kind of document the "
                "fetcher keeps."
            )
    declared = header(exchange.headers, "Content-Length")
    if declared.isdigit() and int(declared) > limit:
        raise Refused(f"The document is {int(declared):,} bytes; the limit is {limit:,}.")
    chunks, size = [], 0
    try:
        # As sent (decode_content=False): what the WARC keeps and the hash is of.
        for chunk in response.raw.stream(CHUNK, decode_content=False):
            size += len(chunk)
            if size > limit:
                raise Refused(f"The document is larger than the limit of {limit:,} bytes.")
            if watchdog.expired or watchdog.remaining() <= 0:
                raise watchdog.error()
            chunks.append(chunk)
    except (requests.RequestException, OSError, urllib3.exceptions.HTTPError) as exc:
        # a read timeout, a connection reset, a broken chunked body
        raise Unreachable(f"The answer broke off: {exc}") from exc
    if watchdog.expired:
        # A body without a declared length ends when the connection does: the watchdog's
        # shutdown looks like its end, and what arrived is not the whole document.
        raise watchdog.error()
    return b"".join(chunks)
