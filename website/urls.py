"""The public site's addresses. The namespaces (``claims:``, ``actors:``, ``sources:``) are the
ones the models' ``get_absolute_url`` names."""

from __future__ import annotations

from django.urls import include, path

from . import actors, claims, home, sources
from .feeds import ActorClaimsFeed, ClaimsFeed, TopicClaimsFeed
from .http import public_page

claim_urls = [
    path("", claims.claim_list, name="claim-list"),
    path("<slug:slug>/", claims.claim_detail, name="claim-detail"),
]
actor_urls = [
    path("", actors.actor_list, name="actor-list"),
    path("<slug:slug>/", actors.actor_detail, name="actor-detail"),
]
source_urls = [
    path("<int:pk>/", sources.source_detail, name="source-detail"),
    # The newsroom's captures: downloads, never pages of this site (website/sources.py).
    path("<int:pk>/captures/<int:capture>/", sources.capture_copy, name="capture-copy"),
    path("<int:pk>/captures/<int:capture>.warc.gz", sources.capture_warc, name="capture-warc"),
]

urlpatterns = [
    path("", home.home, name="home"),
    path("methodology/", home.methodology, name="methodology"),
    path("claims/", include((claim_urls, "claims"))),
    path("actors/", include((actor_urls, "actors"))),
    path("sources/", include((source_urls, "sources"))),
    path("topics/<slug:slug>/", claims.topic_detail, name="topic-detail"),
    path("feeds/claims/", public_page(ClaimsFeed()), name="feed-claims"),
    path("feeds/actors/<slug:slug>/", public_page(ActorClaimsFeed()), name="feed-actor"),
    path("feeds/topics/<slug:slug>/", public_page(TopicClaimsFeed()), name="feed-topic"),
]
