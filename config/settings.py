"""Contested settings: one file, in numbered sections, every deployment value from the environment.

Production is the default: ``DEBUG`` is off unless the environment turns it on, and then
``SECRET_KEY`` must be set. ``make run`` and ``make test`` set ``DEBUG=1`` for local work.
"""

from __future__ import annotations

import datetime
import ipaddress
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# 1. Core -----------------------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", default=False)

# Required to serve with DEBUG off: config/startup.py refuses to start the WSGI/ASGI application
# without it. Offline commands (makemigrations, check) run without it; anything else that needs it
# gets Django's own "SECRET_KEY must not be empty" error.
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 - only ever used with DEBUG on

# Behind a reverse proxy that terminates HTTPS (the documented production setup): trust its
# X-Forwarded-Proto, redirect HTTP to HTTPS, send HSTS, and take the client's address from
# X-Forwarded-For (core/clients.py, the one place the client's address is worked out: the login
# lockout, the throttles and the logs ask it) — but only when the connection comes from a trusted
# proxy (TRUSTED_PROXIES: comma-separated addresses or CIDR networks; loopback and a unix socket
# by default, as when nginx runs on the same host), read from the right, at most PROXY_HOPS hops,
# and only past addresses that are themselves trusted proxies. A client that reaches gunicorn
# directly is known by its own address, whatever it sends.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
PROXY_HOPS = env_int("PROXY_HOPS", 1) if BEHIND_PROXY else 0
# "unix" stands for a connection over a unix socket (BIND=unix:/path: no address, local only).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", ["127.0.0.0/8", "::1", "unix"])
for _proxy in TRUSTED_PROXIES:
    try:
        if _proxy != "unix":
            ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES entries must be IP addresses, CIDR networks or unix; got {_proxy!r}."
        ) from None

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
for _origin in CSRF_TRUSTED_ORIGINS:
    if not _origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            f"CSRF_TRUSTED_ORIGINS entries must start with http:// or https://; got {_origin!r}."
        )

# 2. Applications ---------------------------------------------------------------------------------

INSTALLED_APPS = [
    "newsroom.site.NewsroomAdminConfig",  # django.contrib.admin, on the newsroom's admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "django.contrib.postgres",
    "django_countries",
    "simple_history",
    "nested_admin",
    "core",
    "sources",
    "actors",
    "claims",
    "ledger",
    "demo",
    "newsroom",
    "website",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    # The task queue (section 11): Django's tasks API on a table in this database.
    "django_tasks_db",
]

MIDDLEWARE = [
    # The client's address (core/clients.py, see TRUSTED_PROXIES) for every log line of the
    # request, the per-request line included.
    "core.clients.ClientAddressMiddleware",
    # Then, before the rest, so every log line of the request carries its id (X-Request-ID).
    "log_request_id.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: the public site's and the newsroom's from the address (/fr/, /ar/; English
    # unprefixed), the API's from Accept-Language (config/locale.py), English by default.
    "django.middleware.locale.LocaleMiddleware",
    "config.locale.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]

# Form widgets render through TEMPLATES, so templates/ can hold our own widget templates.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# 3. Database -------------------------------------------------------------------------------------
# SQLite in the checkout is the embedded default; PostgreSQL is production. Connections to
# PostgreSQL are kept for a minute and health-checked before reuse.

DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
try:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL,
            conn_max_age=env_int("CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from exc
if DATABASES["default"]["ENGINE"] not in (
    "django.db.backends.sqlite3",
    "django.db.backends.postgresql",
):
    raise ImproperlyConfigured("DATABASE_URL must name a SQLite or PostgreSQL database.")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A local SQLite file is shared by the dev server and management commands; WAL and a busy
    # timeout stop "database is locked" errors when both write.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# 4. Authentication -------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# Login lockout (django-axes), recorded in the database so every worker process sees it: five
# wrong passwords for one user from one address lock that pair out for fifteen minutes (429).
# Locking on the pair, not the address alone, keeps one reporter's typos from locking out a
# newsroom behind one NAT address; the address is core.clients's, so X-Forwarded-For cannot
# be used to dodge it.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.clients.client_address"
AXES_LOCKOUT_TEMPLATE = "locked_out.html"

# 5. Internationalisation -------------------------------------------------------------------------

# The site, the newsroom and the API's messages in English, French and Arabic (README,
# "Languages"). English is the default and is served unprefixed; the catalogues live in locale/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("ar", "العربية")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# 6. Static files ---------------------------------------------------------------------------------

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT")) if env_str("STATIC_ROOT") else BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# 7. Security -------------------------------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# Served over HTTPS (behind the proxy): plain HTTP is redirected, and browsers are told to use
# HTTPS only. The health probes stay reachable over plain HTTP from inside the platform.
SECURE_SSL_REDIRECT = BEHIND_PROXY and not DEBUG
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 31_536_000) if SECURE_SSL_REDIRECT else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# 8. Logging --------------------------------------------------------------------------------------

# One line per event on stdout: JSON in production (LOG_FORMAT=json, the default with DEBUG off),
# readable text for local work. Every line logged while a request runs carries its request id
# (django-log-request-id: the proxy's X-Request-ID, or a new one), echoed in the response's
# X-Request-ID; with LOG_REQUESTS each request is logged once, with status, method and path.
LOG_REQUEST_ID_HEADER = "HTTP_X_REQUEST_ID"
GENERATE_REQUEST_ID_IF_NOT_IN_HEADER = True
REQUEST_ID_RESPONSE_HEADER = "X-Request-ID"
LOG_REQUESTS = env_bool("LOG_REQUESTS", not DEBUG)
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text; got {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "log_request_id.filters.RequestIDFilter"},
        # The client's address, as core/clients.py works it out (the proxy is trusted or not).
        "client": {"()": "core.clients.ClientAddressFilter"},
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(client)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s %(client)s] %(name)s: %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id", "client"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        # The per-request line (LOG_REQUESTS) is logged at INFO.
        "log_request_id.middleware": {"level": "INFO", "propagate": True},
    },
}

