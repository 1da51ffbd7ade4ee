"""The OpenAPI schema at /api/v1/schema/ and, against it, a schemathesis run over every read
operation: no server error, no response that breaks the schema."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

# What a response must keep to. Two checks are left out on purpose: "positive data acceptance",
# because a schema-valid cursor or actor id can still name nothing (an opaque cursor we did not
# issue, a draft's id) and that is rightly a 400; and "ignored auth", because reads are open, so
# an Authorization header in a scheme other than "Token" leaves the request anonymous.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def test_the_schema_is_openapi_3_and_documents_every_resource(api):
    response = api.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    for path in (
        "/api/v1/claims/",
        "/api/v1/claims/{id}/",
        "/api/v1/claims/{id}/history/",
        "/api/v1/statements/",
        "/api/v1/actors/{id}/",
        "/api/v1/sources/{id}/",
        "/api/v1/outlets/",
    ):
        assert path in paths
    claim_filters = {p["name"] for p in schema["paths"]["/api/v1/claims/"]["get"]["parameters"]}
    assert {"q", "actor", "asserted_by", "denied_by", "stance", "verdict", "contested"} <= (
        claim_filters
    )
    assert "tokenAuth" in schema["components"]["securitySchemes"]


def test_the_docs_load_from_our_own_static_files(api):
    page = api.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower()


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """schemathesis calls the WSGI app itself; like Django's test client, keep the request
    signals from closing the connection that holds the test's transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_every_read_operation_keeps_to_the_schema(ledger, wsgi_keeps_the_test_connection):
    app = get_wsgi_application()
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", app).include(
        method="GET"
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=30,
            deadline=None,
            derandomize=True,  # the same examples on every run: CI stays reproducible
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            case.call_and_validate(headers={"Host": "localhost"}, checks=CHECKS)

        check()
