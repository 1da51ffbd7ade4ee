"""Finding what a pasted address belongs to: the outlet of a domain, a stand-in title.

Shared by the newsroom's create-from-autocomplete (``newsroom/create.py``) and the spreadsheet
import (``ledger/sheets.py``): both return an unsaved outlet when none is found, for the
caller to save through the services.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from core.slugs import derive_slug

from .models import Outlet, OutletKind


def outlet_on_host(host: str) -> Outlet | None:
    """The outlet whose website is on ``host`` or a domain above it (``www.`` aside): AFP's
    ``www.afp.com`` for ``factuel.afp.com``, the most specific one when several are; else
    ``None``."""
    bare = host.lower().removeprefix("www.")
    labels = bare.split(".")
    if len(labels) < 2:
        return None
    best, best_length = None, 0
    domain = ".".join(labels[-2:])
    for outlet in Outlet.objects.filter(website__icontains=domain).order_by("pk"):
        website_host = (urlsplit(outlet.website).hostname or "").lower().removeprefix("www.")
        on_it = bare == website_host or bare.endswith("." + website_host)
        if website_host and on_it and len(website_host) > best_length:
            best, best_length = outlet, len(website_host)
    return best


def outlet_for_host(host: str) -> Outlet:
    """The outlet whose website is on ``host`` (``outlet_on_host``), else a new one named after
    it."""
    bare = host.removeprefix("www.")
    on_host = outlet_on_host(host)
    if on_host is not None:
        return on_host
    found = Outlet.objects.filter(name__iexact=bare).first()
    return found or Outlet(
        name=bare, kind=OutletKind.OTHER, website=f"https://{bare}", slug=derive_slug(bare, 200)
    )


def title_from_url(url: str) -> str:
    """A readable stand-in title from the address's last path segment, for the reporter or
    editor to replace: ``…/burkina-drones-destroy-jnim-convoy.html`` → "Burkina drones destroy
    jnim convoy"."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    last = segments[-1].rsplit(".", 1)[0] if segments else ""
    words = " ".join(last.replace("_", "-").split("-")).strip()
    return (words[:1].upper() + words[1:]) if words and not words.isdigit() else parts.netloc