# Cache: Redis when REDIS_URL names one (production: the API's throttle budgets are then shared by
# every worker process), else memory local to each process (local work and SQLite tests).
REDIS_URL = env_str("REDIS_URL")
# How long a request waits for Redis to accept a connection or answer a command before it goes
# on without the cache (core/response_cache.py): a hung Redis costs a read this once, then the
# cache is skipped for a few seconds. No retries: a read served uncached is the fallback.
REDIS_TIMEOUT_SECONDS = float(env_str("REDIS_TIMEOUT_SECONDS", "0.25"))


def redis_cache(url: str) -> dict:
    """Django's own Redis backend on ``url``, with short timeouts and no retries."""
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
            "socket_timeout": REDIS_TIMEOUT_SECONDS,
        },
    }


CACHES = {
    "default": (
        redis_cache(REDIS_URL)
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Several deployments (staging and production) may share one Redis: give each its own prefix.
CACHES["default"]["KEY_PREFIX"] = env_str("CACHE_KEY_PREFIX", "contested")
# The response cache (core/response_cache.py): rendered answers to anonymous GETs, keyed on data
# versions that the database's triggers bump with every committed domain write
# (core/dataversions.py, claims/cache_versions.py). On by default with Redis (shared by every
# worker).
RESPONSE_CACHE = env_bool("RESPONSE_CACHE", bool(REDIS_URL))
# How long a stored answer lives at most (only memory: a version change makes it unreachable).
RESPONSE_CACHE_SECONDS = env_int("RESPONSE_CACHE_SECONDS", 600)

# 9. Contested ------------------------------------------------------------------------------------

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
# A spreadsheet's limits on import (ledger/sheets.py), refused with a message above them: its
# size once uncompressed (an XLSX is a zip; a 299 KB one can expand to 366 MB) and its filled-in
# rows (one statement each).
LEDGER_SHEET_MAX_BYTES = env_int("LEDGER_SHEET_MAX_BYTES", 50 * 1024 * 1024)
LEDGER_SHEET_MAX_ROWS = env_int("LEDGER_SHEET_MAX_ROWS", 20_000)
COUNTRIES_FIRST = ["ML", "UA", "RU", "NE", "BF", "DZ"]

# 10. API -----------------------------------------------------------------------------------------
# The public REST API at /api/v1/ (config/api_urls.py, each app's api.py and filters.py). Read is
# open and shows public data only; writes need a token issued in the admin and the model
# permissions. There is no browsable API: its forms would list related objects. Anonymous
# clients get a budget per scope (see api/throttling.py and the README); search has its own.

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # JSON with a bound on its nesting: '[' * 5000 is a 400, not a server error.
    "DEFAULT_PARSER_CLASSES": ["api.parsers.BoundedJSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["api.params.StrictFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.KeysetPagination",
    # Anonymous readers per client address; token holders who are not staff per user (a tool
    # outside the newsroom, a leaked token); staff's tokens are not throttled.
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.AnonScopedRateThrottle",
        "api.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon-read": env_str("API_ANON_RATE", "120/minute"),
        "anon-search": env_str("API_ANON_SEARCH_RATE", "30/minute"),
        "user": env_str("API_USER_RATE", "600/minute"),
        # The public site's search (/claims/?q=…, website/throttling.py), per client address, by
        # the same mechanism in the same cache; browsing and filtering are not throttled.
        "site-search": env_str("SITE_SEARCH_RATE", "30/minute"),
    },
    # OPTIONS would describe the write forms; the OpenAPI schema already documents them.
    "DEFAULT_METADATA_CLASS": None,
    "DEFAULT_SCHEMA_CLASS": "api.schema.ContestedAutoSchema",
    "PAGE_SIZE": 25,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Client addresses come from core.clients (see TRUSTED_PROXIES, PROXY_HOPS): our throttles
    # override DRF's get_ident. DRF's own reading would trust X-Forwarded-For from anyone, so it
    # is told there is no proxy: any other caller gets the connection's address.
    "NUM_PROXIES": 0,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Contested API",
    "DESCRIPTION": "Published contested claims, the positions actors took on them, and the "
    "sources that report them. Read is open; writes need a token.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1/",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "StanceEnum": "claims.vocabulary.Stance",
        "VerdictEnum": "claims.vocabulary.Verdict",
        "ClaimStatusEnum": "claims.vocabulary.Status",
        "DatePrecisionEnum": "core.dates.DatePrecision",
        "DirectionEnum": "claims.vocabulary.Direction",
        "ClaimRelationKindEnum": "claims.vocabulary.RelationKind",
        "ActorRelationKindEnum": "actors.models.RelationKind",
        "ActorKindEnum": "actors.models.ActorKind",
        "OutletKindEnum": "sources.models.OutletKind",
        "ReliabilityEnum": "core.grades.Reliability",
        "CredibilityEnum": "core.grades.Credibility",
    },
}

