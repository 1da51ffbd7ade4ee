"""export → import into an empty database → export gives the same bytes, on the demo ledger and
on a generated one (every field and precision); importing the same file twice changes nothing.
The same round trip at 2,000 claims, timed, is ``make bench-imports`` (bench/imports.py)."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from claims.models import Claim
from ledger.load import check_format, load_ledger
from tests.ledgers.conftest import empty_the_ledger, exported
from tests.ledgers.generated import generated_ledger

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


def round_trip(importer, scope: str = "newsroom") -> tuple[str, str]:
    before, bundle = exported(scope)
    assert check_format(bundle) == []
    empty_the_ledger()
    report = load_ledger(bundle, by=importer, file_name="ledger.json", publish=True)
    assert report.ok, report.errors()[:5]
    after, _ = exported(scope)
    return before, after


def test_the_demo_ledger_comes_back_byte_for_byte(importer):
    call_command("load_demo", verbosity=0)
    before, after = round_trip(importer)
    assert after == before
    assert len(json.loads(before)["claims"]) == Claim.objects.count() > 0


def test_the_published_demo_ledger_comes_back_byte_for_byte(importer):
    call_command("load_demo", verbosity=0)
    before, after = round_trip(importer, scope="public")
    assert after == before


def test_a_generated_ledger_comes_back_byte_for_byte(importer):
    report = load_ledger(
        generated_ledger(60, most_statements=2), by=importer, file_name="g.json", publish=True
    )
    assert report.ok, report.errors()[:5]
    assert Claim.objects.count() == 60
    before, after = round_trip(importer)
    assert after == before
    statuses = {claim["status"] for claim in json.loads(before)["claims"]}
    assert statuses == {"draft", "published", "withdrawn"}


def test_the_same_file_twice_changes_nothing_the_second_time(importer):
    call_command("load_demo", verbosity=0)
    _, bundle = exported()
    history_rows = Claim.history.count()
    report = load_ledger(bundle, by=importer, file_name="ledger.json", publish=True)
    assert report.ok
    assert set(report.counts()) == {"unchanged"}
    assert Claim.history.count() == history_rows
