from __future__ import annotations

from typing import Any

from django.db import models

from sources.urls_normalise import normalise_url


class NormalisedURLField(models.URLField):
    """A URL stored, and looked up, in its canonical form.

    ``pre_save`` runs for ``save()`` and ``bulk_create()`` alike, and ``get_prep_value`` makes
    ``filter(url=...)`` match whatever form the caller has, so the unique constraint on the
    column really means "one row per document".
    """

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = normalise_url(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        return normalise_url(value) if isinstance(value, str) else value
