from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import Claim


def claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A public claim; a draft's address answers exactly like one that does not exist."""
    claim = get_object_or_404(Claim.objects.public(), slug=slug)
    return render(request, "claims/claim_detail.html", {"claim": claim})
