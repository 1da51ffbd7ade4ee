"""Claims in the public API.

The list reads ``public.listed_claims()``; a claim's detail and history read
``public.claims()`` so a withdrawn claim keeps its address (``claims.visibility``). Everything
nested is prefetched from the public querysets. Writes reach every claim the writer may change:
the rules are the services'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import prefetch_related_objects
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from claims import selectors, services
from claims.concurrency import StaleEdit
from claims.filters import CLAIM_ORDERINGS, ClaimFilter
from claims.models import Claim
from claims.visibility import Visibility
from ledger import linked_data

from .conditional import version_of
from .errors import VIA_API, as_api_errors
from .renderers import ClaimReviewRenderer, FlatCSVRenderer, StancesJSONLDRenderer
from .serializers import representations
from .serializers.claims import (
    ClaimCSVSerializer,
    ClaimDetailSerializer,
    ClaimRevisionSerializer,
    ClaimSerializer,
)
from .serializers.records import WorkflowMoveSerializer
from .serializers.writes import ClaimWriteSerializer
from .viewsets import WRITES, WritableViewSet

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request


def rows_with_topics(rows: list[dict], seen: Visibility) -> list[representations.ClaimRow]:
    """The list's claims, given as ``.values()`` rows, with their topics (one query), as
    ``claims.selectors.topics_seen(seen, listed=True)`` gives them to models."""
    topics = seen.topics_of_listed_claims()
    found: dict[int, list[representations.TopicName]] = {}
    for claim_id, slug, name in topics.filter(claims__in=[row["id"] for row in rows]).values_list(
        "claims", "slug", "name"
    ):
        found.setdefault(claim_id, []).append(representations.TopicName(slug, name))
    return [representations.ClaimRow(**row, seen_topics=found.get(row["id"], [])) for row in rows]


# The workflow's buttons (``ClaimViewSet.move``): writes, reaching every claim the user may move.
MOVES = frozenset({"submit", "publish", "withdraw", "return_to_draft"})


class ClaimViewSet(WritableViewSet):
    """Published claims. A claim's detail nests its statements (with actors and cited sources),
    each party's current position, its rival and related claims and the outcome of requests for
    comment."""

    filterset_class = ClaimFilter
    detail_serializer_class = ClaimDetailSerializer
    stale_errors = (StaleEdit,)
    natural_keys_from = {"slug": "text"}
    paginated_actions = ("history",)
    renderer_classes = [JSONRenderer, FlatCSVRenderer, ClaimReviewRenderer, StancesJSONLDRenderer]

    def get_queryset(self) -> QuerySet[Claim]:
        # Built once per request: the permission check asks for it too (for its model). Each
        # caller gets a fresh copy, never an evaluated one.
        built = self.__dict__.get("_claims")
        if built is None:
            built = self.__dict__["_claims"] = self.build_queryset()
        return built.all()

    def build_queryset(self) -> QuerySet[Claim]:
        seen = self.seen
        if self.action == "list":
            # A newsroom token lists every claim, drafts included (each carries its status);
            # the public, the published ones. "Contested" is a stored column. Their topics are
            # read for the page alone (``list``).
            return seen.claims() if seen.preview else seen.listed_claims()
        if self.action in WRITES or self.action in MOVES:
            return selectors.claim_details(Claim.objects.all(), seen, ordered=False)
        # retrieve, history: withdrawn claims too
        return selectors.claim_details(seen.claims(), seen, ordered=False)

    def get_serializer_class(self) -> type[serializers.Serializer]:
        if self.action == "list":
            return ClaimCSVSerializer if wants_csv(self.request) else ClaimSerializer
        if self.action in WRITES:
            return ClaimWriteSerializer
        return ClaimDetailSerializer

    def get_renderers(self) -> list:
        formats = {"list": ("json", "csv"), "retrieve": ("json", "claimreview", "jsonld")}
        offered = formats.get(getattr(self, "action", None) or "", ("json",))
        return [renderer() for renderer in self.renderer_classes if renderer.format in offered]

    def get_pagination_ordering(self) -> tuple[str, ...]:
        if self.action == "history":
            return ("-history_date", "-history_id")
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
        """The page's claims as rows (``QuerySet.values()``: no model built for a list), each
        with its topics, read by ``representations.claim``, the detail's own function. CSV goes
        through its declared serializer, on models."""
        if wants_csv(request):
            prefetch = selectors.topics_seen(self.seen, listed=True)
            return csv_aware_list(
                self, on_page=lambda page: prefetch_related_objects(page, prefetch)
            )
        rows = self.paginate_queryset(self.filter_queryset(self.get_queryset()).values())
        to = representations.links(self.get_serializer_context())
        shown = rows_with_topics(rows, self.seen)
        return self.get_paginated_response([representations.claim(row, to) for row in shown])

    def get_renderer_context(self) -> dict:
        return {**super().get_renderer_context(), "header": ClaimCSVSerializer.Meta.fields}

    @extend_schema(
        responses={
            (200, "application/json"): ClaimDetailSerializer,
            (200, "application/ld+json"): OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="?format=claimreview: schema.org ClaimReview (a withdrawn claim: no "
                "review, a WebPage whose creativeWorkStatus is Withdrawn). ?format=jsonld: the "
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

    # The workflow's buttons, one request each ------------------------------------------------

    def move(self, request: Request, run: Any, *, reason_required: bool = False) -> Response:
        """Apply one workflow move to the claim, under the services' rules, and answer with
        the claim as it now reads. The body is optional: ``{"reason": "…"}``, recorded in the
        history (and, for a withdrawal, shown publicly)."""
        body = request.data
        if not isinstance(body, dict):
            raise exceptions.ValidationError(
                {"non_field_errors": ["Send a JSON object, or no body at all."]}
            )
        unknown = sorted(set(body) - {"reason"})
        if unknown or not isinstance(body.get("reason", ""), str):
            errors = {name: ["Unknown field."] for name in unknown}
            if "reason" in body and not isinstance(body["reason"], str):
                errors["reason"] = ["Must be a string."]
            raise exceptions.ValidationError(errors)
        reason = body.get("reason", "").strip()
        if reason_required and not reason:
            raise exceptions.ValidationError({"reason": ["Say publicly why."]})
        with transaction.atomic():
            claim = self.get_object()
            with as_api_errors():
                run(claim=claim, by=request.user, reason=reason or VIA_API)
            return self.read_back(claim, status.HTTP_200_OK)

    @extend_schema(request=WorkflowMoveSerializer, responses={200: ClaimDetailSerializer})
    @action(detail=True, methods=["post"], filterset_class=None)
    def submit(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Draft → in review."""
        return self.move(request, services.submit_for_review)

    @extend_schema(request=WorkflowMoveSerializer, responses={200: ClaimDetailSerializer})
    @action(detail=True, methods=["post"], filterset_class=None)
    def publish(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Draft or in review → published (an editor's token): one request."""
        return self.move(request, services.publish_now)

    @extend_schema(request=WorkflowMoveSerializer, responses={200: ClaimDetailSerializer})
    @action(detail=True, methods=["post"], filterset_class=None)
    def withdraw(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Published → withdrawn; ``reason`` is required and shown on the claim's page."""
        return self.move(request, services.withdraw, reason_required=True)

    @extend_schema(request=WorkflowMoveSerializer, responses={200: ClaimDetailSerializer})
    @action(
        detail=True,
        methods=["post"],
        url_path="return-to-draft",
        url_name="return-to-draft",
        filterset_class=None,
    )
    def return_to_draft(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """In review → draft."""
        return self.move(request, services.return_to_draft)

    @extend_schema(responses={200: ClaimRevisionSerializer(many=True)})
    @action(
        detail=True,
        methods=["get"],
        url_path="history",
        url_name="history",
        filterset_class=None,  # the history takes cursor and page_size only
    )
    def history(self, request, *args, **kwargs):
        """The claim's revisions from its first publication on, newest first, each with the
        public correction notes saved with it."""
        claim = self.get_object()
        revisions = selectors.public_revisions(claim)
        page = self.paginate_queryset(revisions)
        notes: dict[int, list[dict]] = {}
        for correction in selectors.corrections(claim).filter(
            claim_revision_id__in=[revision["history_id"] for revision in page]
        ):
            notes.setdefault(correction["claim_revision_id"], []).append(correction)
        for revision in page:
            revision["corrections"] = notes.get(revision["history_id"], [])
        return self.get_paginated_response(ClaimRevisionSerializer(page, many=True).data)


def wants_csv(request: Any) -> bool:
    renderer = getattr(request, "accepted_renderer", None)
    return bool(renderer and renderer.format == "csv")


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
