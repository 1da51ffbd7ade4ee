"""The public REST API, version 1: ``path("api/v1/", include("config.api_urls"))``."""

from __future__ import annotations

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from . import export
from .actors import ActorViewSet
from .claims import ClaimViewSet
from .records import (
    ActorRelationViewSet,
    ClaimRelationViewSet,
    RequestForCommentViewSet,
    TopicViewSet,
)
from .sources import OutletViewSet, SourceViewSet
from .statements import StatementViewSet

app_name = "api"

router = SimpleRouter()
router.register("claims", ClaimViewSet, basename="claim")
router.register("statements", StatementViewSet, basename="statement")
router.register("actors", ActorViewSet, basename="actor")
router.register("sources", SourceViewSet, basename="source")
router.register("outlets", OutletViewSet, basename="outlet")
router.register("topics", TopicViewSet, basename="topic")
router.register("actor-relations", ActorRelationViewSet, basename="actor-relation")
router.register("claim-relations", ClaimRelationViewSet, basename="claim-relation")
router.register("requests-for-comment", RequestForCommentViewSet, basename="request-for-comment")

urlpatterns = [
    path("export/ledger.json", export.ledger, name="ledger-export"),
    *router.urls,
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
