"""The response cache switched on (``settings.RESPONSE_CACHE``), in a memory cache of its own per
test, and readers of both faces. Tests here run inside a transaction that never commits: on
PostgreSQL the data versions' triggers are deferred to the commit, so a write bumps them when
``committed()`` ends (``SET CONSTRAINTS ALL IMMEDIATE`` runs them then, and the
``transaction.on_commit`` hooks run too), as it would on a real commit. On SQLite they run with
each statement."""

from __future__ import annotations

import contextlib
import uuid

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.cache.throwaway_redis import ThrowawayRedis
from tests.commits import run_deferred_triggers


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
def redis():
    """A Redis of the test's own, to stop, freeze and start again (``throwaway_redis``)."""
    server = ThrowawayRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def ledger(ledger):
    """The shared story, as committed before the test reads it (its versions bumped)."""
    run_deferred_triggers()
    return ledger


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): <write>``: the write's on-commit hooks run, as after a real commit.
    What the test wrote before (its fixtures) never commits, so it changes no version."""

    @contextlib.contextmanager
    def commit():
        with django_capture_on_commit_callbacks(execute=True):
            yield
            run_deferred_triggers()

    return commit


@pytest.fixture
def api() -> APIClient:
    return APIClient(HTTP_HOST="localhost")


@pytest.fixture
def editor_api(editor_user) -> APIClient:
    client = APIClient(HTTP_HOST="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor_user).key}")
    return client
