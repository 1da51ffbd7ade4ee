"""What a client and an operator see from gunicorn with the production settings: errors in each
face's own shape and never a stack trace, health probes, request ids in JSON logs, and limits
that hold across worker processes."""

from __future__ import annotations

import json
import socket
import uuid

import pytest
import requests


def test_every_page_answers_with_debug_off_and_the_static_files_are_served(production):
    home = production.get("/")
    assert home.status_code == 200
    stylesheet = next(
        line.split('href="')[1].split('"')[0]
        for line in home.text.splitlines()
        if "stylesheet" in line
    )
    assert production.get(stylesheet).status_code == 200
    for path in (
        "/claims/",
        "/actors/",
        "/api/v1/claims/",
        "/feeds/claims/",
        "/sitemap.xml",
        "/sitemap-claims.xml",
        "/fr/claims/",
    ):
        assert production.get(path).status_code == 200, path
    assert production.get("/sitemap-claims.xml?p=99").status_code == 404


@pytest.mark.parametrize("path", ["/api/v1/nothing/", "/api/v1/claims/0.5/", "/api/v9/"])
def test_an_unknown_api_path_is_json(production, path):
    response = production.get(path)
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


def test_a_method_not_allowed_is_json(production):
    response = requests.delete(production.url + "/api/v1/claims/", timeout=10)
    assert response.status_code in (401, 405)
    assert response.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "body", ["[" * 5000, "[" * 5000 + "]" * 5000, "[" * 65 + "]" * 65], ids=["cut", "deep", "65"]
)
def test_a_body_nested_too_deep_is_a_json_400_from_gunicorn(production, editor_token, body):
    response = production.post(
        "/api/v1/topics/",
        data=body,
        headers={"Authorization": f"Token {editor_token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("JSON parse error")


def test_an_unknown_site_path_is_the_sites_404_page_without_a_trace(production):
    response = production.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert "Traceback" not in response.text


def test_health_probes_answer_over_plain_http(production):
    assert production.get("/healthz").json() == {"status": "ok"}
    ready = production.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_each_request_has_an_id_that_its_json_log_lines_carry(production):
    response = production.get("/api/v1/claims/", headers={"X-Request-ID": "probe-1234"})
    assert response.headers["X-Request-ID"] == "probe-1234"
    generated = production.get("/claims/").headers["X-Request-ID"]
    assert len(generated) >= 16
    records = [json.loads(line) for line in production.log_lines() if line.startswith("{")]
    ids = {record.get("request_id") for record in records}
    assert {"probe-1234", generated} <= ids
    assert all({"time", "level", "logger", "message"} <= set(r) for r in records)


def test_behind_a_proxy_https_is_required_and_hsts_is_sent(serve):
    proxied = serve(BEHIND_PROXY="1")
    plain = proxied.get("/claims/")
    assert plain.status_code == 301
    assert plain.headers["Location"].startswith("https://")
    secure = proxied.get("/claims/", headers={"X-Forwarded-Proto": "https"})
    assert secure.status_code == 200
    assert "max-age=31536000" in secure.headers["Strict-Transport-Security"]
    # The platform's probes keep working over plain HTTP.
    assert proxied.get("/healthz").status_code == 200


def redis_is_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379 (.ci/run starts one)")
def test_the_anonymous_budget_is_shared_by_every_worker_and_x_forwarded_for_cannot_reset_it(
    serve,
):
    limited = serve(
        REDIS_URL="redis://127.0.0.1:6379/15",
        CACHE_KEY_PREFIX=f"test-{uuid.uuid4().hex}",
        API_ANON_RATE="6/minute",
    )
    statuses = [
        limited.get("/api/v1/outlets/", headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code
        for n in range(12)
    ]
    # Two workers answered, each with its own memory; the budget is still six in all.
    assert statuses[:6] == [200] * 6
    assert set(statuses[6:]) == {429}


def test_without_a_database_the_api_says_503_in_json_and_the_site_its_own_page(serve):
    # A PostgreSQL address nothing listens on: every request that needs the database fails.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    down = serve(DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed_port}/contested")
    api = down.get("/api/v1/claims/")
    assert api.status_code == 503
    assert api.headers["Content-Type"] == "application/json"
    assert api.headers["Retry-After"]
    assert "detail" in api.json()
    page = down.get("/claims/")
    assert page.status_code == 503
    assert page.headers["Retry-After"]
    assert "<html" in page.text
    assert "Traceback" not in page.text
    assert "psycopg" not in page.text
    assert down.get("/healthz").status_code == 200
    ready = down.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"]["database"] == "down"
