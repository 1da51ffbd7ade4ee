"""The words of the ledger: stances and their direction, verdicts, publication status."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# A statement's translation and a claim's: one vocabulary, in core (``core.translations``).
from core.translations import TranslationMethod as TranslationMethod


class Direction(models.TextChoices):
    FOR = "for", _("For")
    AGAINST = "against", _("Against")
    NEUTRAL = "neutral", _("Neutral")


class Stance(models.TextChoices):
    ASSERTS = "asserts", _("asserts")
    SUGGESTS = "suggests", _("suggests")
    ACKNOWLEDGES = "acknowledges", _("acknowledges")
    SUPPORTS = "supports", _("supports")
    DISPUTES = "disputes", _("disputes")
    DENIES = "denies", _("denies")
    RETRACTS = "retracts", _("retracts")
    DECLINES_TO_COMMENT = "declines_to_comment", _("declines to comment")
    ADDS_CONTEXT = "adds_context", _("adds context")


@dataclass(frozen=True)
class StanceWords:
    """How a stance reads: its direction, "denied" (what a party did) and "denied by" (before
    the party's name)."""

    direction: str
    past: str | Promise  # in the reader's language when shown
    by: str | Promise


# The one table of stance wording. A retraction is "against": the speaker no longer stands
# behind the claim. Because only each party's *latest* position counts towards "contested", a
# party that asserts and then retracts does not make a claim contested on its own.
STANCES: dict[str, StanceWords] = {
    Stance.ASSERTS: StanceWords(Direction.FOR, _("asserted"), _("asserted by")),
    Stance.SUGGESTS: StanceWords(Direction.FOR, _("suggested"), _("suggested by")),
    Stance.ACKNOWLEDGES: StanceWords(Direction.FOR, _("acknowledged"), _("acknowledged by")),
    Stance.SUPPORTS: StanceWords(Direction.FOR, _("supported"), _("supported by")),
    Stance.DISPUTES: StanceWords(Direction.AGAINST, _("disputed"), _("disputed by")),
    Stance.DENIES: StanceWords(Direction.AGAINST, _("denied"), _("denied by")),
    Stance.RETRACTS: StanceWords(Direction.AGAINST, _("retracted"), _("retracted by")),
    Stance.DECLINES_TO_COMMENT: StanceWords(
        Direction.NEUTRAL, _("declined to comment"), _("no comment from")
    ),
    # An independent party that neither backs nor denies the claim but adds or qualifies a
    # material fact (a rights group's civilian toll beside an army's strike). Neutral, so it
    # never makes a claim contested; its paraphrase carries the fact. Chosen over "record it as
    # a separate related claim" because the fact belongs on this claim's timeline, where a
    # reader weighs it, and is entered in the same page as the rest of the story; a newsroom
    # that wants to track the fact on its own can still make it a claim and relate the two.
    Stance.ADDS_CONTEXT: StanceWords(Direction.NEUTRAL, _("added context"), _("context from")),
}
STANCE_DIRECTION: dict[str, str] = {stance: words.direction for stance, words in STANCES.items()}


def stances(direction: str) -> list[str]:
    return [stance for stance, d in STANCE_DIRECTION.items() if d == direction]


class Verdict(models.TextChoices):
    UNVERIFIED = "unverified", _("Unverified")
    CONFIRMED = "confirmed", _("Confirmed")
    LIKELY_TRUE = "likely_true", _("Likely true")
    DISPUTED = "disputed", _("Disputed")
    UNPROVEN = "unproven", _("Unproven")
    MISLEADING = "misleading", _("Misleading")
    LIKELY_FALSE = "likely_false", _("Likely false")
    FALSE = "false", _("False")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The one visibility rule starts here. A published claim is listed; a withdrawn one leaves the
# lists but keeps its public page, which says why it was withdrawn. Everything else the public
# sees (statements, actors, sources, outlets…) is derived from these in the querysets.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.WITHDRAWN)
LISTED_STATUSES = (Status.PUBLISHED,)


class RelationKind(models.TextChoices):
    CONTRADICTS = "contradicts", _("contradicts")
    DUPLICATE_OF = "duplicate_of", _("duplicate of")
    PART_OF = "part_of", _("part of")
    RELATED_TO = "related_to", _("related to")


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    MESSAGING = "messaging", _("Messaging app")
    SOCIAL = "social", _("Social media")
    IN_PERSON = "in_person", _("In person")
    PRESS_OFFICE = "press_office", _("Press office")
    OTHER = "other", _("Other")


class Outcome(models.TextChoices):
    PENDING = "pending", _("Awaiting reply")
    REPLIED = "replied", _("Replied")
    DECLINED = "declined", _("Declined to comment")
    NO_RESPONSE = "no_response", _("Did not respond")
