"""The public source page: the document, its grade, the newsroom's captures of it, and the
statements it reports. Captures are served as downloads only (``capture_copy``,
``capture_warc``): never rendered as a page of this site."""

from __future__ import annotations

import mimetypes
from typing import TYPE_CHECKING

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_safe

from claims.visibility import public, visible_to
from sources.capture import captured_body
from sources.fetch import media_type
from sources.models import Capture, CaptureOutcome

from .http import public_page

if TYPE_CHECKING:
    from django.http import HttpRequest

PAGE_SIZE = 50
CAPTURES_SHOWN = 10
# A capture is someone else's page: whatever it holds, it runs nothing and loads nothing here.
DOWNLOAD_CSP = "sandbox; default-src 'none'"


@public_page
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(public.sources().select_related("outlet"), pk=pk)
    citations = (
        public.citations()
        .filter(source=source)
        .select_related("statement__claim", "statement__actor", "statement__on_behalf_of")
        .order_by("statement__stated_on", "pk")
    )
    copies = list(
        public.captures()
        .filter(source=source, outcome=CaptureOutcome.CAPTURED)
        .order_by("-captured_at", "-pk")[:CAPTURES_SHOWN]
    )
    page = Paginator(citations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request, "sources/source_detail.html", {"source": source, "page": page, "copies": copies}
    )


def _copy(request: HttpRequest, pk: int, capture: int) -> Capture:
    """A capture the reader may see: the public's, or any for newsroom staff who may preview
    (the admin links here)."""
    seen = visible_to(request.user)
    return get_object_or_404(
        seen.captures().filter(outcome=CaptureOutcome.CAPTURED).exclude(warc=""),
        source_id=pk,
        pk=capture,
    )


def _download(response: HttpResponse) -> HttpResponse:
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ["Cookie"])  # staff may download what the public may not
    return response


@require_safe
def capture_copy(request: HttpRequest, pk: int, capture: int) -> HttpResponse:
    """The document as the newsroom captured it, to download."""
    row = _copy(request, pk, capture)
    try:
        body = captured_body(row)
    except OSError:
        raise Http404("The capture's file is missing.") from None
    kind = media_type(row.content_type) or "application/octet-stream"
    extension = mimetypes.guess_extension(kind) or ".bin"
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = (
        f'attachment; filename="source-{pk}-capture-{row.pk}{extension}"'
    )
    return _download(response)


@require_safe
def capture_warc(request: HttpRequest, pk: int, capture: int) -> HttpResponse:
    """The web-archive record of the capture (WARC), for replay tools such as ReplayWeb.page."""
    row = _copy(request, pk, capture)
    try:
        warc = row.warc.open("rb")
    except OSError:
        raise Http404("The capture's file is missing.") from None
    response = FileResponse(
        warc,
        as_attachment=True,
        filename=f"source-{pk}-capture-{row.pk}.warc.gz",
        content_type="application/warc",
    )
    return _download(response)
