"""Actors in the public API: only those a public claim references, with their aliases and the
relations between two public actors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch
from rest_framework import serializers

from actors.models import Actor, ActorRelation
from claims.visibility import Visibility

from .filters import ActorFilter
from .serializers.actors import (
    ActorSerializer,
    ActorWriteSerializer,
)
from .viewsets import WRITES, WritableViewSet

if TYPE_CHECKING:
    from django.db.models import QuerySet


def relations_seen(seen: Visibility) -> QuerySet[ActorRelation]:
    return seen.actor_relations().select_related("subject", "object", "source__outlet")


class ActorViewSet(WritableViewSet):
    """People, armed groups, states and other actors that public claims reference."""

    filterset_class = ActorFilter
    detail_serializer_class = ActorSerializer
    natural_keys_from = {"slug": "name"}

    def get_queryset(self) -> QuerySet[Actor]:
        seen = self.seen
        actors = Actor.objects.all() if self.action in WRITES else seen.actors()
        relations = seen.with_public_source(relations_seen(seen))
        # As lists on the actor (``seen_aliases``…), not the managers' caches: Django builds a
        # filtered queryset per actor and relation to hold a manager's cache, which cost more
        # than the three queries for a page of actors.
        return actors.prefetch_related(
            Prefetch("aliases", to_attr="seen_aliases"),
            Prefetch("relations_from", queryset=relations, to_attr="seen_relations_from"),
            Prefetch("relations_to", queryset=relations, to_attr="seen_relations_to"),
        )

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return ActorWriteSerializer if self.action in WRITES else ActorSerializer
