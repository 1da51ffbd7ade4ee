"""The edge, through gunicorn with the production settings: X-Forwarded-For is believed only
from a trusted proxy (TRUSTED_PROXIES), so a client that reaches gunicorn directly cannot make up
addresses to escape the login lockout or the throttles; from a trusted proxy the forwarded address
is the client's, for the lockout, the throttles and the log alike. And gunicorn listens on
loopback unless told otherwise."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import uuid

import pytest
import requests

from config.gunicorn import bind_address

from .conftest import ROOT, free_port, start_gunicorn

PASSWORD = "correct horse battery staple"


def make_staff(production_env: dict[str, str]) -> str:
    """A new staff account in the live server's database; its username."""
    username = f"reporter-{uuid.uuid4().hex[:8]}"
    script = (
        "from django.contrib.auth.models import User; "
        f"User.objects.create_user({username!r}, password={PASSWORD!r}, is_staff=True)"
    )
    subprocess.run(  # noqa: S603 - the tests' own fixed arguments
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=production_env,
        capture_output=True,
        check=True,
    )
    return username


def sign_in(server, username: str, password: str, forwarded_for: str | None = None) -> int:
    """The admin's sign-in form, as a browser behind the HTTPS proxy fills it in: the status."""
    headers = {"X-Forwarded-Proto": "https"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    form = server.get("/admin/login/", headers=headers)
    assert form.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    # The cookies are Secure (HTTPS at the proxy): sent by hand over the tests' plain HTTP.
    cookie = "; ".join(f"{c.name}={c.value}" for c in form.cookies)
    answer = server.post(
        "/admin/login/?next=/admin/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        headers={**headers, "Cookie": cookie, "Referer": server.url.replace("http", "https", 1)},
    )
    return answer.status_code


def logged_clients(server) -> set[str]:
    records = [json.loads(line) for line in server.log_lines() if line.startswith("{")]
    return {record["client"] for record in records if "path=/admin/login/" in record["message"]}


@pytest.fixture(scope="module")
def direct(serve):
    """BEHIND_PROXY on, but the tests' connections (127.0.0.1) do not come from the proxy."""
    return serve(BEHIND_PROXY="1", TRUSTED_PROXIES="192.0.2.1", WEB_CONCURRENCY="1")


@pytest.fixture(scope="module")
def proxied(serve):
    """BEHIND_PROXY on, and the tests' connections come from the trusted proxy's address."""
    return serve(BEHIND_PROXY="1", TRUSTED_PROXIES="127.0.0.1", WEB_CONCURRENCY="1")


def test_made_up_forwarded_addresses_do_not_escape_the_login_lockout(direct, production_env):
    username = make_staff(production_env)
    statuses = [
        sign_in(direct, username, "wrong", forwarded_for=f"203.0.113.{n}") for n in range(12)
    ]
    assert statuses[:4] == [200] * 4  # the form again, with its error
    assert set(statuses[4:]) == {429}  # locked from the fifth, whatever address is claimed
    assert sign_in(direct, username, PASSWORD, forwarded_for="198.51.100.1") == 429
    # The log names the connection's address, not the made-up ones.
    assert logged_clients(direct) == {"127.0.0.1"}


def test_made_up_forwarded_addresses_do_not_give_fresh_api_budgets(serve):
    limited = serve(
        BEHIND_PROXY="1",
        TRUSTED_PROXIES="192.0.2.1",
        WEB_CONCURRENCY="1",
        API_ANON_RATE="4/minute",
        SITE_SEARCH_RATE="2/minute",
    )
    https = {"X-Forwarded-Proto": "https"}
    api = [
        limited.get("/api/v1/outlets/", headers={**https, "X-Forwarded-For": f"10.0.0.{n}"})
        for n in range(8)
    ]
    assert [r.status_code for r in api] == [200] * 4 + [429] * 4
    assert int(api[-1].headers["Retry-After"]) > 0
    search = [
        limited.get("/claims/?q=drone", headers={**https, "X-Forwarded-For": f"10.0.1.{n}"})
        for n in range(4)
    ]
    assert [r.status_code for r in search] == [200, 200, 429, 429]
    refused = search[-1]
    assert int(refused.headers["Retry-After"]) > 0
    assert "<html" in refused.text
    assert "Too many searches" in refused.text
    # Browsing is not a search: still served.
    assert limited.get("/claims/", headers=https).status_code == 200


def test_from_a_trusted_proxy_the_forwarded_address_is_the_clients(proxied, production_env):
    username = make_staff(production_env)
    for _ in range(5):
        sign_in(proxied, username, "wrong", forwarded_for="203.0.113.50")
    assert sign_in(proxied, username, PASSWORD, forwarded_for="203.0.113.50") == 429
    # The same account from another client of the proxy is not locked out …
    assert sign_in(proxied, username, PASSWORD, forwarded_for="203.0.113.51") == 302
    # … and what a client put in front of the proxy's own entry is not believed.
    assert sign_in(proxied, username, PASSWORD, forwarded_for="6.6.6.6, 203.0.113.50") == 429
    assert {"203.0.113.50", "203.0.113.51"} <= logged_clients(proxied)
    assert "6.6.6.6" not in logged_clients(proxied)


def test_gunicorn_binds_to_loopback_unless_told_otherwise():
    assert bind_address({}) == "127.0.0.1:8000"
    assert bind_address({"PORT": "5000"}) == "127.0.0.1:5000"
    assert bind_address({"BIND": "0.0.0.0:8000", "PORT": "5000"}) == "0.0.0.0:8000"
    assert bind_address({"BIND": "unix:/run/contested.sock"}) == "unix:/run/contested.sock"


def outward_address() -> str | None:
    """This host's own address on its network (no packet is sent), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = sock.getsockname()[0]
    return None if address.startswith("127.") else address


def test_served_with_only_a_port_it_is_not_reachable_from_the_network(production_env, tmp_path):
    port = free_port()
    env = {**production_env, "PORT": str(port), "WEB_CONCURRENCY": "1"}
    env.pop("BIND", None)
    log = tmp_path / "gunicorn.log"
    process = start_gunicorn(env, log)
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, log.read_text()
            try:
                health = requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        assert health.status_code == 200
        assert f"Listening at: http://127.0.0.1:{port}" in log.read_text()
        if (outward := outward_address()) is not None:
            with (
                pytest.raises((ConnectionRefusedError, TimeoutError)),
                socket.create_connection((outward, port), timeout=2),
            ):
                pass
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_behind_a_proxy_on_a_unix_socket_the_forwarded_address_is_the_clients(
    production_env, tmp_path
):
    sock_path = tmp_path / "gunicorn.sock"
    env = {
        **production_env,
        "BIND": f"unix:{sock_path}",
        "WEB_CONCURRENCY": "1",
        "BEHIND_PROXY": "1",
    }
    log = tmp_path / "gunicorn.log"
    process = start_gunicorn(env, log)
    request = (
        b"GET /healthz HTTP/1.0\r\nHost: localhost\r\n"
        b"X-Forwarded-For: 6.6.6.6, 203.0.113.70\r\n\r\n"
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, log.read_text()
            try:
                with socket.socket(socket.AF_UNIX) as conn:
                    conn.settimeout(5)
                    conn.connect(str(sock_path))
                    conn.sendall(request)
                    answer = conn.recv(4096)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        assert answer.startswith(b"HTTP/1.0 200")
        records = [json.loads(line) for line in log.read_text().splitlines() if line[:1] == "{"]
        assert [r["client"] for r in records if "path=/healthz" in r["message"]] == ["203.0.113.70"]
    finally:
        process.terminate()
        process.wait(timeout=30)
