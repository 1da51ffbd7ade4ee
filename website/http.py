"""What every public page shares: an ETag, revalidation, and a content security policy."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control
from django.utils.decorators import decorator_from_middleware

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
