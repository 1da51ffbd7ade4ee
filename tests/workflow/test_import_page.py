"""The newsroom's import page: upload, a row-by-row preview that changes nothing, then import."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Claim
from claims.vocabulary import Status
from ledger.sheets import template

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
    assert "statement row 2 · actor: No actor “Nobody” in the file or the ledger." in html
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
