from __future__ import annotations

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from claims import views as claims_views
from claims.feeds import ActorClaimsFeed, ClaimsFeed, TopicClaimsFeed
from config.sitemaps import SITEMAPS
from core import views as core_views

admin.site.site_header = "Contested — newsroom"
admin.site.site_title = "Contested"
admin.site.index_title = "Claims, statements, actors and sources"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    path("claims/", include("claims.urls")),
    path("actors/", include("actors.urls")),
    path("sources/", include("sources.urls")),
    path("", core_views.home, name="home"),
    path("methodology/", core_views.methodology, name="methodology"),
    path(
        "sitemap.xml",
        core_views.public_page(sitemap),
        {"sitemaps": SITEMAPS},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("topics/<slug:slug>/", claims_views.topic_detail, name="topic-detail"),
    path("feeds/claims/", core_views.public_page(ClaimsFeed()), name="feed-claims"),
    path("feeds/actors/<slug:slug>/", core_views.public_page(ActorClaimsFeed()), name="feed-actor"),
    path("feeds/topics/<slug:slug>/", core_views.public_page(TopicClaimsFeed()), name="feed-topic"),
    path("api/v1/", include("config.api_urls")),
]
