"""ETags on every answer, 304 for a matching If-None-Match, 412 for a stale If-Match."""

from __future__ import annotations

import datetime
import hashlib
import re
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import parse_etags
from rest_framework import exceptions, status
from rest_framework.response import Response

from core import response_cache

if TYPE_CHECKING:
    from rest_framework.request import Request


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
_VERSION = re.compile(r'^(?:W/)?"(\d+)-[0-9a-f]+"$')


def version_of(obj: models.Model) -> str:
    """The row's version: the workflow's ``version`` counter on claims and statements
    (``claims.concurrency``), else its ``updated_at`` in whole microseconds (exact on both
    databases)."""
    if hasattr(obj, "version"):
        return str(obj.version)
    return str((obj.updated_at - EPOCH) // datetime.timedelta(microseconds=1))


def tag_response(request: Request, response: Response) -> Response | None:
    """The ETag, once the answer is rendered: the row's version (single objects) and, for the
    public with the response cache on, the version of the data it shows — the answer is then
    stored in the cache under it (``core.response_cache``) —, else a digest of the body."""
    if response.status_code not in (200, 201) or response.streaming:
        return None
    found = getattr(request, "cache_variant", None)
    if found is not None and response.status_code == 200:
        digest = found.digest
    else:
        found = None
        digest = hashlib.sha256(response.content).hexdigest()[:20]
    version = getattr(response, "version", None)
    etag = f'"{version}-{digest}"' if version else f'"{digest}"'
    response["ETag"] = etag
    if found is not None:
        response_cache.store(request, found, response)
    if request.method in ("GET", "HEAD"):
        return get_conditional_response(request, etag=etag, response=response)
    return None


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource has changed since the version given in If-Match. Read it again."
    default_code = "precondition_failed"


def claim_version(request: Request, obj: models.Model) -> None:
    """Honour ``If-Match``. Call it inside ``transaction.atomic``, before saving.

    A claim or a statement carries the workflow's ``version``: the version the client read is
    set on the instance, and its save is then the conditional UPDATE of ``claims.concurrency``
    (``StaleEdit`` if someone saved since; the view answers 412). Other rows are claimed here by
    one conditional UPDATE of ``updated_at``, which matches only while the row still holds the
    version the client read and locks it until the transaction ends, so two writers holding the
    same ETag cannot both succeed; the ``save()`` that history records follows."""
    header = request.headers.get("If-Match")
    if not header or header.strip() == "*":
        return
    read = [int(m.group(1)) for tag in parse_etags(header) if (m := _VERSION.match(tag))]
    if not read:
        raise PreconditionFailed
    if hasattr(obj, "version"):
        obj.version = read[0]
        return
    versions = [EPOCH + datetime.timedelta(microseconds=n) for n in read]
    matched = (
        type(obj)
        ._default_manager.filter(pk=obj.pk, updated_at__in=versions)
        .update(updated_at=timezone.now())
    )
    if not matched:
        raise PreconditionFailed
