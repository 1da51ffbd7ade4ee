"""Template filters for the public site."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    """'French' for 'fr'; a BCP 47 tag Django does not know ('bm', 'fr-ML') falls back to its
    primary language, then to the tag itself."""
    for candidate in (code, code.split("-")[0]):
        try:
            return get_language_info(candidate.lower())["name"]
        except KeyError:
            continue
    return code
