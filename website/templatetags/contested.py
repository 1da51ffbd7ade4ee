"""Template filters and tags for the public site."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_bidi, get_language_info, override

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    """'French' for 'fr' (in the reader's language: 'français' on a French page); a BCP 47 tag
    Django does not know ('bm', 'fr-ML') falls back to its primary language, then to the tag
    itself."""
    for candidate in (code, code.split("-")[0]):
        try:
            info = get_language_info(candidate.lower())
        except KeyError:
            continue
        return info["name_translated"] if get_language() != "en" else info["name"]
    return code


@register.filter
def language_in_sentence(code: str) -> str:
    """``language_name`` inside a sentence: French writes language names in lower case ("de
    l'original en anglais"), where Django's French catalogue capitalises them."""
    name = language_name(code)
    return name.lower() if (get_language() or "").startswith("fr") else name


@register.simple_tag(takes_context=True)
def page_languages(context: Any) -> list[dict[str, Any]]:
    """This page in each of the site's languages: code, its own name, absolute address, and
    whether it is the one being read. For the switcher and the ``hreflang`` alternates. An error
    page links to the home page in each language instead: it must not repeat the address that
    was asked for (a draft's 404 is the same page as a missing one's)."""
    request = context.get("request")
    if request is None:
        return []
    current = get_language()
    languages = []
    for code, name in settings.LANGUAGES:
        if context.get("is_error"):
            with override(code):
                path = reverse("home")
        else:
            path = translate_url(request.get_full_path(), code)
        languages.append(
            {
                "code": code,
                "name": name,
                "url": request.build_absolute_uri(path),
                "path": path,
                "current": code == current,
                "direction": "rtl" if get_language_info(code)["bidi"] else "ltr",
            }
        )
    return languages


@register.simple_tag
def text_direction() -> str:
    return "rtl" if get_language_bidi() else "ltr"


@register.filter
def shown(record: Any, field: str) -> Any:
    """``record.<field>`` in the reader's language when written or translated into it, the
    original otherwise (``core.translations.shown``): prints as the words, with ``.language``
    (for a ``lang`` attribute) and ``.is_translation``/``.method`` (to say so)."""
    return record.shown(field)
