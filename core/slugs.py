"""Slug derivation, the one place a record's address is made from its name."""

from __future__ import annotations

import hashlib

from django.utils.text import slugify


def derive_slug(text: str, max_length: int) -> str:
    """An ASCII slug for ``text``, at most ``max_length`` long. A name with no Latin letters or
    digits (an Arabic or Cyrillic name) gets a stable slug from its digest instead of an empty
    one."""
    slug = slugify(text)[:max_length].strip("-")
    if slug:
        return slug
    digest = hashlib.sha256(text.strip().encode()).hexdigest()[:12]
    return f"x-{digest}"[:max_length]
