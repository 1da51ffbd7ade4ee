from __future__ import annotations

from django.contrib import admin

from actors.models import Actor, ActorAlias, ActorRelation

from .history import HistoryAdmin


class AliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


class RelationInline(admin.TabularInline):
    model = ActorRelation
    fk_name = "subject"
    extra = 0
    autocomplete_fields = ["object", "source"]
    fields = [
        "kind",
        "object",
        "start_on",
        "start_on_precision",
        "end_on",
        "end_on_precision",
        "source",
        "note",
    ]
    verbose_name = "relation (this actor is …)"
    verbose_name_plural = "relations (this actor is …)"


@admin.register(Actor)
class ActorAdmin(HistoryAdmin):
    list_display = ["name", "kind", "country", "aliases_display"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, RelationInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "description", "country", "wikidata_id"]}),
        (
            "Dates",
            {
                "fields": [
                    ("founded_on", "founded_on_precision"),
                    ("dissolved_on", "dissolved_on_precision"),
                ]
            },
        ),
        ("Newsroom only", {"fields": ["internal_notes"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def aliases_display(self, obj: Actor) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all())


@admin.register(ActorRelation)
class ActorRelationAdmin(HistoryAdmin):
    list_display = ["subject", "kind", "object", "start_on", "end_on", "source"]
    list_filter = ["kind"]
    list_select_related = ["subject", "object", "source__outlet"]
    search_fields = ["subject__name", "object__name"]
    autocomplete_fields = ["subject", "object", "source"]
