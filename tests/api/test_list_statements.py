"""GET /api/v1/statements/ and /api/v1/statements/{id}/."""

from __future__ import annotations

import pytest

from tests.api.conftest import count_queries, ids
from tests.factories import ActorFactory, CitationFactory, ClaimFactory, StatementFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/statements/"


def test_it_lists_statements_on_published_claims_only(api, ledger):
    listed = ids(api.get(URL))
    assert ledger.assertion.pk in listed
    assert ledger.denial.pk in listed
    assert len(listed) == 3  # two on the claim, one on the rival; none on the withdrawn claim


def test_a_statement_names_its_claim_actor_and_sources(api, ledger):
    body = api.get(f"{URL}{ledger.assertion.pk}/").json()
    assert body["claim"]["id"] == ledger.claim.pk
    assert body["actor"]["slug"] == "ramadane"
    assert body["on_behalf_of"]["slug"] == "fla"
    assert body["citations"][0]["source"]["id"] == ledger.source.pk
    assert "internal_notes" not in body


def test_a_statement_on_a_draft_answers_like_a_missing_one(api, ledger):
    draft_statement = ledger.draft.statements.first()
    draft = api.get(f"{URL}{draft_statement.pk}/")
    missing = api.get(f"{URL}999999/")
    assert draft.status_code == missing.status_code == 404
    assert draft.content == missing.content


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"claim": "claim"}, ["assertion", "denial"]),
        ({"claim": "rival"}, ["rival"]),
        ({"actor": "fla"}, ["assertion"]),
        ({"actor": "spokesman"}, ["assertion"]),
        ({"stance": "denies"}, ["denial"]),
        ({"stance": "retracts"}, []),
        ({"stated_after": "2025-02-02"}, ["denial"]),
        ({"stated_after": "2026-01-01"}, []),
        ({"stated_before": "2025-02-01"}, ["assertion", "rival"]),
        ({"stated_before": "2024-01-01"}, []),
        ({"updated_since": "2999-01-01T00:00:00Z"}, []),
    ],
)
def test_each_filter_matches_and_misses(api, ledger, params, expected):
    objects = {
        "claim": ledger.claim,
        "rival": ledger.rival,
        "fla": ledger.fla,
        "spokesman": ledger.spokesman,
    }
    query = {k: (objects[v].pk if v in objects else v) for k, v in params.items()}
    response = api.get(URL, query)
    assert response.status_code == 200, response.content
    rival_statement = ledger.rival.statements.get()
    names = {"assertion": ledger.assertion, "denial": ledger.denial, "rival": rival_statement}
    assert sorted(ids(response)) == sorted(names[n].pk for n in expected)


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"claims": "1"}, "claims"),
        ({"stance": "maybe"}, "stance"),
        ({"stated_after": "soon"}, "stated_after"),
    ],
)
def test_a_bad_or_unknown_parameter_is_a_400_naming_it(api, ledger, params, named):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert list(response.json()) == [named]


def test_a_draft_claim_is_refused_as_a_filter_like_a_missing_one(api, ledger):
    assert api.get(URL, {"claim": ledger.draft.pk}).json() == api.get(URL, {"claim": 999999}).json()


def _statements(n: int) -> None:
    claim = ClaimFactory(published=True)
    for _ in range(n):
        CitationFactory(statement=StatementFactory(claim=claim, on_behalf_of=ActorFactory()))


def test_the_query_count_is_the_same_for_one_statement_and_three(api, db):
    _statements(1)
    one = count_queries(api, URL)
    _statements(2)
    assert len(api.get(URL).json()["results"]) == 3
    # 1: statements with claim, actor and on-behalf-of; 2: citations with sources and outlets.
    assert count_queries(api, URL) == one == 2
    assert count_queries(api, f"{URL}?format=csv") == 2


def test_the_detail_query_count_is_flat(api, db):
    claim = ClaimFactory(published=True)
    statement = StatementFactory(claim=claim)
    one = count_queries(api, f"{URL}{statement.pk}/")
    for _ in range(2):
        CitationFactory(statement=statement)
    assert count_queries(api, f"{URL}{statement.pk}/") == one


def test_the_list_comes_as_flat_csv(api, ledger):
    response = api.get(URL, {"format": "csv", "claim": ledger.claim.pk})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0] == (
        "id,url,claim_id,claim_text,actor_id,actor_name,on_behalf_of_id,on_behalf_of_name,"
        "stance,direction,stated_on,stated_on_precision,stated_on_is_report_date,quote,"
        "quote_language,paraphrase,translation,translation_method,translated_by,"
        "is_interested_party,source_urls,updated_at"
    )
    assert len(lines) == 3
    assert any("Azawad Liberation Front" in line for line in lines)
    assert all(ledger.source.url in line for line in lines[1:])


def test_a_claim_id_the_public_cannot_see_gives_an_empty_list_like_one_that_does_not_exist(
    api, ledger
):
    draft = api.get("/api/v1/statements/", {"claim": ledger.draft.pk})
    missing = api.get("/api/v1/statements/", {"claim": 999999})
    assert draft.status_code == missing.status_code == 200
    assert draft.json() == missing.json() == {"next": None, "previous": None, "results": []}
