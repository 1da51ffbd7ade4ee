from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    """Ledgers in and out: the ledger file, spreadsheets and ClaimReview read into it, ClaimReview
    and JSON-LD written from a claim. Above the domain apps, below the faces that use it."""

    name = "ledger"
    verbose_name = _("Ledgers")
