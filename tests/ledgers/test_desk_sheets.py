"""A newsroom's own spreadsheet: its headers matched to the sheet's columns once and remembered,
its extra columns left out, its stance words understood, its new actors proposed, a row entered
twice read once, and a sheet too large to open refused before it is parsed."""

from __future__ import annotations

import io
import time

import pytest
from django.core.management import call_command

from actors.models import Actor
from claims.models import Claim, Statement
from ledger import sheets
from ledger.files import read_upload
from ledger.load import load_ledger
from ledger.models import ColumnMapping
from tests.factories import ActorFactory
from tests.ledgers.desk_sheets import (
    AFP,
    CLAIM,
    COLUMNS,
    HEADERS,
    desk_xlsx,
    lying_zip_bomb_xlsx,
    zip_bomb_xlsx,
)

pytestmark = pytest.mark.django_db


def test_the_header_row_is_found_under_the_desks_title_and_its_headers_are_proposed_columns(
    djibo_actors,
):
    table = sheets.read_table("desk.xlsx", desk_xlsx())
    assert table.headers == HEADERS
    assert [number for number, _cells in table.rows] == [4, 5, 6, 7]
    proposed = sheets.columns_for(table.headers)
    assert not proposed.settled  # the editor confirms them first
    assert proposed.mapping == COLUMNS


def test_a_desks_sheet_imports_once_with_its_columns_confirmed_and_again_changes_nothing(
    reporter_user, djibo_actors
):
    reading = sheets.read("desk.xlsx", desk_xlsx(), COLUMNS)
    assert reading.notes == [
        "Column “Notes” is not imported.",
        "Row 6 repeats row 4: read once.",
    ]
    report = load_ledger(reading.bundle, by=reporter_user, file_name="desk.xlsx")
    assert report.ok, report.errors()
    claim = Claim.objects.get()
    assert (claim.text, claim.place_name) == (CLAIM, "جيبو")
    said = [
        (s.actor.slug, s.stance, s.stated_on_display, [c.source.url for c in s.citations.all()])
        for s in claim.statements.order_by("stated_on")
    ]
    assert said == [
        ("fab", "asserts", "12 June 2025", [AFP]),
        ("jnim", "denies", "13 June 2025", ["https://www.rfi.fr/fr/afrique/20250613-jnim-dement"]),
        (
            "collectif-des-familles-de-djibo",
            "denies",
            "14 June 2025",
            ["https://lefaso.net/djibo-les-familles-parlent"],
        ),
    ]

    again = load_ledger(
        sheets.read("desk.xlsx", desk_xlsx(), COLUMNS).bundle, by=reporter_user, file_name="x"
    )
    assert set(again.counts()) == {"unchanged"}
    assert Statement.objects.count() == 3


def test_a_statement_entered_twice_with_two_sources_is_one_statement_citing_both(djibo_actors):
    rows = [
        [CLAIM, "12 June 2025", "JNIM", "No losses.", "denies", AFP, "", ""],
        [CLAIM, "12/06/2025", "JNIM", "No losses.", "denied", "https://www.rfi.fr/a", "", ""],
    ]
    reading = sheets.read("desk.xlsx", desk_xlsx(rows=rows), COLUMNS)
    (statement,) = reading.bundle["claims"][0]["statements"]
    assert [c["source"] for c in statement["citations"]] == [AFP, "https://www.rfi.fr/a"]
    assert reading.notes[-1] == "Row 5 repeats row 4: read once, its source added."


def test_an_actor_nobody_knows_is_proposed_as_a_new_actor_of_kind_other(djibo_actors):
    bundle = sheets.read("desk.xlsx", desk_xlsx(), COLUMNS).bundle
    assert bundle["actors"] == [
        {
            "slug": "collectif-des-familles-de-djibo",
            "name": "Collectif des familles de Djibo",
            "kind": "other",
        }
    ]


def test_a_new_actor_whose_slug_is_taken_gets_its_own_and_never_renames_the_other(
    reporter_user,
):
    ActorFactory(name="Forces armées burkinabè", slug="fab")
    rows = [[CLAIM, "12 June 2025", "FAB", "It happened.", "says", AFP, "", ""]]
    bundle = sheets.read("desk.xlsx", desk_xlsx(rows=rows), COLUMNS).bundle
    assert [a["slug"] for a in bundle["actors"]] == ["fab-2"]
    assert load_ledger(bundle, by=reporter_user, file_name="d").ok
    assert Actor.objects.get(slug="fab").name == "Forces armées burkinabè"


def test_a_confirmed_mapping_is_remembered_for_the_next_sheet_with_the_same_headers(
    reporter_user, djibo_actors, tmp_path
):
    sheets.remember(HEADERS, COLUMNS, by=reporter_user)
    remembered = sheets.columns_for(list(reversed(HEADERS)))
    assert remembered.settled
    assert remembered.mapping == COLUMNS
    assert ColumnMapping.objects.get().saved_by == reporter_user
    # The command, which asks nobody, reads the sheet with it too.
    path = tmp_path / "desk.xlsx"
    path.write_bytes(desk_xlsx())
    out = io.StringIO()
    call_command("import_ledger", str(path), user=reporter_user.username, stdout=out)
    assert Statement.objects.count() == 3
    assert "Column “Notes” is not imported.\nRow 6 repeats row 4: read once.\n" in out.getvalue()


