"""Every public text of a statement is substance: after publication, changing its paraphrase
or its translation needs a correction note, and the note reaches the public corrections log."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from claims import services
from claims.models import Correction, Statement

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["paraphrase", "translation"])
def test_changing_a_public_statements_text_needs_a_note_and_is_logged(ledger, editor_user, field):
    statement = Statement.objects.get(pk=ledger.assertion.pk)
    setattr(statement, field, "A different wording.")
    with pytest.raises(ValidationError) as refused:
        services.edit_statement(statement=statement, by=editor_user)
    assert "correction_note" in refused.value.message_dict
    statement = Statement.objects.get(pk=ledger.assertion.pk)
    setattr(statement, field, "A different wording.")
    services.edit_statement(
        statement=statement, by=editor_user, correction_note="The wording was wrong."
    )
    note = Correction.objects.filter(claim=ledger.claim).latest("pk")
    assert note.note == "The wording was wrong."
    assert any(field in label for label in note.changed)


def test_the_newsroom_list_shows_contested_as_a_warning(editor, ledger):
    page = editor.get("/admin/claims/claim/").content.decode()
    assert "⚠ contested" in page
