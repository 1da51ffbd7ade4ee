"""Throttling, shared by the API (``api.throttling``) and the public site's search
(``website.throttling``): DRF's rate mechanism, counted in the default cache — Redis when
``REDIS_URL`` is set, so every worker process shares one budget. When the cache is down or hung
the request is served unthrottled (fail open): a budget is a courtesy to the other readers, not a
reason to refuse every read (``core.response_cache.shielded``). Rates are the scopes of
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``; a client is known by its address from
``core.clients``, the one place that address is worked out."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from core import response_cache
from core.clients import client_address

if TYPE_CHECKING:
    from django.http import HttpRequest


class ScopedRateThrottle(SimpleRateThrottle):
    """A budget per scope, its rate read from ``DEFAULT_THROTTLE_RATES`` at request time (so
    settings can change it); the client is known by ``core.clients.client_address``."""

    def __init__(self) -> None:  # the scope is chosen per request
        pass

    def get_rate(self) -> str | None:
        # DRF's stubs give these rates as numbers: they are "N/period" strings (THROTTLE_RATES).
        rates = cast("dict[str | None, str | None]", api_settings.DEFAULT_THROTTLE_RATES)
        return rates.get(self.scope)

    def get_ident(self, request: HttpRequest) -> str:
        return client_address(request)

    def allow_in_scope(self, scope: str, request: HttpRequest, view: object) -> bool:
        self.scope = scope
        self.rate = self.get_rate()
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        # The shared cache down or hung: served unthrottled (/readyz reports the cache meanwhile).
        return response_cache.shielded(True, super().allow_request, request, view)

    def get_cache_key(self, request: HttpRequest, view: object) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
