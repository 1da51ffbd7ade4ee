"""An import obeys the one permission policy: a reporter's file that would change a shared record
a public claim shows is refused as a whole, naming the record; an editor's is a correction on
each public claim that shows it."""

from __future__ import annotations

import json

import pytest

from claims.models import Correction
from ledger.export import export_text
from ledger.load import load_ledger
from sources.models import Source

pytestmark = pytest.mark.django_db


def renaming_the_source(ledger, title: str = "AFP dispatch") -> dict:
    """The ledger's outlets and sources as exported, the public claim's source renamed, and a
    new source besides."""
    bundle = json.loads(export_text(scope="newsroom"))
    kept = {key: bundle[key] for key in ("format", "version", "origin", "outlets", "sources")}
    for source in kept["sources"]:
        if source["title"] == ledger.source.title:
            source["title"] = title
    new = dict(kept["sources"][0], title="A new dispatch", url="https://new.example/dispatch")
    kept["sources"].append(new)
    return kept


def test_a_reporters_import_that_would_rename_a_cited_source_is_refused_as_a_whole(
    reporter_user, ledger
):
    report = load_ledger(
        renaming_the_source(ledger), by=reporter_user, file_name="f.json", update=True
    )
    assert not report.applied
    assert any(
        "source “From Donbas to the desert” is shown on public pages: only an editor may "
        "change it." in error
        for error in report.errors()
    ), report.errors()
    assert Source.objects.get(pk=ledger.source.pk).title == "From Donbas to the desert"
    assert not Source.objects.filter(url="https://new.example/dispatch").exists()


def test_an_editors_import_that_renames_a_cited_source_corrects_each_public_claim(
    editor_user, ledger
):
    report = load_ledger(
        renaming_the_source(ledger),
        by=editor_user,
        file_name="f.json",
        correction_note="The dispatch's own title.",
        update=True,
    )
    assert report.applied, report.errors()
    [correction] = Correction.objects.exclude(claim=ledger.draft)
    assert correction.claim == ledger.claim
    assert correction.note == "The dispatch's own title."
    assert correction.changed == ["source “From Donbas to the desert”: title"]
