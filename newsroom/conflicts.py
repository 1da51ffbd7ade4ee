"""No lost edits in the admin: a save made from an older version shows both versions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from claims.concurrency import StaleEdit

from .history import HistoryAdmin

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse


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
            "title": gettext("Not saved: someone changed this %(record)s while you were editing")
            % {"record": opts.verbose_name},
            "opts": opts,
            "record": saved or yours,
            "rows": rows,
            "saved_url": url,
            "version": conflict.version,
            "saved_version": getattr(saved, "version", None),
        }
        return TemplateResponse(request, self.conflict_template, context, status=409)
