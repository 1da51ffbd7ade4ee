"""Finding an actor by what someone typed: its name or one of its aliases, in any case.

One rule for the newsroom's create-from-autocomplete (``newsroom/create.py``), the spreadsheet
import and the ClaimReview import (``claims/ledger``): the oldest actor so named wins.
"""

from __future__ import annotations

from django.db.models import Q

from .models import Actor


def named(name: str, *, or_slug: bool = False) -> Actor | None:
    """The actor called ``name`` or known by it as an alias (or, with ``or_slug``, whose slug it
    is), else ``None``."""
    match = Q(name__iexact=name) | Q(aliases__name__iexact=name)
    if or_slug:
        match |= Q(slug=name)
    return Actor.objects.filter(match).order_by("pk").first()
