"""Slug derivation, the one place a record's address is made from its name.

Names in any script get a readable address: Arabic, Cyrillic, Devanagari or Chinese are
transliterated to Latin letters first (``anyascii``), so "الجيش المالي" is ``ljysh-lmly`` and a
name partly in Devanagari keeps that part. Only a name with nothing to transliterate (``«»``)
falls back to a digest. A derived slug never lands on another record's: ``unique_slug`` adds
``-2``, ``-3``… until it is free.
"""

from __future__ import annotations

import hashlib
from itertools import count
from typing import TYPE_CHECKING, Any

from anyascii import anyascii
from django.utils.text import slugify

if TYPE_CHECKING:
    from collections.abc import Container

    from django.db.models import Model


def derive_slug(text: str, max_length: int) -> str:
    """An ASCII slug for ``text``, at most ``max_length`` long: transliterated, else (nothing
    to read) a stable slug from its digest instead of an empty one."""
    slug = slugify(anyascii(text))[:max_length].strip("-")
    if slug:
        return slug
    digest = hashlib.sha256(text.strip().encode()).hexdigest()[:12]
    return f"x-{digest}"[:max_length]


def unique_slug(
    model: type[Model],
    text: str,
    max_length: int,
    *,
    exclude: Any = None,
    also_taken: Container[str] = (),
) -> str:
    """``derive_slug(text)``, or with ``-2``, ``-3``… when another ``model`` row (not the one
    whose primary key is ``exclude``) has it, or ``also_taken`` does (a file's new records)."""
    base = derive_slug(text, max_length)
    rows = model._default_manager.filter(slug__startswith=base[: max_length - 4])
    if exclude is not None:
        rows = rows.exclude(pk=exclude)
    taken = set(rows.values_list("slug", flat=True))
    if base not in taken and base not in also_taken:
        return base
    for n in count(2):
        suffix = f"-{n}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
        if candidate not in taken and candidate not in also_taken:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover
