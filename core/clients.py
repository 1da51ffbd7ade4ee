"""Who is asking: the client's address, the same for the API's throttles and the admin's login
lockout.

Behind a reverse proxy every request comes from the proxy, and the client's address is the one
the proxy appended to ``X-Forwarded-For``. That header is trusted only when the settings say a
proxy is there (``PROXY_HOPS``, from ``BEHIND_PROXY``), and then only as many hops back as there
are proxies: addresses further left are whatever the client chose to send.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    hops = getattr(settings, "PROXY_HOPS", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not hops or not forwarded:
        return remote
    addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
    if not addresses:
        return remote
    return addresses[-min(hops, len(addresses))]
