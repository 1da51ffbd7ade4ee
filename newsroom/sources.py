from __future__ import annotations

from django.contrib import admin

from sources.models import Outlet, Source

from .history import HistoryAdmin


@admin.register(Outlet)
class OutletAdmin(HistoryAdmin):
    list_display = ["name", "kind", "country", "default_reliability"]
    list_filter = ["kind", "default_reliability"]
    search_fields = ["name", "website"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["title", "outlet", "published_on", "language", "reliability_display"]
    list_filter = ["outlet__kind", "reliability", "language"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "byline", "outlet__name"]
    autocomplete_fields = ["outlet"]
    date_hierarchy = "published_on"
    fieldsets = [
        (None, {"fields": ["title", "url", "outlet", "byline", "published_on", "language"]}),
        ("Preservation", {"fields": ["archive_url", "retrieved_on"]}),
        ("Grading", {"fields": ["reliability"]}),
        ("Newsroom only", {"fields": ["internal_notes"]}),
    ]

    @admin.display(description="reliability")
    def reliability_display(self, obj: Source) -> str:
        return obj.reliability_grade
