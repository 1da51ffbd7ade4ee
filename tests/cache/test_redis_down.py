"""Redis down or hung: the public is served without the cache, throttles let requests through,
and a write that needs the cache to be correct (an ``Idempotency-Key``, the import's preview)
says 503 and writes nothing rather than fail with a 500 or write twice. A Redis of the test's
own (``throwaway_redis``), stopped, or frozen mid-way."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Claim, Statement
from config.settings import redis_cache
from core import response_cache

IMPORT_PAGE = reverse("admin:ledger_import")


@pytest.fixture
def on_redis(settings, redis):
    """The response cache on the throwaway Redis, as production configures it."""
    settings.CACHES = {"default": {**redis_cache(redis.url), "KEY_PREFIX": "test"}}
    response_cache.reset_availability()
    yield redis
    response_cache.reset_availability()


@pytest.fixture
def redis_down(on_redis):
    on_redis.stop()
    return on_redis


def public_paths(ledger) -> list[str]:
    return [
        "/",
        "/claims/",
        ledger.claim.get_absolute_url(),
        "/actors/",
        ledger.army.get_absolute_url(),
        ledger.source.get_absolute_url(),
        "/feeds/claims/",
        "/sitemap.xml",
        "/fr/claims/",
    ]


API_PATHS = [
    "/api/v1/claims/",
    "/api/v1/claims/?format=csv",
    "/api/v1/actors/",
    "/api/v1/sources/",
    "/api/v1/outlets/",
    "/api/v1/export/ledger.json",
]


def test_it_serves_every_public_page_and_feed_while_redis_is_down(reader, ledger, redis_down):
    for path in public_paths(ledger):
        response = reader.get(path)
        assert response.status_code == 200, path
        assert response["ETag"], path


def test_it_serves_every_api_read_and_the_export_while_redis_is_down(api, ledger, redis_down):
    for path in [*API_PATHS, f"/api/v1/claims/{ledger.claim.pk}/"]:
        response = api.get(path)
        assert response.status_code == 200, path
    listed = api.get("/api/v1/claims/")
    assert ledger.claim.text in listed.content.decode()
    # A conditional GET still works: from the body's digest.
    again = api.get("/api/v1/claims/", HTTP_IF_NONE_MATCH=listed["ETag"])
    assert again.status_code in (200, 304)


def test_the_throttles_let_requests_through_while_redis_is_down(api, ledger, redis_down, settings):
    rest = dict(settings.REST_FRAMEWORK)
    rest["DEFAULT_THROTTLE_RATES"] = {"anon-read": "2/minute", "anon-search": "2/minute"}
    settings.REST_FRAMEWORK = rest
    assert {api.get("/api/v1/outlets/").status_code for _ in range(5)} == {200}


def test_pages_come_back_to_the_cache_when_redis_returns(reader, ledger, redis_down):
    assert reader.get("/claims/").status_code == 200
    redis_down.start()
    response_cache.reset_availability()  # or wait for the pause after a failure to end
    first = reader.get("/claims/")
    assert first.status_code == 200
    assert reader.get("/claims/", headers={"if-none-match": first["ETag"]}).status_code == 304


def test_a_hung_redis_delays_a_read_by_at_most_a_second(reader, api, ledger, on_redis):
    assert reader.get("/claims/").status_code == 200
    on_redis.pause()
    try:
        started = time.monotonic()
        assert reader.get("/claims/").status_code == 200
        assert api.get("/api/v1/claims/").status_code == 200
        assert reader.get(ledger.claim.get_absolute_url()).status_code == 200
        assert time.monotonic() - started < 2.0
    finally:
        on_redis.resume()


def test_readyz_stays_ready_and_reports_the_cache_unavailable_while_redis_is_down(
    client, db, redis_down
):
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "unavailable"},
    }


def test_readyz_reports_the_cache_ok_when_redis_answers(client, db, on_redis):
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "cache": "ok"}


# Writes that need the cache ------------------------------------------------------------------


STATEMENT = {
    "actor": None,
    "stance": "denies",
    "stated_on": "2025-02-03",
    "paraphrase": "The army denied it again.",
}


def test_a_post_with_an_idempotency_key_is_a_503_and_writes_nothing_while_redis_is_down(
    editor_api, ledger, redis_down
):
    body = {**STATEMENT, "claim": ledger.draft.pk, "actor": ledger.army.pk}
    before = Statement.objects.count()
    response = editor_api.post(
        "/api/v1/statements/", body, format="json", HTTP_IDEMPOTENCY_KEY="statement-42"
    )
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert int(response["Retry-After"]) > 0
    assert "detail" in response.json()
    assert Statement.objects.count() == before
    # Without a key, nothing depends on the cache: the write is made.
    plain = editor_api.post("/api/v1/statements/", body, format="json")
    assert plain.status_code == 201, plain.content
    assert Statement.objects.count() == before + 1


def test_a_post_with_an_idempotency_key_is_replayed_once_redis_returns(
    editor_api, ledger, redis_down
):
    body = {**STATEMENT, "claim": ledger.draft.pk, "actor": ledger.army.pk}
    headers = {"HTTP_IDEMPOTENCY_KEY": "statement-43"}
    assert editor_api.post("/api/v1/statements/", body, format="json", **headers).status_code == 503
    redis_down.start()
    response_cache.reset_availability()
    first = editor_api.post("/api/v1/statements/", body, format="json", **headers)
    again = editor_api.post("/api/v1/statements/", body, format="json", **headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert Statement.objects.filter(paraphrase=STATEMENT["paraphrase"]).count() == 1


def test_the_import_preview_says_the_cache_is_down_and_imports_nothing(reporter, redis_down):
    preview = reporter.post(
        IMPORT_PAGE,
        {
            "file": SimpleUploadedFile(
                "desk.csv",
                b"claim,actor,stance,stated_on\nA drone fell,Somebody,denies,2025-02-03\n",
            ),
            "_preview": "1",
        },
    )
    assert preview.status_code == 503
    assert int(preview["Retry-After"]) > 0
    assert "cannot keep the file" in preview.content.decode()
    assert 'name="_import"' not in preview.content.decode()
    done = reporter.post(IMPORT_PAGE, {"token": "whatever", "_import": "1"})
    assert done.status_code == 503
    assert "cannot keep the file" in done.content.decode()
    assert not Claim.objects.exists()
