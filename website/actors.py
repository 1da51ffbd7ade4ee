"""The public actor pages: who they are, how they are related, every position they took."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.paginator import Paginator
from django.db.models import Exists, F, Func, IntegerField, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import render

from actors.models import Actor
from claims.models import Statement
from claims.visibility import public

from .http import public_page
from .pages import actor_for_page, actor_positions, actor_relations, actor_standing

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

PAGE_SIZE = 50
POSITIONS_PAGE_SIZE = 50


def _listed_claim_count() -> Subquery:
    """How many published claims the outer actor took a position on, itself or through a
    spokesperson."""
    speaks = Statement.objects.filter(claim=OuterRef("pk")).filter(
        Q(actor=OuterRef(OuterRef("pk"))) | Q(on_behalf_of=OuterRef(OuterRef("pk")))
    )
    claims = (
        public.listed_claims()
        .filter(Exists(speaks))
        .order_by()
        .annotate(n=Func(F("pk"), function="COUNT"))
        .values("n")
    )
    return Subquery(claims, output_field=IntegerField())


@public_page
def actor_list(request: HttpRequest) -> HttpResponse:
    actors = public.actors().annotate(claim_count=_listed_claim_count()).order_by("name")
    page = Paginator(actors, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "actors/actor_list.html", {"page": page})


@public_page
def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        actor = actor_for_page(slug)
    except Actor.DoesNotExist:
        raise Http404 from None
    page = Paginator(actor_positions(actor), POSITIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "actors/actor_detail.html",
        {
            "actor": actor,
            "page": page,
            "standing": actor_standing(actor),
            "relations": actor_relations(actor),
        },
    )
