"""Anonymous throttling, per client address (``core.clients``) and scope, counted in the
default cache: Redis when ``REDIS_URL`` is set, so every worker process shares one budget. When
the cache is down or hung the request is served unthrottled (fail open): a budget is a courtesy
to the other readers, not a reason to refuse every read (``core.response_cache.shielded``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from core import response_cache
from core.clients import client_address

if TYPE_CHECKING:
    from rest_framework.request import Request
    from rest_framework.views import APIView


class AnonScopedRateThrottle(SimpleRateThrottle):
    """A budget per client address for anonymous readers, in scopes: ``anon-read`` for every
    read, ``anon-search`` (smaller) for a request with ``q``. A token holder is not throttled
    here: tokens are issued by the newsroom to tools it trusts."""

    def get_rate(self) -> str | None:  # read at request time, so settings can change it
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.user and request.user.is_authenticated:
            return True
        self.scope = "anon-search" if request.query_params.get("q") else "anon-read"
        self.rate = self.get_rate()
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        # The shared cache down or hung: served unthrottled (/readyz reports the cache meanwhile).
        return response_cache.shielded(True, super().allow_request, request, view)

    def __init__(self) -> None:  # the scope is chosen per request
        pass

    def get_cache_key(self, request: Request, view: APIView) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}
