"""The public claim pages: the list with its filters, a claim's page, a topic's page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from claims.filters import CLAIM_ORDERINGS, ClaimFilter
from claims.models import Claim
from claims.positions import current_positions
from claims.selectors import corrections, public_changes
from claims.visibility import is_public_record, public, visible_to
from claims.vocabulary import Status, Verdict
from core.dates import display
from ledger.linked_data import claim_review, ld_json_script

from .forms import SITE_FILTERS, dress
from .http import public_page
from .pages import claim_for_page, claims_for_lists, reply_sentence, rival_and_related, stance_grid
from .paging import CappedPaginator
from .pictures import grid_picture, timeline
from .throttling import throttled_search

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

PAGE_SIZE = 20


@throttled_search
@public_page
def claim_list(request: HttpRequest) -> HttpResponse:
    """Published claims, newest update first; filtered (``claims.filters.ClaimFilter``, the
    API's too), and searched by relevance, from a GET form. A value that is not valid answers
    400 with the form naming the field."""
    claims = claims_for_lists().order_by("-updated_at", "-pk")
    filters = ClaimFilter(request.GET or None, queryset=claims, request=request)
    form = filters.form
    fields = dress(form)
    page, status = None, 200
    if form.is_bound and not form.is_valid():
        status = 400
    else:
        if form.is_bound:
            claims = filters.qs
            if ordering := form.cleaned_data.get("ordering"):
                claims = claims.order_by(*CLAIM_ORDERINGS[ordering])
        page = CappedPaginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(
        request,
        "claims/claim_list.html",
        {
            "form": form,
            "fields": fields,
            "site_filters": SITE_FILTERS,
            "page": page,
            "query_string": query_string.urlencode(),
        },
        status=status,
    )


# The claim page lists the latest published revisions; the API's history has them all.
REVISIONS_SHOWN = 20


@public_page
def claim_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A public claim; a draft's address answers exactly like one that does not exist, except to
    newsroom staff, who see it with a preview banner."""
    try:
        claim = claim_for_page(slug, seen=visible_to(request.user))
    except Claim.DoesNotExist:
        raise Http404 from None
    statements = list(claim.statements.all())
    context = {
        "claim": claim,
        "is_preview": not is_public_record(claim),
        "statements": statements,
        "positions": current_positions(statements),
        "timeline": timeline(statements),
        "relations": rival_and_related(claim),
        "replies": [reply_sentence(r) for r in claim.requests_for_comment.all()],
        "corrections": list(corrections(claim)),
        "revisions": [
            {
                "at": revision["history_date"],
                "first": revision["first"],
                "changed": revision["changed"],
                "text": revision["text"],
                "event": display(revision["event_date"], revision["event_date_precision"]),
                "verdict": Verdict(revision["verdict"]).label,
                "status": Status(revision["status"]).label,
            }
            for revision in public_changes(claim, limit=REVISIONS_SHOWN)
        ],
        "history_api_url": reverse("api:claim-history", args=[claim.pk]),
        "api_url": reverse("api:claim-detail", args=[claim.pk]),
        "json_ld": ld_json_script(claim_review(claim, request)),
    }
    return render(request, "claims/claim_detail.html", context)


@public_page
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(public.topics(), slug=slug)
    claims = claims_for_lists().filter(topics=topic).order_by("-updated_at", "-pk")
    page = CappedPaginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    grid = stance_grid(page.object_list)
    return render(
        request,
        "claims/topic_detail.html",
        {"topic": topic, "page": page, "grid": grid, "picture": grid_picture(grid)},
    )
