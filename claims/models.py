from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, ExpressionWrapper, F, Min, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import dates
from core.dates import DatePrecision
from core.grades import Credibility
from core.models import (
    SluggedModel,
    TimeStampedModel,
    choices_check,
    internal_notes_field,
    slug_field,
)
from core.text import PlainTextModel
from core.translations import Translatable

from .concurrency import VersionedModel
from .vocabulary import (
    PUBLIC_STATUSES,
    STANCE_DIRECTION,
    Channel,
    Direction,
    Outcome,
    RelationKind,
    Stance,
    Status,
    TranslationMethod,
    Verdict,
    stances,
)

if TYPE_CHECKING:
    import datetime

    from django.db.models import QuerySet

    from actors.models import Actor


# Topics ------------------------------------------------------------------------------------------


class Topic(SluggedModel, TimeStampedModel, Translatable):
    TRANSLATED = ("name",)

    name = models.CharField(max_length=100, unique=True)
    slug = slug_field(100)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        self.clean_translations()


# Claims ------------------------------------------------------------------------------------------


def _statements_by(actor: Actor) -> QuerySet[Statement]:
    """Statements made by an actor, or by someone speaking on the actor's behalf."""
    return Statement.objects.filter(Q(actor=actor) | Q(on_behalf_of=actor))


def contested_now() -> ExpressionWrapper:
    """Whether the outer claim is contested, worked out from its statements: the rule behind
    the stored ``Claim.is_contested`` (``claims.derived`` writes it)."""
    return ExpressionWrapper(
        _current_positions(Direction.FOR) & _current_positions(Direction.AGAINST),
        output_field=models.BooleanField(),
    )


def _current_positions(direction: str) -> Exists:
    """A current statement of ``direction`` on the outer claim."""
    return Exists(
        Statement.objects.current().filter(claim=OuterRef("pk"), stance__in=stances(direction))
    )


class ClaimQuerySet(models.QuerySet["Claim"]):
    def contested(self) -> QuerySet[Claim]:
        """Claims where one party's current position is for and another's is against: the
        stored ``is_contested``, kept true by ``claims.derived``."""
        return self.filter(is_contested=True)

    def uncontested(self) -> QuerySet[Claim]:
        return self.filter(is_contested=False)

    def asserted_by(self, actor: Actor) -> QuerySet[Claim]:
        """Claims the actor (or someone speaking for it) has taken a position for."""
        return self.filter(
            Exists(
                _statements_by(actor).filter(
                    claim=OuterRef("pk"), stance__in=stances(Direction.FOR)
                )
            )
        )

    def denied_by(self, actor: Actor) -> QuerySet[Claim]:
        """Claims the actor (or someone speaking for it) has disputed, denied or retracted."""
        return self.filter(
            Exists(
                _statements_by(actor).filter(
                    claim=OuterRef("pk"), stance__in=stances(Direction.AGAINST)
                )
            )
        )

    def with_first_asserted(self) -> QuerySet[Claim]:
        return self.annotate(
            first_asserted_on=Min(
                "statements__stated_on",
                filter=Q(statements__stance__in=stances(Direction.FOR)),
            )
        )


