"""A draft's public address answers exactly like an address that does not exist."""

from __future__ import annotations

import pytest

from tests.factories import CitationFactory, ClaimFactory, StatementFactory

pytestmark = pytest.mark.django_db


def test_a_published_claim_its_actor_and_source_have_pages(reader):
    citation = CitationFactory(statement=StatementFactory(claim=ClaimFactory(published=True)))
    statement = citation.statement
    for obj in (statement.claim, statement.actor, citation.source):
        assert reader.get(obj.get_absolute_url()).status_code == 200


def test_a_draft_its_actor_and_source_answer_like_missing_pages(reader):
    citation = CitationFactory(statement=StatementFactory(claim=ClaimFactory(slug="draft-x")))
    statement = citation.statement
    missing = reader.get("/claims/no-such-claim/")
    for obj in (statement.claim, statement.actor, citation.source):
        response = reader.get(obj.get_absolute_url())
        assert response.status_code == 404
        assert response.content == missing.content
