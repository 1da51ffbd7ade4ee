"""The response cache switched on (``settings.RESPONSE_CACHE``), in a memory cache of its own per
test, and readers of both faces. Tests here run inside a transaction that never commits, so a
write bumps the data versions only inside ``committed()`` (``transaction.on_commit`` runs then),
as it would on a real commit."""

from __future__ import annotations

import contextlib
import uuid

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims import stamps


@pytest.fixture(autouse=True)
def response_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"response-cache-{uuid.uuid4().hex}",
        }
    }
    settings.RESPONSE_CACHE = True
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {"anon-read": "10000/minute", "anon-search": "10000/minute"}
    settings.REST_FRAMEWORK = rest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): <write>``: the write's on-commit hooks run, as after a real commit.
    What the test wrote before (its fixtures) never commits, so it changes no version."""

    @contextlib.contextmanager
    def commit():
        stamps._pending.reset()
        with django_capture_on_commit_callbacks(execute=True):
            yield

    return commit


@pytest.fixture
def api() -> APIClient:
    return APIClient(HTTP_HOST="localhost")


@pytest.fixture
def editor_api(editor_user) -> APIClient:
    client = APIClient(HTTP_HOST="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor_user).key}")
    return client
