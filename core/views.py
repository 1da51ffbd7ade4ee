"""The site's own pages (home, methodology) and what every public page shares."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from django.middleware.http import ConditionalGetMiddleware
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.decorators import decorator_from_middleware

from claims.models import Claim
from claims.pages import claims_for_lists, stance_grid
from claims.pictures import grid_picture
from claims.vocabulary import STANCE_DIRECTION, Direction, Stance, Verdict
from core.grades import Credibility, Reliability

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.http import HttpRequest, HttpResponse

_conditional_get = decorator_from_middleware(ConditionalGetMiddleware)

# The public pages load nothing from another host and run no script: the browser enforces it.
# (The ClaimReview JSON-LD is a data block, which script-src does not govern.)
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """An ETag from the rendered page, a 304 when the browser already holds it, "no-cache" so
    browsers and caches revalidate each time rather than show a stale ledger, and a content
    security policy that keeps the page to our own host."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = view(request, *args, **kwargs)
        patch_cache_control(response, no_cache=True)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response

    return _conditional_get(wrapped)


LATEST = 8
MOST_CONTESTED = 5


@public_page
def home(request: HttpRequest) -> HttpResponse:
    latest = list(claims_for_lists().order_by("-published_at", "-pk")[:LATEST])
    grid = stance_grid(latest)
    most_contested = list(
        claims_for_lists()
        .contested()
        .order_by("-statement_count", "-published_at")[:MOST_CONTESTED]
    )
    return render(
        request,
        "core/home.html",
        {
            "latest": latest,
            "most_contested": most_contested,
            "grid": grid,
            "picture": grid_picture(grid),
            "claim_count": Claim.objects.published().count(),
        },
    )


@public_page
def methodology(request: HttpRequest) -> HttpResponse:
    stances = [
        (Stance(stance).label, Direction(direction).label)
        for stance, direction in STANCE_DIRECTION.items()
    ]
    return render(
        request,
        "core/methodology.html",
        {
            "stances": stances,
            "verdicts": Verdict.choices,
            "reliability": Reliability.choices,
            "credibility": Credibility.choices,
        },
    )
