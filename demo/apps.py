from __future__ import annotations

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo ledger (the AFP article in shared/seed) and its login: ``manage.py load_demo``
    and ``ensure_demo_login``, which ``make run`` calls."""

    name = "demo"
    verbose_name = "Demo"
