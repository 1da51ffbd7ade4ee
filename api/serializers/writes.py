"""What a token holder sends to create or change a claim or a statement. Every write goes
through the workflow's services (``claims.services``), which hold the rules."""

from __future__ import annotations

from django.db import transaction
from rest_framework import serializers

from actors.models import Actor
from api.errors import VIA_API, as_api_errors
from api.fields import PartialDates
from api.serializers.base import WriteSerializer
from claims import permissions, services
from claims.models import Citation, Claim, Statement, Topic
from claims.vocabulary import PUBLIC_STATUSES
from sources.models import Source

CORRECTION_NOTE_HELP = (
    "Required when a change alters a public claim's substance: the public corrections log's "
    "note saying what was corrected and why."
)


class ClaimWriteSerializer(PartialDates, WriteSerializer):
    topics = serializers.SlugRelatedField(
        slug_field="slug", many=True, required=False, queryset=Topic.objects.all()
    )
    correction_note = serializers.CharField(
        write_only=True, required=False, allow_blank=True, help_text=CORRECTION_NOTE_HELP
    )

    class Meta:
        model = Claim
        fields = [
            "text",
            "slug",
            "summary",
            "language",
            "translations",
            "event_date",
            "event_date_precision",
            "place_name",
            "latitude",
            "longitude",
            "topics",
            "verdict",
            "verdict_reasoning",
            "status",
            "withdrawal_reason",
            "correction_note",
        ]
        extra_kwargs = {"slug": {"required": False}}

    def validate_status(self, value: str) -> str:
        user = self.context["request"].user
        if value in PUBLIC_STATUSES and not permissions.can(user, permissions.PUBLISH_CLAIM, Claim):
            raise serializers.ValidationError(
                "Your token may file drafts and claims in review only; an editor publishes."
            )
        return value

    def create(self, validated_data: dict) -> Claim:
        topics = validated_data.pop("topics", None)
        validated_data.pop("correction_note", None)
        claim = Claim(**validated_data)
        with as_api_errors():
            services.create_claim(claim=claim, by=self.context["request"].user, reason=VIA_API)
            if topics is not None:
                claim.topics.set(topics)
        return claim

    def update(self, instance: Claim, validated_data: dict) -> Claim:
        """Field changes through ``services.edit_claim``, then a status change through the
        workflow move it names (submit, return to draft, publish, withdraw)."""
        user = self.context["request"].user
        topics = validated_data.pop("topics", None)
        note = validated_data.pop("correction_note", "")
        status = validated_data.pop("status", instance.status)
        withdrawal_reason = validated_data.pop("withdrawal_reason", instance.withdrawal_reason)
        with as_api_errors():
            changed = [f for f, v in validated_data.items() if getattr(instance, f) != v]
            if changed:
                for field, value in validated_data.items():
                    setattr(instance, field, value)
                services.edit_claim(claim=instance, by=user, reason=VIA_API, correction_note=note)
            if topics is not None:
                instance.topics.set(topics)
            if status != instance.status:
                services.move(
                    claim=instance,
                    to=status,
                    by=user,
                    reason=VIA_API,
                    withdrawal_reason=withdrawal_reason,
                )
        return instance


class CitationWriteSerializer(WriteSerializer):
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all())

    class Meta:
        model = Citation
        fields = ["source", "locator", "credibility"]


class StatementWriteSerializer(PartialDates, WriteSerializer):
    claim = serializers.PrimaryKeyRelatedField(queryset=Claim.objects.all())
    actor = serializers.PrimaryKeyRelatedField(queryset=Actor.objects.all())
    on_behalf_of = serializers.PrimaryKeyRelatedField(
        queryset=Actor.objects.all(), required=False, allow_null=True
    )
    citations = CitationWriteSerializer(
        many=True, required=False, help_text="The sources reporting it; replaces all when given."
    )
    correction_note = serializers.CharField(
        write_only=True, required=False, allow_blank=True, help_text=CORRECTION_NOTE_HELP
    )

    class Meta:
        model = Statement
        fields = [
            "claim",
            "actor",
            "on_behalf_of",
            "stance",
            "stated_on",
            "stated_on_precision",
            "stated_on_is_report_date",
            "quote",
            "quote_language",
            "paraphrase",
            "translation",
            "translation_method",
            "translated_by",
            "is_interested_party",
            "citations",
            "correction_note",
        ]

    def validate_claim(self, claim: Claim) -> Claim:
        if not permissions.can(
            self.context["request"].user, permissions.ADD, Statement(claim=claim)
        ):
            raise serializers.ValidationError(
                "This claim is public: a statement on it would be published at once, and your "
                "token may not publish. File it on a draft, or ask an editor."
            )
        return claim

    def create(self, validated_data: dict) -> Statement:
        citations = validated_data.pop("citations", None)
        validated_data.pop("correction_note", None)
        statement = Statement(**validated_data)
        with transaction.atomic(), as_api_errors():
            services.create_statement(
                statement=statement, by=self.context["request"].user, reason=VIA_API
            )
            if citations is not None:
                services.replace_citations(
                    statement=statement,
                    citations=[Citation(**citation) for citation in citations],
                    by=self.context["request"].user,
                    reason=VIA_API,
                )
        return statement

    def update(self, instance: Statement, validated_data: dict) -> Statement:
        citations = validated_data.pop("citations", None)
        note = validated_data.pop("correction_note", "")
        for field, value in validated_data.items():
            setattr(instance, field, value)
        with transaction.atomic(), as_api_errors():
            services.edit_statement(
                statement=instance,
                by=self.context["request"].user,
                reason=VIA_API,
                correction_note=note,
            )
            if citations is not None:
                services.replace_citations(
                    statement=instance,
                    citations=[Citation(**citation) for citation in citations],
                    by=self.context["request"].user,
                    reason=VIA_API,
                    correction_note=note,
                )
        return instance
