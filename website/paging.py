"""Page numbers that cost the same at 100k claims as at 100.

Django's ``Paginator`` counts every matching row (``COUNT(*)`` over all published claims: 47 ms
at 100k, and growing) and lets a reader ask for page 5,000 (an ``OFFSET`` that reads every row
before it). ``CappedPaginator`` counts at most ``cap`` rows and so offers at most ``cap`` rows in
pages; past that, the page says "more than 1,000" and the reader narrows the list with the
filters, as with a search engine's results. The API has no such cap: its cursors seek (README,
"API"). The home page's "Search more than 1,000 published claims" counts the same way
(``capped_count``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.paginator import Paginator
from django.utils.functional import cached_property

if TYPE_CHECKING:
    from django.db.models import QuerySet

CAP = 1000


class CappedPaginator(Paginator):
    """A ``Paginator`` over at most ``cap`` rows; ``capped`` says whether there are more."""

    cap = CAP

    @cached_property
    def _counted(self) -> int:
        # COUNT over a LIMIT of keys alone: the database stops after cap + 1 rows and works out
        # none of the list's annotations for them.
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @cached_property
    def capped(self) -> bool:
        return self._counted > self.cap


def capped_count(rows: QuerySet) -> CappedPaginator:
    """``rows`` counted as the lists count them (``count`` at most ``CAP``, ``capped`` past
    it): at most ``CAP`` + 1 keys read."""
    return CappedPaginator(rows, per_page=1)
