"""Checks made when the application starts serving (gunicorn, runserver, an ASGI server)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def check_serving_settings() -> None:
    """Refuse to serve with settings that are only safe for local work."""
    settings.DEBUG  # noqa: B018 - load the settings first, so their own errors surface as they are
    try:
        settings.SECRET_KEY  # noqa: B018 - Django raises when it is empty
    except ImproperlyConfigured:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. For local work, set DEBUG=1 (make run does)."
        ) from None
    if not settings.DEBUG and not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        # Without the manifest every page that links a stylesheet would answer 500.
        raise ImproperlyConfigured(
            f"No collected static files in {settings.STATIC_ROOT}: run "
            "`manage.py collectstatic --noinput` before serving (bin/serve and make serve do)."
        )
