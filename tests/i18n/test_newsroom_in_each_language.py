"""The newsroom's own words — its labels, help texts and messages — in French and Arabic under
``/fr/admin/`` and ``/ar/admin/``; the history it writes stays in one language."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser

import pytest
from django.forms import modelform_factory
from django.utils import translation

from claims.models import Claim, Statement
from newsroom.history import ReasonForm, form_reason
from sources.models import Source
from tests.factories import ClaimFactory, SourceFactory, StatementFactory
from tests.workflow.forms import admin_url, page_data

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
    # The claim's and the statements' own help texts (claims/models.py).
    assert "Le contexte dont le lecteur a besoin, en quelques phrases." in html
    assert "Qui l'a dit : Ramadane, pas le FLA" in html
    assert "Context a reader needs" not in html
    # The translations section.
    assert "Traduit par (Français)" in html


def test_the_claim_add_page_gives_our_help_texts_in_arabic(editor):
    html = editor.get("/ar/admin/claims/claim/add/").content.decode()
    assert 'dir="rtl"' in html
    assert "مصدر لكل التصريحات" in html
    assert "سبب هذا التعديل" in html
    assert 'placeholder="3 مارس 2025 أو مارس 2025 أو 2025"' in html
    assert "والشهر بالإنجليزية أو الفرنسية" not in html, "Arabic month names are read too"
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


class _TextBoxes(HTMLParser):
    """The value of every text box on a page, as the browser shows it and sends it back."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        box = dict(attrs)
        if tag == "input" and box.get("type") == "text" and box.get("name"):
            self.values[box["name"]] = box.get("value") or ""


def text_boxes(html: str) -> dict[str, str]:
    parser = _TextBoxes()
    parser.feed(html)
    return parser.values


@pytest.mark.parametrize(
    ("event_date", "precision", "shown"),
    [
        (datetime.date(2025, 3, 3), "day", "3 مارس 2025"),
        (datetime.date(2025, 4, 1), "month", "إبريل 2025"),
        (datetime.date(2025, 1, 1), "year", "2025"),
    ],
    ids=["day", "month", "year"],
)
def test_an_editor_in_arabic_saves_a_claim_with_its_dates_as_shown(
    editor, event_date, precision, shown
):
    claim = ClaimFactory(event_date=event_date, event_date_precision=precision)
    StatementFactory(claim=claim, stated_on=datetime.date(2025, 2, 8))
    url = "/ar" + admin_url(Claim, "change", claim.pk)
    page = editor.get(url)
    boxes = text_boxes(page.content.decode())
    assert boxes["event_date"] == shown
    assert boxes["statements-0-stated_on"] == "8 فبراير 2025"

    response = editor.post(url, page_data(page) | boxes | {"summary": "Edited in Arabic"})

    assert response.status_code == 302, response.context["errors"]
    saved = Claim.objects.get(pk=claim.pk)
    assert saved.summary == "Edited in Arabic"
    assert (saved.event_date, saved.event_date_precision) == (event_date, precision)
    statement = Statement.objects.get()
    assert (statement.stated_on, statement.stated_on_precision) == (
        datetime.date(2025, 2, 8),
        "day",
    )
