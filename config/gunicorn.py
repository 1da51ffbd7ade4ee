"""gunicorn's configuration for production (bin/serve). Every value can be overridden from the
environment: PORT or BIND, WEB_CONCURRENCY (workers), GUNICORN_TIMEOUT."""

from __future__ import annotations

import multiprocessing
import os

bind = os.environ.get("BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
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
