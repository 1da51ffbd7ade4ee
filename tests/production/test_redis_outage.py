"""Redis down, hung, and back, under gunicorn with the production settings and a Redis of the
test's own (``tests/cache/throwaway_redis.py``; the shared one on 6379 is never touched). Reads
keep answering 200 while Redis is unreachable, and a claim withdrawn during the outage is never
served as published once Redis returns — even a Redis that comes back holding every answer it
stored before, because those answers are keyed on data versions the database keeps."""

from __future__ import annotations

import time
import uuid

import pytest
import requests

from tests.cache.throwaway_redis import ThrowawayRedis
from tests.production.conftest import Served


@pytest.fixture(scope="module")
def redis():
    server = ThrowawayRedis()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def server(serve, redis) -> Served:
    return serve(REDIS_URL=redis.url, CACHE_KEY_PREFIX=f"outage-{uuid.uuid4().hex}")


READS = [
    "/",
    "/claims/",
    "/actors/",
    "/feeds/claims/",
    "/sitemap.xml",
    "/api/v1/claims/",
    "/api/v1/actors/",
    "/api/v1/export/ledger.json",
]


def published_claim(server: Served) -> tuple[dict, list[str]]:
    """A published claim, and the five addresses that show it."""
    claims = server.get("/api/v1/claims/").json()["results"]
    claim = next(c for c in claims if c["status"] == "published")
    page = "/" + claim["html_url"].split("//", 1)[1].split("/", 1)[1]
    return claim, [
        page,
        "/claims/",
        "/api/v1/claims/",
        f"/api/v1/claims/{claim['id']}/",
        "/feeds/claims/",
    ]


def test_it_serves_every_read_while_redis_is_down_and_uses_it_again_when_it_returns(server, redis):
    for path in READS:
        assert server.get(path).status_code == 200, path
    redis.stop()
    try:
        for _ in range(2):  # both workers
            for path in READS:
                response = server.get(path)
                assert response.status_code == 200, path
                assert "Traceback" not in response.text
        ready = server.get("/readyz")
        assert ready.status_code == 200
        assert ready.json()["checks"] == {"database": "ok", "cache": "unavailable"}
    finally:
        redis.start()
    assert server.get("/readyz").json()["checks"]["cache"] == "ok"
    time.sleep(5.5)  # the workers' pause after a failure (core.response_cache.PAUSE_SECONDS)
    first = server.get("/claims/")
    again = server.get("/claims/", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize("outage", ["hung", "restarted"])
def test_a_claim_withdrawn_while_redis_is_unreachable_is_never_served_as_published(
    server, redis, editor_token, outage
):
    claim, paths = published_claim(server)
    before = {}
    for path in paths:
        server.get(path)  # stored
        before[path] = server.get(path)  # and served from the cache
        assert claim["text"] in before[path].text, path

    if outage == "hung":
        redis.pause()  # Redis holds every answer it stored, and answers nothing
    else:
        redis.stop()
    try:
        started = time.monotonic()
        withdrawn = requests.post(
            f"{server.url}/api/v1/claims/{claim['id']}/withdraw/",
            json={"reason": f"Withdrawn during the outage ({outage})."},
            headers={"Authorization": f"Token {editor_token}"},
            timeout=10,
        )
        assert withdrawn.status_code == 200, withdrawn.text
        assert time.monotonic() - started < 3
        during = server.get(paths[0])
        assert during.status_code == 200
        assert "Withdrawn during the outage" in during.text
    finally:
        if outage == "hung":
            redis.resume()
        else:
            redis.start()

    for attempt in range(3):  # both workers, and after their pause has ended
        for path in paths:
            response = server.get(path)
            assert response.status_code == 200, path
            again = server.get(path, headers={"If-None-Match": before[path].headers["ETag"]})
            assert again.status_code == 200, path  # the old version is never revalidated
            if path == paths[0]:
                assert "Withdrawn during the outage" in response.text
            elif (
                path.startswith("/api/v1/claims/")
                and path.endswith("/")
                and path != "/api/v1/claims/"
            ):
                assert response.json()["status"] == "withdrawn"
            else:
                assert claim["text"] not in response.text, path
        if attempt == 1:
            time.sleep(5.5)
