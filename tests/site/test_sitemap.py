"""The sitemap lists what the public may see, and nothing else."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory, StatementFactory
from tests.ledger import SECRET
from tests.site.test_query_counts import count_queries

pytestmark = pytest.mark.django_db

SITEMAP = reverse("django.contrib.sitemaps.views.sitemap")


def sitemap(client) -> str:
    response = client.get(SITEMAP)
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_published_claims_their_actors_sources_topics_and_the_main_pages(reader, ledger):
    xml = sitemap(reader)
    for obj in (ledger.claim, ledger.fla, ledger.army, ledger.source):
        assert f"http://testserver{obj.get_absolute_url()}</loc>" in xml
    assert f"/topics/{ledger.topic.slug}/</loc>" in xml
    assert "http://testserver/methodology/</loc>" in xml


def test_it_leaves_out_a_draft_and_the_actor_and_source_only_it_references(reader, ledger):
    xml = sitemap(reader)
    for obj in (ledger.draft, ledger.secret_actor, ledger.secret_source):
        assert f"{obj.get_absolute_url()}</loc>" not in xml
    assert SECRET not in xml


def test_it_costs_the_same_queries_for_one_claim_or_many(reader, ledger):
    one = count_queries(reader, SITEMAP)
    for _ in range(25):
        StatementFactory(claim=ClaimFactory(published=True))
    assert count_queries(reader, SITEMAP) == one
