"""The sitemap's address, outside the language prefixes: one sitemap lists every page in every
language, each with its ``hreflang`` alternates (``website.sitemaps``)."""

from __future__ import annotations

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from .http import public_page
from .sitemaps import SITEMAPS

urlpatterns = [
    path(
        "sitemap.xml",
        public_page(sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
]
