"""Contested as an operator runs it: gunicorn with the production settings (DEBUG off, collected
static files, JSON logs), on its own database — PostgreSQL when the tests run on PostgreSQL, else
a SQLite file — loaded with the demo ledger. These tests speak HTTP to it, as clients do."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "live-server-tests-secret-key-long-enough-and-random-enough-9f3k"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(*args: str, env: dict[str, str]) -> None:
    result = subprocess.run(  # noqa: S603 - the tests' own fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def production_env(tmp_path_factory) -> Iterator[dict[str, str]]:
    """The environment of a production deployment, with a database of its own holding the demo
    ledger, and static files collected."""
    tmp = tmp_path_factory.mktemp("production")
    test_database = os.environ.get("DATABASE_URL", "")
    admin_url = None
    if test_database.startswith("postgres"):
        name = f"contested_live_{uuid.uuid4().hex[:8]}"
        admin_url = test_database.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        database_url = test_database.rsplit("/", 1)[0] + f"/{name}"
    else:
        name = ""
        database_url = f"sqlite:///{tmp / 'live.sqlite3'}"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(tmp / "static"),
        "LOG_LEVEL": "INFO",
        "REDIS_URL": "",
    }
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_demo", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    yield env
    if admin_url:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Served:
    """A running gunicorn: its base URL, and what it wrote to stdout (the JSON log)."""

    url: str
    process: subprocess.Popen
    log: Path

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(self.url + path, timeout=10, allow_redirects=False, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return requests.post(self.url + path, timeout=10, allow_redirects=False, **kwargs)

    def log_lines(self) -> list[str]:
        return self.log.read_text().splitlines()


def start_gunicorn(env: dict[str, str], log: Path) -> subprocess.Popen:
    """gunicorn as ``bin/serve`` starts it (``config/gunicorn.py``), with ``env``, writing its
    output to ``log``."""
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


@pytest.fixture(scope="session")
def serve(production_env, tmp_path_factory):
    """Start gunicorn (``config/gunicorn.py``, as ``bin/serve`` does) with ``production_env``
    plus the given overrides; every server started is stopped at the end of the session."""
    started: list[subprocess.Popen] = []

    def start(**overrides: str) -> Served:
        port = free_port()
        log = tmp_path_factory.mktemp("gunicorn") / "stdout.log"
        env = {**production_env, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2", **overrides}
        process = start_gunicorn(env, log)
        started.append(process)
        served = Served(f"http://127.0.0.1:{port}", process, log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            try:
                if served.get("/healthz").status_code == 200:
                    return served
            except requests.ConnectionError:
                time.sleep(0.2)
        raise AssertionError(f"gunicorn did not answer /healthz:\n{log.read_text()}")

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def production(serve) -> Served:
    """The production configuration as documented, two workers."""
    return serve()


@pytest.fixture(scope="session")
def editor_token(production_env) -> str:
    """An API token for a staff member of the Editor group, in the live server's database."""
    script = (
        "from django.contrib.auth.models import Group, User; "
        "from rest_framework.authtoken.models import Token; "
        "u, _ = User.objects.get_or_create(username='live-editor', defaults={'is_staff': True}); "
        "u.groups.add(Group.objects.get(name='Editor')); "
        "print(Token.objects.get_or_create(user=u)[0].key)"
    )
    result = subprocess.run(  # noqa: S603 - the tests' own fixed arguments
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=production_env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]
