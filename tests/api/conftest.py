"""API clients and tokens. The ledger (a small public story with a draft hidden in it) is the
shared one of ``tests/ledger.py``."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import (
    UserFactory,
)
from tests.ledger import SECRET, Ledger  # noqa: F401 - the API tests import them from here


@pytest.fixture(autouse=True)
def _fresh_throttle_budget(settings):
    """Each test starts with an empty throttle cache and a budget no test reaches by accident."""
    cache.clear()
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {"anon-read": "10000/minute", "anon-search": "10000/minute"}
    settings.REST_FRAMEWORK = rest
    yield
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    """An anonymous tool reading the API."""
    return APIClient(HTTP_HOST="localhost")


def _token_client(user) -> APIClient:
    client = APIClient(HTTP_HOST="localhost")
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def reporter_api(reporter_user) -> APIClient:
    """A newsroom tool with a Reporter's token: the real group from the roles migration."""
    return _token_client(reporter_user)


@pytest.fixture
def publisher_api(editor_user) -> APIClient:
    """A tool with an Editor's token: it may publish."""
    return _token_client(editor_user)


@pytest.fixture
def outsider_api(db) -> APIClient:
    """A token whose user holds no permission at all."""
    return _token_client(UserFactory(username="outsider"))


def count_queries(client: APIClient, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


def ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]
