from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from claims import permissions
from sources.models import Capture, CaptureOutcome, CaptureReason, LinkStatus, Outlet, Source
from sources.tasks import enqueue_capture

from .history import HistoryAdmin
from .shared import SharedRecordAdmin

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest

CAPTURES_SHOWN = 20


@admin.register(Outlet)
class OutletAdmin(SharedRecordAdmin, HistoryAdmin):
    list_display = ["name", "kind", "country", "default_reliability"]
    list_filter = ["kind", "default_reliability"]
    search_fields = ["name", "website"]
    prepopulated_fields = {"slug": ["name"]}


class AttentionFilter(admin.SimpleListFilter):
    """Sources needing attention: the original moved, changed, went, or cannot be captured."""

    title = _("needs attention")
    parameter_name = "attention"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", _("Needs attention")), ("no", _("No"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Source]) -> QuerySet[Source]:
        if self.value() == "yes":
            return queryset.needing_attention()
        if self.value() == "no":
            return queryset.exclude(link_status__in=LinkStatus.needing_attention())
        return queryset


@admin.register(Source)
class SourceAdmin(SharedRecordAdmin, HistoryAdmin):
    list_display = [
        "title",
        "outlet",
        "published_on",
        "language",
        "reliability_display",
        "link_status",
        "link_status_since",
    ]
    list_filter = [AttentionFilter, "link_status", "outlet__kind", "reliability", "language"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "byline", "outlet__name"]
    autocomplete_fields = ["outlet"]
    date_hierarchy = "published_on"
    actions = ["capture_again"]
    readonly_fields = ["link_status", "link_status_since", "last_checked_at", "captures_table"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "title_is_stand_in",
                    "url",
                    "outlet",
                    "byline",
                    "published_on",
                    "language",
                ]
            },
        ),
        (
            _("Preservation"),
            {
                "fields": [
                    "link_status",
                    "link_status_since",
                    "last_checked_at",
                    "captures_table",
                    "archive_url",
                    "retrieved_on",
                ],
                "description": _(
                    "Every source with an address is captured when it is entered or its address "
                    "changes, and checked daily; every capture is kept. Use the action “Capture "
                    "again now” on the sources list to capture it by hand."
                ),
            },
        ),
        (_("Grading"), {"fields": ["reliability"]}),
        (_("Newsroom only"), {"fields": ["internal_notes"]}),
    ]

    @admin.display(description=_("reliability"))
    def reliability_display(self, obj: Source) -> str:
        return obj.reliability_grade

    @admin.display(description=_("captures (newest first)"))
    def captures_table(self, obj: Source) -> str:
        if obj.pk is None:
            return gettext("Captured once saved.")
        rows = list(
            Capture.objects.filter(source=obj).order_by("-captured_at", "-pk")[:CAPTURES_SHOWN]
        )
        if not rows:
            if obj.url:
                return gettext("None yet: the capture is queued.")
            return gettext("No address to capture.")
        headings = [
            gettext("when"),
            gettext("why"),
            gettext("outcome"),
            "HTTP",
            gettext("final address"),
            gettext("bytes"),
            "SHA-256",
            gettext("error"),
            gettext("copy"),
        ]
        return format_html(
            "<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>",
            format_html_join("", "<th>{}</th>", ((heading,) for heading in headings)),
            format_html_join(
                "",
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                "<td><code>{}</code></td><td>{}</td><td>{}</td></tr>",
                (
                    (
                        f"{row.captured_at:%Y-%m-%d %H:%M} UTC",
                        row.get_reason_display(),
                        row.get_outcome_display(),
                        row.status_code or "—",
                        row.final_url or "—",
                        row.size if row.size is not None else "—",
                        row.sha256 or "—",
                        row.error or "",
                        _copy_link(row),
                    )
                    for row in rows
                ),
            ),
        )

    @admin.action(description=_("Capture again now"), permissions=["change"])
    def capture_again(self, request: HttpRequest, queryset: QuerySet[Source]) -> None:
        """Queue a capture of each selected source the user may capture again
        (``claims.permissions``, ``recapture``): a reporter's, only of sources no public claim
        cites and not flagged "changed" (a capture by hand clears the flag: an editor's call)."""
        count, refused = 0, []
        for source in queryset.exclude(url="").order_by("pk"):
            reason = permissions.why_not(request.user, permissions.RECAPTURE, source)
            if reason is not None:
                refused.append(reason)
                continue
            enqueue_capture(source.pk, CaptureReason.BY_HAND)
            count += 1
        if count or not refused:
            self.message_user(
                request,
                ngettext(
                    "Queued %(count)d capture; it appears on the source's page when done.",
                    "Queued %(count)d captures; they appear on each source's page when done.",
                    count,
                )
                % {"count": count},
                messages.SUCCESS,
            )
        for reason in refused:
            self.message_user(
                request, gettext("Not captured: %(reason)s") % {"reason": reason}, messages.WARNING
            )

    def save_model(self, request: HttpRequest, obj: Source, form: Any, change: bool) -> None:
        if "title" in form.changed_data:
            obj.title_is_stand_in = False  # someone typed the title: a capture leaves it be
        super().save_model(request, obj, form, change)


def _copy_link(row: Capture) -> str:
    if row.outcome != CaptureOutcome.CAPTURED or not row.warc:
        return ""
    return format_html(
        '<a href="{}">WARC</a>',
        reverse("sources:capture-warc", args=[row.source_id, row.pk]),
    )
