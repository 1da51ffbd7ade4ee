"""Claims and statements in the public API.

Lists read ``public.listed_claims()``; a claim's detail reads ``public.claims()`` so a
withdrawn claim keeps its address (``claims.visibility``). Everything nested is prefetched from
the public querysets.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework_csv.renderers import CSVRenderer

from actors.models import Actor
from claims import linked_data, permissions, selectors, services
from claims.concurrency import StaleEdit
from claims.filters import CLAIM_ORDERINGS, ClaimFilter
from claims.models import Citation, Claim, RequestForComment, Statement, Topic
from claims.positions import current_positions
from claims.visibility import public
from claims.vocabulary import PUBLIC_STATUSES, Direction, Status
from sources.models import Source

from .actors import ActorBriefSerializer
from .base import ApiUrlField, HtmlUrlField, version_of
from .sources import SourceSerializer
from .statement_filters import StatementFilter
from .viewsets import WriteViewSet

# Renderers ---------------------------------------------------------------------------------------


class ClaimReviewRenderer(JSONRenderer):
    """A claim as schema.org ClaimReview (``?format=claimreview``)."""

    media_type = "application/ld+json"
    format = "claimreview"


class StancesJSONLDRenderer(JSONRenderer):
    """A claim with every actor's stance, as JSON-LD (``?format=jsonld``)."""

    media_type = "application/ld+json"
    format = "jsonld"


class FlatCSVRenderer(CSVRenderer):
    """A list as CSV, one row per object, columns in the order the view gives."""

    media_type = "text/csv"
    format = "csv"


# Serializers -------------------------------------------------------------------------------------


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


class StatementSerializer(serializers.ModelSerializer):
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


class ClaimSerializer(serializers.ModelSerializer):
    url = ApiUrlField(view_name="api:claim-detail")
    html_url = HtmlUrlField()
    topics = TopicSerializer(many=True, read_only=True)
    contested = serializers.BooleanField(
        read_only=True,
        help_text="Derived: one actor's current position is for the claim, another's against.",
    )
    event_date_display = serializers.CharField(read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "url",
            "html_url",
            "slug",
            "text",
            "summary",
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
        pass

    def get_topics(self, claim: Claim) -> str:
        return ";".join(topic.slug for topic in claim.topics.all())


class StatementCSVSerializer(serializers.ModelSerializer):
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


# Writes ------------------------------------------------------------------------------------------


CORRECTION_NOTE_HELP = (
    "Required when a change alters a public claim's substance: the public corrections log's "
    "note saying what was corrected and why."
)


class ClaimWriteSerializer(serializers.ModelSerializer):
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
        if value in PUBLIC_STATUSES and not permissions.may_publish(self.context["request"].user):
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
                move_claim(instance, status, by=user, withdrawal_reason=withdrawal_reason)
        return instance


VIA_API = "Via the API"


def move_claim(claim: Claim, status: str, *, by: Any, withdrawal_reason: str) -> None:
    """The workflow move that takes ``claim`` to ``status``; any other is refused by the
    workflow itself (a 400 naming ``status``)."""
    if status == Status.WITHDRAWN:
        services.withdraw(claim=claim, by=by, reason=withdrawal_reason)
    elif status == Status.PUBLISHED:
        services.publish(claim=claim, by=by, reason=VIA_API)
    elif status == Status.IN_REVIEW:
        services.submit_for_review(claim=claim, by=by, reason=VIA_API)
    else:
        services.return_to_draft(claim=claim, by=by, reason=VIA_API)


@contextmanager
def as_api_errors() -> Iterator[None]:
    """The workflow's refusals as API answers: a broken rule is a 400 naming the field."""
    try:
        yield
    except DjangoValidationError as exc:
        raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc


class CitationWriteSerializer(serializers.ModelSerializer):
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all())

    class Meta:
        model = Citation
        fields = ["source", "locator", "credibility"]


class StatementWriteSerializer(serializers.ModelSerializer):
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
        if not permissions.may_change(self.context["request"].user, claim):
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


# Querysets ---------------------------------------------------------------------------------------


def public_statements() -> Any:
    citations = public.citations().select_related("source__outlet")
    return (
        public.statements()
        .select_related("actor", "on_behalf_of")
        .prefetch_related(Prefetch("citations", queryset=citations))
    )


def public_topics() -> Prefetch:
    return Prefetch("topics", queryset=public.topics())


# Viewsets ----------------------------------------------------------------------------------------


class PublicationRulesMixin:
    """Who may change what: ``claims.permissions.may_change``, as in the admin."""

    request: Any

    def check_may_change(self, instance: Any) -> None:
        if not permissions.may_change(self.request.user, instance):
            raise exceptions.PermissionDenied(permissions.PUBLIC_RECORD_REFUSAL)


