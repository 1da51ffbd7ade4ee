"""The site's tests tell the shared story: the ``ledger`` fixture (``tests/ledger.py``), a
contested claim with a draft hidden among the public objects it touches."""

from __future__ import annotations

import pytest

from claims.vocabulary import Verdict


@pytest.fixture
def disputed(ledger):
    """The shared story with the newsroom's verdict on the helicopter claim: disputed. (The
    ledger leaves it unverified, which the API's tests count on.)"""
    claim = ledger.claim
    claim.verdict = Verdict.DISPUTED
    claim.verdict_reasoning = "Incompatible accounts, no independent evidence."
    claim.save()
    return ledger
