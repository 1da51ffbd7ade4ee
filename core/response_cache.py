"""The response cache: rendered answers to anonymous GETs, keyed on data versions.

One set of rules for both faces (``website.http.public_page`` and ``api.viewsets``); what a write
changes, and so which versions it bumps, is the domain's to say (``claims.cache_versions``), and the
database bumps them, with the write (``core.dataversions``).

- **Only the public.** A request is answered from the cache, or has its answer stored, only if
  it is a GET or HEAD with no ``Authorization`` header and no signed-in user: a token holder's
  reads (drafts included), a staff member's preview and anything else that depends on who asks
  never touch it.
- **Only a plain 200.** An answer is stored only if it is a 200, not streamed, sets no cookie,
  used no CSRF token, wrote nothing to the session and does not say ``private`` or ``no-store``.
- **The key** is a digest of the versions' committed values, read from the database in one
  query *before* the view's first query (so what is stored is never older than its key), the
  absolute URL (scheme, host, path and query), the negotiated media type, the active language
  and ``Accept-Language``.
- **The digest is the ETag.** A matching ``If-None-Match`` is answered 304 from the versions
  alone: that one query, before the view runs any other.

The cache never decides what is public: it only holds rendered answers, under keys no one asks
for once the database's versions move on, for ``RESPONSE_CACHE_SECONDS`` at most. Losing it (a
flush, an eviction, Redis down) costs speed, never correctness: while it is down or hung every
answer is computed (``shielded``). The cache is on when ``settings.RESPONSE_CACHE`` is (by
default, with ``REDIS_URL``).
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags
from django.utils.translation import get_language

from core import dataversions
from core.dataversions import EPOCH

if TYPE_CHECKING:
    from collections.abc import Callable

logger = logging.getLogger(__name__)

SAFE = ("GET", "HEAD")
# What a 304 repeats of the answer it stands for (RFC 9110, 15.4.5).
_PASSED_ON_304 = ("ETag", "Cache-Control", "Vary", "Content-Location", "Expires")


def enabled() -> bool:
    return bool(getattr(settings, "RESPONSE_CACHE", False))


def lifetime() -> int:
    return int(getattr(settings, "RESPONSE_CACHE_SECONDS", 600))


# Without the cache ------------------------------------------------------------------------------
# Redis is a cache: when it is down or hung, a read is served computed, a throttle lets the
# request through, and a write that needs it (``api.idempotency``, the import's preview) says 503.
# After a failure this process leaves the cache alone for PAUSE_SECONDS, so a hung Redis costs
# one request its timeouts (``settings.REDIS_TIMEOUT_SECONDS``), not every request.

PAUSE_SECONDS = 5.0
_down_until = 0.0


def available() -> bool:
    """False for a few seconds after the cache last failed."""
    return time.monotonic() >= _down_until


def failed(error: BaseException) -> None:
    """Note that the cache failed: this process goes on without it for a while."""
    global _down_until
    _down_until = time.monotonic() + PAUSE_SECONDS
    logger.warning("shared cache unavailable, going on without it: %r", error)


def reset_availability() -> None:
    """Try the cache again from the next call (tests; a probe that found it back)."""
    global _down_until
    _down_until = 0.0


def shielded[T](default: T, operation: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``operation(*args, **kwargs)`` on the cache, or ``default`` if the cache is unavailable
    or fails (any backend's error: a connection refused, a timeout, a full memory)."""
    if not available():
        return default
    try:
        return operation(*args, **kwargs)
    except Exception as error:  # whatever the backend raises: go on without it
        failed(error)
        return default


class Unavailable(Exception):
    """The cache is needed for a correct answer and cannot be reached."""


def required[T](operation: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``operation(*args, **kwargs)`` on the cache, or ``Unavailable``: for a write that cannot
    be made correctly without it."""
    if not available():
        raise Unavailable
    try:
        return operation(*args, **kwargs)
    except Exception as error:
        failed(error)
        raise Unavailable from error


# Requests and answers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """One representation of one resource at one data version."""

    digest: str  # hex: the version of this representation, and its ETag

    @property
    def key(self) -> str:
        return f"response:{self.digest}"


def is_anonymous(request: Any) -> bool:
    """No token and no signed-in user. A session cookie alone does not make a reader staff: it
    is looked up (one query on the session store) only when the request carries one."""
    if request.headers.get("Authorization") is not None:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        user = getattr(request, "user", None)
        if user is None or user.is_authenticated:
            return False
    return True


def variant(request: Any, keys: list[str] | None, *, media_type: str = "") -> Variant | None:
    """The cacheable representation this request asks for, or ``None`` if the cache must not
    answer it (cache off, not a GET or HEAD, not anonymous, no version keys for the resource)."""
    if not keys or not enabled() or request.method not in SAFE or not is_anonymous(request):
        return None
    values = dataversions.read(keys)
    material = "\n".join(
        [
            EPOCH,
            *keys,
            *map(str, values),
            request.build_absolute_uri(),
            media_type,
            get_language() or "",
            request.headers.get("Accept-Language", ""),
        ]
    )
    return Variant(hashlib.sha256(material.encode()).hexdigest()[:24])


def matches(request: Any, found: Variant) -> str | None:
    """The tag of ``If-None-Match`` that names this version, if one does. A tag matches when its
    last ``-``-separated part is the digest: the API prefixes a row's version (``"7-<digest>"``),
    which the digest already covers."""
    header = request.headers.get("If-None-Match")
    if not header:
        return None
    for tag in parse_etags(header):
        if tag.removeprefix("W/").strip('"').rsplit("-", 1)[-1] == found.digest:
            return tag
    return None


def not_modified(request: Any, found: Variant, headers: dict[str, str]) -> HttpResponse | None:
    """A 304 if the client already holds this version: no query, no rendering."""
    tag = matches(request, found)
    if tag is None:
        return None
    response = HttpResponseNotModified()
    response["ETag"] = tag
    for name, value in headers.items():
        if name in _PASSED_ON_304:
            response[name] = value
    return response


def fetch(found: Variant) -> HttpResponse | None:
    """The stored answer for this version, if any."""
    entry = shielded(None, cache.get, found.key)
    if entry is None:
        return None
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def storable(request: Any, response: Any) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Set-Cookie"):
        return False
    directives = {d.strip().lower() for d in response.get("Cache-Control", "").split(",")}
    if directives & {"private", "no-store"}:
        return False
    meta = request.META
    if meta.get("CSRF_COOKIE_NEEDS_UPDATE") or meta.get("CSRF_COOKIE_USED"):
        return False
    session = getattr(request, "session", None)
    return not getattr(session, "modified", False)


def store(request: Any, found: Variant, response: Any) -> None:
    """Keep a rendered answer under its version, if the rules allow it: its status, body and the
    headers the view set (the middleware adds its own, request id and security headers, to
    every answer, cached or not)."""
    if storable(request, response):
        entry = (response.status_code, list(response.items()), response.content)
        shielded(None, cache.set, found.key, entry, lifetime())
