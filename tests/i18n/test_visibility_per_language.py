"""The one visibility rule's generated tests (``tests/test_every_public_address.py``,
``tests/site/test_visibility.py``), run again under every language prefix: a draft, and what only
it references, appear at no address in any language, and answer there as a missing page does."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils import translation

from tests.ledger import SECRET
from tests.site.test_visibility import public_urls
from tests.test_every_public_address import site_addresses

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def body(response) -> bytes:
    """The answer's bytes, streamed (a capture's download) or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_site_page_shows_public_objects_and_hides_drafts_in_every_language(
    reader, ledger, language
):
    with translation.override(language):
        addresses = site_addresses(ledger)
        missing = reader.get(
            "/claims/no-such-claim/" if language == "en" else f"/{language}/claims/no-such-claim/"
        )
    assert len(addresses) >= 15
    for address, status in addresses:
        if language != "en":
            assert address.startswith(f"/{language}/"), address
        response = reader.get(address)
        assert response.status_code == status, address
        assert SECRET.encode() not in body(response), address
        if status == 404 and "feeds" not in address:
            assert body(response) == missing.content, address


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_feed_or_sitemap_shows_a_draft_in_any_language(reader, ledger, language):
    with translation.override(language):
        urls = public_urls(ledger)
    for url in urls:
        response = reader.get(url)
        assert response.status_code == 200, url
        assert SECRET.encode() not in body(response), url
