"""Reads for the public site's pages: a claim's page, positions over time, the stance grid.

Every function here starts from the public querysets, so what the site shows is what the one
visibility rule allows. Nested rows come through ``Prefetch`` with a public queryset too, and each
page costs the same number of queries whatever it holds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.models import Actor
from claims import selectors
from claims.models import Claim, RequestForComment, Statement
from claims.positions import describe_changes, positions_by_party
from claims.visibility import Visibility, public
from claims.vocabulary import STANCE_DIRECTION, Direction, Outcome, RelationKind
from core.dates import DatePrecision
from core.dates import display as display_date

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet


def statements_for_page(seen: Visibility = public) -> QuerySet[Statement]:
    """Statements with what their rendering needs, as ``seen`` may see them, in order."""
    return selectors.statements_with_sources(seen)


def claims_for_lists() -> QuerySet[Claim]:
    """Listed claims as lists show them: contested flag, topics, how many statements (stored,
    ``claims.derived``)."""
    return public.listed_claims().prefetch_related(
        Prefetch("topics", queryset=public.topics_of_listed_claims())
    )


def claim_for_page(slug: str, *, seen: Visibility = public) -> Claim:
    """A claim with everything its page shows (``claims.selectors.claim_details``), as ``seen``
    may see it (``visible_to``): the public sees only claims with a public page, so a draft's
    address raises ``DoesNotExist`` exactly as a missing one does; newsroom staff preview
    drafts."""
    return selectors.claim_details(seen.claims(), seen).get(slug=slug)


# How a relation reads from each end: "This claim contradicts …", "This claim has as a part …".
_RELATION_FROM = {
    RelationKind.CONTRADICTS: _("contradicts"),
    RelationKind.DUPLICATE_OF: _("is a duplicate of"),
    RelationKind.PART_OF: _("is part of"),
    RelationKind.RELATED_TO: _("is related to"),
}
_RELATION_TO = {
    RelationKind.CONTRADICTS: _("contradicts"),
    RelationKind.DUPLICATE_OF: _("has a duplicate:"),
    RelationKind.PART_OF: _("includes"),
    RelationKind.RELATED_TO: _("is related to"),
}


def rival_and_related(claim: Claim) -> list[tuple[str, Claim, str]]:
    """(how it relates, the other claim, note) for the prefetched relations, both ways round,
    rival accounts first."""
    rows = [
        (_RELATION_FROM[r.kind], r.to_claim, r.note, r.kind) for r in claim.relations_from.all()
    ]
    rows += [(_RELATION_TO[r.kind], r.from_claim, r.note, r.kind) for r in claim.relations_to.all()]
    rows.sort(key=lambda row: row[3] != RelationKind.CONTRADICTS)
    return [row[:3] for row in rows]


def reply_sentence(request: RequestForComment) -> str:
    """'Malian Armed Forces did not respond to a request for comment by 5 October 2025.'"""
    asked = display_date(request.requested_on, DatePrecision.DAY)
    by = display_date(request.deadline, DatePrecision.DAY) if request.deadline else ""
    name = request.actor.name
    words = {"name": name, "by": by, "asked": asked}
    if request.outcome == Outcome.NO_RESPONSE:
        if by:
            return gettext("%(name)s did not respond to a request for comment by %(by)s.") % words
        return (
            gettext("%(name)s did not respond to a request for comment sent on %(asked)s.") % words
        )
    if request.outcome == Outcome.DECLINED:
        return gettext("%(name)s declined to comment when asked on %(asked)s.") % words
    if request.outcome == Outcome.REPLIED:
        return gettext("%(name)s replied to a request for comment sent on %(asked)s.") % words
    return gettext("%(name)s was asked for comment on %(asked)s.") % words


# Actors ------------------------------------------------------------------------------------------


def actor_for_page(slug: str) -> Actor:
    return public.actors().prefetch_related("aliases").get(slug=slug)


def actor_positions(actor: Actor) -> QuerySet[Statement]:
    """Every public position the actor took, itself or through someone speaking for it, oldest
    first, with the claim and the citations each row shows."""
    return statements_for_page().by(actor).select_related("claim")


@dataclass
class ClaimRecord:
    """An actor's positions on one claim, for the actor page."""

    claim: Claim
    statements: list[Statement]

    @property
    def change(self) -> str:
        return describe_changes(self.statements)


