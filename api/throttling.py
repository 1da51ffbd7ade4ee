"""The API's throttles (``core.throttling``: counted in the shared cache, failing open):

- anonymous readers: a budget per client address (``core.clients``, the one place that address is
  worked out) and scope;
- token holders who are not newsroom staff: a budget per user (``user`` scope); staff's tools are
  not throttled.

A refused request is DRF's 429, ``{"detail": …}`` with ``Retry-After``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.throttling import ScopedRateThrottle

if TYPE_CHECKING:
    from django.http import HttpRequest
    from rest_framework.request import Request
    from rest_framework.views import APIView


class AnonScopedRateThrottle(ScopedRateThrottle):
    """A budget per client address for anonymous readers, in scopes: ``anon-read`` for every
    read, ``anon-search`` (smaller) for a request with ``q``. Token holders are
    ``UserRateThrottle``'s."""

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.user and request.user.is_authenticated:
            return True
        scope = "anon-search" if request.query_params.get("q") else "anon-read"
        return self.allow_in_scope(scope, request, view)


class UserRateThrottle(ScopedRateThrottle):
    """A budget per user (``user`` scope, ``API_USER_RATE``) for a token whose user is not newsroom
    staff: a tool outside the newsroom, or a leaked token, cannot hammer the API. Staff's tokens
    are the newsroom's own tools and are not throttled."""

    def allow_request(self, request: Request, view: APIView) -> bool:
        user = request.user
        if not (user and user.is_authenticated) or user.is_staff:
            return True
        return self.allow_in_scope("user", request, view)

    def get_ident(self, request: HttpRequest) -> str:
        return f"user-{request.user.pk}"
