"""The words of the ledger: stances and their direction, verdicts, publication status."""

from __future__ import annotations

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


# A retraction is "against": the speaker no longer stands behind the claim. Because only each
# actor's *latest* position counts towards "contested", an actor who asserts and then retracts
# does not make a claim contested on their own.
STANCE_DIRECTION: dict[str, str] = {
    Stance.ASSERTS: Direction.FOR,
    Stance.SUGGESTS: Direction.FOR,
    Stance.ACKNOWLEDGES: Direction.FOR,
    Stance.SUPPORTS: Direction.FOR,
    Stance.DISPUTES: Direction.AGAINST,
    Stance.DENIES: Direction.AGAINST,
    Stance.RETRACTS: Direction.AGAINST,
    Stance.DECLINES_TO_COMMENT: Direction.NEUTRAL,
}


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
