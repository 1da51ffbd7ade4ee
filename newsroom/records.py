"""The standalone pages of what hangs off a claim: statements, citations, relations between
claims, requests for comment. Each writes through the workflow's services and opens view-only on
a record the user may not change (``claims.permissions.can``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import nested_admin
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from claims import permissions, services
from claims.models import (
    Citation,
    ClaimRelation,
    OverdueRequest,
    RequestForComment,
    Statement,
)

from .claims import ListOfAdmin
from .conflicts import NoLostEditsAdmin
from .filters import OverdueFilter
from .forms import StatementAdminForm, guarded
from .formsets import PageWrite
from .history import NOT_MODEL_FIELDS, HistoryAdmin
from .inlines import CitationInline

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest


class PublicRecordAdmin(HistoryAdmin):
    """A standalone page of a record that hangs off a claim. Who may change what is
    ``claims.permissions.can``: the page opens view-only on a record the user may not
    change, and a form that would attach it to a public claim is refused, naming ``anchor``.
    Saves and deletions go through ``claims.services``."""

    anchor: str | None = None

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and not permissions.can(request.user, permissions.CHANGE, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and not permissions.can(request.user, permissions.DELETE, obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any):
        form = super().get_form(request, obj, change=change, **kwargs)
        return guarded(form, request.user, self.anchor)

    def page_write(self, request: HttpRequest, form: Any = None, change: bool = False) -> PageWrite:
        pending = None
        note = form.cleaned_data.get("correction_note", "") if form is not None else ""
        if change and form is not None and getattr(form, "was_public", False):
            claim = form.instance.claim
            pending = services.PendingCorrection(claim=claim, by=request.user, note=note)
        return PageWrite(by=request.user, given_reason=self.given_reason(request), pending=pending)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        write = self.page_write(request, form, change)
        request.page_write = write
        write.save(form, obj, added=not change)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        formset.page_write = request.page_write
        super().save_formset(request, form, formset, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        pending = request.page_write.pending
        if pending is not None:
            pending.record()

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        self.page_write(request).delete(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        write = self.page_write(request)
        write.given_reason = write.given_reason or "Deleted in the admin (bulk action)"
        for obj in queryset:
            write.delete(obj)


@admin.register(Statement)
class StatementAdmin(NoLostEditsAdmin, PublicRecordAdmin, nested_admin.NestedModelAdmin):
    form = StatementAdminForm
    anchor = "claim"
    list_display = ["claim", "actor", "stance", "stated_on_display", "on_behalf_of"]
    list_filter = ["stance", "is_interested_party", "translation_method"]
    list_select_related = ["claim", "actor", "on_behalf_of"]
    search_fields = ["quote", "translation", "paraphrase", "actor__name", "claim__text"]
    autocomplete_fields = ["claim", "actor", "on_behalf_of"]
    inlines = [CitationInline]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        fieldsets = super().get_fieldsets(request, obj)
        fields = [f for f in flatten_fieldsets(fieldsets) if f not in NOT_MODEL_FIELDS]
        return [
            (None, {"fields": fields}),
            (_("This change"), {"fields": ["change_reason", "correction_note", "loaded_version"]}),
        ]

    @admin.display(description=_("said on"), ordering="stated_on")
    def stated_on_display(self, obj: Statement) -> str:
        return obj.stated_on_display


@admin.register(Citation)
class CitationAdmin(PublicRecordAdmin):
    anchor = "statement"
    list_display = ["statement", "source", "locator", "credibility"]
    list_filter = ["credibility"]
    list_select_related = ["statement__claim", "statement__actor", "source__outlet"]
    search_fields = ["source__title", "statement__claim__text", "locator"]
    autocomplete_fields = ["statement", "source"]


@admin.register(ClaimRelation)
class ClaimRelationAdmin(PublicRecordAdmin):
    anchor = "from_claim"
    list_display = ["from_claim", "kind", "to_claim"]
    list_filter = ["kind"]
    list_select_related = ["from_claim", "to_claim"]
    search_fields = ["from_claim__text", "to_claim__text"]
    autocomplete_fields = ["from_claim", "to_claim"]


@admin.register(RequestForComment)
class RequestForCommentAdmin(PublicRecordAdmin):
    list_display = ["actor", "claim", "requested_on", "channel", "deadline", "outcome"]
    list_filter = [OverdueFilter, "outcome", "channel"]
    list_select_related = ["actor", "claim"]
    search_fields = ["actor__name", "claim__text"]
    autocomplete_fields = ["claim", "actor", "reply"]
    date_hierarchy = "requested_on"

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change and obj.requested_by_id is None:
            obj.requested_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(OverdueRequest)
class OverdueRequestAdmin(ListOfAdmin, RequestForCommentAdmin):
    """Requests past their deadline with no reply: chase them, or record "did not respond"."""

    list_display = ["actor", "claim", "requested_on", "deadline", "days_overdue", "channel"]
    list_filter = ["channel"]
    date_hierarchy = None
    ordering = ["deadline", "pk"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[RequestForComment]:
        return super().get_queryset(request).overdue(timezone.localdate())

    @admin.display(description=_("days overdue"), ordering="deadline")
    def days_overdue(self, obj: RequestForComment) -> int:
        return (timezone.localdate() - obj.deadline).days
