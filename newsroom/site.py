"""The newsroom's admin site: Django's, with an autocomplete that explains its matches.

An admin may define ``autocomplete_label(obj, term)``: the text of ``obj`` in the autocomplete's
results for what was typed (``ActorAdmin`` shows the alias that matched, the kind and country).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.urls import path
from django.utils.translation import gettext_lazy as _


class ExplainingAutocomplete(AutocompleteJsonView):
    def serialize_result(self, obj: Any, to_field_name: str) -> dict[str, str]:
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = label(obj, self.term)
        return result


class NewsroomAdminSite(admin.AdminSite):
    site_header = _("Contested — newsroom")
    site_title = "Contested"
    index_title = _("Claims, statements, actors and sources")

    def autocomplete_view(self, request: Any) -> Any:
        return ExplainingAutocomplete.as_view(admin_site=self)(request)

    def get_urls(self) -> list[Any]:
        from . import imports

        return [
            path(
                "import/",
                self.admin_view(lambda request: imports.import_view(request, self)),
                name="ledger_import",
            ),
            path(
                "import/template.<str:file_format>",
                self.admin_view(imports.template_view),
                name="ledger_import_template",
            ),
            *super().get_urls(),
        ]


class NewsroomAdminConfig(AdminConfig):
    """Installed in place of ``django.contrib.admin``: the same admin on ``NewsroomAdminSite``."""

    default_site = "newsroom.site.NewsroomAdminSite"
