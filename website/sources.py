"""The public source page: the document, its grade, and the statements it reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from claims.visibility import public

from .http import public_page

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

PAGE_SIZE = 50


@public_page
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(public.sources().select_related("outlet"), pk=pk)
    citations = (
        public.citations()
        .filter(source=source)
        .select_related("statement__claim", "statement__actor", "statement__on_behalf_of")
        .order_by("statement__stated_on", "pk")
    )
    page = Paginator(citations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "sources/source_detail.html", {"source": source, "page": page})
