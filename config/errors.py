"""Errors in each face's own shape: JSON under ``/api/``, the site's templates elsewhere.

Django calls the ``handler*`` views for what no view answered (an unknown path, an uncaught
exception, a lost database). With ``DEBUG`` off no answer carries a stack trace; the trace goes
to the log, with the request id.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext_lazy as _

API_PREFIX = "/api/"
RETRY_AFTER_SECONDS = 10

DETAILS = {
    400: _("Bad request."),
    403: _("You do not have permission to do this."),
    404: _("Not found."),
    500: _("A server error occurred. It has been logged; try again later."),
    503: _("The service is briefly unavailable. Try again in a few seconds."),
}
# HTTP's reason phrases, in the reader's language.
REASONS = {
    400: _("Bad Request"),
    403: _("Forbidden"),
    404: _("Not Found"),
    500: _("Internal Server Error"),
    503: _("Service Unavailable"),
}


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def error_response(request: HttpRequest, status: int) -> HttpResponse:
    """The error ``status`` for ``request``: ``{"detail": …}`` for the API, the site's page
    (``templates/<status>.html``) elsewhere."""
    if is_api(request):
        response: HttpResponse = JsonResponse({"detail": str(DETAILS[status])}, status=status)
    else:
        template = loader.select_template([f"{status}.html", "error.html"])
        # ``is_error``: the page names no address of its own (its language links go to the home
        # pages), so a draft's 404 is the same page as a missing one's.
        context = {
            "status": status,
            "reason": REASONS[status],
            "detail": DETAILS[status],
            "is_error": True,
        }
        response = HttpResponse(template.render(context, request), status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    """An uncaught exception. Django calls this inside its ``except`` block, so the exception is
    at hand: a lost database (server restarting, network cut) is a 503 with ``Retry-After``, not a
    500. Django closes the broken connection when the request ends and the next request opens a
    new one (``conn_health_checks``), so service resumes by itself."""
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        return error_response(request, 503)
    return error_response(request, 500)
