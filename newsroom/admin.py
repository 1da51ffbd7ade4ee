"""Registers every newsroom admin (Django's admin autodiscovery imports this module)."""

from __future__ import annotations

from . import actors, claims, records, sources, tasks  # noqa: F401 - each module registers its admins
