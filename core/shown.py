"""``Shown``: one field of a translatable record as a reader sees it (``core.translations``).

It lives apart from the models' module on purpose: mypy loops ("maximum semantic analysis
iteration count reached") on a NamedTuple with methods in a module that the django-stubs
plugin defers, as it does every module with an abstract model (mypy issue #15342).
"""

from __future__ import annotations

from typing import NamedTuple


class Shown(NamedTuple):
    """One field as a reader sees it: the words, their language, and who translated them
    (``""`` when they are the original)."""

    text: str
    language: str
    method: str

    @property
    def is_translation(self) -> bool:
        return bool(self.method)

    def __str__(self) -> str:
        return self.text
