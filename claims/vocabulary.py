"""The words of the ledger: stances and their direction, verdicts, publication status."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


class Direction(models.TextChoices):
    FOR = "for", "For"
    AGAINST = "against", "Against"
    NEUTRAL = "neutral", "Neutral"


class Stance(models.TextChoices):
    ASSERTS = "asserts", "asserts"
    SUGGESTS = "suggests", "suggests"
    ACKNOWLEDGES = "acknowledges", "acknowledges"
    SUPPORTS = "supports", "supports"
    DISPUTES = "disputes", "disputes"
    DENIES = "denies", "denies"
    RETRACTS = "retracts", "retracts"
    DECLINES_TO_COMMENT = "declines_to_comment", "declines to comment"
    ADDS_CONTEXT = "adds_context", "adds context"


@dataclass(frozen=True)
class StanceWords:
    """How a stance reads: its direction, "denied" (what a party did) and "denied by" (before
    the party's name)."""

    direction: str
    past: str
    by: str


# The one table of stance wording. A retraction is "against": the speaker no longer stands
# behind the claim. Because only each party's *latest* position counts towards "contested", a
# party that asserts and then retracts does not make a claim contested on its own.
STANCES: dict[str, StanceWords] = {
    Stance.ASSERTS: StanceWords(Direction.FOR, "asserted", "asserted by"),
    Stance.SUGGESTS: StanceWords(Direction.FOR, "suggested", "suggested by"),
    Stance.ACKNOWLEDGES: StanceWords(Direction.FOR, "acknowledged", "acknowledged by"),
    Stance.SUPPORTS: StanceWords(Direction.FOR, "supported", "supported by"),
    Stance.DISPUTES: StanceWords(Direction.AGAINST, "disputed", "disputed by"),
    Stance.DENIES: StanceWords(Direction.AGAINST, "denied", "denied by"),
    Stance.RETRACTS: StanceWords(Direction.AGAINST, "retracted", "retracted by"),
    Stance.DECLINES_TO_COMMENT: StanceWords(
        Direction.NEUTRAL, "declined to comment", "no comment from"
    ),
    # An independent party that neither backs nor denies the claim but adds or qualifies a
    # material fact (a rights group's civilian toll beside an army's strike). Neutral, so it
    # never makes a claim contested; its paraphrase carries the fact. Chosen over "record it as
    # a separate related claim" because the fact belongs on this claim's timeline, where a
    # reader weighs it, and is entered in the same page as the rest of the story; a newsroom
    # that wants to track the fact on its own can still make it a claim and relate the two.
    Stance.ADDS_CONTEXT: StanceWords(Direction.NEUTRAL, "added context", "context from"),
}
STANCE_DIRECTION: dict[str, str] = {stance: words.direction for stance, words in STANCES.items()}


def stances(direction: str) -> list[str]:
    return [stance for stance, d in STANCE_DIRECTION.items() if d == direction]


class Verdict(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    CONFIRMED = "confirmed", "Confirmed"
    LIKELY_TRUE = "likely_true", "Likely true"
    DISPUTED = "disputed", "Disputed"
    UNPROVEN = "unproven", "Unproven"
    MISLEADING = "misleading", "Misleading"
    LIKELY_FALSE = "likely_false", "Likely false"
    FALSE = "false", "False"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


# The one visibility rule starts here. A published claim is listed; a withdrawn one leaves the
# lists but keeps its public page, which says why it was withdrawn. Everything else the public
# sees (statements, actors, sources, outlets…) is derived from these in the querysets.
PUBLIC_STATUSES = (Status.PUBLISHED, Status.WITHDRAWN)
LISTED_STATUSES = (Status.PUBLISHED,)


class RelationKind(models.TextChoices):
    CONTRADICTS = "contradicts", "contradicts"
    DUPLICATE_OF = "duplicate_of", "duplicate of"
    PART_OF = "part_of", "part of"
    RELATED_TO = "related_to", "related to"


class TranslationMethod(models.TextChoices):
    NONE = "", "—"
    HUMAN = "human", "Human"
    MACHINE = "machine", "Machine"
    MACHINE_REVIEWED = "machine_reviewed", "Machine, reviewed by a person"


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone"
    MESSAGING = "messaging", "Messaging app"
    SOCIAL = "social", "Social media"
    IN_PERSON = "in_person", "In person"
    PRESS_OFFICE = "press_office", "Press office"
    OTHER = "other", "Other"


class Outcome(models.TextChoices):
    PENDING = "pending", "Awaiting reply"
    REPLIED = "replied", "Replied"
    DECLINED = "declined", "Declined to comment"
    NO_RESPONSE = "no_response", "Did not respond"
