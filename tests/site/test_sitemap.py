"""The sitemap lists what the public may see, and nothing else."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from claims.visibility import public
from tests.factories import ClaimFactory, StatementFactory
from tests.ledger import SECRET
from tests.site.test_query_counts import count_queries

pytestmark = pytest.mark.django_db

SITEMAP = reverse("sitemap")
CLAIMS = reverse("sitemap-section", args=["claims"])


def sitemap(client) -> str:
    """The index and every page it lists, as one text."""
    index = client.get(SITEMAP)
    assert index.status_code == 200
    xml = [index.content.decode()]
    for address in re.findall(r"<loc>http://testserver(/sitemap-[^<]+)</loc>", xml[0]):
        page = client.get(address.replace("&amp;", "&"))
        assert page.status_code == 200, address
        xml.append(page.content.decode())
    return "\n".join(xml)


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
    index, claims = count_queries(reader, SITEMAP), count_queries(reader, CLAIMS)
    for _ in range(2):
        StatementFactory(claim=ClaimFactory(published=True))
    assert count_queries(reader, SITEMAP) == index
    assert count_queries(reader, CLAIMS) == claims


def test_the_index_lists_each_section_in_pages_of_a_fixed_size(reader, ledger, monkeypatch):
    monkeypatch.setattr("website.sitemaps.LocalisedSitemap.limit", 2)
    for n in range(3):
        ClaimFactory(published=True, slug=f"more-{n}")
    addresses = 3 * public.listed_claims().count()  # each claim in three languages
    pages = -(-addresses // 2)
    index = reader.get(SITEMAP).content.decode()
    assert "http://testserver/sitemap-claims.xml</loc>" in index
    assert f"http://testserver/sitemap-claims.xml?p={pages}</loc>" in index
    assert f"sitemap-claims.xml?p={pages + 1}" not in index
    last = reader.get(CLAIMS, {"p": pages}).content.decode()
    assert last.count("<url>") == addresses - 2 * (pages - 1)
    assert reader.get(CLAIMS, {"p": pages + 1}).status_code == 404
    assert reader.get(CLAIMS, {"p": "x"}).status_code == 404
    assert "<lastmod>" in index
