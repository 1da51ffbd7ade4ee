"""What every public page shares: an ETag, revalidation, the response cache, and a content
security policy."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.decorators import decorator_from_middleware

from claims.cache_versions import GLOBAL, SHARED, claim_slug_key
from core import response_cache

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


def page_version_keys(request: HttpRequest, kwargs: dict) -> list[str]:
    """The data versions a page is keyed on (``claims.cache_versions``): a claim's page on its own
    key and the shared one, every other page on the global key."""
    match = request.resolver_match
    if match is not None and match.view_name == "claims:claim-detail" and "slug" in kwargs:
        return [claim_slug_key(kwargs["slug"]), SHARED]
    return [GLOBAL]


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """ "no-cache" so browsers and caches revalidate each time rather than show a stale ledger, a
    content security policy that keeps the page to our own host, and an ETag:

    - for the public, with the response cache on (``core.response_cache``): the version of the
      data the page shows, read from the database in one query (``core.dataversions``), so a
      matching ``If-None-Match`` is a 304 after that query alone, and a rendered page is served
      from the shared cache until a write changes that version;
    - otherwise (a signed-in member of staff, who may be previewing a draft; the cache off): a
      digest of the rendered page, and a 304 when the browser already holds it."""

    @functools.wraps(view)
    def rendered(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = view(request, *args, **kwargs)
        patch_cache_control(response, no_cache=True)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response

    conditional = _conditional_get(rendered)

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        found = response_cache.variant(request, page_version_keys(request, kwargs))
        if found is None:
            return conditional(request, *args, **kwargs)
        # What every answer for the public says, whether rendered, cached or a 304.
        headers = {"Cache-Control": "no-cache", "Vary": "Cookie"}
        if (response := response_cache.not_modified(request, found, headers)) is not None:
            return response
        if (response := response_cache.fetch(found)) is not None:
            return response
        response = rendered(request, *args, **kwargs)
        if callable(getattr(response, "render", None)):
            response = response.render()  # a TemplateResponse (the sitemap): store its bytes
        patch_vary_headers(response, ["Cookie"])
        if response.status_code == 200 and not response.streaming:
            response["ETag"] = f'W/"{found.digest}"'
            response_cache.store(request, found, response)
        return response

    return wrapped
