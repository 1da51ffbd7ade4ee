from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Source


def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source.objects.public().select_related("outlet"), pk=pk)
    return render(request, "sources/source_detail.html", {"source": source})
