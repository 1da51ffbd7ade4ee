"""The two Admiralty grades. Kept apart from each other and from the newsroom's verdict.

Reliability (A–F) grades a *source or outlet*; credibility (1–6) grades *one piece of information*
as reported in one citation.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Reliability(models.TextChoices):
    A = "A", _("A — completely reliable")
    B = "B", _("B — usually reliable")
    C = "C", _("C — fairly reliable")
    D = "D", _("D — not usually reliable")
    E = "E", _("E — unreliable")
    F = "F", _("F — reliability cannot be judged")


class Credibility(models.IntegerChoices):
    CONFIRMED = 1, _("1 — confirmed by other sources")
    PROBABLY_TRUE = 2, _("2 — probably true")
    POSSIBLY_TRUE = 3, _("3 — possibly true")
    DOUBTFUL = 4, _("4 — doubtful")
    IMPROBABLE = 5, _("5 — improbable")
    CANNOT_BE_JUDGED = 6, _("6 — truth cannot be judged")
