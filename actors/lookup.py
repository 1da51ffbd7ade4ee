"""Finding an actor by what someone typed: its name or one of its aliases, in any case.

One rule for the newsroom's create-from-autocomplete (``newsroom/create.py``), the spreadsheet
and ClaimReview readers and the import of a file from elsewhere (``ledger/``): the oldest actor
so named wins. Given a kind, an actor of another kind is not the same one ("Mali" the state is
not "Mali" a newspaper), except that an actor of kind "other" matches any kind, both ways.
"""

from __future__ import annotations

from django.db.models import Q

from .models import Actor, ActorKind


def named(name: str, *, or_slug: bool = False, kind: str | None = None) -> Actor | None:
    """The actor called ``name`` or known by it as an alias (or, with ``or_slug``, whose slug it
    is), of ``kind`` when given, else ``None``."""
    match = Q(name__iexact=name) | Q(aliases__name__iexact=name)
    if or_slug:
        match |= Q(slug=name)
    found = Actor.objects.filter(match)
    if kind and kind != ActorKind.OTHER:
        found = found.filter(kind__in=[kind, ActorKind.OTHER])
    return found.order_by("pk").first()
