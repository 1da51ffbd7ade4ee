"""How claims and statements read in the API (the write shapes are in ``writes``)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import ApiUrlField, HtmlUrlField, PartialDates, TranslationsField
from claims.models import Citation, Claim, RequestForComment, Statement, Topic
from claims.positions import current_positions
from claims.vocabulary import Direction

from . import representations
from .actors import ActorBriefSerializer
from .sources import SourceSerializer


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name"]
        read_only_fields = fields


class CitationSerializer(serializers.ModelSerializer):
    source = SourceSerializer(read_only=True)

    class Meta:
        model = Citation
        fields = ["id", "source", "locator", "credibility"]
        read_only_fields = fields


class ClaimBriefSerializer(serializers.ModelSerializer):
    url = ApiUrlField(view_name="api:claim-detail")
    html_url = HtmlUrlField()

    class Meta:
        model = Claim
        fields = ["id", "url", "html_url", "slug", "text", "status"]
        read_only_fields = fields


class StatementSerializer(PartialDates, serializers.ModelSerializer):
    """A statement as it appears on its claim."""

    url = ApiUrlField(view_name="api:statement-detail")
    actor = ActorBriefSerializer(read_only=True)
    on_behalf_of = ActorBriefSerializer(read_only=True, allow_null=True)
    direction = serializers.ChoiceField(choices=Direction.choices, read_only=True)
    stated_on_display = serializers.CharField(read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Statement
        fields = [
            "id",
            "url",
            "actor",
            "on_behalf_of",
            "stance",
            "direction",
            "stated_on",
            "stated_on_precision",
            "stated_on_is_report_date",
            "stated_on_display",
            "quote",
            "quote_language",
            "paraphrase",
            "translation",
            "translation_method",
            "translated_by",
            "is_interested_party",
            "citations",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class StatementListSerializer(StatementSerializer):
    """A statement on its own, naming its claim."""

    claim = ClaimBriefSerializer(read_only=True)

    class Meta(StatementSerializer.Meta):
        fields = ["id", "url", "claim", *StatementSerializer.Meta.fields[2:]]
        read_only_fields = fields


class ClaimSerializer(PartialDates, serializers.ModelSerializer):
    """A claim in the list. Its fields declare the shape (the schema's); it is read by
    ``representations.claim``, the same JSON without walking the fields one by one."""

    url = ApiUrlField(view_name="api:claim-detail")
    html_url = HtmlUrlField()
    topics = TopicSerializer(many=True, read_only=True, source="seen_topics")
    contested = serializers.BooleanField(
        source="is_contested",
        read_only=True,
        help_text="Derived: one actor's current position is for the claim, another's against.",
    )
    event_date_display = serializers.CharField(read_only=True)
    translations = TranslationsField()

    class Meta:
        model = Claim
        fields = [
            "id",
            "url",
            "html_url",
            "slug",
            "text",
            "summary",
            "language",
            "translations",
            "event_date",
            "event_date_precision",
            "event_date_display",
            "place_name",
            "latitude",
            "longitude",
            "topics",
            "verdict",
            "verdict_reasoning",
            "status",
            "contested",
            "published_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    to_representation = representations.fast(representations.claim)


class RelatedClaimSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="contradicts, duplicate_of, part_of or related_to.")
    direction = serializers.ChoiceField(
        choices=["outgoing", "incoming"],
        help_text="outgoing: this claim <kind> the other; incoming: the other <kind> this one.",
    )
    note = serializers.CharField()
    claim = ClaimBriefSerializer()


class RequestForCommentSerializer(serializers.ModelSerializer):
    actor = ActorBriefSerializer(read_only=True)
    reply = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = RequestForComment
        fields = ["actor", "requested_on", "deadline", "channel", "outcome", "reply"]
        read_only_fields = fields


class PositionSerializer(serializers.Serializer):
    """A party's current position on the claim (``claims.positions``): the same grouping as the
    claim page's for / against columns and the ``contested`` flag."""

    party = ActorBriefSerializer(help_text="Whose position: the speaker, or whom it spoke for.")
    direction = serializers.ChoiceField(choices=Direction.choices)
    stance = serializers.CharField(source="current.stance", help_text="Its latest stance.")
    statement = serializers.IntegerField(source="current.pk", help_text="Its latest statement.")
    change = serializers.CharField(
        help_text='How the position moved, e.g. "denied in March 2025, acknowledged in July '
        '2025"; empty when it never changed.'
    )


class ClaimDetailSerializer(ClaimSerializer):
    """A claim's detail, read by ``representations.claim_detail`` (the fields below are its
    shape)."""

    statements = StatementSerializer(many=True, read_only=True)
    positions = serializers.SerializerMethodField(
        help_text="Each party's current position, for, then against, then neutral."
    )
    relations = serializers.SerializerMethodField(help_text="Rival and related public claims.")
    requests_for_comment = RequestForCommentSerializer(many=True, read_only=True)
    history_url = ApiUrlField(view_name="api:claim-history")

    class Meta(ClaimSerializer.Meta):
        fields = [
            *ClaimSerializer.Meta.fields,
            "withdrawn_at",
            "withdrawal_reason",
            "statements",
            "positions",
            "relations",
            "requests_for_comment",
            "history_url",
        ]
        read_only_fields = fields

    to_representation = representations.fast(representations.claim_detail)

    @extend_schema_field(PositionSerializer(many=True))
    def get_positions(self, claim: Claim) -> list[dict]:
        grouped = current_positions(claim.statements.all())
        rows = [position for direction in Direction.values for position in grouped[direction]]
        return PositionSerializer(rows, many=True, context=self.context).data

    @extend_schema_field(RelatedClaimSerializer(many=True))
    def get_relations(self, claim: Claim) -> list[dict]:
        rows = [
            {"kind": r.kind, "direction": "outgoing", "note": r.note, "claim": r.to_claim}
            for r in claim.relations_from.all()
        ] + [
            {"kind": r.kind, "direction": "incoming", "note": r.note, "claim": r.from_claim}
            for r in claim.relations_to.all()
        ]
        return RelatedClaimSerializer(rows, many=True, context=self.context).data


class CorrectionSerializer(serializers.Serializer):
    """A public correction note: what changed in the claim's substance, and why."""

    note = serializers.CharField()
    changed = serializers.ListField(child=serializers.CharField())
    corrected_at = serializers.DateTimeField(source="created_at")


class ClaimRevisionSerializer(serializers.Serializer):
    """One published revision of a claim: what the public saw from ``revised_at`` on, with the
    correction notes saved with it (empty for a revision that corrected nothing)."""

    revision = serializers.IntegerField(source="history_id")
    revised_at = serializers.DateTimeField(source="history_date")
    text = serializers.CharField()
    summary = serializers.CharField()
    verdict = serializers.CharField()
    verdict_reasoning = serializers.CharField()
    status = serializers.CharField()
    withdrawal_reason = serializers.CharField()
    corrections = CorrectionSerializer(many=True)


class ClaimCSVSerializer(ClaimSerializer):
    """The flat CSV row of a claim (see README, "Formats")."""

    topics = serializers.SerializerMethodField()

    class Meta(ClaimSerializer.Meta):
        # One row per claim, flat: the translations stay in the JSON.
        fields = [f for f in ClaimSerializer.Meta.fields if f != "translations"]
        read_only_fields = fields

    to_representation = serializers.ModelSerializer.to_representation  # its own fields

    def get_topics(self, claim: Claim) -> str:
        return ";".join(topic.slug for topic in claim.seen_topics)


class StatementCSVSerializer(PartialDates, serializers.ModelSerializer):
    """The flat CSV row of a statement (see README, "Formats")."""

    url = ApiUrlField(view_name="api:statement-detail")
    claim_id = serializers.IntegerField()
    claim_text = serializers.CharField(source="claim.text")
    actor_id = serializers.IntegerField()
    actor_name = serializers.CharField(source="actor.name")
    on_behalf_of_id = serializers.IntegerField(allow_null=True)
    on_behalf_of_name = serializers.SerializerMethodField()
    direction = serializers.CharField()
    source_urls = serializers.SerializerMethodField()

    class Meta:
        model = Statement
        fields = [
            "id",
            "url",
            "claim_id",
            "claim_text",
            "actor_id",
            "actor_name",
            "on_behalf_of_id",
            "on_behalf_of_name",
            "stance",
            "direction",
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
            "source_urls",
            "updated_at",
        ]
        read_only_fields = fields

    def get_on_behalf_of_name(self, statement: Statement) -> str:
        return statement.on_behalf_of.name if statement.on_behalf_of else ""

    def get_source_urls(self, statement: Statement) -> str:
        return " ".join(c.source.url for c in statement.citations.all() if c.source.url)
