"""GET /api/v1/sources/, /api/v1/sources/{id}/ and /api/v1/outlets/."""

from __future__ import annotations

import datetime

import pytest

from tests.api.conftest import count_queries, ids
from tests.factories import CitationFactory, ClaimFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_it_lists_sources_that_public_claims_cite(api, ledger):
    assert ids(api.get("/api/v1/sources/")) == [ledger.source.pk]


def test_a_source_carries_its_outlet_grade_and_addresses(api, ledger):
    body = api.get(f"/api/v1/sources/{ledger.source.pk}/").json()
    assert body["document_url"] == ledger.source.url
    assert body["html_url"] == f"http://localhost/sources/{ledger.source.pk}/"
    assert body["outlet"]["slug"] == "afp"
    assert body["reliability"] == "F"
    assert "internal_notes" not in body
    assert "internal_notes" not in body["outlet"]


def test_a_source_only_a_draft_cites_answers_like_a_missing_one(api, ledger):
    secret = api.get(f"/api/v1/sources/{ledger.secret_source.pk}/")
    missing = api.get("/api/v1/sources/999999/")
    assert secret.status_code == missing.status_code == 404
    assert secret.content == missing.content


@pytest.mark.parametrize(
    ("params", "hit"),
    [
        ({"q": "donbas"}, True),
        ({"q": "nothing"}, False),
        ({"published_after": "2025-10-01"}, True),
        ({"published_after": "2025-10-08"}, False),
        ({"published_before": "2025-10-07"}, True),
        ({"published_before": "2025-10-06"}, False),
        ({"outlet": "afp"}, True),
    ],
)
def test_each_filter_matches_and_misses(api, ledger, params, hit):
    query = {k: (ledger.source.outlet_id if v == "afp" else v) for k, v in params.items()}
    response = api.get("/api/v1/sources/", query)
    assert response.status_code == 200, response.content
    assert ids(response) == ([ledger.source.pk] if hit else [])


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"title": "x"}, "title"),
        ({"published_after": "June"}, "published_after"),
    ],
)
def test_a_bad_or_unknown_parameter_is_a_400_naming_it(api, ledger, params, named):
    response = api.get("/api/v1/sources/", params)
    assert response.status_code == 400
    assert list(response.json()) == [named]


def test_a_draft_only_outlet_is_refused_like_a_missing_one(api, ledger):
    secret = api.get("/api/v1/sources/", {"outlet": ledger.secret_source.outlet_id}).json()
    assert secret == api.get("/api/v1/sources/", {"outlet": 999999}).json()


def test_outlets_lists_only_outlets_of_public_sources(api, ledger):
    response = api.get("/api/v1/outlets/")
    assert [row["slug"] for row in response.json()["results"]] == ["afp"]
    secret = api.get(f"/api/v1/outlets/{ledger.secret_source.outlet_id}/")
    assert secret.status_code == 404


def _sources(n: int) -> None:
    statement = StatementFactory(claim=ClaimFactory(published=True))
    for _ in range(n):
        CitationFactory(
            statement=statement, source=SourceFactory(published_on=datetime.date.today())
        )


@pytest.mark.parametrize("url", ["/api/v1/sources/", "/api/v1/outlets/"])
def test_the_query_count_is_the_same_for_one_and_three(api, db, url):
    _sources(1)
    one = count_queries(api, url)
    _sources(2)
    assert len(api.get(url).json()["results"]) == 3
    # the sources list prefetches their captures: one query more, whatever the count
    assert count_queries(api, url) == one == (2 if url == "/api/v1/sources/" else 1)


@pytest.mark.parametrize("kind", ["sources", "outlets"])
def test_the_detail_query_count_is_one(api, ledger, kind):
    pk = ledger.source.pk if kind == "sources" else ledger.source.outlet_id
    # a source's captures come in one query more
    assert count_queries(api, f"/api/v1/{kind}/{pk}/") == (2 if kind == "sources" else 1)


def test_an_outlet_id_the_public_cannot_see_gives_an_empty_list_like_one_that_does_not_exist(
    api, ledger
):
    secret = api.get("/api/v1/sources/", {"outlet": ledger.secret_source.outlet_id})
    missing = api.get("/api/v1/sources/", {"outlet": 999999})
    assert secret.status_code == missing.status_code == 200
    assert secret.json() == missing.json() == {"next": None, "previous": None, "results": []}
