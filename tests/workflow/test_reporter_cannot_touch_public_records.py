"""A reporter changes nothing the public sees, by any admin path: the claim's own page, its
inlines, and the standalone pages of statements, citations, relations and requests for comment."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from claims.models import Citation, ClaimRelation, RequestForComment
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    RequestForCommentFactory,
    SourceFactory,
    StatementFactory,
)
from tests.workflow.forms import admin_url, page_data

pytestmark = pytest.mark.django_db


def test_a_reporter_cannot_change_a_published_claims_citation_on_its_own_page(reporter):
    citation = CitationFactory(statement__claim=ClaimFactory(published=True), locator="para 3")
    url = admin_url(Citation, "change", citation.pk)
    page = reporter.get(url)
    # The page opens view-only, and a forged POST changes nothing.
    assert page.status_code == 200
    assert "locator" not in page.context["adminform"].form.fields
    reporter.post(
        url,
        {
            "statement": citation.statement_id,
            "source": citation.source_id,
            "locator": "para 99",
            "credibility": 1,
        },
    )
    assert Citation.objects.get().locator == "para 3"


def test_a_reporter_cannot_cite_a_source_for_a_published_claims_statement(reporter):
    statement = StatementFactory(claim=ClaimFactory(published=True))
    source = SourceFactory()
    response = reporter.post(
        admin_url(Citation, "add"),
        {"statement": statement.pk, "source": source.pk, "locator": "x", "credibility": 6},
    )
    assert response.status_code == 200
    assert "statement" in response.context["adminform"].form.errors
    assert not Citation.objects.exists()


def test_a_reporter_cannot_move_a_citation_onto_a_published_claim(reporter):
    citation = CitationFactory(statement__claim=ClaimFactory())
    public_statement = StatementFactory(claim=ClaimFactory(published=True))
    url = admin_url(Citation, "change", citation.pk)
    data = page_data(reporter.get(url)) | {"statement": str(public_statement.pk)}
    response = reporter.post(url, data)
    assert response.status_code == 200
    assert Citation.objects.get().statement_id == citation.statement_id


def test_a_reporter_cannot_delete_a_published_claims_citation(reporter_user, reporter):
    # Even given the delete permission, which the Reporter group does not hold.
    reporter_user.user_permissions.add(Permission.objects.get(codename="delete_citation"))
    citation = CitationFactory(statement__claim=ClaimFactory(published=True))
    reporter.post(admin_url(Citation, "delete", citation.pk), {"post": "yes"})
    assert Citation.objects.exists()


def test_a_reporter_cannot_change_a_relation_between_two_published_claims(reporter):
    relation = ClaimRelationFactory(
        from_claim=ClaimFactory(published=True), to_claim=ClaimFactory(published=True)
    )
    url = admin_url(ClaimRelation, "change", relation.pk)
    reporter.post(
        url,
        {
            "from_claim": relation.from_claim_id,
            "kind": "related_to",
            "to_claim": relation.to_claim_id,
            "note": "changed",
        },
    )
    assert ClaimRelation.objects.get().kind == "contradicts"


def test_a_reporter_cannot_relate_two_published_claims(reporter):
    one, other = ClaimFactory(published=True), ClaimFactory(published=True)
    response = reporter.post(
        admin_url(ClaimRelation, "add"),
        {"from_claim": one.pk, "kind": "contradicts", "to_claim": other.pk, "note": ""},
    )
    assert response.status_code == 200
    assert not ClaimRelation.objects.exists()


def test_a_reporter_may_relate_a_draft_to_a_published_claim(reporter):
    draft, published = ClaimFactory(), ClaimFactory(published=True)
    reporter.post(
        admin_url(ClaimRelation, "add"),
        {"from_claim": draft.pk, "kind": "contradicts", "to_claim": published.pk, "note": ""},
    )
    assert ClaimRelation.objects.filter(from_claim=draft, to_claim=published).exists()


def test_a_reporter_cannot_settle_a_request_for_comment_on_a_published_claim(reporter):
    """A pending request says nothing publicly, so a reporter may log it and chase it; its
    outcome would appear on the public page, so settling it is an editor's change."""
    request_ = RequestForCommentFactory(claim=ClaimFactory(published=True))
    url = admin_url(RequestForComment, "change", request_.pk)
    data = page_data(reporter.get(url)) | {"outcome": "declined"}
    response = reporter.post(url, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert RequestForComment.objects.get().outcome == "pending"


def test_a_settled_request_on_a_published_claim_opens_view_only_for_a_reporter(reporter):
    request_ = RequestForCommentFactory(claim=ClaimFactory(published=True), outcome="declined")
    page = reporter.get(admin_url(RequestForComment, "change", request_.pk))
    assert "outcome" not in page.context["adminform"].form.fields


def test_an_editor_changes_a_published_claims_citation(editor):
    citation = CitationFactory(statement__claim=ClaimFactory(published=True), locator="para 3")
    url = admin_url(Citation, "change", citation.pk)
    data = page_data(editor.get(url)) | {"locator": "para 4"}
    assert editor.post(url, data).status_code == 302
    assert Citation.objects.get().locator == "para 4"
