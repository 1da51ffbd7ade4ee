"""A file with a mistake changes nothing and says where each mistake is; a dry run says what
importing would do and changes nothing; claims arrive as drafts unless an editor publishes."""

from __future__ import annotations

import copy

import pytest
from django.core.management import CommandError, call_command

from actors.models import Actor
from claims.models import Claim
from claims.vocabulary import Status
from ledger.load import load_ledger
from tests.ledgers.generated import generated_ledger

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


@pytest.fixture
def small():
    return generated_ledger(5, most_statements=2)


def test_a_file_that_is_not_the_format_names_where_it_breaks_and_changes_nothing(importer, small):
    small["claims"][1]["statements"][0]["stance"] = "asserted"
    small["claims"][2]["event_date"] = "3 March 2025"
    report = load_ledger(small, by=importer, file_name="f.json", publish=True)
    assert not report.ok
    assert any(
        e.startswith("claims[1].statements[0].stance: 'asserted' is not one of")
        for e in report.errors()
    )
    assert any(
        e.startswith("claims[2].event_date: '3 March 2025' does not match") for e in report.errors()
    )
    assert not Claim.objects.exists()
    assert not Actor.objects.exists()


def test_an_unknown_actor_is_named_with_its_statement_and_nothing_is_imported(importer, small):
    small["claims"][3]["statements"][0]["actor"] = "nobody-we-know"
    report = load_ledger(small, by=importer, file_name="f.json", publish=True)
    assert (
        "statement claim-00003/1 · actor: No actor “nobody-we-know” in the file or the ledger."
        in report.errors()
    )
    assert not report.applied
    assert not Claim.objects.exists()


def test_a_record_twice_in_the_file_is_an_error(importer, small):
    small["actors"].append(copy.deepcopy(small["actors"][0]))
    report = load_ledger(small, by=importer, file_name="f.json", publish=True)
    assert "actor actor-0: This actor is in the file twice." in report.errors()
    assert not Actor.objects.exists()


def test_a_rule_the_database_holds_reads_as_a_field_and_a_reason(importer, small):
    small["claims"][0] |= {"latitude": "14.1", "longitude": None}
    report = load_ledger(small, by=importer, file_name="f.json", publish=True)
    [error] = [e for e in report.errors() if e.startswith("claim claim-00000")]
    assert error == (
        "claim claim-00000 · latitude: Give both latitude (−90 to 90) and longitude "
        "(−180 to 180), or neither."
    )
    assert "Constraint" not in " ".join(report.errors())


def test_a_dry_run_reports_each_record_and_changes_nothing(importer, small):
    report = load_ledger(small, by=importer, file_name="f.json", publish=True, dry_run=True)
    assert report.ok
    assert not report.applied
    assert report.counts() == {"create": len(report.rows)}
    assert {row.kind for row in report.rows} >= {"outlet", "source", "actor", "claim", "statement"}
    assert not Claim.objects.exists()


def test_a_reporters_import_arrives_as_drafts_in_the_history_with_their_name_and_the_file(
    reporter_user, small
):
    for claim in small["claims"]:
        claim["verdict"] = "unverified"
    report = load_ledger(small, by=reporter_user, file_name="desk.json")
    assert report.ok, report.errors()[:3]
    assert set(Claim.objects.values_list("status", flat=True)) == {Status.DRAFT}
    entry = Claim.history.filter(slug="claim-00000").earliest("history_date")
    assert entry.history_user == reporter_user
    assert entry.history_change_reason == "Imported from desk.json"


def test_a_reporter_may_not_publish_by_importing(reporter_user, small):
    report = load_ledger(small, by=reporter_user, file_name="f.json", publish=True)
    assert report.errors() == ["You may not publish: import the claims as drafts."]
    assert not Claim.objects.exists()


def test_the_command_refuses_a_broken_file_naming_each_error(importer, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": "contested-ledger", "version": 1, "claims": [{"slug": "x"}]}')
    with pytest.raises(CommandError, match="Nothing imported: 1 error"):
        call_command("import_ledger", str(path), user="importer")
    path.write_text("this is not json")
    with pytest.raises(CommandError, match=r"broken\.json is not JSON"):
        call_command("import_ledger", str(path), user="importer")