class ClaimViewSet(PublicationRulesMixin, WriteViewSet):
    """Published claims. A claim's detail nests its statements (with actors and cited sources),
    its rival and related claims and the outcome of requests for comment."""

    read_serializer_class = ClaimSerializer
    write_serializer_class = ClaimWriteSerializer
    stale_errors = (StaleEdit,)
    filterset_class = ClaimFilter
    paginated_actions = ("history",)
    renderer_classes = [JSONRenderer, FlatCSVRenderer, ClaimReviewRenderer, StancesJSONLDRenderer]

    def get_renderers(self) -> list:
        formats = {"list": ("json", "csv"), "retrieve": ("json", "claimreview", "jsonld")}
        offered = formats.get(getattr(self, "action", None) or "", ("json",))
        return [renderer() for renderer in self.renderer_classes if renderer.format in offered]

    def public_queryset(self):
        if self.action == "list":
            return public.listed_claims()
        return public.claims()

    def prepare(self, queryset):
        queryset = queryset.prefetch_related(public_topics())
        if self.action == "list":
            # "Contested" is worked out for the page only (mark_contested), not for every
            # claim the database sorts to find the page.
            return queryset
        queryset = queryset.with_contested()
        relations = public.claim_relations()
        return queryset.prefetch_related(
            Prefetch("statements", queryset=public_statements()),
            Prefetch("relations_from", queryset=relations.select_related("to_claim")),
            Prefetch("relations_to", queryset=relations.select_related("from_claim")),
            Prefetch(
                "requests_for_comment",
                queryset=public.requests_for_comment().select_related("actor"),
            ),
        )

    def get_serializer_class(self):
        if self.request.method in ("GET", "HEAD"):
            if self.action == "list":
                csv = wants_csv(self.request)
                return ClaimCSVSerializer if csv else ClaimSerializer
            return ClaimDetailSerializer
        return super().get_serializer_class()

    def _read_back(self, instance, status_code):
        self.read_serializer_class = ClaimDetailSerializer
        return super()._read_back(instance, status_code)

    def get_pagination_ordering(self) -> tuple[str, ...]:
        return CLAIM_ORDERINGS.get(
            self.request.query_params.get("ordering", ""), self.pagination_ordering
        )

    def ordered_by_relevance(self) -> bool:
        params = self.request.query_params
        return (
            self.action == "list"
            and bool(params.get("q", "").strip())
            and not params.get("ordering")
        )

    def list(self, request, *args, **kwargs):
        return csv_aware_list(self, on_page=mark_contested)

    def get_renderer_context(self) -> dict:
        return {**super().get_renderer_context(), "header": ClaimCSVSerializer.Meta.fields}

    @extend_schema(
        responses={
            (200, "application/json"): ClaimDetailSerializer,
            (200, "application/ld+json"): OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="?format=claimreview: schema.org ClaimReview. ?format=jsonld: the "
                "claim with every stance (see the README).",
            ),
        }
    )
    def retrieve(self, request, *args, **kwargs):
        claim = self.get_object()
        builders = {
            "claimreview": linked_data.claim_review,
            "jsonld": linked_data.claim_with_stances,
        }
        build = builders.get(request.accepted_renderer.format)
        data = build(claim, request) if build else self.get_serializer(claim).data
        response = Response(data)
        response.version = version_of(claim)
        return response

    @extend_schema(responses={200: ClaimRevisionSerializer(many=True)})
    @action(detail=True, methods=["get"], url_path="history", url_name="history")
    def history(self, request, *args, **kwargs):
        """The claim's revisions from its first publication on, newest first, each with the
        public correction notes saved with it."""
        claim = self.get_object()
        revisions = selectors.public_revisions(claim)
        self.pagination_ordering = ("-history_date", "-history_id")
        page = self.paginate_queryset(revisions)
        notes: dict[int, list[dict]] = {}
        for correction in selectors.corrections(claim).filter(
            claim_revision_id__in=[revision["history_id"] for revision in page]
        ):
            notes.setdefault(correction["claim_revision_id"], []).append(correction)
        for revision in page:
            revision["corrections"] = notes.get(revision["history_id"], [])
        return self.get_paginated_response(ClaimRevisionSerializer(page, many=True).data)


class StatementViewSet(PublicationRulesMixin, WriteViewSet):
    """Statements on published claims, each with its actor and the sources that report it."""

    read_serializer_class = StatementListSerializer
    write_serializer_class = StatementWriteSerializer
    stale_errors = (StaleEdit,)
    filterset_class = StatementFilter
    renderer_classes = [JSONRenderer, FlatCSVRenderer]

    def get_renderers(self) -> list:
        offered = ("json", "csv") if getattr(self, "action", None) == "list" else ("json",)
        return [renderer() for renderer in self.renderer_classes if renderer.format in offered]

    def public_queryset(self):
        if self.action == "list":
            return public.statements().filter(claim__in=public.listed_claims())
        return public.statements()

    def prepare(self, queryset):
        citations = public.citations().select_related("source__outlet")
        return queryset.select_related("claim", "actor", "on_behalf_of").prefetch_related(
            Prefetch("citations", queryset=citations)
        )

    def get_serializer_class(self):
        listing = self.request.method in ("GET", "HEAD") and self.action == "list"
        if listing and wants_csv(self.request):
            return StatementCSVSerializer
        return super().get_serializer_class()

    def list(self, request, *args, **kwargs):
        return csv_aware_list(self)

    def get_renderer_context(self) -> dict:
        return {**super().get_renderer_context(), "header": StatementCSVSerializer.Meta.fields}


def wants_csv(request: Any) -> bool:
    renderer = getattr(request, "accepted_renderer", None)
    return bool(renderer and renderer.format == "csv")


def mark_contested(claims: list[Claim]) -> None:
    """Set ``is_contested`` on a page of claims with one query over those claims alone."""
    contested = set(
        Claim.objects.filter(pk__in=[c.pk for c in claims]).contested().values_list("pk", flat=True)
    )
    for claim in claims:
        claim.is_contested = claim.pk in contested


def csv_aware_list(view: Any, on_page: Any = None) -> Response:
    """A paginated list; as CSV, the rows alone, with the next page in a ``Link`` header."""
    page = view.paginate_queryset(view.filter_queryset(view.get_queryset()))
    if on_page and page:
        on_page(page)
    data = view.get_serializer(page, many=True).data
    if view.request.accepted_renderer.format != "csv":
        return view.get_paginated_response(data)
    response = Response(data)
    links = [
        f'<{link}>; rel="{rel}"'
        for rel, link in (
            ("next", view.paginator.get_next_link()),
            ("prev", view.paginator.get_previous_link()),
        )
        if link
    ]
    if links:
        response["Link"] = ", ".join(links)
    return response
