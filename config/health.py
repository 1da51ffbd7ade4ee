"""Health probes for the platform: ``/healthz`` (the process answers) and ``/readyz`` (it can
serve: the database answers a query and the cache a round trip). Plain JSON, never cached, no
session or database touched by ``/healthz``."""

from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

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
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=5)
        ok = cache.get(key) == value
        cache.delete(key)
    except Exception:  # any backend's connection error: the answer is "not ready"
        logger.warning("readyz: cache unavailable", exc_info=True)
        return False
    return ok


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database(), "cache": _cache()}
    ready = all(checks.values())
    response = JsonResponse(
        {
            "status": "ok" if ready else "unavailable",
            "checks": {k: "ok" if v else "down" for k, v in checks.items()},
        },
        status=200 if ready else 503,
    )
    if not ready:
        response["Retry-After"] = "10"
    return response
