from __future__ import annotations

from typing import TYPE_CHECKING, Any

import nested_admin
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from nested_admin.formsets import NestedInlineFormSet

from actors.models import Actor
from core.admin import NOT_MODEL_FIELDS, HistoryAdmin, ReasonForm

from . import services
from .concurrency import StaleEdit
from .models import (
    Citation,
    Claim,
    ClaimRelation,
    Correction,
    OverdueRequest,
    RequestForComment,
    ReviewQueue,
    Statement,
    Topic,
)
from .selectors import similar_claims
from .vocabulary import PUBLIC_STATUSES, Status

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest, HttpResponse


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


# Forms: the version a form was built from, the reason, the correction note --------------------


class VersionedForm(ReasonForm):
    """Carries the version the form was built from. When the form changes anything, the save is
    made from that version, so it is refused if someone saved the record since (StaleEdit)."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The version saved now (a POST builds the form from the current row).
        self.saved_version = self.instance.version
        if self.instance.pk is not None:
            self.fields["loaded_version"].initial = self.instance.version
            # Without it an edit could not be checked against later saves: refuse, don't guess.
            self.fields["loaded_version"].required = True
            self.fields["loaded_version"].error_messages["required"] = (
                "This page is missing the version it was opened at: reload it and edit again."
            )

    def has_changed(self) -> bool:
        return any(name not in NOT_MODEL_FIELDS for name in self.changed_data)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.instance.pk is not None and loaded is not None and self.has_changed():
            self.instance.version = loaded
        return cleaned


class CorrectionNoteMixin(forms.ModelForm):
    """Asks for the public correction note when a public claim's substance changes.

    ``was_public`` is read when the form is built, before the form's values reach the
    instance."""

    correction_note = forms.CharField(
        label="Correction note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Public. Required when you change the claim, its verdict or reasoning, or a "
        "statement's stance or quote, once the claim is published: say what was corrected and "
        "why.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.was_public = self.instance.pk is not None and self.is_public()

    def is_public(self) -> bool:
        raise NotImplementedError

    def substance_changes(self) -> list[str]:
        if not self.was_public:
            return []
        return services.substance_labels(self.instance, self.changed_data)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        try:
            services.require_correction_note(
                changed=self.substance_changes(), note=cleaned.get("correction_note", "")
            )
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class ClaimForm(CorrectionNoteMixin, VersionedForm):
    def is_public(self) -> bool:
        return self.instance.status in PUBLIC_STATUSES


class StatementForm(VersionedForm):
    pass


class ReasonedFormSet(NestedInlineFormSet):
    """nested_admin deletes a fresh copy of each deleted row; give that copy the reason too."""

    deletion_reason = "Deleted in the admin"

    def delete_existing(self, obj: Any, commit: bool = True) -> None:
        obj._change_reason = self.deletion_reason
        super().delete_existing(obj, commit=commit)


class StatementFormSet(ReasonedFormSet):
    """On a public claim, a changed stance or quote needs the claim form's correction note (read
    from the same POST); and a statement someone changed since the page was opened is not
    deleted."""

    def substance_changes(self) -> list[str]:
        if not Claim.objects.filter(pk=self.instance.pk, status__in=PUBLIC_STATUSES).exists():
            return []
        return [
            label
            for form in self.initial_forms
            if form.has_changed() and not self._should_delete_form(form)
            for label in services.substance_labels(form.instance, form.changed_data)
        ]

    def clean(self) -> None:
        super().clean()
        if self.instance.pk is None:
            return
        for form in self.forms:
            if not (self.can_delete and self._should_delete_form(form)):
                continue
            loaded = form.cleaned_data.get("loaded_version")
            if form.instance.pk is not None and loaded != form.saved_version:
                # A deletion is an edit too: do not delete what someone changed since.
                raise ValidationError(
                    f"Someone changed the statement by {form.instance.actor} after you opened "
                    "this page: reload it before deleting that statement."
                )
        changed = self.substance_changes()
        if changed and not self.data.get("correction_note", "").strip():
            raise ValidationError(
                services.CORRECTION_NOTE_MISSING.format(changed=", ".join(changed))
                + " Write it in the correction note below."
            )


# Inlines -----------------------------------------------------------------------------------------


class PublicClaimIsTheEditorsInline:
    """A reporter sees a public claim's statements, citations and relations but changes none."""

    def _may_write(self, request: HttpRequest, obj: Any) -> bool:
        claim = obj if isinstance(obj, Claim) else getattr(obj, "claim", None)
        return claim is None or not claim.is_public or services.can_publish(request.user)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_write(request, obj) and super().has_add_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_write(request, obj) and super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_write(request, obj) and super().has_delete_permission(request, obj)  # type: ignore[misc]