# 11. Sources that survive ------------------------------------------------------------------------
# Every cited document is captured (a WARC record, its SHA-256) and checked for rot in the
# background (README, "Sources that survive"). Tasks run on Django's tasks API with the
# django-tasks-db backend: the queue is a table in this same database, so it survives restarts
# and needs no other service; `manage.py db_worker` runs it (`make run` starts one).

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Where captures are kept: a folder by default, or an S3-compatible bucket (django-storages,
# `pip install -e ".[s3]"`) when CAPTURE_STORAGE=s3. The bucket's credentials come from the
# usual AWS_* variables.
CAPTURE_STORAGE = env_str("CAPTURE_STORAGE", "filesystem")
if CAPTURE_STORAGE == "filesystem":
    STORAGES["captures"] = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env_str("CAPTURE_ROOT") or str(BASE_DIR / "captures")},
    }
elif CAPTURE_STORAGE == "s3":
    STORAGES["captures"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("CAPTURE_S3_BUCKET"),
            "endpoint_url": env_str("CAPTURE_S3_ENDPOINT_URL") or None,
            "location": "captures",
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
else:
    raise ImproperlyConfigured(
        f"CAPTURE_STORAGE must be filesystem or s3; got {CAPTURE_STORAGE!r}."
    )

# The fetcher's limits (sources/fetch.py). Private, loopback, link-local and other non-public
# addresses are refused after DNS resolution and on every redirect, unless listed here as an
# address or network, optionally with a port (10.0.0.0/8, 127.0.0.1:8080): for an intranet, or
# the tests' own local server.
FETCH_ALLOW_PRIVATE_ADDRESSES = env_list("FETCH_ALLOW_PRIVATE_ADDRESSES", [])
FETCH_TIMEOUT_SECONDS = env_int("FETCH_TIMEOUT_SECONDS", 20)
FETCH_MAX_BYTES = env_int("FETCH_MAX_BYTES", 25 * 1024 * 1024)
FETCH_MAX_REDIRECTS = env_int("FETCH_MAX_REDIRECTS", 5)
FETCH_USER_AGENT = env_str(
    "FETCH_USER_AGENT",
    "ContestedArchiver/1.0 (+preserves documents cited by a newsroom's claim ledger)",
)
# A capture that fails for a passing reason (no answer, a 5xx, a 429) is tried again after
# CAPTURE_RETRY_SECONDS × 4^(attempt - 1), up to CAPTURE_MAX_ATTEMPTS times in all.
CAPTURE_MAX_ATTEMPTS = env_int("CAPTURE_MAX_ATTEMPTS", 4)
CAPTURE_RETRY_SECONDS = env_int("CAPTURE_RETRY_SECONDS", 60)
# `manage.py check_sources` (run daily by the platform's scheduler) checks each source with an
# address not checked for this long.
SOURCE_CHECK_INTERVAL_HOURS = env_int("SOURCE_CHECK_INTERVAL_HOURS", 24)

# 12. Background work that cannot hang or vanish, files that do not pile up (issue 26) ----------
# MEDIA_ROOT: the default storage's folder (today only the ledger download's stored file, the
# latest version alone: api/export.py). Never the working directory: with DEBUG on, media/ in
# the checkout; with DEBUG off, the service user's state folder ($XDG_STATE_HOME, else
# ~/.local/state, then contested/media), which outlives a new checkout. Set it to put it elsewhere.
MEDIA_ROOT = env_str("MEDIA_ROOT") or str(
    BASE_DIR / "media"
    if DEBUG
    else Path(env_str("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "contested" / "media"
)
# The task worker (`manage.py db_worker`, sources/management/commands/db_worker.py) records
# that it is alive every TASK_HEARTBEAT_SECONDS. A task left RUNNING by a worker not heard from
# for TASK_WORKER_LOST_SECONDS (killed, its machine gone) is queued again, up to
# TASK_MAX_CLAIMS runs in all, then marked failed. A task RUNNING for TASK_STUCK_SECONDS while
# its worker lives is shown as stuck in the admin, and left to the operator.
TASK_HEARTBEAT_SECONDS = env_int("TASK_HEARTBEAT_SECONDS", 10)
TASK_WORKER_LOST_SECONDS = env_int("TASK_WORKER_LOST_SECONDS", 60)
TASK_MAX_CLAIMS = env_int("TASK_MAX_CLAIMS", 3)
TASK_STUCK_SECONDS = env_int("TASK_STUCK_SECONDS", 600)
