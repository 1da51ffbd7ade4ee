"""The sitemap's addresses, outside the language prefixes: an index (``/sitemap.xml``) of
sections in pages (``/sitemap-claims.xml?p=2``), each page listing its pages in every language
with their ``hreflang`` alternates (``website.sitemaps``)."""

from __future__ import annotations

from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from .http import public_page
from .sitemaps import SITEMAPS

urlpatterns = [
    path(
        "sitemap.xml",
        public_page(index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]
