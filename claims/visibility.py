"""The one visibility rule: what the public sees. Every public path reads through this module.

The public sees **claims with a public page** — published claims, and withdrawn ones, which keep
their page with the reason — and what those claims reference: their statements and citations,
the actors those statements name (as speaker or as the party spoken for) or that a settled
request for comment names, the sources their citations cite and those sources' outlets, the
relations between two such claims or two such actors. Nothing else: an actor or a source that
only drafts reference does not exist for the public.

**Lists** — the claim list, search, feeds, counts, sitemaps, filter choices, topics — show
**listed** claims only: published, not withdrawn.

An actor that only relations reference is not public: relations are entered freely while
drafting, so letting them confer visibility would leak a draft's actors.

Each rule is written twice, side by side: as a queryset (``public.actors()``), for reads, and
for one loaded row (``is_public_record``), for the write rules in ``claims.permissions``. For
the shared records (outlets, sources, actors, their aliases and relations, topics) the row rule
asks the queryset itself. The tests check that the two agree for every model.

Newsroom staff who may preview (``claims.permissions.can(user, "preview", Claim)``) see
every row:
``visible_to(user)`` gives them ``PREVIEW`` and everyone else ``public``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from actors.models import Actor, ActorAlias, ActorRelation
from sources.models import Capture, Outlet, Source

from .models import Citation, Claim, ClaimRelation, RequestForComment, Statement, Topic
from .vocabulary import LISTED_STATUSES, PUBLIC_STATUSES, Outcome

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from .permissions import User


@dataclass(frozen=True)
class Visibility:
    """What one kind of reader sees: the public, or newsroom staff previewing drafts."""

    preview: bool

    def claims(self) -> QuerySet[Claim]:
        """Claims with a page: published, or withdrawn with their reason shown."""
        if self.preview:
            return Claim.objects.all()
        return Claim.objects.filter(status__in=PUBLIC_STATUSES)

    def listed_claims(self) -> QuerySet[Claim]:
        """Claims in lists, search, feeds, counts and sitemaps: published only, for everyone
        (a preview is of one page, never of the lists)."""
        return Claim.objects.filter(status__in=LISTED_STATUSES)

    def statements(self) -> QuerySet[Statement]:
        if self.preview:
            return Statement.objects.all()
        return Statement.objects.filter(claim__status__in=PUBLIC_STATUSES)

    def citations(self) -> QuerySet[Citation]:
        if self.preview:
            return Citation.objects.all()
        return Citation.objects.filter(statement__claim__status__in=PUBLIC_STATUSES)

    def claim_relations(self) -> QuerySet[ClaimRelation]:
        """Relations whose two claims are both public."""
        if self.preview:
            return ClaimRelation.objects.all()
        return ClaimRelation.objects.filter(
            from_claim__status__in=PUBLIC_STATUSES, to_claim__status__in=PUBLIC_STATUSES
        )

    def requests_for_comment(self) -> QuerySet[RequestForComment]:
        """Requests with a settled outcome ("did not respond by …") on public claims; a pending
        request says nothing yet, even to a preview."""
        requests = RequestForComment.objects.exclude(outcome=Outcome.PENDING)
        if self.preview:
            return requests
        return requests.filter(claim__status__in=PUBLIC_STATUSES)

    def topics(self) -> QuerySet[Topic]:
        """Topics of listed claims: a topic with only drafts is not a filter choice."""
        if self.preview:
            return Topic.objects.all()
        return Topic.objects.filter(
            Exists(
                Claim.topics.through.objects.filter(
                    topic=OuterRef("pk"), claim__status__in=LISTED_STATUSES
                )
            )
        )

    def topics_of_listed_claims(self) -> QuerySet[Topic]:
        """The topics to show on claims that ``listed_claims()`` gave (a list's rows, or a
        preview's): every topic of such a claim is one of ``topics()`` — it is the topic of a
        listed claim, that one — so there is nothing to filter, and a list spares the
        ``EXISTS`` per topic. Only ever read *through* such claims (a prefetch from them, or
        filtered on their ids): on its own it is every topic, drafts' too — a list of topics is
        ``topics()``. A withdrawn claim's page uses ``topics()``."""
        return Topic.objects.all()

    def actors(self) -> QuerySet[Actor]:
        """Actors a public claim references: as speaker, as the party spoken for, or as the
        subject of a request for comment whose outcome is shown. The public's answer is the
        stored ``Actor.is_public``, which ``claims.derived`` keeps equal to
        ``referenced_publicly()``."""
        if self.preview:
            return Actor.objects.all()
        return Actor.objects.filter(is_public=True)

    def actor_relations(self) -> QuerySet[ActorRelation]:
        """Relations between two public actors. The relation's source is shown only if
        ``sources()`` holds it (see ``with_public_source``)."""
        if self.preview:
            return ActorRelation.objects.all()
        actors = self.actors()
        return ActorRelation.objects.filter(subject__in=actors, object__in=actors)

    def sources(self) -> QuerySet[Source]:
        """Sources cited by a statement on a public claim. The public's answer is the stored
        ``Source.is_public``, which ``claims.derived`` keeps equal to ``cited_publicly()``."""
        if self.preview:
            return Source.objects.all()
        return Source.objects.filter(is_public=True)

    def captures(self) -> QuerySet[Capture]:
        """Captures of the sources this reader sees: a source only drafts cite keeps its
        captures in the newsroom too."""
        if self.preview:
            return Capture.objects.all()
        return Capture.objects.filter(source__in=self.sources())

    def outlets(self) -> QuerySet[Outlet]:
        """Outlets of public sources."""
        if self.preview:
            return Outlet.objects.all()
        # EXISTS per outlet (a public source of it), not IN over every public source.
        return Outlet.objects.filter(Exists(self.sources().filter(outlet=OuterRef("pk"))))

    def with_public_source(self, relations: QuerySet[ActorRelation]) -> QuerySet[ActorRelation]:
        """Annotate ``source_is_public`` on actor relations: a relation may be public while the
        document establishing it is not."""
        return relations.annotate(
            source_is_public=Exists(self.sources().filter(pk=OuterRef("source_id")))
        )


def referenced_publicly() -> Q:
    """The rule behind ``Actor.is_public``, for the outer actor row: a statement on a public
    claim by it or on its behalf, or a settled request for comment to it on a public claim."""
    statements = public.statements()
    # django-stubs: Q | Exists is a Q (Q.__or__ takes any conditional expression, not a Q only).
    return (
        Exists(statements.filter(actor=OuterRef("pk")))  # type: ignore[return-value]
        | Exists(statements.filter(on_behalf_of=OuterRef("pk")))
        | Exists(public.requests_for_comment().filter(actor=OuterRef("pk")))
    )


def cited_publicly() -> Exists:
    """The rule behind ``Source.is_public``, for the outer source row: a citation of it on a
    public claim. Actor relations citing a source do not count (see ``with_public_source``)."""
    return Exists(public.citations().filter(source=OuterRef("pk")))


def quoted_publicly() -> Coalesce:
    """The rule behind ``Actor.public_statements``: statements on public claims by the outer
    actor row."""
    count = (
        public.statements()
        .filter(actor=OuterRef("pk"))
        .order_by()
        .values("actor")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(count), 0)


public = Visibility(preview=False)
PREVIEW = Visibility(preview=True)


def visible_to(user: User) -> Visibility:
    """What ``user`` sees on a page: everything for newsroom staff who may preview, else what
    the public sees."""
    from .permissions import PREVIEW as MAY_PREVIEW
    from .permissions import can

    return PREVIEW if can(user, MAY_PREVIEW, Claim) else public


# One loaded row ----------------------------------------------------------------------------------


def is_public_record(record: Any) -> bool:
    """Whether the public sees this row, as the querysets above say — saved, or unsaved as a
    write would leave it: a claim with a public page, or a statement, citation, settled request
    for comment or relation between public claims hanging off one; or a shared record a public
    page shows (a source, its outlet, an actor, its aliases, a relation between two public
    actors, a topic), read from the querysets (the stored ``is_public`` of sources and actors:
    an instance in memory may be older than the write that made it public). For the write
    rules: what the public sees is the editors' to change."""
    if isinstance(record, Claim):
        return record.status in PUBLIC_STATUSES
    if isinstance(record, Statement):
        return record.claim_id is not None and is_public_record(record.claim)
    if isinstance(record, Citation):
        return record.statement_id is not None and is_public_record(record.statement)
    if isinstance(record, ClaimRelation):
        return (
            record.from_claim_id is not None
            and record.to_claim_id is not None
            and is_public_record(record.from_claim)
            and is_public_record(record.to_claim)
        )
    if isinstance(record, RequestForComment):
        return (
            record.claim_id is not None
            and record.outcome != Outcome.PENDING
            and is_public_record(record.claim)
        )
    if isinstance(record, ActorAlias):
        return public.actors().filter(pk=record.actor_id).exists()
    if isinstance(record, ActorRelation):
        ends = {record.subject_id, record.object_id}
        return None not in ends and public.actors().filter(pk__in=ends).count() == len(ends)
    for model, seen in (
        (Source, public.sources),
        (Outlet, public.outlets),
        (Actor, public.actors),
        (Topic, public.topics),
    ):
        if isinstance(record, model):
            return record.pk is not None and seen().filter(pk=record.pk).exists()
    raise TypeError(f"No publication rule for {type(record).__name__}.")
