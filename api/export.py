"""The published ledger as one file: ``GET /api/v1/export/ledger.json``.

The dataset a researcher cites: every public record in the ledger format (``ledger``,
``ledger/schema.json``), through the one visibility rule (``claims.visibility.public``),
with the time it was generated. Streamed record by record, so its size does not matter. When the
response cache is on (``RESPONSE_CACHE``), each version of the ledger is written once to the
default storage (``STORAGES["default"]``: a folder under ``MEDIA_ROOT`` unless configured
otherwise) and served from there until a write changes the public ledger (the global data
version, read from the database: ``core.dataversions``); otherwise every download is generated
afresh. Only the latest version is kept: writing one deletes the others.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from claims.cache_versions import GLOBAL
from core import dataversions, response_cache
from ledger.export import export_ledger, export_text

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

FILE_NAME = "contested-ledger.json"
FOLDER = "exports"
PREFIX = "ledger-"
CONTENT_TYPE = "application/json; charset=utf-8"


SAFE = ("GET", "HEAD")


@csrf_exempt  # nothing here writes: any other method is a 405, never a CSRF page
def ledger(request: HttpRequest) -> HttpResponse:
    if request.method not in SAFE:
        # In the API's own shape (JSON, like DRF's 405), not Django's empty page.
        refused = JsonResponse({"detail": f'Method "{request.method}" not allowed.'}, status=405)
        refused["Allow"] = ", ".join(SAFE)
        return refused
    if not response_cache.enabled():
        response = StreamingHttpResponse(
            export_ledger(scope="public", generated_at=timezone.now()), content_type=CONTENT_TYPE
        )
    else:
        epoch, version = dataversions.read([GLOBAL])
        path = f"{FOLDER}/{PREFIX}{epoch}-{version}.json"
        response = _stored(path)
    response["Content-Disposition"] = f'attachment; filename="{FILE_NAME}"'
    response["Cache-Control"] = "no-cache"
    return response


def _stored(path: str) -> HttpResponse:
    """The stored file of this version, written (and the others deleted) by the first download
    that finds it missing."""
    if not default_storage.exists(path):
        text = export_text(scope="public", generated_at=timezone.now())
        saved = default_storage.save(path, ContentFile(text.encode()))
        if saved != path:  # another download wrote it meanwhile: keep theirs
            default_storage.delete(saved)
        prune(keep=path)
    try:
        stream = default_storage.open(path, "rb")
    except FileNotFoundError:
        # A newer version's download pruned it meanwhile: this one is generated afresh.
        return StreamingHttpResponse(
            export_ledger(scope="public", generated_at=timezone.now()), content_type=CONTENT_TYPE
        )
    return FileResponse(stream, content_type=CONTENT_TYPE)


def prune(keep: str) -> None:
    """Delete every stored ledger but ``keep``: they are older versions, never served again."""
    try:
        _, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    for name in names:
        path = f"{FOLDER}/{name}"
        if name.startswith(PREFIX) and name.endswith(".json") and path != keep:
            try:
                default_storage.delete(path)
            except OSError:
                logger.warning("Could not delete the old ledger export %s", path, exc_info=True)
