"""One canonical form per source URL, so the same article is never entered twice."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from url_normalize import url_normalize

# Parameters that say how a reader arrived, not which document it is.
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid"})


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, default port and dot segments removed (url-normalize), then
    the fragment and tracking parameters (``utm_*``, ``fbclid``…) dropped. Other parameters keep
    their order: on many sites ``?id=`` names the document."""
    if not url:
        return url
    normalised = url_normalize(url.strip()) or ""
    parts = urlsplit(normalised)
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMS
    ]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))
