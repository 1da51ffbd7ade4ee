"""What a language changes beyond the page: the response cache keeps each language's answer
apart, the sitemap lists every page in every language, the API speaks English unless asked
otherwise, and the newsroom follows its address too."""

from __future__ import annotations

import uuid

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def response_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"i18n-response-cache-{uuid.uuid4().hex}",
        }
    }
    settings.RESPONSE_CACHE = True


@pytest.mark.parametrize("path", ["/", "/claims/", "/methodology/", "/feeds/claims/"])
def test_the_response_cache_never_serves_one_languages_page_for_another(
    reader, ledger, response_cache, path
):
    english = reader.get(path)
    french = reader.get(f"/fr{path}")
    # Both stored now: each address is answered from the cache in its own language.
    assert reader.get(path).content == english.content
    assert reader.get(f"/fr{path}").content == french.content
    assert english.content != french.content
    assert english["ETag"] != french["ETag"]
    assert "Contested: new and updated claims" in english.content.decode()
    assert "Contested : allégations nouvelles et mises à jour" in french.content.decode()


def test_the_api_cache_keeps_each_accept_language_apart(api_reader, ledger, response_cache):
    url = reverse("api:claim-list") + "?verdict=bogus"
    # Errors are not stored; a list is, and its body is the same in any language (data is not
    # translated) but its headers say which language the messages were in.
    english = api_reader.get(reverse("api:claim-list"))
    french = api_reader.get(reverse("api:claim-list"), HTTP_ACCEPT_LANGUAGE="fr")
    assert english["Content-Language"] == "en"
    assert french["Content-Language"] == "fr"
    assert english["ETag"] != french["ETag"]
    assert api_reader.get(url, HTTP_ACCEPT_LANGUAGE="fr").status_code == 400


def test_the_sitemap_lists_every_page_in_every_language_with_its_alternates(reader, ledger):
    assert "/sitemap-claims.xml</loc>" in reader.get("/sitemap.xml").content.decode()
    xml = reader.get("/sitemap-claims.xml").content.decode()
    path = ledger.claim.get_absolute_url()
    for prefix in ("", "/fr", "/ar"):
        assert f"<loc>http://testserver{prefix}{path}</loc>" in xml
    assert f'hreflang="ar" href="http://testserver/ar{path}"' in xml
    assert f'hreflang="x-default" href="http://testserver{path}"' in xml


@pytest.fixture
def api_reader():
    from rest_framework.test import APIClient

    return APIClient()


def test_the_api_answers_in_english_by_default_and_follows_accept_language(api_reader, ledger):
    url = reverse("api:claim-list")
    english = api_reader.get(url, {"actor": "nobody-by-that-name"})
    assert english.status_code == 200  # the API gives an empty list for an unknown actor
    bad = api_reader.get(url, {"verdict": "bogus"})
    french = api_reader.get(url, {"verdict": "bogus"}, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    arabic = api_reader.get(url, {"verdict": "bogus"}, HTTP_ACCEPT_LANGUAGE="ar")
    assert bad.status_code == french.status_code == arabic.status_code == 400
    assert "valid choice" in str(bad.json())
    assert "Sélectionnez un choix valide" in str(french.json())
    assert bad["Content-Language"] == "en"
    assert french["Content-Language"] == "fr"
    assert arabic["Content-Language"] == "ar"
    assert "Accept-Language" in bad["Vary"]


def test_the_api_keeps_one_address_and_links_to_the_page_in_the_language_asked_for(
    api_reader, ledger
):
    url = reverse("api:claim-detail", args=[ledger.claim.pk])
    assert url.startswith("/api/v1/")
    english = api_reader.get(url).json()
    french = api_reader.get(url, HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french["text"] == english["text"] == ledger.claim.text
    assert english["html_url"] == f"http://testserver/claims/{ledger.claim.slug}/"
    assert french["html_url"] == f"http://testserver/fr/claims/{ledger.claim.slug}/"
    assert french["url"] == english["url"]
    assert api_reader.get("/fr/api/v1/claims/").status_code == 404


def test_an_unknown_or_wild_accept_language_is_english(api_reader, ledger):
    url = reverse("api:claim-list")
    for header in ("bm-ML", "*", "x;q=abc,,", "ar-" + "x" * 300):
        response = api_reader.get(url, HTTP_ACCEPT_LANGUAGE=header)
        assert response.status_code == 200, header
        assert response["Content-Language"] in ("en", "ar"), header


def test_the_newsroom_is_in_french_and_arabic_under_their_prefixes(editor, ledger):
    french = editor.get("/fr/admin/")
    arabic = editor.get("/ar/admin/")
    assert french.status_code == arabic.status_code == 200
    assert '<html lang="fr"' in french.content.decode()
    assert "Déconnexion" in french.content.decode()
    assert 'dir="rtl"' in arabic.content.decode()
    assert '<html lang="en"' in editor.get("/admin/").content.decode()
    with translation.override("fr"):
        assert reverse("admin:index") == "/fr/admin/"
