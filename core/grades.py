"""The two Admiralty grades. Kept apart from each other and from the newsroom's verdict.

Reliability (A–F) grades a *source or outlet*; credibility (1–6) grades *one piece of information*
as reported in one citation.
"""

from __future__ import annotations

from django.db import models


class Reliability(models.TextChoices):
    A = "A", "A — completely reliable"
    B = "B", "B — usually reliable"
    C = "C", "C — fairly reliable"
    D = "D", "D — not usually reliable"
    E = "E", "E — unreliable"
    F = "F", "F — reliability cannot be judged"


class Credibility(models.IntegerChoices):
    CONFIRMED = 1, "1 — confirmed by other sources"
    PROBABLY_TRUE = 2, "2 — probably true"
    POSSIBLY_TRUE = 3, "3 — possibly true"
    DOUBTFUL = 4, "4 — doubtful"
    IMPROBABLE = 5, "5 — improbable"
    CANNOT_BE_JUDGED = 6, "6 — truth cannot be judged"