@dataclass
class ActorStanding:
    """Where an actor stands now (how many claims it is for, against, neutral on) and the claims
    on which its position changed."""

    current: dict[str, int]
    changes: list[ClaimRecord]

    @property
    def claim_count(self) -> int:
        return sum(self.current.values())


def actor_standing(actor: Actor) -> ActorStanding:
    """Two queries whatever the actor's record: its stances as bare values, then the full
    statements of only the claims where its stance changed."""
    public_statements = public.statements().by(actor)
    current = dict.fromkeys(Direction.values, 0)
    # Its current positions: the latest statement of each party it is, or speaks for.
    for stance in public_statements.current().values_list("stance", flat=True):
        current[STANCE_DIRECTION[stance]] += 1
    changed_claims = (
        public_statements.order_by()
        .values("claim")
        .annotate(stances=Count("stance", distinct=True))
        .filter(stances__gt=1)
        .values("claim")
    )
    by_claim: dict[int, ClaimRecord] = {}
    for statement in public_statements.filter(claim__in=changed_claims).select_related("claim"):
        record = by_claim.setdefault(
            statement.claim_id, ClaimRecord(claim=statement.claim, statements=[])
        )
        record.statements.append(statement)
    changes = [record for record in by_claim.values() if record.change]
    return ActorStanding(current=current, changes=changes)


# How a relation reads from each end: "Ramadane is spokesperson of the FLA", "the FLA has as
# spokesperson Ramadane".
_ACTOR_RELATION_FROM = {
    "spokesperson_of": _("is spokesperson of"),
    "member_of": _("is a member of"),
    "part_of": _("is part of"),
    "successor_of": _("is the successor of"),
    "allied_with": _("is allied with"),
    "controlled_by": _("is controlled by"),
    "affiliated_with": _("is affiliated with"),
}
_ACTOR_RELATION_TO = {
    "spokesperson_of": _("has as spokesperson"),
    "member_of": _("has as a member"),
    "part_of": _("includes"),
    "successor_of": _("was succeeded by"),
    "allied_with": _("is allied with"),
    "controlled_by": _("controls"),
    "affiliated_with": _("is affiliated with"),
}


def actor_relations(actor: Actor) -> list[tuple[str, Actor, object]]:
    """(how, the other actor, relation) both ways round, between public actors only. The
    relation's source is kept only if the public may see it."""
    relations = (
        public.with_public_source(public.actor_relations())
        .filter(Q(subject=actor) | Q(object=actor))
        .select_related("subject", "object", "source__outlet")
        .order_by("kind", "pk")
    )
    rows = []
    for relation in relations:
        if not relation.source_is_public:
            relation.source = None
        if relation.subject_id == actor.pk:
            rows.append((_ACTOR_RELATION_FROM[relation.kind], relation.object, relation))
        else:
            rows.append((_ACTOR_RELATION_TO[relation.kind], relation.subject, relation))
    return rows


# The stance grid ---------------------------------------------------------------------------------


@dataclass
class Grid:
    """Parties (rows) × claims (columns); each cell the party's latest statement, or None."""

    claims: list[Claim]
    rows: list[tuple[Actor, list[Statement | None]]]


def stance_grid(claims: Iterable[Claim], *, max_parties: int = 14) -> Grid:
    """Where each party stands on each claim (its current position, ``claims.positions``), from
    one query over the claims' statements. The parties with the most positions come first."""
    claims = list(claims)
    statements = (
        public.statements()
        .filter(claim__in=[c.pk for c in claims])
        .select_related("actor", "on_behalf_of")
    )
    held = positions_by_party(statements)
    parties: dict[int, Actor] = {}
    counts: dict[int, int] = defaultdict(int)
    for (_claim_id, party_id), position in held.items():
        parties[party_id] = position.party
        counts[party_id] += 1
    ranked = sorted(parties.values(), key=lambda a: (-counts[a.pk], a.name))[:max_parties]
    rows = [
        (
            party,
            [held[(c.pk, party.pk)].current if (c.pk, party.pk) in held else None for c in claims],
        )
        for party in ranked
    ]
    return Grid(claims=claims, rows=rows)
