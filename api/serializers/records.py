"""The records around claims and actors that a tool writes besides them: outlets, topics,
relations between actors, relations between claims, requests for comment. Each has a read shape
(what the public, or a newsroom token, sees) and a write shape (ids for references)."""

from __future__ import annotations

from typing import Any

from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from actors.models import Actor, ActorRelation
from api.errors import VIA_API, as_api_errors
from api.fields import ApiUrlField, PartialDates, TranslationsField
from api.serializers.base import WriteSerializer
from claims import services
from claims.models import Claim, ClaimRelation, RequestForComment, Statement, Topic
from sources.models import Outlet, Source

from .actors import ActorBriefSerializer
from .claims import ClaimBriefSerializer
from .shared import SavedAsReference, SavedByModelRules, correction_note_field


class SavedByServices(SavedByModelRules):
    """Records hanging off a claim: through ``claims.services.save_record``, which applies who
    may change what (a reporter changes nothing the public sees), ``full_clean()`` and the
    history."""

    def save_instance(self, instance: Any) -> Any:
        with as_api_errors():
            services.save_record(record=instance, by=self.context["request"].user, reason=VIA_API)
        return instance


class WorkflowMoveSerializer(serializers.Serializer):
    """The optional body of a workflow move (``/claims/{id}/publish/`` and the others)."""

    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Why: kept in the claim's history; for a withdrawal, required and public.",
    )


class OutletWriteSerializer(SavedAsReference, WriteSerializer):
    country = CountryField(required=False, allow_blank=True)
    correction_note = correction_note_field()

    class Meta:
        model = Outlet
        fields = [
            "name",
            "slug",
            "kind",
            "country",
            "website",
            "default_reliability",
            "correction_note",
        ]
        extra_kwargs = {"slug": {"required": False}}


class TopicDetailSerializer(serializers.ModelSerializer):
    """A topic, with its name's language and its translations (``core.translations``); a
    claim's own list of topics gives the name as entered."""

    url = ApiUrlField(view_name="api:topic-detail")
    translations = TranslationsField()

    class Meta:
        model = Topic
        fields = ["id", "url", "slug", "name", "language", "translations"]
        read_only_fields = fields


class TopicWriteSerializer(SavedAsReference, WriteSerializer):
    correction_note = correction_note_field()

    class Meta:
        model = Topic
        fields = ["name", "slug", "language", "translations", "correction_note"]
        extra_kwargs = {"slug": {"required": False}}


class ActorRelationDetailSerializer(PartialDates, serializers.ModelSerializer):
    url = ApiUrlField(view_name="api:actor-relation-detail")
    subject = ActorBriefSerializer(read_only=True)
    object = ActorBriefSerializer(read_only=True)
    source = serializers.SerializerMethodField(
        help_text="The id of the document establishing the relation, when the reader sees it."
    )

    class Meta:
        model = ActorRelation
        fields = [
            "id",
            "url",
            "subject",
            "kind",
            "object",
            "start_on",
            "start_on_precision",
            "end_on",
            "end_on_precision",
            "note",
            "source",
        ]
        read_only_fields = fields

    def get_source(self, relation: ActorRelation) -> int | None:
        return relation.source_id if getattr(relation, "source_is_public", False) else None


class ActorRelationWriteSerializer(PartialDates, SavedAsReference, WriteSerializer):
    subject = serializers.PrimaryKeyRelatedField(queryset=Actor.objects.all())
    object = serializers.PrimaryKeyRelatedField(queryset=Actor.objects.all())
    source = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(), required=False, allow_null=True
    )
    correction_note = correction_note_field()

    class Meta:
        model = ActorRelation
        fields = [
            "subject",
            "kind",
            "object",
            "start_on",
            "start_on_precision",
            "end_on",
            "end_on_precision",
            "note",
            "source",
            "correction_note",
        ]


class ClaimRelationDetailSerializer(serializers.ModelSerializer):
    url = ApiUrlField(view_name="api:claim-relation-detail")
    from_claim = ClaimBriefSerializer(read_only=True)
    to_claim = ClaimBriefSerializer(read_only=True)

    class Meta:
        model = ClaimRelation
        fields = ["id", "url", "from_claim", "kind", "to_claim", "note"]
        read_only_fields = fields


class ClaimRelationWriteSerializer(SavedByServices, WriteSerializer):
    from_claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())
    to_claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())

    class Meta:
        model = ClaimRelation
        fields = ["from_claim", "kind", "to_claim", "note"]


class RequestForCommentDetailSerializer(serializers.ModelSerializer):
    url = ApiUrlField(view_name="api:request-for-comment-detail")
    claim = ClaimBriefSerializer(read_only=True)
    actor = ActorBriefSerializer(read_only=True)

    class Meta:
        model = RequestForComment
        fields = [
            "id",
            "url",
            "claim",
            "actor",
            "requested_on",
            "channel",
            "deadline",
            "outcome",
            "reply",
        ]
        read_only_fields = fields


class RequestForCommentWriteSerializer(SavedByServices, WriteSerializer):
    """A request for comment; the requester is the token's user."""

    claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())
    actor = serializers.PrimaryKeyRelatedField(queryset=Actor.objects.all())
    reply = serializers.PrimaryKeyRelatedField(
        queryset=Statement.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = RequestForComment
        fields = [
            "claim",
            "actor",
            "requested_on",
            "channel",
            "deadline",
            "outcome",
            "reply",
            "contact",
        ]
        extra_kwargs = {
            "contact": {
                "write_only": True,
                "help_text": "Who was contacted: kept for the newsroom, never shown by the API.",
            }
        }

    def create(self, validated_data: dict) -> RequestForComment:
        return self.save_instance(
            RequestForComment(requested_by=self.context["request"].user, **validated_data)
        )
