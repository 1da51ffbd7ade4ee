"""No lost edits: a save made from an older version is refused, shows both versions, and
overwrites nothing — one at a time, and with many editors saving at once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from claims.concurrency import StaleEdit
from claims.models import Claim, Statement
from tests.factories import ClaimFactory, StatementFactory
from tests.workflow.forms import admin_url, page_data

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite's shared in-memory test database raises 'table is locked' instead of making "
    "concurrent writers wait, so threads cannot race there; the conditional UPDATE itself is "
    "the same SQL and is tested one save at a time on both databases.",
)


@pytest.mark.django_db
def test_saving_an_older_version_of_a_claim_raises_and_writes_nothing():
    claim = ClaimFactory(summary="first")
    mine, theirs = Claim.objects.get(pk=claim.pk), Claim.objects.get(pk=claim.pk)
    theirs.summary = "theirs"
    theirs.save()
    mine.summary = "mine"
    with pytest.raises(StaleEdit) as conflict:
        mine.save()
    assert conflict.value.saved().summary == "theirs"
    assert Claim.objects.get().summary == "theirs"
    assert Claim.objects.get().version == 2
    assert claim.history.count() == 2


@pytest.mark.django_db
def test_every_save_moves_the_version_on():
    statement = StatementFactory()
    assert statement.version == 1
    statement.save()
    statement.save(update_fields=["quote"])
    assert Statement.objects.get().version == 3


# In the admin -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_stale_claim_form_shows_both_versions_and_overwrites_nothing(editor):
    claim = ClaimFactory(summary="The FLA said so.")
    url = admin_url(Claim, "change", claim.pk)
    mine = page_data(editor.get(url))
    theirs = page_data(editor.get(url))
    assert editor.post(url, theirs | {"summary": "The FLA said so on Telegram."}).status_code == 302

    response = editor.post(url, mine | {"summary": "The FLA said so on X."})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Your changes were not saved" in page
    assert "The FLA said so on X." in page, "your version"
    assert "The FLA said so on Telegram." in page, "the saved version"
    assert Claim.objects.get().summary == "The FLA said so on Telegram."


@pytest.mark.django_db
def test_a_stale_statement_inline_rolls_back_the_whole_page(editor):
    claim = ClaimFactory(summary="before")
    StatementFactory(claim=claim, paraphrase="The army denied it.")
    url = admin_url(Claim, "change", claim.pk)
    mine = page_data(editor.get(url))
    theirs = page_data(editor.get(url))
    theirs["statements-0-paraphrase"] = "The army denied it on state TV."
    assert editor.post(url, theirs).status_code == 302

    response = editor.post(
        url, mine | {"summary": "after", "statements-0-paraphrase": "The army denied it twice."}
    )
    assert response.status_code == 409
    assert Statement.objects.get().paraphrase == "The army denied it on state TV."
    assert Claim.objects.get().summary == "before", "the claim's part of the page is not saved"


@pytest.mark.django_db
def test_a_form_that_changes_nothing_is_not_a_conflict(editor):
    claim = ClaimFactory()
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url))
    Claim.objects.get(pk=claim.pk).save()  # someone saves without changing anything
    assert editor.post(url, data).status_code == 302


@pytest.mark.django_db
def test_a_stale_statement_form_on_its_own_page_is_a_conflict(editor):
    statement = StatementFactory(paraphrase="first")
    url = admin_url(Statement, "change", statement.pk)
    mine = page_data(editor.get(url))
    fresh = Statement.objects.get()
    fresh.paraphrase = "theirs"
    fresh.save()
    assert editor.post(url, mine | {"paraphrase": "mine"}).status_code == 409
    assert Statement.objects.get().paraphrase == "theirs"


# Many editors at once ---------------------------------------------------------------------------

EDITORS = 8


def _in_thread(work):
    def run(*args):
        try:
            return work(*args)
        finally:
            connections.close_all()

    return run


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_many_stale_saves_at_once_one_wins_and_the_rest_are_refused():
    claim = ClaimFactory(summary="start")
    barrier = threading.Barrier(EDITORS)

    @_in_thread
    def edit(n: int) -> bool:
        mine = Claim.objects.get(pk=claim.pk)
        barrier.wait()
        mine.summary = f"edit {n}"
        try:
            mine.save()
        except StaleEdit:
            return False
        return True

    with ThreadPoolExecutor(EDITORS) as pool:
        saved = list(pool.map(edit, range(EDITORS)))
    assert saved.count(True) == 1
    winner = saved.index(True)
    assert Claim.objects.get().summary == f"edit {winner}"
    assert Claim.objects.get().version == 2
    assert claim.history.count() == 2, "one creation, one winning edit"


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_many_editors_retrying_after_a_conflict_lose_no_edit():
    claim = ClaimFactory(summary="")
    barrier = threading.Barrier(EDITORS)
    conflicts = []

    @_in_thread
    def add_line(n: int) -> None:
        barrier.wait()
        while True:
            mine = Claim.objects.get(pk=claim.pk)
            mine.summary += f"[{n}]"
            try:
                mine.save()
            except StaleEdit:
                conflicts.append(n)
                continue
            return

    with ThreadPoolExecutor(EDITORS) as pool:
        list(pool.map(add_line, range(EDITORS)))
    summary = Claim.objects.get().summary
    assert sorted(summary.strip("[]").split("][")) == sorted(str(n) for n in range(EDITORS))
    assert Claim.objects.get().version == 1 + EDITORS
    assert claim.history.count() == 1 + EDITORS


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_many_editors_saving_the_same_admin_page_at_once_lose_nothing(editor_user):
    claim = ClaimFactory(summary="start")
    url = admin_url(Claim, "change", claim.pk)
    clients, pages = [], []
    for _ in range(EDITORS):
        client = Client()
        client.force_login(editor_user)
        clients.append(client)
        pages.append(page_data(client.get(url)))
    barrier = threading.Barrier(EDITORS)

    @_in_thread
    def save(n: int) -> int:
        barrier.wait()
        return clients[n].post(url, pages[n] | {"summary": f"edit {n}"}).status_code

    with ThreadPoolExecutor(EDITORS) as pool:
        codes = list(pool.map(save, range(EDITORS)))
    assert sorted(codes) == [302] + [409] * (EDITORS - 1)
    assert Claim.objects.get().summary == f"edit {codes.index(302)}"
    assert claim.history.count() == 2


@pytest.mark.django_db
def test_a_change_form_without_its_version_is_refused_not_guessed(editor):
    claim = ClaimFactory(summary="before")
    url = admin_url(Claim, "change", claim.pk)
    data = page_data(editor.get(url)) | {"summary": "after"}
    del data["loaded_version"]
    response = editor.post(url, data)
    assert response.status_code == 200
    assert "reload it" in response.content.decode()
    assert Claim.objects.get().summary == "before"


@pytest.mark.django_db
def test_deleting_a_statement_someone_changed_since_is_refused(editor):
    claim = ClaimFactory()
    StatementFactory(claim=claim, paraphrase="first")
    url = admin_url(Claim, "change", claim.pk)
    mine = page_data(editor.get(url))
    fresh = Statement.objects.get()
    fresh.paraphrase = "theirs"
    fresh.save()
    response = editor.post(url, mine | {"statements-0-DELETE": "on"})
    assert response.status_code == 200
    assert "reload it before deleting" in response.content.decode()
    assert Statement.objects.get().paraphrase == "theirs"
