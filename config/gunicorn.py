"""gunicorn's configuration for production (bin/serve). Every value can be overridden from the
environment: PORT or BIND, WEB_CONCURRENCY (workers), GUNICORN_TIMEOUT.

gunicorn listens on loopback only (127.0.0.1:PORT), for the reverse proxy on the same host: what
can reach it directly is then only what runs there. A container, whose proxy is outside it, sets
BIND=0.0.0.0:8000 explicitly (and TRUSTED_PROXIES to the proxy's address)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping


def bind_address(environ: Mapping[str, str]) -> str:
    """BIND as given (``host:port``, ``unix:/path``…), else loopback on PORT (8000)."""
    return environ.get("BIND") or f"127.0.0.1:{environ.get('PORT') or '8000'}"


bind = bind_address(os.environ)
# Two workers per core, plus one: requests mostly wait on PostgreSQL.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Django logs each request itself, as JSON with its request id (LOG_REQUESTS); gunicorn's own
# errors go to stderr.
accesslog = None
errorlog = "-"
# Whether X-Forwarded-Proto is trusted is Django's decision alone (BEHIND_PROXY,
# SECURE_PROXY_SSL_HEADER): gunicorn must not turn a client's header into an HTTPS scheme.
secure_scheme_headers: dict[str, str] = {}
