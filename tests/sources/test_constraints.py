from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from sources.models import Source
from sources.urls_normalise import normalise_url
from tests.factories import OutletFactory, SourceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


def rejects(build) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        build()


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("HTTPS://WWW.Example.COM:443/a/../news?id=7#top", "https://www.example.com/news?id=7"),
        (
            "https://example.com/x?utm_source=tw&utm_medium=s&b=2&a=1",
            "https://example.com/x?b=2&a=1",
        ),
        ("https://example.com/x?fbclid=abc", "https://example.com/x"),
        ("example.com/story", "https://example.com/story"),
    ],
)
def test_it_normalises_source_urls(raw, canonical):
    assert normalise_url(raw) == canonical


def test_it_rejects_the_same_document_under_two_spellings_of_its_url():
    SourceFactory(url="https://news.example/story?utm_source=x")
    rejects(lambda: SourceFactory(url="HTTPS://NEWS.example/story#comments"))


def test_it_stores_the_canonical_url_and_finds_it_by_any_spelling():
    source = SourceFactory(url="https://News.Example/story/?utm_campaign=y")
    assert source.url == "https://news.example/story/"
    assert Source.objects.get(url="https://news.example/story/#top") == source


def test_bulk_create_normalises_urls_too():
    outlet = OutletFactory()
    [source] = Source.objects.bulk_create(
        [Source(title="t", url="HTTP://A.example/x?gclid=1", outlet=outlet)]
    )
    assert Source.objects.get(pk=source.pk).url == "http://a.example/x"


def test_it_allows_several_sources_without_an_address():
    SourceFactory(url="")
    assert SourceFactory(url="").pk


def test_it_rejects_an_unknown_reliability_grade():
    rejects(lambda: SourceFactory(reliability="G"))


def test_it_rejects_retrieval_before_publication():
    rejects(
        lambda: SourceFactory(
            published_on=datetime.date(2025, 10, 7), retrieved_on=datetime.date(2025, 1, 1)
        )
    )


def test_a_source_without_a_grade_takes_its_outlets():
    source = SourceFactory(outlet=OutletFactory(default_reliability="B"), reliability="")
    assert source.reliability_grade == "B"
    source.reliability = "D"
    assert source.reliability_grade == "D"
