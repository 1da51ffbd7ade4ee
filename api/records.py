"""Topics, relations between actors, relations between claims and requests for comment: read
as the reader may see them (``claims.visibility``), written through the services under the one
permission policy, as in the admin (``claims.permissions``, ``claims.services``): what a public
page shows is the editors' to change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from actors.models import ActorRelation
from claims.models import ClaimRelation, RequestForComment, Topic

from .serializers.records import (
    ActorRelationDetailSerializer,
    ActorRelationWriteSerializer,
    ClaimRelationDetailSerializer,
    ClaimRelationWriteSerializer,
    RequestForCommentDetailSerializer,
    RequestForCommentWriteSerializer,
    TopicDetailSerializer,
    TopicWriteSerializer,
)
from .viewsets import WRITES, WritableViewSet

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework import serializers


class TopicViewSet(WritableViewSet):
    """Topics of published claims (a newsroom token sees every topic)."""

    detail_serializer_class = TopicDetailSerializer
    pagination_ordering = ("name", "pk")
    natural_keys_from = {"slug": "name"}

    def get_queryset(self) -> QuerySet[Topic]:
        return Topic.objects.all() if self.action in WRITES else self.seen.topics()

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return TopicWriteSerializer if self.action in WRITES else TopicDetailSerializer


class ActorRelationViewSet(WritableViewSet):
    """Relations between two actors the reader sees: spokesperson of, member of, allied with…
    The document establishing one is given only if the reader sees it too."""

    detail_serializer_class = ActorRelationDetailSerializer
    pagination_ordering = ("-updated_at", "-pk")

    def get_queryset(self) -> QuerySet[ActorRelation]:
        relations = (
            ActorRelation.objects.all() if self.action in WRITES else self.seen.actor_relations()
        )
        return self.seen.with_public_source(relations.select_related("subject", "object"))

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return (
            ActorRelationWriteSerializer if self.action in WRITES else ActorRelationDetailSerializer
        )


class ClaimRelationViewSet(WritableViewSet):
    """Relations between two claims the reader sees: contradicts, supports, related to. A
    relation between public claims is the editors' to change."""

    detail_serializer_class = ClaimRelationDetailSerializer

    def get_queryset(self) -> QuerySet[ClaimRelation]:
        relations = (
            ClaimRelation.objects.all() if self.action in WRITES else self.seen.claim_relations()
        )
        return relations.select_related("from_claim", "to_claim")

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return (
            ClaimRelationWriteSerializer if self.action in WRITES else ClaimRelationDetailSerializer
        )


class RequestForCommentViewSet(WritableViewSet):
    """Requests for comment: the public sees settled ones on public claims ("did not respond by
    …"); a newsroom token sees every settled one. Pending requests, the contact and the notes stay
    in the newsroom; a token may file and settle them."""

    detail_serializer_class = RequestForCommentDetailSerializer

    def get_queryset(self) -> QuerySet[RequestForComment]:
        if self.action in WRITES:
            requests = RequestForComment.objects.all()
        else:
            requests = self.seen.requests_for_comment()
        return requests.select_related("claim", "actor")

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action in WRITES:
            return RequestForCommentWriteSerializer
        return RequestForCommentDetailSerializer
