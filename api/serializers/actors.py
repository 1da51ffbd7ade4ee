"""Actors in the public API: only those a public claim references, with their aliases and the
relations between two public actors."""

from __future__ import annotations

from django.db import transaction
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actors.models import Actor, ActorAlias, ActorKind, ActorRelation
from api.errors import VIA_API, as_api_errors
from api.fields import ApiUrlField, HtmlUrlField, PartialDates, TranslationsField
from api.serializers.base import WriteSerializer
from api.serializers.shared import correction_note_field
from claims import services

from . import representations
from .sources import SourceSerializer


class ActorBriefSerializer(serializers.ModelSerializer):
    """An actor as it appears inside another object."""

    url = ApiUrlField(view_name="api:actor-detail")
    html_url = HtmlUrlField()
    kind = serializers.ChoiceField(choices=ActorKind.choices, read_only=True)

    class Meta:
        model = Actor
        fields = ["id", "url", "html_url", "name", "slug", "kind"]
        read_only_fields = fields


class AliasSerializer(WriteSerializer):
    class Meta:
        model = ActorAlias
        fields = ["name", "language"]


class ActorRelationSerializer(PartialDates, serializers.ModelSerializer):
    subject = ActorBriefSerializer(read_only=True)
    object = ActorBriefSerializer(read_only=True)
    source = serializers.SerializerMethodField(
        help_text="The document establishing the relation, when a public claim cites it."
    )

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
        ]
        read_only_fields = fields

    @extend_schema_field(SourceSerializer(allow_null=True))
    def get_source(self, relation: ActorRelation) -> dict | None:
        if relation.source_id is None or not relation.source_is_public:
            return None
        return SourceSerializer(relation.source, context=self.context).data


class ActorSerializer(PartialDates, serializers.ModelSerializer):
    """An actor. Its fields declare the shape; it is read by ``representations.actor``."""

    url = ApiUrlField(view_name="api:actor-detail")
    html_url = HtmlUrlField()
    country = serializers.CharField(source="country.code", read_only=True)
    aliases = AliasSerializer(many=True, read_only=True, source="seen_aliases")
    relations = serializers.SerializerMethodField(
        help_text="Relations with other public actors, in either direction."
    )
    translations = TranslationsField()

    class Meta:
        model = Actor
        fields = [
            "id",
            "url",
            "html_url",
            "name",
            "slug",
            "kind",
            "description",
            "language",
            "translations",
            "country",
            "founded_on",
            "founded_on_precision",
            "dissolved_on",
            "dissolved_on_precision",
            "wikidata_id",
            "aliases",
            "relations",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    to_representation = representations.fast(representations.actor)

    @extend_schema_field(ActorRelationSerializer(many=True))
    def get_relations(self, actor: Actor) -> list[dict]:
        relations = [*actor.seen_relations_from, *actor.seen_relations_to]
        return ActorRelationSerializer(relations, many=True, context=self.context).data


class ActorWriteSerializer(PartialDates, WriteSerializer):
    """An actor and its aliases, through ``claims.services.save_reference``: one a public claim
    references is the editors' to change (its aliases too), and a change to it is a correction
    on each public claim that shows it."""

    country = CountryField(required=False, allow_blank=True)
    aliases = AliasSerializer(
        many=True, required=False, help_text="Replaces every alias when given."
    )
    correction_note = correction_note_field()

    class Meta:
        model = Actor
        fields = [
            "name",
            "slug",
            "kind",
            "description",
            "language",
            "translations",
            "country",
            "founded_on",
            "founded_on_precision",
            "dissolved_on",
            "dissolved_on_precision",
            "wikidata_id",
            "aliases",
            "correction_note",
        ]
        extra_kwargs = {"slug": {"required": False}}

    def validate_aliases(self, aliases: list[dict]) -> list[dict]:
        # A PATCH makes nested fields optional (DRF's partial); an alias still needs its name.
        missing = {
            str(index): {"name": ["This field is required."]}
            for index, alias in enumerate(aliases)
            if not alias.get("name")
        }
        if missing:  # in DRF's own shape for a list's errors: by index, failing items only
            raise serializers.ValidationError(missing)
        names = [alias["name"] for alias in aliases]
        if len(names) != len(set(names)):
            raise serializers.ValidationError("Each alias once.")
        return aliases

    def _save(self, actor: Actor, aliases: list[dict] | None, note: str) -> Actor:
        by = self.context["request"].user
        with transaction.atomic(), as_api_errors():
            services.save_reference(record=actor, by=by, reason=VIA_API, correction_note=note)
            if aliases is not None:
                for alias in actor.aliases.all():
                    services.delete_reference(record=alias, by=by, reason=VIA_API)
                for alias in aliases:
                    services.save_reference(
                        record=ActorAlias(actor=actor, **alias), by=by, reason=VIA_API
                    )
        return actor

    def create(self, validated_data: dict) -> Actor:
        aliases = validated_data.pop("aliases", None)
        note = validated_data.pop("correction_note", "")
        return self._save(Actor(**validated_data), aliases, note)

    def update(self, instance: Actor, validated_data: dict) -> Actor:
        aliases = validated_data.pop("aliases", None)
        note = validated_data.pop("correction_note", "")
        for field, value in validated_data.items():
            setattr(instance, field, value)
        return self._save(instance, aliases, note)
