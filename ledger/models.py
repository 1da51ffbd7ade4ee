"""What the ledger app keeps: how a newsroom's own spreadsheets map to the sheet's columns."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ColumnMapping(models.Model):
    """A sheet's headers matched to the ledger sheet's columns (``ledger.sheets.COLUMNS``, or ""
    for a column not imported), as an editor confirmed them on the import page: applied again,
    without asking, to the next sheet with the same set of headers (``headers_key``), and
    proposed for the same headers in another sheet.

    One installation is one newsroom, so the mapping is the installation's: keyed by the headers
    alone."""

    headers_key = models.CharField(_("headers key"), max_length=64, unique=True, editable=False)
    headers = models.JSONField(_("headers"), default=list)
    columns = models.JSONField(_("columns"), default=dict)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now=True)

    class Meta:
        verbose_name = _("sheet column mapping")
        verbose_name_plural = _("sheet column mappings")

    def __str__(self) -> str:
        return ", ".join(self.headers)
