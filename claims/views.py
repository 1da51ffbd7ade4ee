"""The public claim pages: the list with its filters, a claim's page, a topic's page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core.views import public_page

from .forms import ClaimFilterForm
from .linked_data import claim_review, ld_json_script
from .models import Claim, Topic
from .pages import (
    claim_for_page,
    claims_for_lists,
    positions,
    reply_sentence,
    rival_and_related,
    stance_grid,
)
from .pictures import grid_picture, timeline
from .search import search_claims
from .selectors import corrections, public_revisions
from .vocabulary import PUBLIC_STATUSES, Status, Verdict

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
    from django.http import HttpRequest, HttpResponse

PAGE_SIZE = 20


def can_preview(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Newsroom staff may open a draft's page to check it before publishing."""
    return bool(user.is_active and user.is_staff and user.has_perm("claims.view_claim"))


@public_page
def claim_list(request: HttpRequest) -> HttpResponse:
    """Published claims, newest update first; filtered, and searched by relevance, from a GET
    form. A value that is not valid answers 400 with the form naming the field."""
    form = ClaimFilterForm(request.GET or None)
    page, status = None, 200
    if form.is_bound and not form.is_valid():
        status = 400
    else:
        claims = claims_for_lists().order_by("-updated_at", "-pk")
        if form.is_bound:
            claims = form.filter(claims)
            if query := form.cleaned_data.get("q"):
                claims = search_claims(claims, query)
        page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "claims/claim_list.html",
        {"form": form, "page": page, "query_string": query_string.urlencode()},
        status=status,
    )


# The claim page lists the latest published revisions; the API's history has them all.
REVISIONS_SHOWN = 20


@public_page
def claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A public claim; a draft's address answers exactly like one that does not exist, except to
    newsroom staff, who see it with a preview banner."""
    try:
        claim = claim_for_page(slug, preview=can_preview(request.user))
    except Claim.DoesNotExist:
        raise Http404 from None
    statements = list(claim.statements.all())
    context = {
        "claim": claim,
        "is_preview": claim.status not in PUBLIC_STATUSES,
        "statements": statements,
        "positions": positions(statements),
        "timeline": timeline(statements),
        "relations": rival_and_related(claim),
        "replies": [reply_sentence(r) for r in claim.requests_for_comment.all()],
        "corrections": list(corrections(claim)),
        "revisions": [
            {
                "at": revision["history_date"],
                "text": revision["text"],
                "verdict": Verdict(revision["verdict"]).label,
                "status": Status(revision["status"]).label,
            }
            for revision in public_revisions(claim)[:REVISIONS_SHOWN]
        ],
        "history_api_url": reverse("api:claim-history", args=[claim.pk]),
        "api_url": reverse("api:claim-detail", args=[claim.pk]),
        "json_ld": ld_json_script(claim_review(claim, request)),
    }
    return render(request, "claims/claim_detail.html", context)


@public_page
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic.objects.public(), slug=slug)
    claims = claims_for_lists().filter(topics=topic).order_by("-updated_at", "-pk")
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    grid = stance_grid(page.object_list)
    return render(
        request,
        "claims/topic_detail.html",
        {"topic": topic, "page": page, "grid": grid, "picture": grid_picture(grid)},
    )
