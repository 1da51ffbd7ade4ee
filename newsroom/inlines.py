"""The claim page's inlines: statements with their citations, relations, requests for comment,
and the corrections log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import nested_admin
from django.utils.translation import gettext_lazy as _

from claims import permissions
from claims.models import Citation, ClaimRelation, Correction, RequestForComment, Statement

from .create import CreateOnTypeAdmin
from .forms import CitationForm, StatementForm
from .formsets import CitationFormSet, ServiceFormSet, StatementFormSet

if TYPE_CHECKING:
    from django.http import HttpRequest


class PublicClaimIsTheEditorsInline:
    """A reporter sees a public claim's statements, citations, relations and requests for
    comment but changes none (``claims.permissions.can`` on the record they hang off)."""

    def _may_write(self, request: HttpRequest, obj: Any) -> bool:
        return obj is None or permissions.can(request.user, permissions.CHANGE, obj)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_write(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_write(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_write(request, obj) and super().has_delete_permission(request, obj)


class CitationInline(
    CreateOnTypeAdmin, PublicClaimIsTheEditorsInline, nested_admin.NestedTabularInline
):
    model = Citation
    form = CitationForm
    formset = CitationFormSet
    create_on_type = ("source",)
    extra = 1
    autocomplete_fields = ["source"]
    fields = ["source", "locator", "credibility"]


class StatementInline(
    CreateOnTypeAdmin, PublicClaimIsTheEditorsInline, nested_admin.NestedStackedInline
):
    model = Statement
    form = StatementForm
    formset = StatementFormSet
    extra = 1
    autocomplete_fields = ["actor", "on_behalf_of"]
    create_on_type = ("actor", "on_behalf_of")
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
                    "loaded_version",
                ]
            },
        ),
    ]


class ClaimRelationInline(PublicClaimIsTheEditorsInline, nested_admin.NestedTabularInline):
    model = ClaimRelation
    formset = ServiceFormSet
    fk_name = "from_claim"
    extra = 0
    autocomplete_fields = ["to_claim"]
    verbose_name = _("relation to another claim (this claim …)")
    verbose_name_plural = _("relations to other claims (this claim …)")


class RequestForCommentInline(PublicClaimIsTheEditorsInline, nested_admin.NestedTabularInline):
    model = RequestForComment
    formset = ServiceFormSet
    extra = 0
    autocomplete_fields = ["actor", "reply"]
    fields = ["actor", "requested_on", "channel", "deadline", "outcome", "reply", "contact"]


class CorrectionInline(nested_admin.NestedTabularInline):
    """The public corrections log, read-only: corrections are written by the workflow."""

    model = Correction
    extra = 0
    fields = ["created_at", "note", "changed", "created_by"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
