"""The response cache shared across processes: gunicorn with two worker processes on the real
Redis (127.0.0.1:6379, which ``.ci/run`` starts), spoken to over HTTP. Every request opens its
own connection, so both workers answer. A version read by one worker revalidates in the other,
and a write made through one is seen by both at once; with memory local to each worker neither
would hold."""

from __future__ import annotations

import os
import uuid

import pytest
import requests

from tests.production.conftest import editor_token, production_env, serve  # noqa: F401
from tests.production.test_served import redis_is_up

# .ci/run starts Redis and sets REQUIRE_REDIS: there, a missing Redis fails instead of skipping.
REQUIRED = any(
    os.environ.get(name, "").lower() in ("1", "true", "yes") for name in ("CI", "REQUIRE_REDIS")
)
if not redis_is_up() and not REQUIRED:
    pytest.skip("no Redis on 127.0.0.1:6379 (.ci/run starts one)", allow_module_level=True)

READS = 16


@pytest.fixture(scope="module")
def server(serve):  # noqa: F811
    # Database 13, and a prefix of its own: parallel runs never see each other's keys.
    return serve(
        REDIS_URL="redis://127.0.0.1:6379/13",
        CACHE_KEY_PREFIX=f"cache-test-{uuid.uuid4().hex}",
        WEB_CONCURRENCY="2",
    )


def read(server, path: str, **headers: str) -> list[requests.Response]:
    return [server.get(path, headers=headers) for _ in range(READS)]


def test_versions_and_answers_are_shared_by_every_worker(server, editor_token):  # noqa: F811
    claim = server.get("/api/v1/claims/").json()["results"][0]
    detail, page = f"/api/v1/claims/{claim['id']}/", claim["html_url"].split("//", 1)[1]
    page = page[page.index("/") :]
    paths = [detail, page, "/api/v1/claims/", "/claims/"]
    etags = {path: server.get(path).headers["ETag"] for path in paths}
    for path, etag in etags.items():
        # Whichever worker answers knows the version the other one tagged.
        assert {r.status_code for r in read(server, path, **{"If-None-Match": etag})} == {304}
        assert {r.headers["ETag"] for r in read(server, path)} == {etag}

    response = requests.patch(
        server.url + detail,
        json={"summary": "Rewritten through one worker.", "correction_note": "Summary."},
        headers={"Authorization": f"Token {editor_token}"},
        timeout=10,
    )
    assert response.status_code == 200, response.text

    for path, etag in etags.items():
        answers = read(server, path, **{"If-None-Match": etag})
        assert {r.status_code for r in answers} == {200}, path
        if path in (detail, page):
            assert all("Rewritten through one worker." in r.text for r in answers), path
        new = {r.headers["ETag"] for r in answers}
        assert len(new) == 1
        assert new != {etag}
