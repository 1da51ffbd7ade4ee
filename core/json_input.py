"""JSON from outside — an upload, an API body — read with a bound on its nesting.

Python's parser recurses once per level: ``'[' * 5000`` raises ``RecursionError`` (a server
error), and a file just under the interpreter's limit would raise it later, in the schema check
or a reader. No ledger, ClaimReview or API body nests deeper than a dozen levels, so anything
deeper than ``MAX_DEPTH`` is refused as the sender's mistake, with a message.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

MAX_DEPTH = 64


class TooDeep(ValueError):
    pass


def loads(text: str | bytes) -> Any:
    """``json.loads``, refusing nesting deeper than ``MAX_DEPTH`` with ``TooDeep`` (a
    ``ValueError``); malformed JSON raises ``json.JSONDecodeError`` as usual."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise TooDeep(_message()) from None
    if depth(data) > MAX_DEPTH:
        raise TooDeep(_message())
    return data


def depth(data: Any) -> int:
    """How deeply ``data`` nests lists and objects (a scalar is 0), without recursing."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, level = stack.pop()
        children: Iterable[Any]
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest


def _message() -> str:
    return f"The JSON nests deeper than {MAX_DEPTH} levels, more than any ledger or request does."