class CitationInline(PublicClaimIsTheEditorsInline, nested_admin.NestedTabularInline):
    model = Citation
    formset = ReasonedFormSet
    extra = 1
    autocomplete_fields = ["source"]
    fields = ["source", "locator", "credibility"]


class StatementInline(PublicClaimIsTheEditorsInline, nested_admin.NestedStackedInline):
    model = Statement
    form = StatementForm
    formset = StatementFormSet
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
                    "loaded_version",
                ]
            },
        ),
    ]


class ClaimRelationInline(PublicClaimIsTheEditorsInline, nested_admin.NestedTabularInline):
    model = ClaimRelation
    formset = ReasonedFormSet
    fk_name = "from_claim"
    extra = 0
    autocomplete_fields = ["to_claim"]
    verbose_name = "relation to another claim (this claim …)"
    verbose_name_plural = "relations to other claims (this claim …)"


class RequestForCommentInline(nested_admin.NestedTabularInline):
    model = RequestForComment
    formset = ReasonedFormSet
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


# No lost edits -----------------------------------------------------------------------------------


class NoLostEditsAdmin(HistoryAdmin):
    """A save from an older version of the record shows both versions and writes nothing."""

    conflict_template = "admin/claims/conflict.html"

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        try:
            # The admin saves inside a transaction: a StaleEdit rolls the whole page back.
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleEdit as conflict:
            return self.conflict_view(request, conflict)

    def conflict_view(self, request: HttpRequest, conflict: StaleEdit) -> HttpResponse:
        yours, saved = conflict.instance, conflict.saved()
        opts = type(yours)._meta
        rows = []
        for field in opts.concrete_fields:
            if not field.editable or field.primary_key:
                continue
            mine = field.value_to_string(yours)
            now = field.value_to_string(saved) if saved is not None else "—"
            rows.append(
                {"label": field.verbose_name, "yours": mine, "saved": now, "differs": mine != now}
            )
        url = None
        if saved is not None:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[saved.pk])
        context = {
            **self.admin_site.each_context(request),
            "title": f"Not saved: someone changed this {opts.verbose_name} while you were editing",
            "opts": opts,
            "record": saved or yours,
            "rows": rows,
            "saved_url": url,
            "version": conflict.version,
            "saved_version": getattr(saved, "version", None),
        }
        return TemplateResponse(request, self.conflict_template, context, status=409)


# Model admins ------------------------------------------------------------------------------------

WORKFLOW_ONLY = ["status", "published_at", "published_by", "withdrawn_at"]


