"""The public site's search, throttled like the API's: a budget per client address
(``core.clients``) in the ``site-search`` scope (``SITE_SEARCH_RATE``), counted in the same
cache by the same mechanism (``core.throttling``). Browsing and filtering are not throttled: only
a request with a search term, which costs a full-text query. Newsroom staff are not throttled.
Over budget: the site's own 429 page, with ``Retry-After``, never stored by a cache."""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING

from django.shortcuts import render
from django.utils.translation import gettext as _

from core.throttling import ScopedRateThrottle

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.http import HttpRequest, HttpResponse

SCOPE = "site-search"


def too_many_requests(request: HttpRequest, wait: int) -> HttpResponse:
    response = render(
        request,
        "429.html",
        {"status": 429, "reason": _("Too Many Requests"), "wait": wait, "is_error": True},
        status=429,
    )
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


def throttled_search(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """``view`` answers a search (a non-blank ``q``) only within the client's budget."""

    @functools.wraps(view)
    def throttled(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        user = getattr(request, "user", None)
        staff = bool(user and user.is_authenticated and user.is_staff)
        if request.GET.get("q", "").strip() and not staff:
            throttle = ScopedRateThrottle()
            if not throttle.allow_in_scope(SCOPE, request, view):
                return too_many_requests(request, max(1, math.ceil(throttle.wait() or 1)))
        return view(request, *args, **kwargs)

    return throttled
