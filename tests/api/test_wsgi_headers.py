"""Every write answers with headers a strict WSGI server accepts. The test client does not check
them; ``wsgiref.validate`` (the checks of Django's own development server) does, so a header
value that is not a plain ``str`` — such as the ``Location`` of a create — fails here."""

from __future__ import annotations

import io
import json
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import pytest
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from rest_framework.authtoken.models import Token


@pytest.fixture
def strict_app():
    """The WSGI application behind ``wsgiref.validate``; the request signals are kept from
    closing the connection that holds the test's transaction, as Django's test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield validator(get_wsgi_application())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def call(app, method: str, path: str, token: str, body: dict | None = None):
    data = json.dumps(body or {}).encode()
    environ: dict = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "PATH_INFO": path,
        "HTTP_HOST": "localhost",
        "HTTP_AUTHORIZATION": f"Token {token}",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(data)),
        "wsgi.input": io.BytesIO(data),
    }
    setup_testing_defaults(environ)
    captured: dict = {}

    def start_response(status, headers, exc_info=None):
        captured["status"] = status
        captured["headers"] = dict(headers)
        return lambda chunk: None

    result = app(environ, start_response)
    body_bytes = b"".join(result)
    result.close()
    return int(captured["status"].split()[0]), captured["headers"], body_bytes


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/topics/", {"name": "Air war"}),
        ("/api/v1/outlets/", {"name": "Sahel Wire", "kind": "news_agency"}),
        ("/api/v1/actors/", {"name": "Dozo hunters", "kind": "armed_group"}),
    ],
)
def test_a_create_passes_a_strict_wsgi_servers_header_checks(strict_app, editor_user, path, body):
    token = Token.objects.create(user=editor_user).key
    status, headers, content = call(strict_app, "POST", path, token, body)
    assert status == 201, content
    assert headers["Location"].startswith("http://localhost/api/v1/")
    status, headers, content = call(strict_app, "PATCH", headers["Location"][16:], token, {})
    assert status == 200, content
