"""No lost edits: optimistic concurrency for the records two people may edit at once.

Every save of an existing versioned row is a conditional UPDATE: it bumps ``version`` only where
the row still holds the version the instance was read at, and raises ``StaleEdit`` when no row
matched. The check and the bump are one statement, so two writers holding the same version
cannot both pass: on PostgreSQL the second UPDATE waits on the first's row lock and then finds
the version moved; on SQLite writers are serialised by the database lock.

The bump is the only queryset ``update()`` on a tracked model, and it is always followed, in the
same transaction, by the ordinary ``save()`` that simple-history records; if that save fails,
the transaction rolls the bump back.

A form built from an older version sets ``instance.version`` to the version it was built from
(``newsroom.forms.VersionedForm``); the API can do the same with an ``If-Match`` value.
"""

from __future__ import annotations

from typing import Any

from django.db import models, router, transaction


class StaleEdit(Exception):
    """Someone saved this record after the edit was started; nothing was written."""

    def __init__(self, instance: models.Model, version: int) -> None:
        self.instance = instance
        self.version = version
        super().__init__(
            f"{instance._meta.verbose_name_raw} {instance.pk} was saved by someone else after "
            f"version {version} was opened; nothing was written."
        )

    def saved(self) -> models.Model | None:
        """The record as it is now saved, or None if it was deleted."""
        return type(self.instance)._base_manager.filter(pk=self.instance.pk).first()


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Bumped by every save. A save made from an older version is refused, so two "
        "people editing at once cannot overwrite each other.",
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._state.adding or kwargs.get("force_insert"):
            super().save(*args, **kwargs)
            return
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        expected = self.version
        with transaction.atomic(using=using):
            claimed = (
                type(self)
                ._base_manager.using(using)
                .filter(pk=self.pk, version=expected)
                .update(version=expected + 1)
            )
            if not claimed:
                raise StaleEdit(self, expected)
            self.version = expected + 1
            try:
                super().save(*args, **kwargs)
            except BaseException:
                self.version = expected
                raise
