"""A reporter's spreadsheet of claims with statements, CSV or XLSX, filled in from the template."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from actors.models import Actor
from claims.models import Claim
from claims.vocabulary import Status
from ledger.files import read_upload
from ledger.load import load_ledger
from ledger.sheets import SheetError, template
from sources.models import Outlet, Source

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_filled_in_template_imports_as_one_draft_claim_with_its_statements_and_source(
    reporter_user, djibo_actors, kind
):
    bundle = read_upload(f"desk.{kind}", template(kind))
    report = load_ledger(bundle, by=reporter_user, file_name=f"desk.{kind}")
    assert report.ok, report.errors()
    claim = Claim.objects.get()
    assert claim.status == Status.DRAFT
    assert claim.event_date_display == "3 March 2025"
    assert [(s.actor.slug, s.stance, s.stated_on_display) for s in claim.statements.all()] == [
        ("fab", "asserts", "3 March 2025"),
        ("jnim", "denies", "4 March 2025"),
        ("hrw", "adds_context", "10 March 2025"),
    ]
    source = Source.objects.get()
    assert source.title == "Burkina army drones jnim convoy djibo"
    assert Outlet.objects.get().name == "afp.com"
    assert [t.name for t in claim.topics.all()] == ["Drones"]
    again = load_ledger(
        read_upload(f"desk.{kind}", template(kind)), by=reporter_user, file_name="x"
    )
    assert set(again.counts()) == {"unchanged"}


def test_a_row_with_an_impossible_date_or_an_unknown_stance_is_named_before_anything_is_read(
    djibo_actors,
):
    sheet = (
        b"claim,actor,stance,stated_on\n"
        b"A convoy was hit,JNIM,denies,31/02/2025\n"
        b"A convoy was hit,JNIM,shrugs,3 March 2025\n"
    )
    with pytest.raises(SheetError) as error:
        read_upload("desk.csv", sheet)
    assert error.value.problems == [
        "row 2 · stated_on: 31/02/2025 is not in the calendar.",
        "row 3 · stance: “shrugs” is not a stance: "
        + error.value.problems[1].split("is not a stance: ")[1],
    ]


def test_an_actor_nobody_knows_is_proposed_as_a_new_actor_and_found_by_name_the_next_time(
    reporter_user, tmp_path
):
    path = tmp_path / "desk.csv"
    path.write_text(
        "claim,actor,stance,stated_on,quote\nA convoy was hit,Nobody Known,denies,2025,No.\n"
    )
    call_command("import_ledger", str(path), user=reporter_user.username)
    actor = Actor.objects.get(name="Nobody Known")
    assert (actor.slug, actor.kind) == ("nobody-known", "other")
    again = load_ledger(read_upload("desk.csv", path.read_bytes()), by=reporter_user, file_name="d")
    assert set(again.counts()) == {"unchanged"}
    assert Actor.objects.count() == 1


def test_a_sheet_without_the_needed_columns_says_which(reporter_user):
    with pytest.raises(SheetError, match="The sheet needs the column “stance”"):
        read_upload("desk.csv", b"claim,actor,stated_on\nx,y,2025\n")
