from __future__ import annotations

from typing import TYPE_CHECKING, Any

import nested_admin
from django.contrib import admin
from django.db.models import Count
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from actors.models import Actor

from .models import (
    Citation,
    Claim,
    ClaimRelation,
    RequestForComment,
    Statement,
    Topic,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest


# Filters -----------------------------------------------------------------------------------------


class ContestedFilter(admin.SimpleListFilter):
    title = "contested"
    parameter_name = "contested"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Contested"), ("no", "Not contested")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        if self.value() == "yes":
            return queryset.contested()
        if self.value() == "no":
            return queryset.uncontested()
        return queryset


class ActorFilter(admin.SimpleListFilter):
    """Claims an actor took a position on (as speaker or as the party spoken for).

    A newsroom has tens of thousands of actors, so the sidebar offers the most-quoted ones plus
    the one selected; any other actor is reachable by ``?actor=<id>`` from the actor's page."""

    title = "actor"
    parameter_name = "actor"
    shown = 15

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        top = list(
            Actor.objects.annotate(n=Count("statements"))
            .filter(n__gt=0)
            .order_by("-n", "name")
            .values_list("pk", "name")[: self.shown]
        )
        selected = self.value()
        if selected and selected.isdigit() and all(str(pk) != selected for pk, _ in top):
            top += list(Actor.objects.filter(pk=selected).values_list("pk", "name"))
        return [(str(pk), name) for pk, name in top]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        value = self.value()
        if not value:
            return queryset
        actor = Actor.objects.filter(pk=value).first() if value.isdigit() else None
        if actor is None:
            return queryset.none()
        return queryset.filter(pk__in=Statement.objects.by(actor).values("claim"))


class OverdueFilter(admin.SimpleListFilter):
    title = "deadline"
    parameter_name = "overdue"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Past deadline, no reply")]

    def queryset(
        self, request: HttpRequest, queryset: QuerySet[RequestForComment]
    ) -> QuerySet[RequestForComment]:
        if self.value() == "yes":
            return queryset.overdue(timezone.localdate())
        return queryset


# Inlines -----------------------------------------------------------------------------------------


class CitationInline(nested_admin.NestedTabularInline):
    model = Citation
    extra = 1
    autocomplete_fields = ["source"]
    fields = ["source", "locator", "credibility"]


class StatementInline(nested_admin.NestedStackedInline):
    model = Statement
    extra = 1
    autocomplete_fields = ["actor", "on_behalf_of"]
    inlines = [CitationInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("actor", "on_behalf_of"),
                    ("stance", "is_interested_party"),
                    ("stated_on", "stated_on_precision", "stated_on_is_report_date"),
                    ("quote", "quote_language"),
                    "paraphrase",
                    ("translation", "translation_method", "translated_by"),
                ]
            },
        ),
    ]


class ClaimRelationInline(nested_admin.NestedTabularInline):
    model = ClaimRelation
    fk_name = "from_claim"
    extra = 0
    autocomplete_fields = ["to_claim"]
    verbose_name = "relation to another claim (this claim …)"
    verbose_name_plural = "relations to other claims (this claim …)"


class RequestForCommentInline(nested_admin.NestedTabularInline):
    model = RequestForComment
    extra = 0
    autocomplete_fields = ["actor", "reply"]
    fields = ["actor", "requested_on", "channel", "deadline", "outcome", "reply", "contact"]


# Model admins ------------------------------------------------------------------------------------


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin, nested_admin.NestedModelAdmin):
    list_display = ["text", "status", "verdict", "contested_display", "event", "updated_at"]
    list_filter = ["status", "verdict", ContestedFilter, "topics", ActorFilter]
    search_fields = ["text", "summary", "slug"]
    prepopulated_fields = {"slug": ["text"]}
    autocomplete_fields = ["topics"]
    readonly_fields = [
        "contested_display",
        "first_asserted_display",
        "published_at",
        "withdrawn_at",
        "created_at",
        "updated_at",
    ]
    inlines = [StatementInline, ClaimRelationInline, RequestForCommentInline]
    fieldsets = [
        (None, {"fields": ["text", "slug", "summary", "topics"]}),
        (
            "Event",
            {
                "fields": [
                    ("event_date", "event_date_precision"),
                    "place_name",
                    ("latitude", "longitude"),
                ]
            },
        ),
        ("Verdict", {"fields": ["verdict", "verdict_reasoning"]}),
        (
            "Publication",
            {"fields": ["status", "withdrawal_reason", "published_at", "withdrawn_at"]},
        ),
        (
            "Derived from the statements",
            {"fields": ["contested_display", "first_asserted_display", "created_at", "updated_at"]},
        ),
        ("Newsroom only", {"fields": ["internal_notes"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return super().get_queryset(request).with_contested().with_first_asserted()

    @admin.display(description="contested", boolean=True)
    def contested_display(self, obj: Claim) -> bool:
        return obj.contested

    @admin.display(description="first asserted")
    def first_asserted_display(self, obj: Claim) -> str:
        first = obj.first_asserted
        return first.isoformat() if first else "—"

    @admin.display(description="event", ordering="event_date")
    def event(self, obj: Claim) -> str:
        return obj.event_date_display


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin, nested_admin.NestedModelAdmin):
    list_display = ["claim", "actor", "stance", "stated_on_display", "on_behalf_of"]
    list_filter = ["stance", "is_interested_party", "translation_method"]
    list_select_related = ["claim", "actor", "on_behalf_of"]
    search_fields = ["quote", "translation", "paraphrase", "actor__name", "claim__text"]
    autocomplete_fields = ["claim", "actor", "on_behalf_of"]
    inlines = [CitationInline]

    @admin.display(description="said on", ordering="stated_on")
    def stated_on_display(self, obj: Statement) -> str:
        return obj.stated_on_display


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["statement", "source", "locator", "credibility"]
    list_filter = ["credibility"]
    list_select_related = ["statement__claim", "statement__actor", "source__outlet"]
    search_fields = ["source__title", "statement__claim__text", "locator"]
    autocomplete_fields = ["statement", "source"]


@admin.register(ClaimRelation)
class ClaimRelationAdmin(SimpleHistoryAdmin):
    list_display = ["from_claim", "kind", "to_claim"]
    list_filter = ["kind"]
    list_select_related = ["from_claim", "to_claim"]
    search_fields = ["from_claim__text", "to_claim__text"]
    autocomplete_fields = ["from_claim", "to_claim"]


@admin.register(RequestForComment)
class RequestForCommentAdmin(SimpleHistoryAdmin):
    list_display = ["actor", "claim", "requested_on", "channel", "deadline", "outcome"]
    list_filter = [OverdueFilter, "outcome", "channel"]
    list_select_related = ["actor", "claim"]
    search_fields = ["actor__name", "claim__text"]
    autocomplete_fields = ["claim", "actor", "reply"]
    date_hierarchy = "requested_on"

    def save_model(self, request: HttpRequest, obj: RequestForComment, form: Any, change: bool):  # type: ignore[no-untyped-def]
        if not change and obj.requested_by_id is None:
            obj.requested_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