def test_a_header_matched_once_is_proposed_again_in_a_sheet_with_other_headers(reporter_user):
    sheets.remember(
        ["Claim", "Qui parle", "Stance", "Le", "Notes"],
        {
            "Claim": "claim",
            "Qui parle": "actor",
            "Stance": "stance",
            "Le": "stated_on",
            "Notes": "",
        },
        by=reporter_user,
    )
    proposed = sheets.columns_for(["Claim", "Qui parle", "Stance", "Le", "Quote"])
    assert not proposed.settled
    assert proposed.mapping["Qui parle"] == "actor"
    assert proposed.mapping["Le"] == "stated_on"


def test_without_a_confirmed_mapping_the_command_names_the_columns_it_needs(djibo_actors):
    with pytest.raises(sheets.SheetError) as error:
        read_upload("desk.xlsx", desk_xlsx())
    assert error.value.problems[0] == "The sheet needs the column “claim”."
    assert (
        "Match the sheet's headers to the columns once on the import page"
        in (error.value.problems[-1])
    )


@pytest.mark.parametrize(
    ("typed", "stance"),
    [
        ("claims", "asserts"),
        ("Said", "asserts"),
        ("alleged", "asserts"),
        ("affirme", "asserts"),
        ("a déclaré", "asserts"),
        ("يدعي", "asserts"),
        ("قال", "asserts"),
        ("denied", "denies"),
        ("Rejects", "denies"),
        ("dément", "denies"),
        ("a démenti", "denies"),
        ("نفى", "denies"),
        ("admitted", "acknowledges"),
        ("reconnaît", "acknowledges"),
        ("contests", "disputes"),
        ("conteste", "disputes"),
        ("confirmed", "supports"),
        ("no comment", "declines_to_comment"),
        ("denied by", "denies"),
        ("adds context", "adds_context"),
        ("retracts", "retracts"),
    ],
)
def test_a_desks_stance_words_in_english_french_and_arabic_are_read_as_stances(
    djibo_actors, typed, stance
):
    sheet = f"claim,actor,stance,stated_on,quote\nA convoy was hit,JNIM,{typed},2025,No.\n"
    bundle = read_upload("desk.csv", sheet.encode())
    assert bundle["claims"][0]["statements"][0]["stance"] == stance


def test_a_french_excel_csv_with_semicolons_is_read(djibo_actors):
    sheet = (
        "Allégation;Date;Qui;Propos;Position\nUn convoi a été frappé;12 juin 2025;JNIM;Non.;nie\n"
    )
    table = sheets.read_table("desk.csv", sheet.encode("utf-8-sig"))
    assert table.headers == ["Allégation", "Date", "Qui", "Propos", "Position"]
    assert sheets.columns_for(table.headers).mapping == {
        "Allégation": "claim",
        "Date": "stated_on",
        "Qui": "actor",
        "Propos": "quote",
        "Position": "stance",
    }


def test_a_zip_bomb_is_refused_by_its_uncompressed_size_before_it_is_parsed(settings):
    bomb = zip_bomb_xlsx(settings.LEDGER_SHEET_MAX_BYTES + 1)
    assert len(bomb) < 200_000
    started = time.monotonic()
    with pytest.raises(sheets.SheetError) as error:
        read_upload("desk.xlsx", bomb)
    assert time.monotonic() - started < 2
    assert error.value.problems == [
        "desk.xlsx is over 50 MB once uncompressed, the most one import takes "
        "(LEDGER_SHEET_MAX_BYTES): split it into several sheets."
    ]


def test_a_zip_bomb_that_lies_about_its_size_is_read_no_further_than_it_says(settings):
    bomb = lying_zip_bomb_xlsx(settings.LEDGER_SHEET_MAX_BYTES + 1)
    started = time.monotonic()
    with pytest.raises(sheets.SheetError, match=r"desk\.xlsx cannot be read as a sheet"):
        read_upload("desk.xlsx", bomb)
    assert time.monotonic() - started < 2


def test_a_sheet_with_more_rows_than_the_limit_is_refused_naming_it(settings, djibo_actors):
    settings.LEDGER_SHEET_MAX_ROWS = 3
    rows = "".join(f"Claim {n},JNIM,denies,2025,No.\n" for n in range(4))
    with pytest.raises(sheets.SheetError) as error:
        read_upload("desk.csv", f"claim,actor,stance,stated_on,quote\n{rows}".encode())
    assert error.value.problems == [
        "desk.csv has more than 3 rows, the most one import takes (LEDGER_SHEET_MAX_ROWS): "
        "split it into several sheets."
    ]
    settings.LEDGER_SHEET_MAX_ROWS = 4
    assert (
        len(
            read_upload("desk.csv", f"claim,actor,stance,stated_on,quote\n{rows}".encode())[
                "claims"
            ]
        )
        == 4
    )


def test_a_csv_larger_than_the_limit_is_refused(settings):
    settings.LEDGER_SHEET_MAX_BYTES = 1024 * 1024
    with pytest.raises(sheets.SheetError, match="over 1 MB once uncompressed"):
        read_upload("desk.csv", b"claim,actor,stance,stated_on\n" + b"x,y,z,2025\n" * 100_000)


def test_a_column_without_a_header_is_left_out_with_a_note(djibo_actors):
    sheet = "claim,actor,stance,stated_on,quote,\nA convoy was hit,JNIM,denies,2025,No.,call back\n"
    reading = sheets.read("desk.csv", sheet.encode())
    assert reading.notes == ["1 column without a header is not imported."]
    assert reading.bundle["claims"][0]["statements"][0]["quote"] == "No."
