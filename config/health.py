"""Health probes for the platform: ``/healthz`` (the process answers) and ``/readyz`` (it can
serve: the database answers a query). Plain JSON, never cached, no session or database touched by
``/healthz``.

``/readyz`` also tries the cache (Redis) with a round trip and reports it, ``"ok"`` or
``"unavailable"``, but stays 200 while the cache is down: every read is then served computed,
throttles let requests through, and only the writes that need the cache (an ``Idempotency-Key``,
the import's preview) answer 503 by themselves (``core.response_cache``). A 503 here would take
every instance out of the load balancer at once, for an outage each of them can serve through;
a database that does not answer is the one thing no request can do without, and is a 503."""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import response_cache

logger = logging.getLogger(__name__)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("readyz: database unavailable", exc_info=True)
        return False


def _cache() -> bool:
    """A round trip, tried even while requests leave the cache alone after a failure; one that
    succeeds lets them use it again at once."""
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=5)
        ok = cache.get(key) == value
        cache.delete(key)
    except Exception:  # any backend's connection error: reported, not raised
        logger.warning("readyz: cache unavailable", exc_info=True)
        return False
    if ok:
        response_cache.reset_availability()
    return ok


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    database, shared_cache = _database(), _cache()
    ready = database
    response = JsonResponse(
        {
            "status": "ok" if ready else "unavailable",
            "checks": {
                "database": "ok" if database else "down",
                "cache": "ok" if shared_cache else "unavailable",
            },
        },
        status=200 if ready else 503,
    )
    if not ready:
        response["Retry-After"] = "10"
    return response
