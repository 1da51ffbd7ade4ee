"""A claim's text and summary, a topic's name and an actor's description in each site language:
entered in the newsroom, shown in the reader's language when translated and as written
otherwise, marked when a machine translated them, found by search in any of them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import Actor
from claims.models import Claim, Topic
from core.translations import shown
from tests.factories import ActorFactory, ClaimFactory, SourceFactory, StatementFactory
from tests.workflow.forms import admin_url, page_data

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]

FRENCH_TEXT = "Un drone du FLA a abattu un hélicoptère de l'armée malienne"
FRENCH_SUMMARY = "L'armée affirme avoir intercepté un « drone terroriste »."


@pytest.fixture
def helicopter() -> Claim:
    claim = ClaimFactory(
        published=True,
        slug="helicopter",
        text="An FLA drone shot down a Malian army helicopter",
        summary="The army says it intercepted a terrorist drone.",
        translations={"fr": {"text": FRENCH_TEXT, "summary": FRENCH_SUMMARY, "method": "human"}},
    )
    StatementFactory(claim=claim)
    return claim


def test_an_editor_enters_a_french_translation_of_a_claim_in_the_admin(editor):
    claim = ClaimFactory(published=True, text="An FLA drone shot down a helicopter")
    url = admin_url(Claim, "change", claim.pk)
    page = editor.get(url)
    assert 'name="text_fr"' in page.content.decode()
    response = editor.post(
        url,
        page_data(page)
        | {"text_fr": FRENCH_TEXT, "summary_fr": FRENCH_SUMMARY, "translated_by_fr": "human"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert claim.translations == {
        "fr": {"text": FRENCH_TEXT, "summary": FRENCH_SUMMARY, "method": "human"}
    }
    assert claim.text == "An FLA drone shot down a helicopter"  # the original stays as written
    # The history keeps the change, in the project's language.
    assert "claim (français)" in claim.history.first().history_change_reason


def test_a_translation_in_the_claims_own_language_is_refused_at_its_box(editor):
    claim = ClaimFactory(text="An FLA drone shot down a helicopter")
    url = admin_url(Claim, "change", claim.pk)
    response = editor.post(url, page_data(editor.get(url)) | {"text_en": "A helicopter"})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "original language" in str(errors["text_en"])
    claim.refresh_from_db()
    assert claim.translations == {}


def test_a_french_claim_gets_its_english_translation_and_keeps_its_french(editor):
    claim = ClaimFactory(language="fr", text=FRENCH_TEXT, published=True)
    url = admin_url(Claim, "change", claim.pk)
    response = editor.post(
        url,
        page_data(editor.get(url))
        | {"text_en": "An FLA drone shot down a helicopter", "translated_by_en": "machine"},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert str(shown(claim, "text", "fr")) == FRENCH_TEXT
    assert shown(claim, "text", "en") == ("An FLA drone shot down a helicopter", "en", "machine")
    assert str(shown(claim, "text", "ar")) == FRENCH_TEXT  # no Arabic: the original


def test_topics_and_actors_take_translations_in_the_admin_too(editor):
    topic = Topic.objects.create(name="Drones", slug="drones")
    url = admin_url(Topic, "change", topic.pk)
    response = editor.post(url, page_data(editor.get(url)) | {"name_fr": "Drones armés"})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert str(shown(topic, "name", "fr")) == "Drones armés"
    actor = ActorFactory(description="A coalition of armed groups.")
    url = admin_url(Actor, "change", actor.pk)
    response = editor.post(
        url, page_data(editor.get(url)) | {"description_ar": "تحالف جماعات مسلحة."}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    actor.refresh_from_db()
    assert str(shown(actor, "description", "ar")) == "تحالف جماعات مسلحة."


def test_the_newsroom_names_models_and_fields_in_french_and_arabic(editor):
    # The names Django derives from the class and field names (claims/, actors/, sources/
    # models): in the newsroom's language, and as they were in English.
    add_claim = editor.get("/fr/admin/claims/claim/add/").content.decode()
    assert "<h1>Ajout de allégation</h1>" in add_claim
    assert "<title>Ajout de allégation |" in add_claim
    assert "Ajout de claim" not in add_claim
    source = SourceFactory(byline="Jane Doe")
    french = editor.get(f"/fr/admin/sources/source/{source.pk}/change/").content.decode()
    assert "Modification de source |" in french
    assert '<label for="id_byline">Signature\xa0:</label>' in french
    assert '<label class="required" for="id_title">Titre\xa0:</label>' in french
    assert '<label for="id_published_on">Date de publication\xa0:</label>' in french
    assert ">Byline:</label>" not in french
    arabic = editor.get(f"/ar/admin/sources/source/{source.pk}/change/").content.decode()
    assert "تعديل المصدر |" in arabic
    assert '<label for="id_byline">الكاتب:</label>' in arabic
    assert '<label class="required" for="id_outlet">الوسيلة الإعلامية:</label>' in arabic
    english = editor.get("/admin/claims/claim/add/").content.decode()
    assert "<h1>Add claim</h1>" in english
    english = editor.get(f"/admin/sources/source/{source.pk}/change/").content.decode()
    assert '<label for="id_byline">Byline:</label>' in english


def test_the_newsroom_names_its_sections_and_shared_fields_in_its_language(editor):
    index = editor.get("/fr/admin/").content.decode()
    assert "Médias et sources" in index
    assert "Outlets and sources" not in index
    add_claim = editor.get("/fr/admin/claims/claim/add/").content.decode()
    assert ">Notes internes\xa0:</label>" in add_claim
    assert "visible dans l’administration seulement, jamais publié" in add_claim
    assert "Précision" in add_claim
    arabic = editor.get("/ar/admin/").content.decode()
    assert "الوسائل الإعلامية والمصادر" in arabic


@pytest.mark.parametrize(
    ("translations", "message"),
    [
        ({"de": {"text": "Ein Drohne"}}, "not one of the site's languages"),
        ({"fr": {"verdict": "vrai"}}, "Only text, summary can be translated"),
        ({"fr": {"text": "x" * 301}}, "at most 300"),
        ({"fr": {"text": "Un drone", "method": "guess"}}, "Say who translated"),
        ({"en": {"text": "A drone"}}, "original language"),
        ([], "object of languages"),
    ],
)
def test_a_bad_translation_is_a_clear_error(translations, message):
    claim = ClaimFactory.build(text="A drone", slug="a-drone", translations=translations)
    with pytest.raises(ValidationError) as error:
        claim.full_clean(exclude=["topics"])
    assert message in str(error.value.message_dict["translations"])


def test_a_french_reader_reads_the_claim_in_french_and_an_arabic_reader_the_original(
    reader, helicopter
):
    french = reader.get("/fr/claims/helicopter/").content.decode()
    assert FRENCH_TEXT.replace("'", "&#x27;") in french
    assert '<h1 id="claim-title" dir="auto" lang="fr">' in french
    assert "Traduit par la rédaction à partir de l'original en anglais." in french
    assert "An FLA drone shot down a Malian army helicopter" in french  # the original, folded
    arabic = reader.get("/ar/claims/helicopter/").content.decode()
    assert '<h1 id="claim-title" dir="auto" lang="en">An FLA drone' in arabic
    english = reader.get("/claims/helicopter/").content.decode()
    assert FRENCH_TEXT.replace("'", "&#x27;") not in english


def test_lists_and_feeds_show_the_readers_language_without_more_queries(reader, helicopter):
    with CaptureQueriesContext(connection) as english:
        reader.get("/claims/")
    with CaptureQueriesContext(connection) as french:
        page = reader.get("/fr/claims/")
    assert len(french.captured_queries) == len(english.captured_queries)
    assert FRENCH_TEXT.replace("'", "&#x27;") in page.content.decode()
    assert "Un drone du FLA a abattu" in reader.get("/fr/feeds/claims/").content.decode()


def test_a_machine_translation_says_so(reader, helicopter):
    helicopter.translations["fr"]["method"] = "machine"
    helicopter.save()
    assert "Traduction automatique" in reader.get("/fr/claims/helicopter/").content.decode()


def test_the_api_gives_the_original_language_and_every_translation(reader, helicopter):
    body = reader.get(f"/api/v1/claims/{helicopter.pk}/").json()
    assert body["language"] == "en"
    assert body["translations"]["fr"]["text"] == FRENCH_TEXT
    listed = reader.get("/api/v1/claims/").json()["results"][0]
    assert listed["translations"]["fr"]["method"] == "human"


@pytest.mark.parametrize("query", ["hélicoptère", "terroriste", "intercepté"])
def test_search_finds_a_claim_by_the_words_of_its_translation(reader, helicopter, query):
    from claims.search import search_claims

    assert [c.slug for c in search_claims(Claim.objects.all(), query)] == ["helicopter"]
    assert reader.get("/api/v1/claims/", {"q": query}).json()["results"][0]["slug"] == "helicopter"


def test_a_drafts_translation_is_seen_nowhere(reader):
    ClaimFactory(
        slug="draft", text="Draft claim", translations={"fr": {"text": "Brouillon secret zq"}}
    )
    for url in ("/fr/claims/", "/fr/claims/?q=zq", "/fr/feeds/claims/", "/api/v1/claims/?q=zq"):
        assert "Brouillon secret" not in reader.get(url).content.decode(), url


def test_the_demo_claims_carry_the_newsrooms_french_translations(reader):
    from demo.load import load_demo

    load_demo()
    for claim in Claim.objects.all():
        french = claim.translations["fr"]
        assert french["text"], claim.slug
        assert french["method"] == "human", claim.slug
        assert bool(french.get("summary")) == bool(claim.summary), claim.slug
    page = reader.get("/fr/claims/fla-drone-shot-down-malian-army-helicopter/").content.decode()
    assert "Un drone du FLA a abattu un hélicoptère de l&#x27;armée malienne" in page
    assert "février 2025" in page
    assert "Conflit au Mali" in page


def test_a_ledger_carries_each_records_language_and_translations(helicopter):
    # The way back is the demo's byte-for-byte round trip (tests/ledgers/test_round_trip.py):
    # the demo's claims and topics carry French translations.
    from tests.ledgers.conftest import exported

    Topic.objects.create(name="Drones", slug="drones", translations={"fr": {"name": "Les drones"}})
    _text, ledger = exported()
    (claim,) = [c for c in ledger["claims"] if c["slug"] == "helicopter"]
    assert claim["language"] == "en"
    assert claim["translations"]["fr"] == {
        "text": FRENCH_TEXT,
        "summary": FRENCH_SUMMARY,
        "method": "human",
    }
    (topic,) = [t for t in ledger["topics"] if t["slug"] == "drones"]
    assert topic["translations"] == {"fr": {"name": "Les drones"}}


@pytest.mark.parametrize(
    ("translations", "message"),
    [
        ([], "object of languages"),
        ({"de": {"text": "Eine Drohne"}}, "not one of the site's languages"),
        ({"fr": {"text": 5}}, "as text"),
    ],
)
def test_a_tool_writes_translations_through_the_api_or_gets_a_400_naming_them(
    editor_user, translations, message
):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor_user)}")
    good = api.post(
        "/api/v1/claims/",
        {"text": "A drone", "language": "en", "translations": {"fr": {"text": "Un drone"}}},
        format="json",
    )
    assert good.status_code == 201, good.content
    assert Claim.objects.get(text="A drone").translations == {
        "fr": {"text": "Un drone", "method": "human"}
    }
    bad = api.post(
        "/api/v1/claims/", {"text": "Another drone", "translations": translations}, format="json"
    )
    assert bad.status_code == 400
    assert message in bad.json()["translations"][0]
    assert not Claim.objects.filter(text="Another drone").exists()
