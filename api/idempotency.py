"""``Idempotency-Key``: a client that retries a POST (a timeout, a 503 during a restart) with the
same key gets the first answer again instead of a second row. Keys are per token user, kept 24
hours in the default cache (Redis in production, so every worker shares them) and bound to the
request: the same key with another body is refused. Natural keys make most retries safe anyway
(a copy is a 409 with the existing id, ``api.duplicates``); the key covers what has none, such
as a statement.

The key's slot is what makes a retry safe, so a request with a key is not run while the cache
cannot hold one: it is answered 503 with ``Retry-After`` and writes nothing, and the client's
retry (same key) is run once the cache is back. A request that ran but whose answer could not be
kept (the cache failed between the two steps) is answered as it was: its slot stays "running",
so a retry is a 409 for ``PENDING_SECONDS``; only a client that lost that answer and retries
after it would be run again."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from core import response_cache

if TYPE_CHECKING:
    from rest_framework.request import Request

HEADER = "Idempotency-Key"
KEEP_SECONDS = 24 * 60 * 60
# How long a first request may run before its key is free again (a worker that died mid-way).
PENDING_SECONDS = 60


class KeyConflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "idempotency_key"

    def __init__(self, message: str) -> None:
        super().__init__()
        self.detail = {HEADER: [message]}


class KeysUnavailable(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "idempotency_key_unavailable"
    default_detail = (
        "Requests with an Idempotency-Key cannot be taken just now (their store is "
        "unavailable). Nothing was written: send the same request again in a moment."
    )
    wait = 10  # seconds: DRF's exception handler sends it as Retry-After


def _fingerprint(request: Request) -> str:
    body = json.dumps(request.data, sort_keys=True, default=str)
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode()).hexdigest()


def once(request: Request, run: Callable[[], Response]) -> Response:
    """``run()`` the first time a key is seen; the stored answer every time after."""
    key = request.headers.get(HEADER)
    if key is None:
        return run()
    if not key or len(key) > 200 or not key.isprintable():
        raise exceptions.ValidationError({HEADER: ["Give 1 to 200 printable characters."]})
    user = getattr(request.user, "pk", None)
    slot = f"idempotency:{user}:{hashlib.sha256(key.encode()).hexdigest()}"
    fingerprint = _fingerprint(request)
    try:
        if not response_cache.required(
            cache.add, slot, {"state": "running", "fingerprint": fingerprint}, PENDING_SECONDS
        ):
            return _replay(response_cache.required(cache.get, slot), fingerprint)
    except response_cache.Unavailable as unavailable:
        raise KeysUnavailable from unavailable
    try:
        response = run()
    except BaseException:
        response_cache.shielded(None, cache.delete, slot)  # else it expires in a minute
        raise
    if not status.is_success(response.status_code):
        # A refused request may be corrected and sent again with its key.
        response_cache.shielded(None, cache.delete, slot)
        return response
    stored = {
        "state": "done",
        "fingerprint": fingerprint,
        "status": response.status_code,
        "data": json.loads(JSONRenderer().render(response.data)),
        "location": response.get("Location"),
        "version": getattr(response, "version", None),
    }
    # Written: the answer stands even if it cannot be kept (the slot stays "running").
    response_cache.shielded(None, cache.set, slot, stored, KEEP_SECONDS)
    return response


def _replay(stored: dict[str, Any] | None, fingerprint: str) -> Response:
    if stored is None:  # it expired between our two looks: ask the client to send it again
        raise KeyConflict("This key's first request has just ended; send the request again.")
    if stored["fingerprint"] != fingerprint:
        raise KeyConflict("This key was used for a different request: use a new key.")
    if stored["state"] == "running":
        raise KeyConflict("This key's first request is still running; retry in a moment.")
    response = Response(stored["data"], status=stored["status"])
    if stored["location"]:
        response["Location"] = stored["location"]
    response["Idempotent-Replayed"] = "true"
    response.version = stored["version"]
    return response
