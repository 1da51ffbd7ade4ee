"""The newsroom's own words — its labels, help texts and messages — in French and Arabic under
``/fr/admin/`` and ``/ar/admin/``; the history it writes stays in one language."""

from __future__ import annotations

import pytest
from django.forms import modelform_factory
from django.utils import translation

from newsroom.history import ReasonForm, form_reason
from sources.models import Source
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def test_the_claim_add_page_gives_our_help_texts_in_french(editor):
    html = editor.get("/fr/admin/claims/claim/add/").content.decode()
    assert '<html lang="fr"' in html
    assert "Source de toutes les déclarations" in html
    assert "Choisissez-la, ou collez son adresse pour l'ajouter" in html
    assert "Quelques mots pour l'historique" in html
    assert 'placeholder="3 mars 2025, mars 2025 ou 2025"' in html
    assert "Enregistrer et soumettre pour relecture" in html
    assert "Pick it, or paste its address" not in html


def test_the_claim_add_page_gives_our_help_texts_in_arabic(editor):
    html = editor.get("/ar/admin/claims/claim/add/").content.decode()
    assert 'dir="rtl"' in html
    assert "مصدر لكل التصريحات" in html
    assert "سبب هذا التعديل" in html
    assert "Source for every statement" not in html


def test_a_source_page_in_the_newsroom_reads_in_french(editor):
    source = SourceFactory()
    html = editor.get(f"/fr/admin/sources/source/{source.pk}/change/").content.decode()
    assert "Conservation" in html
    assert "Une copie dans une archive du web" in html
    assert "Pas encore capturée" in html


def test_the_history_names_the_changed_fields_in_english_whatever_the_newsrooms_language():
    source = SourceFactory()
    form_class = modelform_factory(Source, form=ReasonForm, fields=["archive_url"])
    with translation.override("fr"):
        form = form_class(data={"archive_url": "https://archive.example/new"}, instance=source)
        assert form.is_valid()
        assert str(form.fields["archive_url"].label) == "Copie archivée"
        assert form_reason(form) == "Edited in the admin: archived copy"
