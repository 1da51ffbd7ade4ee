"""The site's own pages: home and methodology."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.shortcuts import render

from claims.visibility import public
from claims.vocabulary import STANCES, Direction, Stance, Verdict
from core.grades import Credibility, Reliability

from .http import public_page
from .pages import claims_for_lists, stance_grid
from .paging import capped_count
from .pictures import grid_picture

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

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
            # Counted up to 1,000 ("more than 1,000"), as the lists count: a COUNT of every
            # published claim grows with the newsroom's archive.
            "claims_counted": capped_count(public.listed_claims()),
        },
    )


@public_page
def methodology(request: HttpRequest) -> HttpResponse:
    stances = [
        (Stance(stance).label, Direction(words.direction).label)
        for stance, words in STANCES.items()
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