class Claim(SluggedModel, VersionedModel, TimeStampedModel, Translatable):
    # In the reader's language when translated (``core.translations``).
    TRANSLATED = ("text", "summary")
    slug_source = "text"

    text = models.CharField(
        _("claim"),
        max_length=300,
        help_text=_(
            "One proposition, in neutral words, that can be true or false: "
            '"An FLA drone shot down a Malian army helicopter in northern Mali". '
            "Not who said it: that is a statement."
        ),
    )
    slug = slug_field(120, _("Derived from the claim when left blank."))
    summary = models.TextField(
        blank=True, help_text=_("Context a reader needs, in a few sentences.")
    )
    event_date = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When the event itself happened, if known."),
    )
    event_date_precision = dates.precision_field()
    place_name = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(max_digits=8, decimal_places=5, null=True, blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="claims")
    verdict = models.CharField(
        max_length=20,
        choices=Verdict.choices,
        default=Verdict.UNVERIFIED,
        db_index=True,
        help_text=_(
            "The newsroom's own assessment, separate from what the actors say and from how "
            "reliable the sources are. Anything but Unverified needs its reasoning."
        ),
    )
    verdict_reasoning = models.TextField(blank=True)
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
        help_text=_(
            "Only published claims, and what they reference, are public. A withdrawn claim "
            "leaves the lists but keeps its page with the reason."
        ),
    )
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("The editor who last published the claim."),
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(
        blank=True, help_text=_("Public: why the claim was withdrawn. Required to withdraw.")
    )
    internal_notes = internal_notes_field()
    # The handover from reporter to editor: who sent the claim for review, when, and why. Set by
    # ``claims.services.submit_for_review``; shown in the editors' queue, never to the public.
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("Who last submitted the claim for review."),
    )
    note_for_editor = models.TextField(
        _("note for the editor"),
        blank=True,
        help_text=_(
            "Newsroom only: what the editor should know or check before publishing "
            '("army statement only on Telegram; HRW toll unconfirmed").'
        ),
    )
    # Derived, never typed in: one party's current position is for the claim, another's
    # against. Stored so lists and filters read a column instead of working it out over every
    # statement; ``claims.derived`` keeps it true on every write of a statement.
    is_contested = models.BooleanField(default=False, editable=False, db_index=True)
    # Derived the same way: how many statements the claim holds (lists show it; the home page's
    # "most contested" orders by it through the index below).
    statement_count = models.PositiveIntegerField(default=0, editable=False)

    # The version is concurrency state, not content: kept out of the history and its diffs.
    history = HistoricalRecords(
        m2m_fields=[topics], excluded_fields=["version", "is_contested", "statement_count"]
    )
    objects = ClaimQuerySet.as_manager()

    # What a reader relies on: once the claim is public, changing any of these needs a public
    # correction note (``claims.services.edit_claim``).
    SUBSTANCE = ("text", "summary", "verdict", "verdict_reasoning")

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-updated_at", "-pk"]
        permissions = [
            ("publish_claim", "Can publish and withdraw claims and set their verdict"),
        ]
        constraints = [
            choices_check("verdict", Verdict),
            choices_check("status", Status),
            choices_check("event_date_precision", DatePrecision),
            models.CheckConstraint(
                condition=Q(verdict=Verdict.UNVERIFIED) | ~Q(verdict_reasoning=""),
                name="claims_claim_verdict_has_reasoning",
            ),
            models.CheckConstraint(
                condition=Q(status__in=[Status.DRAFT, Status.IN_REVIEW])
                | Q(published_at__isnull=False),
                name="claims_claim_public_has_published_at",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.WITHDRAWN)
                | (Q(withdrawn_at__isnull=False) & ~Q(withdrawal_reason="")),
                name="claims_claim_withdrawn_has_reason",
            ),
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (
                    # NULL compares as unknown and a CHECK passes on unknown: say NOT NULL.
                    Q(latitude__isnull=False, longitude__isnull=False)
                    & Q(latitude__gte=-90, latitude__lte=90)
                    & Q(longitude__gte=-180, longitude__lte=180)
                ),
                name="claims_claim_coordinates_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-updated_at"]),
            # The home page's latest and the feeds: newest publication first.
            models.Index(fields=["status", "-published_at", "-id"], name="claims_claim_latest"),
            models.Index(
                fields=["status", "is_contested", "-statement_count", "-published_at"],
                name="claims_claim_most_contested",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        super().clean()
        self.clean_translations()
        self.event_date = dates.normalise(self.event_date, self.event_date_precision)
        if self.verdict != Verdict.UNVERIFIED and not self.verdict_reasoning.strip():
            raise ValidationError(
                {"verdict_reasoning": "Give the reasoning for any verdict other than Unverified."}
            )
        if self.status == Status.WITHDRAWN and not self.withdrawal_reason.strip():
            raise ValidationError({"withdrawal_reason": "Say publicly why the claim is withdrawn."})
        self.stamp_status_times()

    def stamp_status_times(self, now: datetime.datetime | None = None) -> None:
        """Record when the claim was first published and when it was withdrawn."""
        now = now or timezone.now()
        if self.status in PUBLIC_STATUSES and self.published_at is None:
            self.published_at = now
        if self.status == Status.WITHDRAWN and self.withdrawn_at is None:
            self.withdrawn_at = now
        if self.status != Status.WITHDRAWN:
            self.withdrawn_at = None

    def get_absolute_url(self) -> str:
        return reverse("claims:claim-detail", args=[self.slug])

    @property
    def first_asserted(self) -> datetime.date | None:
        """The earliest date an actor took a position for the claim."""
        if hasattr(self, "first_asserted_on"):
            return self.first_asserted_on
        if self.pk is None:
            return None
        return self.statements.filter(stance__in=stances(Direction.FOR)).aggregate(
            first=Min("stated_on")
        )["first"]

    @property
    def event_date_display(self) -> str:
        return dates.display(self.event_date, self.event_date_precision)


# Statements --------------------------------------------------------------------------------------


# A statement's party: whose position it is. A spokesperson speaks for the organisation, so
# Ramadane's denial on behalf of the FLA is the FLA's position. ``Statement.party`` says the same
# for a loaded row.
PARTY = Coalesce("on_behalf_of", "actor")

# Stances that put a claim forward, rather than back it or answer it. On the same footing in
# time they come first, and the earliest of them names the claim's author (ClaimReview).
ORIGINATING = (Stance.ASSERTS.value, Stance.SUGGESTS.value)

# When a statement was said, as a number an imprecise date sorts by: after every more precise
# date inside its period ("February 2025" after 28 February, before 1 March; ``core.dates``).
STATED = dates.sort_key_expression("stated_on", "stated_on_precision")
# 0 for a stance that puts the claim forward, 1 for one that backs or answers it.
STANCE_RANK = models.Case(
    models.When(stance__in=ORIGINATING, then=models.Value(0)),
    default=models.Value(1),
    output_field=models.IntegerField(),
)

# The order of a claim's statements, and what "latest" means: when said (an imprecise date after
# the precise ones inside its period), then a statement putting the claim forward before one
# backing or answering it, then when entered. So "supported in February" never comes before the
# assertion of 20 February it backs. ``Statement.chronological_key`` is the same in Python.
CHRONOLOGICAL = (STATED.asc(), STANCE_RANK.asc(), "pk")


class StatementQuerySet(models.QuerySet["Statement"]):
    def with_party(self) -> QuerySet[Statement]:
        """Annotate ``party_id``: whose position each statement is (``Statement.party``)."""
        return self.annotate(party_id=PARTY)

    def with_chronology(self) -> QuerySet[Statement]:
        """Annotate ``stated_key`` and ``stance_rank``: the first two terms of
        ``CHRONOLOGICAL``."""
        return self.annotate(stated_key=STATED, stance_rank=STANCE_RANK)

    def current(self) -> QuerySet[Statement]:
        """Each party's latest statement on each claim: its current position. Latest is the
        statements' own order (``CHRONOLOGICAL``): said later (an imprecise date after the
        precise ones inside its period), or on the same footing and answering rather than
        putting the claim forward, or entered later."""
        same_time = Q(stated_key=OuterRef("stated_key"))
        same_footing = same_time & Q(stance_rank=OuterRef("stance_rank"))
        later = (
            Statement.objects.with_party()
            .with_chronology()
            .filter(claim=OuterRef("claim"), party_id=OuterRef("party_id"))
            .filter(
                Q(stated_key__gt=OuterRef("stated_key"))
                | (same_time & Q(stance_rank__gt=OuterRef("stance_rank")))
                | (same_footing & Q(pk__gt=OuterRef("pk")))
            )
        )
        return self.with_party().with_chronology().filter(~Exists(later))

    def direction(self, direction: str) -> QuerySet[Statement]:
        return self.filter(stance__in=stances(direction))

    def by(self, actor: Actor) -> QuerySet[Statement]:
        """Statements by the actor or made on its behalf."""
        return self.filter(Q(actor=actor) | Q(on_behalf_of=actor))


class Statement(VersionedModel, TimeStampedModel):
    """One actor's position on one claim, dated by when it was said."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="statements")
    actor = models.ForeignKey(
        "actors.Actor",
        on_delete=models.PROTECT,
        related_name="statements",
        help_text=_("Who said it: Ramadane, not the FLA, when Ramadane is quoted."),
    )
    on_behalf_of = models.ForeignKey(
        "actors.Actor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements_on_behalf",
        help_text=_("The organisation the speaker spoke for, if any: the FLA for its spokesman."),
    )
    stance = models.CharField(
        max_length=20,
        choices=Stance.choices,
        help_text=_(
            "Asserts, suggests, acknowledges and supports are for the claim; disputes, "
            "denies and retracts are against; declines to comment and adds context (an independent "
            "party adding or qualifying a fact, e.g. a civilian toll) are neutral."
        ),
    )
    stated_on = models.DateField(
        _("said on"),
        help_text=_(
            "When it was said, not when it was reported. If only the report date is "
            "known, use it at the precision the report gives."
        ),
    )
    stated_on_precision = dates.precision_field()
    stated_on_is_report_date = models.BooleanField(
        _("dated by the report"),
        default=False,
        help_text=_(
            "Tick when the source does not say when this was said and the date above is "
            'the report\'s: readers then see "reported on …".'
        ),
    )
    quote = models.TextField(
        blank=True, help_text=_("Verbatim, in the language it was said or first reported in.")
    )
    quote_language = models.CharField(max_length=12, blank=True, help_text=_("BCP 47 tag: fr, ar."))
    paraphrase = models.TextField(
        blank=True,
        help_text=_(
            "What was said, in our words, when there is no verbatim quote. "
            "A statement needs a quote or a paraphrase."
        ),
    )
    translation = models.TextField(blank=True, help_text=_("The quote in English."))
    translation_method = models.CharField(
        max_length=20, choices=TranslationMethod.choices, blank=True
    )
    translated_by = models.CharField(
        max_length=200, blank=True, help_text=_("Who translated: a person, AFP, a machine tool.")
    )
    is_interested_party = models.BooleanField(
        _("interested party"),
        default=True,
        help_text=_(
            "Untick for an independent observer (an analyst, an NGO) with no stake in the "
            "claim, so their word reads as corroboration rather than a party's position."
        ),
    )
    internal_notes = internal_notes_field()

    history = HistoricalRecords(excluded_fields=["version"])
    objects = StatementQuerySet.as_manager()

    # Changing these on a public claim's statement needs a public correction note: every text a
    # reader sees of it (the quote, the paraphrase that stands in when there is none, the
    # translation), and its stance.
    SUBSTANCE = ("stance", "quote", "paraphrase", "translation")

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = list(CHRONOLOGICAL)
        constraints = [
            choices_check("stance", Stance),
            choices_check("stated_on_precision", DatePrecision),
            choices_check("translation_method", TranslationMethod),
            models.CheckConstraint(
                condition=~Q(actor=F("on_behalf_of")) | Q(on_behalf_of__isnull=True),
                name="claims_statement_not_on_own_behalf",
            ),
            models.CheckConstraint(
                condition=~Q(quote="") | ~Q(paraphrase=""),
                name="claims_statement_has_quote_or_paraphrase",
            ),
        ]
        indexes = [
            # The API's statement list, newest change first (2.3 s at 1M statements without).
            models.Index(fields=["-updated_at", "-id"], name="claims_statement_latest"),
            models.Index(fields=["claim", "actor", "stated_on"]),
            models.Index(fields=["actor", "stance"]),
            models.Index(fields=["on_behalf_of", "stance"]),
        ]

    def __str__(self) -> str:
        return f"{self.actor} {self.get_stance_display()}: {self.claim}"

    def clean(self) -> None:
        self.stated_on = dates.normalise(self.stated_on, self.stated_on_precision)
        if not self.quote.strip() and not self.paraphrase.strip():
            raise ValidationError(
                {"quote": "Give the verbatim quote, or a paraphrase when there is none."}
            )
        if self.on_behalf_of_id and self.on_behalf_of_id == self.actor_id:
            raise ValidationError({"on_behalf_of": "Leave blank when the actor speaks for itself."})

    @property
    def direction(self) -> str:
        return STANCE_DIRECTION[self.stance]

    @property
    def party(self) -> Actor:
        """Whose position this is: the organisation a spokesperson speaks for, else the speaker
        (the database form is ``PARTY``)."""
        return self.on_behalf_of or self.actor

    @property
    def chronological_key(self) -> tuple:
        """``CHRONOLOGICAL`` for a loaded row."""
        return (
            dates.sort_key(self.stated_on, self.stated_on_precision),
            0 if self.stance in ORIGINATING else 1,
            self.pk,
        )

    @property
    def stated_on_display(self) -> str:
        shown = dates.display(self.stated_on, self.stated_on_precision)
        if self.stated_on_is_report_date:
            return gettext("reported %(date)s") % {"date": shown}
        return shown


class Citation(TimeStampedModel):
    """A source reporting a statement, and how credible the reported information is."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey("sources.Source", on_delete=models.PROTECT, related_name="citations")
    locator = models.CharField(
        max_length=100, blank=True, help_text=_("Where in the source: paragraph 12, 02:31, page 4.")
    )
    credibility = models.PositiveSmallIntegerField(
        choices=Credibility.choices,
        default=Credibility.CANNOT_BE_JUDGED,
        help_text=_(
            "Admiralty 1–6: how credible this piece of information is as reported here — "
            "not how reliable the source is (that is its A–F grade), nor our verdict on the claim."
        ),
    )
    internal_notes = internal_notes_field()

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["pk"]
        constraints = [
            choices_check("credibility", Credibility),
            models.UniqueConstraint(
                fields=["statement", "source", "locator"], name="claims_citation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} ({self.locator})" if self.locator else str(self.source)


# Relations between claims ------------------------------------------------------------------------


class ClaimRelationQuerySet(models.QuerySet["ClaimRelation"]):
    def involving(self, claim: Claim) -> QuerySet[ClaimRelation]:
        return self.filter(Q(from_claim=claim) | Q(to_claim=claim))


class ClaimRelation(TimeStampedModel):
    """``from_claim`` *kind* ``to_claim``. "Contradicts" and "related to" read both ways."""

    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations_from")
    kind = models.CharField(
        max_length=20,
        choices=RelationKind.choices,
        help_text=_(
            "Contradicts: a rival account of the same event (the shootdown vs. the "
            "intercepted drone)."
        ),
    )
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations_to")
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()
    objects = ClaimRelationQuerySet.as_manager()

    class Meta:
        verbose_name = _("claim relation")
        verbose_name_plural = _("claim relations")
        ordering = ["pk"]
        constraints = [
            choices_check("kind", RelationKind),
            models.CheckConstraint(
                condition=~Q(from_claim=F("to_claim")), name="claims_relation_not_reflexive"
            ),
            models.UniqueConstraint(
                fields=["from_claim", "kind", "to_claim"], name="claims_relation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_claim} — {self.get_kind_display()} — {self.to_claim}"


# Right of reply ----------------------------------------------------------------------------------


class RequestForCommentQuerySet(models.QuerySet["RequestForComment"]):
    def overdue(self, today: datetime.date | None = None) -> QuerySet[RequestForComment]:
        today = today or timezone.localdate()
        return self.filter(outcome=Outcome.PENDING, deadline__lt=today)


class RequestForComment(TimeStampedModel):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="requests_for_comment")
    actor = models.ForeignKey(
        "actors.Actor", on_delete=models.PROTECT, related_name="requests_for_comment"
    )
    requested_on = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel.choices)
    deadline = models.DateField(null=True, blank=True)
    outcome = models.CharField(
        max_length=20,
        choices=Outcome.choices,
        default=Outcome.PENDING,
        help_text=_("Shown on the public claim page once it is no longer pending."),
    )
    reply = models.ForeignKey(
        Statement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="in_reply_to",
        help_text=_("The statement the reply produced, when the outcome is Replied."),
    )
    contact = models.CharField(
        max_length=300, blank=True, help_text=_("Internal: who was contacted. Never published.")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False
    )
    internal_notes = internal_notes_field()

    history = HistoricalRecords()
    objects = RequestForCommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("request for comment")
        verbose_name_plural = _("requests for comment")
        ordering = ["-requested_on", "pk"]
        constraints = [
            choices_check("channel", Channel),
            choices_check("outcome", Outcome),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gte=F("requested_on")),
                name="claims_rfc_deadline_after_request",
            ),
            models.CheckConstraint(
                condition=Q(reply__isnull=True) | Q(outcome=Outcome.REPLIED),
                name="claims_rfc_reply_only_when_replied",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} on {self.claim}"

    def clean(self) -> None:
        # Python, not a CHECK: the reply is SET_NULL when its statement is deleted, and that
        # must not fail; the page then asks for the statement again at the next save.
        if self.outcome == Outcome.REPLIED and not self.reply_id:
            raise ValidationError({"reply": "Link the statement the reply produced."})
        if self.outcome == Outcome.NO_RESPONSE:
            if self.deadline is None:
                raise ValidationError(
                    {
                        "deadline": "Give the deadline the actor did not meet: the claim page says "
                        '"did not respond by …".'
                    }
                )
            if self.deadline >= timezone.localdate():
                raise ValidationError(
                    {
                        "outcome": "The deadline has not passed yet: the request is still awaiting "
                        "a reply."
                    }
                )
        if self.reply_id and self.outcome != Outcome.REPLIED:
            raise ValidationError({"reply": "Only a request that was replied to has a reply."})
        if self.reply_id and self.reply.claim_id != self.claim_id:
            raise ValidationError({"reply": "The reply must be a statement on the same claim."})


# Corrections -------------------------------------------------------------------------------------


class Correction(PlainTextModel):
    """A public note: what changed in a public claim's substance, and why.

    Written by ``claims.services`` whenever the text, verdict or verdict reasoning of a published
    (or withdrawn) claim, or the stance or quote of one of its statements, changes. Append-only:
    a correction is itself corrected by a later one.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="corrections")
    note = models.TextField(help_text=_("Public: what was corrected and why."))
    changed = models.JSONField(
        default=list,
        help_text=_('What the correction changed: ["claim text", "statement 4 quote"].'),
    )
    claim_revision = models.ForeignKey(
        "claims.HistoricalClaim",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The claim's revision saved with this correction."),
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(note=""), name="claims_correction_has_note"),
        ]

    def __str__(self) -> str:
        return f"Correction to {self.claim_id} on {self.created_at:%Y-%m-%d}"


# Search ------------------------------------------------------------------------------------------


class ClaimSearchDocument(models.Model):
    """What full-text search reads for one claim, kept by ``claims.search``.

    ``title`` is the claim's text; ``body`` gathers its summary, place, and every statement's
    quote, translation and paraphrase with the speaker's and party's names and aliases, so a
    query can match "FLA helicopter" across tables. On PostgreSQL ``vector`` holds the weighted
    tsvector (GIN-indexed by migration 0002); on SQLite the FTS5 table ``claims_search_fts``
    mirrors title and body through triggers. Derived data: not in any history.
    """

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="search_document")
    title = models.TextField()
    body = models.TextField(blank=True)
    vector = SearchVectorField(null=True, editable=False)
    # PostgreSQL: the claim's words in French and in Arabic (its own when written in that
    # language, its translation into it), each stemmed as that language (``claims.search``).
    vector_fr = SearchVectorField(null=True, editable=False)
    vector_ar = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("claim search document")
        verbose_name_plural = _("claim search documents")

    def __str__(self) -> str:
        return self.title


# Newsroom lists ----------------------------------------------------------------------------------


class ReviewQueue(Claim):
    """The editors' queue: claims submitted for review, oldest first (an admin list)."""

    class Meta:
        proxy = True
        verbose_name = _("claim awaiting review")
        verbose_name_plural = _("editor's queue: claims awaiting review")


class OverdueRequest(RequestForComment):
    """Requests for comment past their deadline with no reply yet (an admin list)."""

    class Meta:
        proxy = True
        verbose_name = _("overdue request for comment")
        verbose_name_plural = _("requests for comment past their deadline")