@admin.register(Claim)
class ClaimAdmin(NoLostEditsAdmin, nested_admin.NestedModelAdmin):
    form = ClaimForm
    list_display = ["text", "status", "verdict", "contested_display", "event", "updated_at"]
    list_filter = ["status", "verdict", ContestedFilter, "topics", ActorFilter]
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
            {
                "description": "The status moves with the buttons at the foot of this page, or "
                "the actions of the claims list: submit for review, publish, withdraw (fill in "
                "the public reason first), return to draft.",
                "fields": [
                    "status",
                    "withdrawal_reason",
                    ("published_at", "published_by"),
                    "withdrawn_at",
                ],
            },
        ),
        (
            "Derived from the statements",
            {"fields": ["contested_display", "first_asserted_display", "created_at", "updated_at"]},
        ),
        ("Newsroom only", {"fields": ["internal_notes"]}),
        ("This change", {"fields": ["change_reason", "correction_note", "loaded_version"]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return super().get_queryset(request).with_contested().with_first_asserted()

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if not services.can_publish(request.user):
            fields += services.EDITOR_ONLY_FIELDS
        return fields

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_public and not services.can_publish(request.user):
            return False
        return super().has_change_permission(request, obj)

    def get_inlines(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        inlines = list(super().get_inlines(request, obj))
        if obj is None or not obj.is_public:
            inlines.remove(CorrectionInline)  # a draft has no corrections log
        return inlines

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.is_public:
            return fieldsets
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f != "correction_note"]})
            for name, opts in fieldsets
        ]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A public claim is withdrawn, never deleted: newsrooms do not make retractions vanish.
        if obj is not None and obj.is_public:
            return False
        return super().has_delete_permission(request, obj)

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return services.can_publish(request.user)

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

    # Saving: the workflow's rules, then the public correction note ------------------------------

    def save_model(self, request: HttpRequest, obj: Claim, form: Any, change: bool) -> None:
        changed = [name for name in form.changed_data if name not in NOT_MODEL_FIELDS]
        services.check_may_edit(
            user=request.user, claim_was_public=form.was_public, changed=changed
        )
        super().save_model(request, obj, form, change)
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
                "This claim looks much like {}. If it is the same claim, merge them or record it "
                "as a duplicate in the relations.",
                links,
            ),
            messages.WARNING,
        )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        changed = form.substance_changes() + [
            label
            for formset in formsets
            if isinstance(formset, StatementFormSet)
            for label in formset.substance_changes()
        ]
        if changed and form.was_public:
            services.record_correction(
                claim=form.instance,
                by=request.user,
                note=form.cleaned_data.get("correction_note", ""),
                changed=changed,
            )

    # The workflow's moves, as buttons on the claim's page ---------------------------------------

    def workflow_moves(self, request: HttpRequest, obj: Claim | None) -> list[tuple[str, str]]:
        if obj is None:
            return []
        editor = services.can_publish(request.user)
        moves = {
            Status.IN_REVIEW: ("submit_for_review", "Submit for review", True),
            Status.PUBLISHED: ("publish", "Publish", editor),
            Status.WITHDRAWN: ("withdraw", "Withdraw, with the public reason above", editor),
            Status.DRAFT: ("return_to_draft", "Return to draft", True),
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
        return super().render_change_form(request, context, *args, **kwargs)

    def response_change(self, request: HttpRequest, obj: Claim) -> HttpResponse:
        for name, _label in self.workflow_moves(request, obj):
            if f"_workflow_{name}" in request.POST:
                getattr(self, name)(request, Claim.objects.filter(pk=obj.pk))
                return redirect(request.path)
        return super().response_change(request, obj)

    # The workflow's moves, as actions on the claims list ---------------------------------------

    def _apply(self, request: HttpRequest, queryset: QuerySet[Claim], move: Any, done: str) -> None:
        moved = 0
        for claim in queryset.order_by("pk"):
            try:
                move(claim)
            except (ValidationError, PermissionDenied, StaleEdit) as error:
                text = "; ".join(getattr(error, "messages", [str(error)]))
                self.message_user(request, f"“{claim}” was not {done}: {text}", messages.WARNING)
            else:
                moved += 1
        if moved:
            self.message_user(request, f"{moved} claim(s) {done}.", messages.SUCCESS)

    @admin.action(description="Submit for review", permissions=["change"])
    def submit_for_review(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        self._apply(
            request,
            queryset,
            lambda c: services.submit_for_review(claim=c, by=request.user),
            "submitted for review",
        )

    @admin.action(description="Publish", permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        self._apply(
            request, queryset, lambda c: services.publish(claim=c, by=request.user), "published"
        )

    @admin.action(
        description="Withdraw (with the public reason entered on the claim)",
        permissions=["publish"],
    )
    def withdraw(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        self._apply(
            request,
            queryset,
            lambda c: services.withdraw(claim=c, by=request.user, reason=c.withdrawal_reason),
            "withdrawn",
        )

    @admin.action(description="Return to draft", permissions=["change"])
    def return_to_draft(self, request: HttpRequest, queryset: QuerySet[Claim]) -> None:
        self._apply(
            request,
            queryset,
            lambda c: services.return_to_draft(claim=c, by=request.user),
            "returned to draft",
        )


class ListOfAdmin:
    """An admin list of another model's records (a proxy): each row opens the record's own
    page, where its history and every rule live."""

    def _concrete_url(self, view: str, object_id: str) -> str:
        opts = self.model._meta.concrete_model._meta  # type: ignore[attr-defined]
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[object_id])

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def change_view(self, request: HttpRequest, object_id: str, *args: Any, **kwargs: Any) -> Any:
        return redirect(self._concrete_url("change", object_id))

    def history_view(self, request: HttpRequest, object_id: str, *args: Any, **kwargs: Any) -> Any:
        return redirect(self._concrete_url("history", object_id))


@admin.register(ReviewQueue)
class ReviewQueueAdmin(ListOfAdmin, ClaimAdmin):
    """The editors' queue: claims in review, the longest waiting first."""

    list_display = ["text", "verdict", "contested_display", "event", "updated_at"]
    list_filter = ["verdict", ContestedFilter, "topics"]
    actions = ["publish", "return_to_draft"]
    ordering = ["updated_at", "pk"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Claim]:
        return super().get_queryset(request).filter(status=Status.IN_REVIEW)


class StatementAdminForm(CorrectionNoteMixin, StatementForm):
    def is_public(self) -> bool:
        return self.instance.claim.is_public


@admin.register(Statement)
class StatementAdmin(NoLostEditsAdmin, nested_admin.NestedModelAdmin):
    form = StatementAdminForm
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
            ("This change", {"fields": ["change_reason", "correction_note", "loaded_version"]}),
        ]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.claim.is_public and not services.can_publish(request.user):
            return False
        return super().has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "claim" and not services.can_publish(request.user):
            # A reporter adds statements to drafts and claims in review, not to public claims.
            kwargs["queryset"] = Claim.objects.exclude(status__in=PUBLIC_STATUSES)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: Statement, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if form.was_public:
            services.record_correction(
                claim=obj.claim,
                by=request.user,
                note=form.cleaned_data.get("correction_note", ""),
                changed=form.substance_changes(),
            )

    @admin.display(description="said on", ordering="stated_on")
    def stated_on_display(self, obj: Statement) -> str:
        return obj.stated_on_display


@admin.register(Citation)
class CitationAdmin(HistoryAdmin):
    list_display = ["statement", "source", "locator", "credibility"]
    list_filter = ["credibility"]
    list_select_related = ["statement__claim", "statement__actor", "source__outlet"]
    search_fields = ["source__title", "statement__claim__text", "locator"]
    autocomplete_fields = ["statement", "source"]


@admin.register(ClaimRelation)
class ClaimRelationAdmin(HistoryAdmin):
    list_display = ["from_claim", "kind", "to_claim"]
    list_filter = ["kind"]
    list_select_related = ["from_claim", "to_claim"]
    search_fields = ["from_claim__text", "to_claim__text"]
    autocomplete_fields = ["from_claim", "to_claim"]


@admin.register(RequestForComment)
class RequestForCommentAdmin(HistoryAdmin):
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


@admin.register(OverdueRequest)
class OverdueRequestAdmin(ListOfAdmin, RequestForCommentAdmin):
    """Requests past their deadline with no reply: chase them, or record "did not respond"."""

    list_display = ["actor", "claim", "requested_on", "deadline", "days_overdue", "channel"]
    list_filter = ["channel"]
    date_hierarchy = None
    ordering = ["deadline", "pk"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[RequestForComment]:
        return super().get_queryset(request).overdue(timezone.localdate())

    @admin.display(description="days overdue", ordering="deadline")
    def days_overdue(self, obj: RequestForComment) -> int:
        return (timezone.localdate() - obj.deadline).days


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
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
