"""The claim's page — the claim with its statements and their citations, relations and
requests for comment — the editors' queue, the corrections log and topics."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import nested_admin
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timesince import timesince
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from claims import permissions, services
from claims.concurrency import StaleEdit
from claims.models import Citation, Claim, Correction, ReviewQueue, Topic
from claims.selectors import similar_claims
from claims.visibility import is_public_record
from claims.vocabulary import Status

from . import translations
from .conflicts import NoLostEditsAdmin
from .create import cite_everywhere, creating_field
from .filters import ActorListFilter, ContestedFilter
from .forms import ClaimForm
from .formsets import PageWrite, ServiceFormSet
from .history import form_reason
from .inlines import (
    ClaimRelationInline,
    CorrectionInline,
    RequestForCommentInline,
    StatementInline,
)
from .page_errors import error_summary, note_needed_by_rows
from .shared import SharedRecordAdmin

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest, HttpResponse


WORKFLOW_ONLY = ["status", "published_at", "published_by", "withdrawn_at"]
# One source cited by every statement of the page (the dispatch the story came from): picked or
# pasted once, not once per statement.
SOURCE_FOR_EVERY_STATEMENT = "source_for_every_statement"
# Fieldsets a new claim does not show (``ClaimAdmin.NOT_ON_ADD``), named once: their names are
# translated, so they are told apart by these objects, not by their words.
PUBLICATION = _("Publication")
DERIVED = _("Derived from the statements")


@admin.register(Claim)
class ClaimAdmin(NoLostEditsAdmin, nested_admin.NestedModelAdmin):
    form = ClaimForm
    list_display = ["text", "status", "verdict", "contested_display", "event", "updated_at"]
    list_filter = ["status", "verdict", ContestedFilter, "topics", ActorListFilter]
    search_fields = ["text", "summary", "slug"]
    prepopulated_fields = {"slug": ["text"]}
    autocomplete_fields = ["topics"]
    readonly_fields = [
        "contested_display",
        "first_asserted_display",
        *WORKFLOW_ONLY,
        "created_at",
        "updated_at",
    ]
    inlines = [StatementInline, ClaimRelationInline, RequestForCommentInline, CorrectionInline]
    actions = ["submit_for_review", "publish", "withdraw", "return_to_draft"]

    class Media:
        css = {"all": ["newsroom/admin.css"]}

    # The page reads as the story is entered: the claim and its event, then the statements
    # (``LEAD_FIELDSETS``: the template puts the statements right after these), then the verdict,
    # the note for the editor and the rest.
    LEAD_FIELDSETS = 3
    fieldsets = [
        (None, {"fields": ["text", "slug", "summary", "language", "topics"]}),
        (
            _("Event"),
            {
                "fields": [
                    ("event_date", "event_date_precision"),
                    "place_name",
                    ("latitude", "longitude"),
                ]
            },
        ),
        (_("The story's source"), {"fields": [SOURCE_FOR_EVERY_STATEMENT]}),
        (_("Verdict"), {"fields": ["verdict", "verdict_reasoning"]}),
        (_("For the editor"), {"fields": ["note_for_editor"]}),
        translations.fieldset(Claim),
        (
            PUBLICATION,
            {
                "description": _(
                    "The status moves with the buttons at the foot of this page, or the actions "
                    "of the claims list: submit for review, publish, withdraw (fill in the public "
                    "reason first), return to draft."
                ),
                "fields": [
                    "status",
                    "withdrawal_reason",
                    ("published_at", "published_by"),
                    "withdrawn_at",
                ],
            },
        ),
        (
            DERIVED,
            {"fields": ["contested_display", "first_asserted_display", "created_at", "updated_at"]},
        ),
        (_("Newsroom only"), {"fields": ["internal_notes"]}),
        (_("This change"), {"fields": ["change_reason", "correction_note", "loaded_version"]}),
    ]
    # A new claim has no status to move, nothing derived and no correction to note yet.
    NOT_ON_ADD = (PUBLICATION, DERIVED)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return super().get_queryset(request).with_first_asserted()

    def get_form(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, **kwargs)
        if SOURCE_FOR_EVERY_STATEMENT in form.base_fields:
            field = creating_field(
                Citation._meta.get_field("source"), self.admin_site, request.user
            )
            field.required = False
            field.label = gettext("Source for every statement")
            field.help_text = gettext(
                "Pick it, or paste its address to add it: every statement on this page cites it "
                "(add other sources to a statement below)."
            )
            form.base_fields[SOURCE_FOR_EVERY_STATEMENT] = field
        return form

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if not permissions.can(request.user, permissions.SET_VERDICT, Claim):
            fields += permissions.EDITOR_ONLY_FIELDS
        return fields

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and not permissions.can(request.user, permissions.CHANGE, obj):
            return False
        return super().has_change_permission(request, obj)

    def get_inlines(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        inlines = list(super().get_inlines(request, obj))
        if obj is None or not is_public_record(obj):
            inlines.remove(CorrectionInline)  # a draft has no corrections log
        return inlines

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            fieldsets = [(name, opts) for name, opts in fieldsets if name not in self.NOT_ON_ADD]
        if obj is not None and is_public_record(obj):
            return fieldsets
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f != "correction_note"]})
            for name, opts in fieldsets
        ]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A public claim is withdrawn, never deleted: newsrooms do not make retractions vanish.
        if obj is not None and is_public_record(obj):
            return False
        return super().has_delete_permission(request, obj)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return permissions.can(request.user, permissions.PUBLISH_CLAIM, Claim)

    @admin.display(description=_("contested"))
    def contested_display(self, obj: Claim) -> str:
        """A warning, not a green tick: contested is a state to look at, not a success."""
        return "⚠ " + gettext("contested") if obj.is_contested else "—"

    @admin.display(description=_("first asserted"))
    def first_asserted_display(self, obj: Claim) -> str:
        first = obj.first_asserted
        return first.isoformat() if first else "—"

    @admin.display(description=_("event"), ordering="event_date")
    def event(self, obj: Claim) -> str:
        return obj.event_date_display

    # Saving: through the workflow's services, one correction for the whole page ----------------

    def save_model(self, request: HttpRequest, obj: Claim, form: Any, change: bool) -> None:
        given = self.given_reason(request)
        reason = form_reason(form, given=given, added=not change)
        pending = None
        if change:
            note = form.cleaned_data.get("correction_note", "")
            pending = services.PendingCorrection(claim=obj, by=request.user, note=note)
            services.edit_claim(
                claim=obj, by=request.user, reason=reason, correction_note=note, pending=pending
            )
        else:
            services.create_claim(claim=obj, by=request.user, reason=reason)
        request.page_write = PageWrite(by=request.user, given_reason=given, pending=pending)
        if not change or "text" in form.changed_data:
            self.warn_of_duplicates(request, obj)

    def warn_of_duplicates(self, request: HttpRequest, claim: Claim) -> None:
        """A warning, not a refusal: two claims may be alike and both stand (rival accounts)."""
        alike = similar_claims(claim.text, exclude=claim.pk)
        if not alike:
            return
        links = format_html_join(
            "; ",
            '<a href="{}">{}</a> ({})',
            (
                (
                    reverse("admin:claims_claim_change", args=[other.pk]),
                    other.text,
                    other.get_status_display().lower(),
                )
                for other in alike
            ),
        )
        self.message_user(
            request,
            format_html(
                gettext(
                    "This claim looks much like {claims}. If it is the same claim, merge them or "
                    "record it as a duplicate in the relations."
                ),
                claims=links,
            ),
            messages.WARNING,
        )

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        if isinstance(formset, ServiceFormSet):
            formset.page_write = request.page_write
        super().save_formset(request, form, formset, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        if source := form.cleaned_data.get(SOURCE_FOR_EVERY_STATEMENT):
            page = request.page_write
            cite_everywhere(form.instance, source, by=page.by, reason=page.given_reason)
        pending = request.page_write.pending
        if pending is not None:
            pending.record()

    # The workflow's moves, as buttons on the claim's page ---------------------------------------

    def workflow_moves(self, request: HttpRequest, obj: Claim | None) -> list[tuple[str, str]]:
        if obj is None:
            return []
        editor = permissions.can(request.user, permissions.PUBLISH_CLAIM, obj)
        moves = {
            Status.IN_REVIEW: ("submit_for_review", gettext("Submit for review"), True),
            Status.PUBLISHED: ("publish", gettext("Publish"), editor),
            Status.WITHDRAWN: (
                "withdraw",
                gettext("Withdraw, with the public reason above"),
                editor,
            ),
            Status.DRAFT: ("return_to_draft", gettext("Return to draft"), True),
        }
        return [
            (name, label)
            for status, (name, label, allowed) in moves.items()
            if allowed and status in services.TRANSITIONS[obj.status]
        ]

    def render_change_form(
        self, request: HttpRequest, context: dict[str, Any], *args: Any, **kwargs: Any
    ) -> Any:
        obj = kwargs.get("obj")
        if obj is not None and self.has_change_permission(request, obj):
            context["workflow_moves"] = self.workflow_moves(request, obj)
        formsets = [inline.formset for inline in context.get("inline_admin_formsets", [])]
        form = context["adminform"].form
        if form.is_bound:
            note_needed_by_rows(form, formsets)
            context["error_summary"] = error_summary(form, formsets)
        context["save_and_submit"] = obj is None and kwargs.get("add", False)
        context["lead_fieldsets"] = self.LEAD_FIELDSETS
        return super().render_change_form(request, context, *args, **kwargs)

    def response_add(self, request: HttpRequest, obj: Claim, *args: Any) -> HttpResponse:
        """ "Save and submit for review" on the add page: one save for the common case."""
        if "_save_and_submit" not in request.POST:
            return super().response_add(request, obj, *args)
        self.submit_for_review(request, Claim.objects.filter(pk=obj.pk))
        return redirect(reverse("admin:claims_claim_change", args=[obj.pk]))

    def response_change(self, request: HttpRequest, obj: Claim) -> HttpResponse:
        for name, _label in self.workflow_moves(request, obj):
            if f"_workflow_{name}" in request.POST:
                getattr(self, name)(request, Claim.objects.filter(pk=obj.pk))
                return redirect(request.path)
        return super().response_change(request, obj)

    # The workflow's moves, as actions on the claims list ---------------------------------------

    def _apply(
        self, request: HttpRequest, queryset: QuerySet[Claim], move: Any, *, done: Any, refused: Any
    ) -> None:
        """``move`` each claim; ``done`` says how many moved (a plural message taking
        ``count``), ``refused`` why one did not (taking ``claim`` and ``errors``)."""
        moved = 0
        for claim in queryset.order_by("pk"):
            try:
                move(claim)
            except (ValidationError, PermissionDenied, StaleEdit) as error:
                text = "; ".join(getattr(error, "messages", [str(error)]))
                self.message_user(
                    request, refused % {"claim": claim, "errors": text}, messages.WARNING
                )
            else:
                moved += 1
        if moved:
            self.message_user(request, done % {"count": moved}, messages.SUCCESS)

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        self._apply(
            request,
            queryset,
            lambda c: services.submit_for_review(claim=c, by=request.user),
            done=ngettext_lazy(
                "%(count)d claim submitted for review.",
                "%(count)d claims submitted for review.",
                "count",
            ),
            refused=_("“%(claim)s” was not submitted for review: %(errors)s"),
        )

    @admin.action(description=_("Publish"), permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        self._apply(
            request,
            queryset,
            lambda c: services.publish(claim=c, by=request.user),
            done=ngettext_lazy(
                "%(count)d claim published.", "%(count)d claims published.", "count"
            ),
            refused=_("“%(claim)s” was not published: %(errors)s"),
        )

    @admin.action(
        description=_("Withdraw (with the public reason entered on the claim)"),
        permissions=["publish"],
    )
    def withdraw(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        self._apply(
            request,
            queryset,
            lambda c: services.withdraw(claim=c, by=request.user, reason=c.withdrawal_reason),
            done=ngettext_lazy(
                "%(count)d claim withdrawn.", "%(count)d claims withdrawn.", "count"
            ),
            refused=_("“%(claim)s” was not withdrawn: %(errors)s"),
        )

    @admin.action(description=_("Return to draft"), permissions=["change"])
    def return_to_draft(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        self._apply(
            request,
            queryset,
            lambda c: services.return_to_draft(claim=c, by=request.user),
            done=ngettext_lazy(
                "%(count)d claim returned to draft.", "%(count)d claims returned to draft.", "count"
            ),
            refused=_("“%(claim)s” was not returned to draft: %(errors)s"),
        )


class ListOfAdmin:
    """An admin list of another model's records (a proxy): each row opens the record's own
    page, where its history and every rule live."""

    def _concrete_url(self, view: str, object_id: str) -> str:
        opts = self.model._meta.concrete_model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[object_id])

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def change_view(self, request: HttpRequest, object_id: str, *args: Any, **kwargs: Any) -> Any:
        return redirect(self._concrete_url("change", object_id))

    def history_view(self, request: HttpRequest, object_id: str, *args: Any, **kwargs: Any) -> Any:
        return redirect(self._concrete_url("history", object_id))


@admin.register(ReviewQueue)
class ReviewQueueAdmin(ListOfAdmin, ClaimAdmin):
    """The editors' queue: claims in review, the longest waiting first, with who sent each, when,
    and the reporter's note for the editor."""

    list_display = [
        "text",
        "submitted_by",
        "waiting",
        "note_for_editor",
        "contested_display",
        "verdict",
        "event",
    ]
    list_filter = ["verdict", ContestedFilter, "topics"]
    list_select_related = ["submitted_by"]
    actions = ["publish", "return_to_draft"]
    ordering = ["submitted_at", "pk"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return super().get_queryset(request).filter(status=Status.IN_REVIEW)

    @admin.display(description=_("waiting"), ordering="submitted_at")
    def waiting(self, obj: Claim) -> str:
        if obj.submitted_at is None:
            return "—"
        return format_html(
            '<time datetime="{}" title="{}">{}</time>',
            obj.submitted_at.isoformat(),
            gettext("submitted %(when)s")
            % {"when": date_format(localtime(obj.submitted_at), "DATETIME_FORMAT")},
            timesince(obj.submitted_at),
        )


@admin.register(Correction)
class CorrectionAdmin(admin.ModelAdmin):
    """The public corrections log. Written by the workflow with each correction; never edited."""

    list_display = ["claim", "created_at", "note", "created_by"]
    list_select_related = ["claim", "created_by"]
    search_fields = ["note", "claim__text"]
    date_hierarchy = "created_at"
    readonly_fields = ["claim", "note", "changed", "claim_revision", "created_at", "created_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Topic)
class TopicAdmin(SharedRecordAdmin, admin.ModelAdmin):
    """Topics: one a public claim is filed under is the editors' to change
    (``newsroom.shared``)."""

    form = translations.with_translations(forms.ModelForm, Topic)
    fieldsets = [(None, {"fields": ["name", "slug", "language"]}), translations.fieldset(Topic)]
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
