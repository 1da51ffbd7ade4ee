"""Two tools holding the same ETag write at once: exactly one wins, the other gets 412."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from claims.models import Claim
from tests.factories import ClaimFactory


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="an in-memory SQLite database is one connection"
)
def test_only_one_of_two_concurrent_writers_with_the_same_etag_wins(publisher_api):
    claim = ClaimFactory(published=True)
    etag = publisher_api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def write(summary: str) -> None:
        try:
            client = APIClient(HTTP_HOST="localhost")
            client.credentials(**publisher_api._credentials)
            barrier.wait()
            response = client.patch(
                f"/api/v1/claims/{claim.pk}/",
                {"summary": summary, "correction_note": f"{summary} was the right summary."},
                format="json",
                HTTP_IF_MATCH=etag,
            )
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(s,)) for s in ("First.", "Second.")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 412]
    assert Claim.objects.get(pk=claim.pk).summary in ("First.", "Second.")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="an in-memory SQLite database is one connection"
)
def test_writes_without_if_match_are_unconditional_so_concurrent_writers_all_succeed(
    publisher_api,
):
    claim = ClaimFactory(published=True)
    writers = 8
    barrier = threading.Barrier(writers)
    statuses: list[int] = []

    def write(n: int) -> None:
        try:
            client = APIClient(HTTP_HOST="localhost")
            client.credentials(**publisher_api._credentials)
            barrier.wait()
            response = client.patch(
                f"/api/v1/claims/{claim.pk}/",
                {"summary": f"Writer {n}.", "correction_note": f"Writer {n} corrected it."},
                format="json",
            )
            statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * writers
    claim.refresh_from_db()
    # Last write wins, and the history keeps every one of them.
    assert claim.summary.startswith("Writer ")
    summaries = {record.summary for record in claim.history.all()}
    assert {f"Writer {n}." for n in range(writers)} <= summaries
