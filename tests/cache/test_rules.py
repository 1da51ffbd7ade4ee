"""The response cache's rules (``core.response_cache``, ``claims.cache_versions``): the public's
answers are served from the cache and revalidated from the data version alone (one query: the
versions are read from the database, ``core.dataversions``); drafts, staff previews and token
holders' answers never enter it or come out of it; every write the public could see changes the
version."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from claims import services
from claims.models import Claim
from core import response_cache
from tests.commits import run_deferred_triggers
from tests.factories import ClaimFactory, StatementFactory
from tests.ledger import SECRET

LIST = reverse("claims:claim-list")
API_LIST = "/api/v1/claims/"


def api_detail(claim) -> str:
    return f"/api/v1/claims/{claim.pk}/"


def behind_the_caches_back(claim, **fields) -> None:
    """A write no signal sees (``QuerySet.update``): the database's triggers still see it, at
    the commit (on PostgreSQL; run here)."""
    Claim.objects.filter(pk=claim.pk).update(**fields)
    run_deferred_triggers()


# The one query a cached answer or a 304 costs: the data versions, read from the database.
VERSION_READ = 1


# Served from the cache, revalidated from the version ---------------------------------------------


@pytest.mark.parametrize("path", [LIST, "/", "/claims/helicopter/", "/actors/", "/feeds/claims/"])
def test_a_page_is_answered_304_from_its_version_alone(
    reader, ledger, path, django_assert_num_queries
):
    first = reader.get(path)
    assert first.status_code == 200
    assert first["ETag"].startswith('W/"')
    with django_assert_num_queries(VERSION_READ):
        again = reader.get(path, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert again.content == b""
    assert "no-cache" in again["Cache-Control"]


@pytest.mark.parametrize("path", [LIST, "/claims/helicopter/", "/sitemap.xml"])
def test_a_page_is_served_from_the_cache_after_reading_its_version(
    reader, ledger, path, django_assert_num_queries
):
    first = reader.get(path)
    with django_assert_num_queries(VERSION_READ):
        again = reader.get(path)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.parametrize("path", [API_LIST, "/api/v1/actors/", "/api/v1/claims/?format=csv"])
def test_an_api_list_is_answered_304_and_from_the_cache_after_reading_its_version(
    api, ledger, path, django_assert_num_queries
):
    first = api.get(path)
    assert first.status_code == 200
    with django_assert_num_queries(2 * VERSION_READ):
        not_modified = api.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
        again = api.get(path)
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == first["ETag"]
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["ETag"] == first["ETag"]


def test_a_claims_api_detail_keeps_its_row_version_in_the_etag(
    api, ledger, django_assert_num_queries
):
    first = api.get(api_detail(ledger.claim))
    version, _, _digest = first["ETag"].strip('"').partition("-")
    assert version == str(Claim.objects.get(pk=ledger.claim.pk).version)
    with django_assert_num_queries(VERSION_READ):
        again = api.get(api_detail(ledger.claim), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_the_key_holds_the_format_and_the_language(api, reader, ledger):
    json = api.get(api_detail(ledger.claim))
    review = api.get(api_detail(ledger.claim), {"format": "claimreview"})
    assert review["Content-Type"].startswith("application/ld+json")
    assert review["ETag"] != json["ETag"]
    english = reader.get(LIST, headers={"accept-language": "en"})
    french = reader.get(LIST, headers={"accept-language": "fr"})
    assert english["ETag"] != french["ETag"]
    # An ETag of one variant does not revalidate another.
    assert reader.get(LIST, headers={"if-none-match": english["ETag"]}).status_code == 200


def test_an_error_is_never_stored(reader, ledger, django_assert_max_num_queries):
    assert reader.get(LIST, {"verdict": "bogus"}).status_code == 400
    with django_assert_max_num_queries(50) as queries:
        assert reader.get(LIST, {"verdict": "bogus"}).status_code == 400
    assert len(queries) > 0
    assert reader.get("/claims/no-such-claim/").status_code == 404
    with django_assert_max_num_queries(50) as queries:
        assert reader.get("/claims/no-such-claim/").status_code == 404
    assert len(queries) > 0


def test_an_answer_that_sets_a_cookie_or_is_private_is_not_stored():
    request = RequestFactory().get("/claims/")
    plain = HttpResponse(b"x")
    assert response_cache.storable(request, plain)
    with_cookie = HttpResponse(b"x")
    with_cookie.set_cookie("csrftoken", "abc")
    private = HttpResponse(b"x", headers={"Cache-Control": "private"})
    assert not response_cache.storable(request, with_cookie)
    assert not response_cache.storable(request, private)
    assert not response_cache.storable(request, HttpResponse(b"x", status=201))
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not response_cache.storable(request, plain)


# Never a draft, a staff preview or a token holder's answer -------------------------------------


def test_a_staff_preview_is_never_stored_nor_served_to_the_public(reader, editor, ledger):
    url = ledger.draft.get_absolute_url()
    preview = editor.get(url)
    assert preview.status_code == 200
    assert SECRET in preview.content.decode()
    assert reader.get(url).status_code == 404
    assert reader.get(url).status_code == 404


def test_a_signed_in_reader_is_never_served_from_the_cache(
    reader, editor, ledger, django_assert_num_queries, django_assert_max_num_queries
):
    url = ledger.claim.get_absolute_url()
    public = reader.get(url)
    with django_assert_num_queries(VERSION_READ):
        assert reader.get(url).content == public.content  # the public: from the cache
    with django_assert_max_num_queries(100) as queries:
        staff = editor.get(url)  # rendered for staff
    assert len(queries) > VERSION_READ + 1
    assert staff.status_code == 200
    assert staff["ETag"] != public["ETag"]
    assert editor.get(url, headers={"if-none-match": public["ETag"]}).status_code != 304


def test_a_staff_page_is_not_stored_for_the_public(
    reader, editor, ledger, django_assert_max_num_queries
):
    url = ledger.claim.get_absolute_url()
    editor.get(url)
    with django_assert_max_num_queries(100) as queries:
        assert reader.get(url).status_code == 200
    assert len(queries) > VERSION_READ  # rendered for the public, not served staff's page


def test_a_token_holders_reads_never_enter_or_leave_the_cache(
    api, editor_api, ledger, django_assert_num_queries, django_assert_max_num_queries
):
    with_drafts = editor_api.get(API_LIST)
    assert SECRET in with_drafts.content.decode()  # a newsroom token lists drafts
    public = api.get(API_LIST)
    assert SECRET not in public.content.decode()
    with django_assert_num_queries(VERSION_READ):
        assert api.get(API_LIST).content == public.content  # the public: from the cache
    with django_assert_max_num_queries(100) as queries:
        again = editor_api.get(API_LIST)
    assert len(queries) > VERSION_READ + 2  # the token's user, then the list itself
    assert SECRET in again.content.decode()
    assert editor_api.get(API_LIST, HTTP_IF_NONE_MATCH=public["ETag"]).status_code == 200
    draft = editor_api.get(api_detail(ledger.draft))
    assert draft.status_code == 200
    assert api.get(api_detail(ledger.draft)).status_code == 404


def test_a_draft_is_never_cached(api, reader, ledger, editor_user, committed):
    url = ledger.draft.get_absolute_url()
    assert reader.get(url).status_code == 404
    assert api.get(api_detail(ledger.draft)).status_code == 404
    with committed():
        services.publish_now(claim=Claim.objects.get(pk=ledger.draft.pk), by=editor_user)
    assert reader.get(url).status_code == 200
    assert api.get(api_detail(ledger.draft)).status_code == 200


# Every write the public could see changes the version -----------------------------------------


def test_publishing_changes_the_lists_and_the_home_page(
    api, reader, ledger, editor_user, committed
):
    pages = {path: reader.get(path) for path in (LIST, "/", "/feeds/claims/")}
    listed = api.get(API_LIST)
    draft = ClaimFactory(text="A claim published just now", slug="just-now")
    with committed():
        services.publish_now(claim=draft, by=editor_user)
    for path, before in pages.items():
        after = reader.get(path, headers={"if-none-match": before["ETag"]})
        assert after.status_code == 200, path
        assert "A claim published just now" in after.content.decode(), path
    after = api.get(API_LIST, HTTP_IF_NONE_MATCH=listed["ETag"])
    assert after.status_code == 200
    assert "A claim published just now" in after.content.decode()


def test_a_correction_changes_the_claims_page_and_detail(
    api, reader, ledger, editor_user, committed
):
    page = reader.get(ledger.claim.get_absolute_url())
    detail = api.get(api_detail(ledger.claim))
    claim = Claim.objects.get(pk=ledger.claim.pk)
    claim.text = "An FLA drone downed a Malian army helicopter"
    with committed():
        services.edit_claim(claim=claim, by=editor_user, correction_note="Wording.")
    new_page = reader.get(claim.get_absolute_url(), headers={"if-none-match": page["ETag"]})
    assert new_page.status_code == 200
    assert "An FLA drone downed" in new_page.content.decode()
    new_detail = api.get(api_detail(claim), HTTP_IF_NONE_MATCH=detail["ETag"])
    assert new_detail.status_code == 200
    assert new_detail.json()["text"] == "An FLA drone downed a Malian army helicopter"


def test_a_withdrawal_changes_the_page_and_leaves_the_lists(
    api, reader, ledger, editor_user, committed
):
    page = reader.get(ledger.rival.get_absolute_url())
    listed = reader.get(LIST)
    api_listed = api.get(API_LIST)
    assert "The army intercepted a terrorist drone" in listed.content.decode()
    with committed():
        services.withdraw(
            claim=Claim.objects.get(pk=ledger.rival.pk), by=editor_user, reason="Unsourced."
        )
    assert "Unsourced." in reader.get(ledger.rival.get_absolute_url()).content.decode()
    assert reader.get(ledger.rival.get_absolute_url()).content != page.content
    assert "The army intercepted a terrorist drone" not in reader.get(LIST).content.decode()
    assert api.get(API_LIST).content != api_listed.content
    # The claim it is related to shows the withdrawal too (shared version).
    assert reader.get(ledger.claim.get_absolute_url()).status_code == 200


def test_a_return_to_draft_takes_a_claim_out_of_the_cache(
    api, reader, ledger, editor_user, committed
):
    claim = ClaimFactory(text="Under review", slug="under-review", status="in_review")
    assert reader.get(claim.get_absolute_url()).status_code == 404
    with committed():
        services.publish_now(claim=claim, by=editor_user)
    assert reader.get(claim.get_absolute_url()).status_code == 200
    assert api.get(api_detail(claim)).status_code == 200
    # Staff put it back in review behind the workflow's back: the site follows once it commits.
    with committed():
        claim.refresh_from_db()
        claim.status = "in_review"
        claim.save()
    assert reader.get(claim.get_absolute_url()).status_code == 404
    assert api.get(api_detail(claim)).status_code == 404


def test_an_actor_edit_changes_every_page_that_shows_it(reader, api, ledger, committed):
    page = reader.get(ledger.claim.get_absolute_url())
    detail = api.get(api_detail(ledger.claim))
    with committed():
        ledger.army.name = "Malian Armed Forces"
        ledger.army.save()
    again = reader.get(ledger.claim.get_absolute_url(), headers={"if-none-match": page["ETag"]})
    assert again.status_code == 200
    assert "Malian Armed Forces" in again.content.decode()
    assert api.get(api_detail(ledger.claim), HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 200
    assert "Malian Armed Forces" in reader.get("/actors/").content.decode()


def test_a_statement_changes_its_claim_and_the_lists_but_not_another_claims_page(
    reader, api, ledger, committed, django_assert_num_queries
):
    rival = reader.get(ledger.rival.get_absolute_url())
    rival_detail = api.get(api_detail(ledger.rival))
    page = reader.get(ledger.claim.get_absolute_url())
    listed = reader.get(LIST)
    with committed():
        StatementFactory(claim=ledger.claim, actor=ledger.army, paraphrase="A new position.")
    changed = reader.get(ledger.claim.get_absolute_url(), headers={"if-none-match": page["ETag"]})
    assert changed.status_code == 200
    assert "A new position." in changed.content.decode()
    assert reader.get(LIST, headers={"if-none-match": listed["ETag"]}).status_code == 200
    # The rival claim's page and detail hold nothing of another claim's statements.
    with django_assert_num_queries(2 * VERSION_READ):
        assert reader.get(ledger.rival.get_absolute_url()).content == rival.content
        not_modified = api.get(api_detail(ledger.rival), HTTP_IF_NONE_MATCH=rival_detail["ETag"])
    assert not_modified.status_code == 304


def test_a_statement_moved_to_another_claim_changes_both_pages(reader, ledger, committed):
    old_page = reader.get(ledger.claim.get_absolute_url())
    new_page = reader.get(ledger.rival.get_absolute_url())
    assert "Un drone terroriste" in old_page.content.decode()
    with committed():
        ledger.denial.claim = ledger.rival
        ledger.denial.save()
    assert "Un drone terroriste" not in reader.get(ledger.claim.get_absolute_url()).content.decode()
    assert "Un drone terroriste" in reader.get(ledger.rival.get_absolute_url()).content.decode()
    assert reader.get(ledger.rival.get_absolute_url()).content != new_page.content


def test_a_citation_changes_its_claims_page(reader, ledger, committed):
    page = reader.get(ledger.claim.get_absolute_url())
    citation = ledger.denial.citations.get()
    with committed():
        citation.locator = "para 44"
        citation.save()
    again = reader.get(ledger.claim.get_absolute_url(), headers={"if-none-match": page["ETag"]})
    assert again.status_code == 200
    assert "para 44" in again.content.decode()


def test_a_write_through_the_api_changes_the_version(api, editor_api, ledger, committed):
    detail = api.get(api_detail(ledger.claim))
    with committed():
        response = editor_api.patch(
            api_detail(ledger.claim),
            {"summary": "Since February.", "correction_note": "Dates."},
            format="json",
        )
    assert response.status_code == 200, response.content
    again = api.get(api_detail(ledger.claim), HTTP_IF_NONE_MATCH=detail["ETag"])
    assert again.status_code == 200
    assert again.json()["summary"] == "Since February."


def test_an_if_match_from_a_cached_answer_still_guards_a_write(api, editor_api, ledger):
    etag = api.get(api_detail(ledger.claim))["ETag"]
    assert api.get(api_detail(ledger.claim))["ETag"] == etag  # from the cache
    note = {"correction_note": "Summary."}  # the claim is public: its summary is substance
    first = editor_api.patch(
        api_detail(ledger.claim), {"summary": "First.", **note}, format="json", HTTP_IF_MATCH=etag
    )
    assert first.status_code == 200, first.content
    stale = editor_api.patch(
        api_detail(ledger.claim), {"summary": "Second.", **note}, format="json", HTTP_IF_MATCH=etag
    )
    assert stale.status_code == 412


# Lost versions ------------------------------------------------------------------------------------


def test_a_flushed_cache_never_serves_or_revalidates_stale_content(reader, ledger):
    url = ledger.claim.get_absolute_url()
    first = reader.get(url)
    behind_the_caches_back(ledger.claim, text="Changed while the cache was flushed")
    cache.clear()
    again = reader.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert "Changed while the cache was flushed" in again.content.decode()
    assert again["ETag"] != first["ETag"]


def test_a_non_canonical_id_is_not_cached(api, ledger, django_assert_max_num_queries):
    url = f"/api/v1/claims/0{ledger.claim.pk}/"
    first = api.get(url)
    with django_assert_max_num_queries(50) as queries:
        api.get(url, HTTP_IF_NONE_MATCH=first.get("ETag", '"x"'))
    assert len(queries) > 0


def test_the_cache_is_off_without_the_setting(reader, ledger, settings):
    settings.RESPONSE_CACHE = False
    first = reader.get(LIST)
    assert not first["ETag"].startswith("W/")  # a digest of the page, as before
    behind_the_caches_back(ledger.rival, text="Seen at once")
    assert "Seen at once" in reader.get(LIST).content.decode()
