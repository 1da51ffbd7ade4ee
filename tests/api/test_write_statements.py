"""POST and PATCH /api/v1/statements/ with their citations, in one atomic write."""

from __future__ import annotations

import pytest

from claims.models import Citation, Statement
from tests.factories import ActorFactory, ClaimFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/statements/"


def _payload(claim, **extra):
    return {
        "claim": claim.pk,
        "actor": ActorFactory().pk,
        "stance": "denies",
        "stated_on": "2025-02-14",
        "stated_on_precision": "month",
        "quote": "Ce n'est pas vrai",
        "quote_language": "fr",
        "citations": [{"source": SourceFactory().pk, "locator": "para 2", "credibility": 3}],
        **extra,
    }


def test_a_reporter_files_a_statement_with_its_citations_on_a_draft(reporter_api):
    claim = ClaimFactory()
    response = reporter_api.post(URL, _payload(claim), format="json")
    assert response.status_code == 201, response.content
    statement = Statement.objects.get()
    assert statement.stated_on.isoformat() == "2025-02-01"  # the model normalised the month
    assert statement.citations.get().locator == "para 2"


def test_a_reporter_may_not_add_a_statement_to_a_public_claim(reporter_api):
    response = reporter_api.post(URL, _payload(ClaimFactory(published=True)), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["claim"]
    assert not Statement.objects.exists()


def test_an_editor_who_may_publish_adds_to_a_public_claim(publisher_api):
    response = publisher_api.post(URL, _payload(ClaimFactory(published=True)), format="json")
    assert response.status_code == 201, response.content


def test_a_failing_citation_leaves_no_statement_behind(reporter_api):
    source = SourceFactory()
    twice = [{"source": source.pk, "locator": "p1"}, {"source": source.pk, "locator": "p1"}]
    response = reporter_api.post(URL, _payload(ClaimFactory(), citations=twice), format="json")
    assert response.status_code == 400
    assert "citations" in response.json() or "__all__" in response.json()
    assert not Statement.objects.exists()
    assert not Citation.objects.exists()


def test_model_rules_are_400s_naming_the_field(reporter_api):
    claim = ClaimFactory()
    response = reporter_api.post(URL, _payload(claim, quote=""), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["quote"]
    response = reporter_api.post(URL, _payload(claim, stance="shrugs"), format="json")
    assert list(response.json()) == ["stance"]
    response = reporter_api.post(
        URL, _payload(claim, citations=[{"source": 999999}]), format="json"
    )
    assert list(response.json()) == ["citations"]


def test_an_update_replaces_the_citations(reporter_api):
    statement = StatementFactory()
    source = SourceFactory()
    response = reporter_api.patch(
        f"{URL}{statement.pk}/",
        {"citations": [{"source": source.pk, "locator": "p9"}]},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert list(statement.citations.values_list("locator", flat=True)) == ["p9"]


def test_a_stale_if_match_is_a_412(publisher_api):
    statement = StatementFactory(claim=ClaimFactory(published=True))
    etag = publisher_api.get(f"{URL}{statement.pk}/")["ETag"]
    note = {"correction_note": "Reworded."}  # the paraphrase of a public statement is substance
    first = publisher_api.patch(
        f"{URL}{statement.pk}/", {"paraphrase": "First.", **note}, format="json"
    )
    assert first.status_code == 200, first.content
    response = publisher_api.patch(
        f"{URL}{statement.pk}/",
        {"paraphrase": "Second.", **note},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 412
