from __future__ import annotations

from django.apps import AppConfig


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = "Actors"
