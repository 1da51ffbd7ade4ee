"""The newsroom's import page: a ledger file, a spreadsheet or a fact-checker's ClaimReview,
previewed row by row (a dry run), then imported in one go (``ledger``).

A spreadsheet whose headers are not all the sheet's own column names, and not a set the
newsroom has matched before, first shows its headers with the column proposed for each
(``ledger.sheets.columns_for``); the editor confirms or corrects them, the choice is remembered
for the next sheet with those headers, and the preview follows. A preview can go back to the
columns ("Change the columns"); what is imported is the file and the columns that were previewed.

The uploaded file waits in the shared cache between the preview and the import, under a token
only its uploader can use, for an hour: the import is of exactly the file that was previewed.
The token is taken (deleted) before the import runs, so a double submission imports once. While
the cache is unavailable the page says so (503, ``Retry-After``) and imports nothing.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims import permissions
from claims.models import Claim
from core import response_cache
from ledger import sheets
from ledger.files import MAX_BYTES, read_upload
from ledger.load import load_ledger
from ledger.sheets import template

if TYPE_CHECKING:
    from django.http import HttpRequest

WAIT_SECONDS = 3600
KINDS = _(".json (a ledger), .csv or .xlsx (a sheet of claims), .html or .jsonld (a ClaimReview)")
MAX_MEGABYTES = MAX_BYTES // (1024 * 1024)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))
    publish = forms.BooleanField(
        required=False,
        label=_("Publish as the file says"),
        help_text=_("Editors only. Otherwise every claim arrives as a draft."),
    )
    update = forms.BooleanField(
        required=False,
        label=_("Update records that exist"),
        help_text=_(
            "Only for this Contested's own ledger (its export). Otherwise records that exist are "
            "left as they are, and where the file differs the preview shows a conflict."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext("%(kinds)s; up to %(size)d MB.") % {
            "kinds": KINDS,
            "size": MAX_MEGABYTES,
        }

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                gettext("The file is over %(size)d MB.") % {"size": MAX_MEGABYTES}
            )
        return upload


def _key(request: HttpRequest, token: str) -> str:
    return f"ledger-import:{request.user.pk}:{token}"


CACHE_DOWN = _(
    "Contested cannot keep the file between the preview and the import just now (its shared "
    "cache is unavailable). Nothing was imported: try again in a minute."
)
RETRY_SECONDS = 60


def import_view(request: HttpRequest, admin_site: Any) -> HttpResponse:
    try:
        return _import_view(request, admin_site)
    except response_cache.Unavailable:
        messages.error(request, CACHE_DOWN)
        context = _page(request, admin_site) | {"form": _form(request)}
        response = TemplateResponse(request, "admin/ledger_import.html", context, status=503)
        response["Retry-After"] = str(RETRY_SECONDS)
        return response


def _page(request: HttpRequest, admin_site: Any) -> dict[str, Any]:
    return {**admin_site.each_context(request), "title": gettext("Import claims"), "kinds": KINDS}


def _form(request: HttpRequest, *args: Any) -> UploadForm:
    """The upload form; its "publish" box only for someone who may publish."""
    form = UploadForm(*args)
    if not permissions.can(request.user, permissions.PUBLISH_CLAIM, Claim):
        del form.fields["publish"]
    return form


class ColumnsForm(forms.Form):
    """One choice per header of the sheet (``headers``: each with the first value under it): the
    ledger sheet's column it holds, or none."""

    def __init__(
        self, headers: dict[str, str], *args: Any, proposed: dict | None = None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.headers = list(headers)
        choices = [("", gettext("— not imported —")), *((c, c) for c in sheets.COLUMNS)]
        for at, header in enumerate(self.headers):
            self.fields[f"column_{at}"] = forms.ChoiceField(
                label=header,
                choices=choices,
                required=False,
                initial=(proposed or {}).get(header, ""),
                help_text=headers[header],
            )

    def mapping(self) -> dict[str, str]:
        return {
            header: self.cleaned_data.get(f"column_{at}", "")
            for at, header in enumerate(self.headers)
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for problem in sheets.mapping_problems(self.mapping()):
            self.add_error(None, problem)
        return cleaned


def _is_sheet(name: str) -> bool:
    return name.lower().endswith((".csv", ".xlsx"))


def _keep(request: HttpRequest, token: str, waiting: tuple) -> None:
    """The file (name, content, the import's options — publish, update —; a sheet's headers,
    each with its first value, and its columns) kept for the import."""
    response_cache.required(cache.set, _key(request, token), waiting, WAIT_SECONDS)


def _waiting(request: HttpRequest) -> tuple[str, tuple] | None:
    token = request.POST.get("token", "")
    waiting = response_cache.required(cache.get, _key(request, token))
    return (token, waiting) if waiting is not None else None


def _preview(
    request: HttpRequest, token: str, waiting: tuple, table: sheets.Table | None = None
) -> dict[str, Any]:
    """The dry run of the waiting file, kept under ``token``; ``ValueError`` when the file
    cannot be read."""
    name, content, options, headers, columns = waiting
    notes: list[str] = []
    if _is_sheet(name):
        reading = sheets.read(name, content, columns, table=table)
        bundle, notes, columns = reading.bundle, reading.notes, reading.columns
    else:
        bundle = read_upload(name, content)
    report = load_ledger(bundle, by=request.user, file_name=name, dry_run=True, **options)
    _keep(request, token, (name, content, options, headers, columns))
    return {
        "report": report,
        "token": token,
        "file_name": name,
        "notes": notes,
        "columns": columns,
    }


def _import_view(request: HttpRequest, admin_site: Any) -> HttpResponse:
    if not request.user.has_perm("claims.add_claim"):
        raise PermissionDenied
    context = _page(request, admin_site)
    form = _form(request)
    if request.method == "POST" and "_import" in request.POST:
        key = _key(request, request.POST.get("token", ""))
        waiting = response_cache.required(cache.get, key)
        # Taken before the import: of two submissions of one preview, one imports.
        if waiting is None or not response_cache.required(cache.delete, key):
            messages.error(request, gettext("That preview has expired: upload the file again."))
            return redirect("admin:ledger_import")
        name, content, options, _headers, columns = waiting
        bundle = (
            sheets.read_sheet(name, content, columns)
            if _is_sheet(name)
            else read_upload(name, content)
        )
        report = load_ledger(bundle, by=request.user, file_name=name, **options)
        if report.applied:
            counts = ", ".join(f"{n} {action}" for action, n in sorted(report.counts().items()))
            messages.success(
                request,
                gettext("Imported %(file)s: %(counts)s.") % {"file": name, "counts": counts},
            )
            return redirect(reverse("admin:claims_claim_changelist"))
        context |= {"report": report, "form": form}
    elif request.method == "POST" and ("_columns" in request.POST or "_remap" in request.POST):
        found = _waiting(request)
        if found is None:
            messages.error(request, gettext("That preview has expired: upload the file again."))
            return redirect("admin:ledger_import")
        token, (name, content, options, headers, columns) = found
        if "_remap" in request.POST:
            columns_form = ColumnsForm(headers, proposed=columns)
        else:
            columns_form = ColumnsForm(headers, request.POST)
        if columns_form.is_bound and columns_form.is_valid():
            columns = columns_form.mapping()
            sheets.remember(list(headers), columns, by=request.user)
            try:
                context |= _preview(request, token, (name, content, options, headers, columns))
            except ValueError as error:
                columns_form.add_error(None, getattr(error, "problems", None) or str(error))
        if "report" not in context:
            context |= {"columns_form": columns_form, "token": token, "file_name": name}
    elif request.method == "POST":
        form = _form(request, request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            options = {
                "publish": bool(form.cleaned_data.get("publish")),
                "update": bool(form.cleaned_data.get("update")),
            }
            token = secrets.token_urlsafe(16)
            try:
                if _is_sheet(upload.name):
                    table = sheets.read_table(upload.name, content)
                    proposed = sheets.columns_for(table.headers)
                    headers = table.examples()
                    waiting = (upload.name, content, options, headers, proposed.mapping)
                    if proposed.settled:
                        # Read as the headers settle it: a needed column missing is named.
                        waiting = (*waiting[:4], None)
                        context |= _preview(request, token, waiting, table)
                    else:
                        _keep(request, token, waiting)
                        context |= {
                            "columns_form": ColumnsForm(headers, proposed=proposed.mapping),
                            "token": token,
                            "file_name": upload.name,
                        }
                else:
                    waiting = (upload.name, content, options, None, None)
                    context |= _preview(request, token, waiting)
            except ValueError as error:
                form.add_error("file", getattr(error, "problems", None) or str(error))
    context["form"] = form
    return TemplateResponse(request, "admin/ledger_import.html", context)


def template_view(request: HttpRequest, file_format: str) -> HttpResponse:
    content_type = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[file_format]
    response = HttpResponse(template(file_format), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="contested-claims.{file_format}"'
    return response
