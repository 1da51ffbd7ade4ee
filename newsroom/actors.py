from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors import demonyms
from actors.models import Actor, ActorAlias, ActorRelation

from . import translations
from .dates import WrittenDatesForm
from .history import HistoryAdmin, ReasonForm
from .shared import SharedInline, SharedRecordAdmin


class _ActorForm(WrittenDatesForm, ReasonForm):
    written_dates = ("founded_on", "dissolved_on")


ActorForm = translations.with_translations(_ActorForm, Actor)


class RelationForm(WrittenDatesForm):
    written_dates = ("start_on", "end_on")


class ActorRelationForm(RelationForm, ReasonForm):
    pass


class AliasInline(SharedInline, admin.TabularInline):
    model = ActorAlias
    extra = 1


class RelationInline(SharedInline, admin.TabularInline):
    model = ActorRelation
    form = RelationForm
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
    verbose_name = _("relation (this actor is …)")
    verbose_name_plural = _("relations (this actor is …)")


@admin.register(Actor)
class ActorAdmin(SharedRecordAdmin, HistoryAdmin):
    form = ActorForm
    list_display = ["name", "kind", "country", "aliases_display"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AliasInline, RelationInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "kind",
                    "description",
                    "language",
                    "country",
                    "wikidata_id",
                ]
            },
        ),
        translations.fieldset(Actor),
        (
            _("Dates"),
            {
                "fields": [
                    ("founded_on", "founded_on_precision"),
                    ("dissolved_on", "dissolved_on_precision"),
                ]
            },
        ),
        (_("Newsroom only"), {"fields": ["internal_notes"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    def get_search_results(self, request: Any, queryset: Any, search_term: str) -> Any:
        """By name, alias or Wikidata id, and by country when the term is a demonym or a
        country's name ("Burkinabe" finds the actors of Burkina Faso; ``actors.demonyms``)."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if countries := demonyms.countries_for(search_term):
            found = found | queryset.filter(country__in=countries)
        return found, may_have_duplicates

    def autocomplete_label(self, obj: Actor, term: str) -> str:
        """ "Forces armées burkinabè — Military, Burkina Faso · alias “Burkinabe army”": the
        kind and country tell two namesakes apart; the alias says why a match matched."""
        described = ", ".join(
            str(part) for part in (obj.get_kind_display(), obj.country.name) if part
        )
        label = f"{obj.name} — {described}" if described else obj.name
        folded = demonyms.fold(term)
        if folded and folded not in demonyms.fold(obj.name):
            alias = next(
                (a.name for a in obj.aliases.all() if folded in demonyms.fold(a.name)), None
            )
            if alias:
                label += " · " + gettext("alias “%(alias)s”") % {"alias": alias}
            elif obj.country and obj.country.code in demonyms.countries_for(term):
                label += f" · {term.strip()} → {obj.country.name}"
        return label

    @admin.display(description=_("aliases"))
    def aliases_display(self, obj: Actor) -> str:
        return ", ".join(alias.name for alias in obj.aliases.all())


@admin.register(ActorRelation)
class ActorRelationAdmin(SharedRecordAdmin, HistoryAdmin):
    form = ActorRelationForm
    list_display = ["subject", "kind", "object", "start_on", "end_on", "source"]
    list_filter = ["kind"]
    list_select_related = ["subject", "object", "source__outlet"]
    search_fields = ["subject__name", "object__name"]
    autocomplete_fields = ["subject", "object", "source"]
