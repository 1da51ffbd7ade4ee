"""Settings come from the environment; a bad value is a loud error at start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``args`` in a fresh interpreter with exactly ``env`` set on top of a clean one."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "STATIC_ROOT", "REDIS_URL"}
    }
    return subprocess.run(  # noqa: S603 - the tests' own fixed arguments
        [sys.executable, *args],
        cwd=ROOT,
        env=clean | env,
        capture_output=True,
        text=True,
        check=False,
    )


def start(**env: str) -> subprocess.CompletedProcess[str]:
    """Load the WSGI application, as gunicorn and runserver do."""
    return run(["-c", "import config.wsgi"], **env)


def test_it_refuses_to_start_without_a_secret_key_in_production():
    result = start(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


# The documented production settings (README, "Production"), behind an HTTPS proxy.
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "q7#v9-production-like-secret-key-with-enough-entropy-!x2k",
    "ALLOWED_HOSTS": "contested.example",
    "BEHIND_PROXY": "1",
    "DATABASE_URL": "sqlite:///:memory:",
}


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("static")
    result = run(
        ["manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        **PRODUCTION,
        STATIC_ROOT=str(root),
    )
    assert result.returncode == 0, result.stderr
    return str(root)


def test_it_starts_in_production_with_a_secret_key_and_collected_static_files(collected_static):
    result = start(DEBUG="0", SECRET_KEY="x" * 50, STATIC_ROOT=collected_static)
    assert result.returncode == 0, result.stderr


def test_it_refuses_to_serve_before_static_files_are_collected(tmp_path):
    result = start(DEBUG="0", SECRET_KEY="x" * 50, STATIC_ROOT=str(tmp_path))
    assert result.returncode != 0
    assert "collectstatic" in result.stderr


def test_the_deployment_check_finds_nothing_with_the_documented_production_settings(
    collected_static,
):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        **PRODUCTION,
        STATIC_ROOT=collected_static,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_behind_an_https_proxy_it_redirects_to_https_and_sends_hsts(collected_static):
    probe = (
        "from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER, "
        "s.PROXY_HOPS)"
    )
    result = run(
        ["-c", f"import django; django.setup(); {probe}"],
        **PRODUCTION,
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    assert result.stdout.split() == [
        "True",
        "31536000",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "1",
    ]


def test_the_asgi_application_refuses_to_start_without_a_secret_key_too():
    result = run(["-c", "import config.asgi"], DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_offline_commands_run_without_a_secret_key():
    result = run(
        ["manage.py", "makemigrations", "--check", "--dry-run"],
        DEBUG="0",
        DATABASE_URL="sqlite:///:memory:",
    )
    assert result.returncode == 0, result.stderr
    assert "No changes detected" in result.stdout


def test_it_refuses_a_debug_value_it_cannot_read():
    result = start(DEBUG="maybe")
    assert "DEBUG must be one of" in result.stderr


def test_it_refuses_a_database_it_does_not_support():
    result = start(DEBUG="1", DATABASE_URL="mysql://root@localhost/contested")
    assert "SQLite or PostgreSQL" in result.stderr


def test_it_refuses_a_csrf_origin_without_a_scheme():
    result = start(DEBUG="1", CSRF_TRUSTED_ORIGINS="contested.example")
    assert "CSRF_TRUSTED_ORIGINS" in result.stderr


def test_env_readers_parse_and_reject(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    monkeypatch.setenv("N", "12")
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    assert env_bool("FLAG", default=False) is True
    assert env_int("N", 0) == 12
    assert env_list("HOSTS", []) == ["a.example", "b.example"]
    monkeypatch.setenv("N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="N must be an integer"):
        env_int("N", 0)
