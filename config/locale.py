"""The API's language: English unless the client asks for another in ``Accept-Language``.

The public site and the newsroom take their language from the address (``LocaleMiddleware`` with
``i18n_patterns``: ``/fr/…``, ``/ar/…``, English unprefixed). The API has one address per
resource, so its messages (errors, choices' labels) follow ``Accept-Language`` instead; data is
never translated by it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/"


def accepted_language(request: HttpRequest) -> str:
    """The first language of ``Accept-Language`` that we speak, else English. Neither the
    session nor a cookie counts: an API client says what it wants on every request."""
    header = request.headers.get("Accept-Language", "")
    for tag, _quality in translation.trans_real.parse_accept_lang_header(header):
        if tag == "*":
            break
        try:
            return translation.get_supported_language_variant(tag)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


class ApiLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        language = accepted_language(request)
        request.LANGUAGE_CODE = language
        with translation.override(language):
            response = self.get_response(request)
        patch_vary_headers(response, ["Accept-Language"])
        response.headers.setdefault("Content-Language", language)
        return response
