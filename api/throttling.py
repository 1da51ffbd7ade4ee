"""Anonymous throttling, per client address (``core.clients``) and scope, counted in the
default cache: Redis when ``REDIS_URL`` is set, so every worker process shares one budget."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from redis.exceptions import RedisError
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from core.clients import client_address

logger = logging.getLogger(__name__)

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
        try:
            return super().allow_request(request, view)
        except RedisError:
            # The shared cache is down: serve unthrottled rather than fail every read (/readyz
            # reports the cache as down meanwhile).
            logger.warning("throttle cache unavailable; request not throttled", exc_info=True)
            return True

    def __init__(self) -> None:  # the scope is chosen per request
        pass

    def get_cache_key(self, request: Request, view: APIView) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}
