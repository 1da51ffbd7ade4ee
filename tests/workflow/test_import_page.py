"""The newsroom's import page: upload, a row-by-row preview that changes nothing, then import."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from claims.models import Claim, Statement
from claims.vocabulary import Status
from ledger import sheets
from ledger.models import ColumnMapping
from ledger.sheets import template
from tests.ledgers.desk_sheets import COLUMNS, HEADERS, desk_xlsx, zip_bomb_xlsx

pytestmark = pytest.mark.django_db

PAGE = reverse("admin:ledger_import")


def upload(client, name: str, content: bytes, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(PAGE, {"file": SimpleUploadedFile(name, content), "_preview": "1", **extra})


def test_a_reporter_previews_the_filled_in_template_then_imports_it_as_drafts(
    reporter, djibo_actors
):
    sheet = reporter.get(reverse("admin:ledger_import_template", args=["xlsx"]))
    assert sheet["Content-Disposition"] == 'attachment; filename="contested-claims.xlsx"'
    preview = upload(reporter, "desk.xlsx", sheet.content)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Importing would:" in html
    assert html.count("<td>created</td>") == len(preview.context["report"].rows)
    assert not Claim.objects.exists()  # a preview changes nothing

    done = reporter.post(PAGE, {"token": preview.context["token"], "_import": "1"})
    assert done.status_code == 302
    assert done["Location"] == reverse("admin:claims_claim_changelist")
    claim = Claim.objects.get()
    assert claim.status == Status.DRAFT
    assert claim.statements.count() == 3


def test_a_file_with_mistakes_lists_them_and_offers_no_import(reporter, djibo_actors):
    preview = upload(
        reporter, "desk.csv", b"claim,actor,stance,stated_on\nHit,Nobody,denies,2025\n"
    )
    html = preview.content.decode()
    assert "statement row 2 · quote: Give the verbatim quote, or a paraphrase when there is" in html
    assert 'name="_import"' not in html
    assert not Claim.objects.exists()


def test_an_unreadable_file_is_a_form_error(reporter):
    preview = upload(reporter, "desk.csv", b"claim,actor,stated_on\nx,y,2025\n")
    assert "The sheet needs the column “stance”." in str(preview.context["form"].errors["file"])


def test_a_file_over_the_limit_is_refused(reporter, monkeypatch):
    monkeypatch.setattr("newsroom.imports.MAX_BYTES", 10)
    preview = upload(reporter, "big.json", b"{" + b" " * 20 + b"}")
    assert "The file is over" in str(preview.context["form"].errors["file"])


def test_an_expired_or_someone_elses_preview_imports_nothing(reporter, editor, djibo_actors):
    preview = upload(reporter, "desk.csv", template("csv"))
    answer = editor.post(PAGE, {"token": preview.context["token"], "_import": "1"})
    assert answer.status_code == 302
    assert not Claim.objects.exists()


def test_only_an_editor_is_offered_publishing(reporter, editor):
    assert "publish" not in reporter.get(PAGE).context["form"].fields
    assert "publish" in editor.get(PAGE).context["form"].fields


def _confirm(client, token: str, columns: dict[str, str]):
    chosen = {f"column_{at}": column for at, column in enumerate(columns.values())}
    return client.post(PAGE, {"token": token, "_columns": "1", **chosen})


def test_a_desks_own_sheet_asks_for_its_columns_once_then_previews_imports_and_remembers(
    reporter, djibo_actors
):
    first = upload(reporter, "desk.xlsx", desk_xlsx())
    assert "report" not in first.context  # no dry run before the columns are confirmed
    proposed = {field.label: field.initial for field in first.context["columns_form"]}
    assert proposed == COLUMNS
    html = first.content.decode()
    assert 'name="_columns"' in html
    assert "<td>Burkinabe army</td>" in html  # the first value under "Who", to decide by

    preview = _confirm(reporter, first.context["token"], COLUMNS)
    html = preview.content.decode()
    assert "Column “Notes” is not imported." in html
    assert "Row 6 repeats row 4: read once." in html
    assert preview.context["report"].ok, preview.context["report"].errors()
    assert not Claim.objects.exists()

    done = reporter.post(PAGE, {"token": preview.context["token"], "_import": "1"})
    assert done.status_code == 302
    assert Statement.objects.count() == 3

    again = upload(reporter, "desk.xlsx", desk_xlsx())
    assert "columns_form" not in again.context  # remembered: straight to the preview
    assert set(again.context["report"].counts()) == {"unchanged"}
    assert "Column “Notes” is not imported." in again.content.decode()


def test_a_preview_can_go_back_to_its_columns_and_change_them(reporter, djibo_actors):
    sheets.remember(HEADERS, COLUMNS, by=None)
    preview = upload(reporter, "desk.xlsx", desk_xlsx())
    back = reporter.post(PAGE, {"token": preview.context["token"], "_remap": "1"})
    assert {f.label: f.initial for f in back.context["columns_form"]} == COLUMNS
    changed = _confirm(reporter, back.context["token"], COLUMNS | {"المكان": ""})
    assert "Column “المكان” is not imported." in changed.content.decode()
    assert sheets.columns_for(HEADERS).mapping["المكان"] == ""


def test_columns_without_a_needed_one_are_asked_again_and_nothing_is_previewed(
    reporter, djibo_actors
):
    first = upload(reporter, "desk.xlsx", desk_xlsx())
    answer = _confirm(reporter, first.context["token"], COLUMNS | {"Stance": ""})
    assert "report" not in answer.context
    assert "Choose the header that holds “stance”." in answer.content.decode()
    assert not ColumnMapping.objects.exists()


def test_a_zip_bomb_is_refused_with_the_limit_it_is_over(reporter, settings):
    preview = upload(reporter, "desk.xlsx", zip_bomb_xlsx(settings.LEDGER_SHEET_MAX_BYTES))
    error = str(preview.context["form"].errors["file"])
    assert "desk.xlsx is over 50 MB once uncompressed" in error
    assert "LEDGER_SHEET_MAX_BYTES" in error


def test_an_editors_own_ledger_shows_a_conflict_and_updates_only_when_asked(editor):
    from django.core.management import call_command

    from ledger.export import export_text
    from sources.models import Outlet

    call_command("load_demo", verbosity=0)
    own = json.loads(export_text(scope="newsroom"))
    next(o for o in own["outlets"] if o["slug"] == "afp")["name"] = "AFP"
    content = json.dumps(own).encode()

    preview = upload(editor, "own.json", content)
    [row] = [r for r in preview.context["report"].rows if (r.kind, r.key) == ("outlet", "afp")]
    assert row.done == "kept as it is: the file differs in name"
    editor.post(PAGE, {"token": preview.context["token"], "_import": "1"})
    assert Outlet.objects.get(slug="afp").name == "Agence France-Presse"

    preview = upload(editor, "own.json", content, update="on")
    [row] = [r for r in preview.context["report"].rows if (r.kind, r.key) == ("outlet", "afp")]
    assert (row.action, row.changed) == ("update", ["name"])
    editor.post(PAGE, {"token": preview.context["token"], "_import": "1"})
    assert Outlet.objects.get(slug="afp").name == "AFP"
