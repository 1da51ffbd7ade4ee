"""Every public page in French and Arabic: in the reader's language, with none of our English
left, laid out right to left in Arabic, with its alternates in the other languages; English stays
at the unprefixed addresses."""

from __future__ import annotations

import datetime
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import timezone, translation

from sources.models import Capture, CaptureOutcome, CaptureReason, LinkStatus, Source
from tests.site.test_visibility import public_urls

pytestmark = pytest.mark.django_db

TRANSLATED = ["fr", "ar"]


def english_originals(language: str) -> list[str]:
    """Our messages whose translation differs from the English, without their placeholders and
    markup, long enough not to be a word a claim or a name may hold ("Data", "Source")."""
    catalogue = polib.pofile(
        str(Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES/django.po")
    )
    originals = []
    for entry in catalogue:
        text = entry.msgid
        if "%(" in text or "<" in text or entry.msgstr == text or len(text) < 14:
            continue
        originals.append(text.replace("'", "&#x27;"))
    return originals


def pages(ledger, language: str) -> list[str]:
    with translation.override(language):
        return [url for url in public_urls(ledger) if "sitemap" not in url]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_public_page_and_feed_is_in_the_readers_language_with_no_english_of_ours(
    reader, ledger, language
):
    originals = english_originals(language)
    assert len(originals) > 100
    for url in pages(ledger, language):
        assert url.startswith(f"/{language}/"), url
        response = reader.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        if response["Content-Type"].startswith("text/html"):
            assert f'<html lang="{language}"' in body, url
        left = [text for text in originals if text in body]
        assert left == [], f"{url} still says, in English: {left}"


@pytest.mark.parametrize(
    ("language", "gone"),
    [("fr", "L'original a disparu depuis le"), ("ar", "اختفى الأصل منذ")],
)
def test_a_source_page_with_its_captures_and_a_changed_original_has_no_english_of_ours(
    reader, ledger, language, gone
):
    """What the ledger's source does not show: the newsroom's copies, earlier captures, and an
    original that is gone, moved or changed."""
    originals = english_originals(language)
    captured_at = timezone.make_aware(datetime.datetime(2025, 2, 3, 9, 30))
    for n in range(2):
        Capture.objects.create(
            source=ledger.source,
            reason=CaptureReason.ENTRY,
            outcome=CaptureOutcome.CAPTURED,
            requested_url=ledger.source.url,
            content_type="text/html",
            size=2048,
            sha256=f"{n}" * 64,
            captured_at=captured_at + datetime.timedelta(days=n),
        )
    with translation.override(language):
        url = ledger.source.get_absolute_url()
    for status in (LinkStatus.GONE, LinkStatus.MOVED, LinkStatus.CHANGED):
        # An update, not a save: a save of the source would queue a capture of its address.
        Source.objects.filter(pk=ledger.source.pk).update(
            link_status=status, link_status_since=captured_at
        )
        body = reader.get(url).content.decode()
        assert "1" * 64 in body, status  # the newest copy
        assert "0" * 64 in body, status  # and the earlier one
        left = [text for text in originals if text in body]
        assert left == [], f"{url} ({status}) still says, in English: {left}"
        if status == LinkStatus.GONE:
            assert gone in body


def test_arabic_pages_read_right_to_left_and_the_others_left_to_right(reader, ledger):
    assert '<html lang="ar" dir="rtl">' in reader.get("/ar/").content.decode()
    assert '<html lang="fr" dir="ltr">' in reader.get("/fr/").content.decode()
    assert '<html lang="en" dir="ltr">' in reader.get("/").content.decode()


def test_english_stays_at_the_unprefixed_addresses_whatever_the_browser_prefers(reader, ledger):
    response = reader.get(ledger.claim.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr,ar;q=0.8")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert reader.get("/en/claims/").status_code == 404


def test_each_page_links_to_itself_in_every_language_and_names_the_alternates(reader, ledger):
    with translation.override("fr"):
        url = ledger.claim.get_absolute_url()
    html = reader.get(url).content.decode()
    slug_path = f"/claims/{ledger.claim.slug}/"
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{slug_path}">' in html
    assert f'hreflang="fr" href="http://testserver/fr{slug_path}"' in html
    assert f'hreflang="ar" href="http://testserver/ar{slug_path}"' in html
    assert f'hreflang="x-default" href="http://testserver{slug_path}"' in html
    switcher = html[html.index('class="languages"') :]
    assert f'href="/ar{slug_path}" lang="ar" hreflang="ar" dir="rtl">العربية</a>' in switcher
    assert (
        f'href="/fr{slug_path}" lang="fr" hreflang="fr" dir="ltr" aria-current="true"' in switcher
    )


def test_the_switcher_keeps_the_search_a_reader_typed(reader, ledger):
    html = reader.get("/fr/claims/?q=h%C3%A9licopt%C3%A8re").content.decode()
    assert 'href="/ar/claims/?q=h%C3%A9licopt%C3%A8re"' in html


def test_dates_are_written_in_the_readers_language_at_their_precision(reader, ledger):
    with translation.override("fr"):
        french = reader.get(ledger.claim.get_absolute_url()).content.decode()
    with translation.override("ar"):
        arabic = reader.get(ledger.claim.get_absolute_url()).content.decode()
    # The ledger's statements were said on 1 and 2 February 2025.
    assert "1 février 2025" in french
    assert "February 2025" not in french
    assert "1 فبراير 2025" in arabic
    assert "February 2025" not in arabic


def test_stances_verdicts_and_positions_read_in_french(reader, ledger):
    with translation.override("fr"):
        html = reader.get(ledger.claim.get_absolute_url()).content.decode()
    assert "Qui dit quoi" in html
    assert "Pour l'allégation" in html
    assert ">dément<" in html
    assert "Non vérifiée" in html


def test_a_name_in_arabic_script_is_searched_and_filtered_without_an_error(reader, ledger):
    for url in ("/ar/claims/?q=الجيش المالي", "/ar/claims/?actor=الجيش المالي", "/ar/actors/"):
        response = reader.get(url)
        assert response.status_code in (200, 400), url
    errors = reader.get("/ar/claims/?actor=الجيش").content.decode()
    assert "لا يوجد طرف بهذا المعرّف" in errors


def test_a_missing_page_is_in_the_readers_language_and_repeats_no_address(reader, ledger):
    response = reader.get("/fr/claims/no-such-claim/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page introuvable" in html
    assert "no-such-claim" not in html
    assert 'href="/ar/"' in html
