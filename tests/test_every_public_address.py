"""The visibility rule, proved for every public address there is: the API's routes are read from
its router and the site's from its URL patterns, so a new endpoint or page is covered (or fails
here, asking for its object) without anyone remembering to list it.

Every address is fetched for a public object, where it must answer and show no draft, and for a
draft's object, where it must answer exactly as for a missing one."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, reverse

from actors.models import ActorRelation
from api.urls import router
from claims.models import ClaimRelation, RequestForComment, Statement
from tests.api.conftest import SECRET
from tests.sources.helpers import stored_capture
from website import urls as site_urls

pytestmark = pytest.mark.django_db

# For each kind of object an address takes: (the public one, the one only a draft references).
API_OBJECTS = {
    "claim": lambda ledger: (ledger.claim, ledger.draft),
    "statement": lambda ledger: (ledger.denial, Statement.objects.filter(claim=ledger.draft)[0]),
    "actor": lambda ledger: (ledger.fla, ledger.secret_actor),
    "source": lambda ledger: (ledger.source, ledger.secret_source),
    "outlet": lambda ledger: (ledger.source.outlet, ledger.secret_source.outlet),
    "topic": lambda ledger: (ledger.topic, ledger.secret_topic),
    "actor-relation": lambda ledger: (
        ActorRelation.objects.get(subject=ledger.spokesman),
        ActorRelation.objects.get(subject=ledger.secret_actor),
    ),
    "claim-relation": lambda ledger: (
        ClaimRelation.objects.get(from_claim=ledger.claim),
        ClaimRelation.objects.get(from_claim=ledger.draft),
    ),
    "request-for-comment": lambda ledger: (
        RequestForComment.objects.get(claim=ledger.claim),
        RequestForComment.objects.get(claim=ledger.draft, actor=ledger.secret_actor),
    ),
}
SITE_OBJECTS = {
    # Before "source": a capture's address is under its source's.
    "capture": lambda ledger: (
        (ledger.source.pk, stored_capture(ledger.source).pk),
        (ledger.secret_source.pk, stored_capture(ledger.secret_source).pk),
    ),
    "claim": lambda ledger: (ledger.claim.slug, ledger.draft.slug),
    "actor": lambda ledger: (ledger.fla.slug, ledger.secret_actor.slug),
    "source": lambda ledger: (ledger.source.pk, ledger.secret_source.pk),
    "topic": lambda ledger: (ledger.topic.slug, SECRET),
}


def api_addresses(ledger: Any) -> list[tuple[str, int]]:
    """(address, expected status) for every route of every registered viewset."""
    addresses = []
    for _prefix, viewset, basename in router.registry:
        public, secret = API_OBJECTS[basename](ledger)
        addresses.append((reverse(f"api:{basename}-list"), 200))
        addresses.append((reverse(f"api:{basename}-detail", args=[public.pk]), 200))
        addresses.append((reverse(f"api:{basename}-detail", args=[secret.pk]), 404))
        for extra in viewset.get_extra_actions():
            if "get" not in extra.mapping:
                continue  # a write (the workflow's moves): tested in tests/api
            name = f"api:{basename}-{extra.url_name}"
            if extra.detail:
                addresses.append((reverse(name, args=[public.pk]), 200))
                addresses.append((reverse(name, args=[secret.pk]), 404))
            else:
                addresses.append((reverse(name), 200))
    return addresses


def _patterns(patterns: list, namespace: str = "") -> list[tuple[str, URLPattern]]:
    found = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += _patterns(entry.url_patterns, inner)
        else:
            found.append((f"{namespace}{entry.name}", entry))
    return found


def site_addresses(ledger: Any) -> list[tuple[str, int]]:
    """(address, expected status) for every named page of the public site."""
    addresses = []
    for name, pattern in _patterns(site_urls.urlpatterns):
        converters = pattern.pattern.converters
        if not converters:
            addresses.append((reverse(name), 200))
            continue
        kinds = [kind for kind in SITE_OBJECTS if kind in name]
        assert kinds, f"{name} takes an object: say which in SITE_OBJECTS"
        public, secret = SITE_OBJECTS[kinds[0]](ledger)
        as_args = lambda key: list(key) if isinstance(key, tuple) else [key]  # noqa: E731
        addresses.append((reverse(name, args=as_args(public)), 200))
        addresses.append((reverse(name, args=as_args(secret)), 404))
    return addresses


def test_every_api_route_shows_public_objects_and_hides_drafts(reader, ledger):
    addresses = api_addresses(ledger)
    assert len(addresses) >= 16
    for address, status in addresses:
        response = reader.get(address)
        assert response.status_code == status, address
        assert SECRET.encode() not in response.content, address


def test_every_site_page_shows_public_objects_and_hides_drafts(reader, ledger):
    addresses = site_addresses(ledger)
    assert len(addresses) >= 15
    for address, status in addresses:
        response = reader.get(address)
        assert response.status_code == status, address
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert SECRET.encode() not in body, address
