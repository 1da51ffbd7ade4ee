"""The data versions come from the database's committed state (``core.dataversions``,
``claims.cache_versions``): triggers on every domain table bump them, so a write that no Python
code sees — a ``QuerySet.update``, raw SQL, a command, another process with another cache
prefix — changes the version of every answer it affects, and a withdrawal made while Redis is
down is never served as published once it returns."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.models import F

from claims import cache_versions, services
from claims.models import Claim, Statement
from config.settings import redis_cache
from core import dataversions, response_cache
from tests.commits import run_deferred_triggers

# Each database has its own triggers (PostgreSQL's deferred to commit, SQLite's immediate).
pytestmark = pytest.mark.engine_specific


def versions(*keys: str) -> dict[str, int]:
    """The versions as committed (on PostgreSQL, with what the test wrote before them)."""
    run_deferred_triggers()
    return dict(zip(keys, dataversions.read(keys)[1:], strict=True))


def keys_of(claim) -> list[str]:
    return [
        cache_versions.GLOBAL,
        cache_versions.SHARED,
        cache_versions.claim_key(claim.pk),
        cache_versions.claim_slug_key(claim.slug),
    ]


def changed(before: dict[str, int]) -> set[str]:
    after = versions(*before)
    return {key for key in before if after[key] != before[key]}


# Every table ---------------------------------------------------------------------------------


def test_every_domain_table_has_its_trigger(db):
    tables = {
        model._meta.db_table
        for label in ("claims", "actors", "sources")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    assert {"claims_claim_topics", "claims_historicalclaim", "claims_citation"} <= tables
    assert dataversions.installed() == tables
    assert dataversions.TABLE not in dataversions.installed()


def test_installing_again_is_harmless_and_moves_the_epoch(db):
    [epoch] = dataversions.read([])
    cache_versions.install_triggers()
    cache_versions.install_triggers()
    assert dataversions.read([])[0] != epoch
    assert len(dataversions.installed()) == len(cache_versions.domain_models())


# Writes no Python code sees ------------------------------------------------------------------


def test_a_queryset_update_changes_the_claims_versions_and_no_other_claims(ledger):
    before = versions(*keys_of(ledger.claim), cache_versions.claim_key(ledger.rival.pk))
    Claim.objects.filter(pk=ledger.claim.pk).update(text="Rewritten in bulk")
    run_deferred_triggers()
    assert changed(before) == set(keys_of(ledger.claim))


def test_a_raw_sql_update_of_a_statement_changes_its_claims_version_only(ledger):
    before = versions(*keys_of(ledger.claim), cache_versions.claim_key(ledger.rival.pk))
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_statement SET paraphrase = %s WHERE id = %s",
            ["Changed by hand", ledger.denial.pk],
        )
    run_deferred_triggers()
    assert changed(before) == {
        cache_versions.GLOBAL,
        cache_versions.claim_key(ledger.claim.pk),
        cache_versions.claim_slug_key(ledger.claim.slug),
    }


def test_a_raw_sql_update_of_a_citation_changes_its_claims_version(ledger):
    before = versions(*keys_of(ledger.claim))
    citation = ledger.denial.citations.get()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE claims_citation SET locator = 'p. 9' WHERE id = %s", [citation.pk])
    run_deferred_triggers()
    assert changed(before) == {
        cache_versions.GLOBAL,
        cache_versions.claim_key(ledger.claim.pk),
        cache_versions.claim_slug_key(ledger.claim.slug),
    }


def test_a_statement_moved_to_another_claim_changes_both_claims(ledger):
    before = versions(*keys_of(ledger.claim), *keys_of(ledger.rival))
    Statement.objects.filter(pk=ledger.denial.pk).update(claim=ledger.rival)
    run_deferred_triggers()
    both = set(keys_of(ledger.claim) + keys_of(ledger.rival))
    assert changed(before) == both - {cache_versions.SHARED}


def test_an_actor_edit_changes_the_shared_version(ledger):
    before = versions(
        cache_versions.GLOBAL, cache_versions.SHARED, cache_versions.claim_key(ledger.claim.pk)
    )
    with connection.cursor() as cursor:
        cursor.execute("UPDATE actors_actor SET name = 'FAMa' WHERE id = %s", [ledger.army.pk])
    run_deferred_triggers()
    assert changed(before) == {cache_versions.GLOBAL, cache_versions.SHARED}


def test_an_update_that_changes_nothing_bumps_nothing(ledger):
    before = versions(*keys_of(ledger.claim))
    Claim.objects.update(text=F("text"))
    Statement.objects.update(paraphrase=F("paraphrase"))
    run_deferred_triggers()
    assert changed(before) == set()


def test_a_new_statement_count_alone_leaves_other_claims_pages_in_place(ledger):
    before = versions(*keys_of(ledger.claim))
    Claim.objects.filter(pk=ledger.claim.pk).update(statement_count=F("statement_count") + 1)
    run_deferred_triggers()
    assert changed(before) == set(keys_of(ledger.claim)) - {cache_versions.SHARED}


def test_refresh_derived_and_a_search_rebuild_change_the_versions(ledger):
    with connection.cursor() as cursor:  # drift, made by hand
        cursor.execute(
            "UPDATE claims_claim SET statement_count = 99 WHERE id = %s", [ledger.claim.pk]
        )
    run_deferred_triggers()
    before = versions(*keys_of(ledger.claim))
    call_command("refresh_derived")
    run_deferred_triggers()
    assert cache_versions.claim_key(ledger.claim.pk) in changed(before)
    with connection.cursor() as cursor:  # a stale search document
        cursor.execute(
            "UPDATE claims_claimsearchdocument SET title = 'stale' WHERE claim_id = %s",
            [ledger.claim.pk],
        )
    run_deferred_triggers()
    before = versions(*keys_of(ledger.claim))
    call_command("rebuild_search_index")
    run_deferred_triggers()
    assert {cache_versions.GLOBAL, cache_versions.claim_key(ledger.claim.pk)} <= changed(before)


# What the public is served ---------------------------------------------------------------------


def test_a_queryset_update_is_served_at_once(reader, api, ledger):
    page = reader.get(ledger.claim.get_absolute_url())
    detail = api.get(f"/api/v1/claims/{ledger.claim.pk}/")
    Claim.objects.filter(pk=ledger.claim.pk).update(text="Rewritten behind the services")
    run_deferred_triggers()
    again = reader.get(ledger.claim.get_absolute_url(), headers={"if-none-match": page["ETag"]})
    assert again.status_code == 200
    assert "Rewritten behind the services" in again.content.decode()
    fresh = api.get(f"/api/v1/claims/{ledger.claim.pk}/", HTTP_IF_NONE_MATCH=detail["ETag"])
    assert fresh.status_code == 200
    assert fresh.json()["text"] == "Rewritten behind the services"


def test_a_write_made_under_another_cache_prefix_is_served_at_once(
    reader, ledger, editor_user, committed, settings
):
    ours = settings.CACHES
    listed = reader.get("/claims/")
    assert ledger.rival.text in listed.content.decode()
    settings.CACHES = {"default": {**ours["default"], "KEY_PREFIX": "another-deployment"}}
    with committed():
        services.withdraw(
            claim=Claim.objects.get(pk=ledger.rival.pk), by=editor_user, reason="Unsourced."
        )
    settings.CACHES = ours
    again = reader.get("/claims/", headers={"if-none-match": listed["ETag"]})
    assert again.status_code == 200
    assert ledger.rival.text not in again.content.decode()


def test_a_claim_withdrawn_while_redis_is_down_is_never_served_as_published(
    reader, api, ledger, editor_user, committed, settings, redis
):
    settings.CACHES = {"default": {**redis_cache(redis.url), "KEY_PREFIX": "blip"}}
    response_cache.reset_availability()
    claim = ledger.rival
    paths = [
        claim.get_absolute_url(),
        "/claims/",
        "/feeds/claims/",
        "/api/v1/claims/",
        f"/api/v1/claims/{claim.pk}/",
    ]
    served = {path: (reader if path[:5] != "/api/" else api).get(path) for path in paths}
    assert all(r.status_code == 200 for r in served.values())
    assert all(claim.text in r.content.decode() for r in served.values())

    redis.stop()
    with committed():
        services.withdraw(claim=Claim.objects.get(pk=claim.pk), by=editor_user, reason="Unsourced.")
    redis.start()  # empty: a restart. Then again with the old answers still in it.
    response_cache.reset_availability()

    for path in paths:
        client = reader if path[:5] != "/api/" else api
        again = client.get(path, headers={"if-none-match": served[path]["ETag"]})
        assert again.status_code == 200, path
        assert again["ETag"] != served[path]["ETag"], path
    assert "Unsourced." in reader.get(claim.get_absolute_url()).content.decode()
    assert claim.text not in reader.get("/claims/").content.decode()
    assert claim.text not in api.get("/api/v1/claims/").content.decode()
    assert claim.text not in reader.get("/feeds/claims/").content.decode()
    assert api.get(f"/api/v1/claims/{claim.pk}/").json()["status"] == "withdrawn"
