"""A small ledger for the site's tests: one contested claim, and a draft that must never show."""

from __future__ import annotations

import datetime

import pytest

from claims.models import Correction
from claims.vocabulary import Outcome, Stance, Status
from core.dates import DatePrecision
from tests.factories import (
    ActorAliasFactory,
    ActorFactory,
    ActorRelationFactory,
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    OutletFactory,
    RequestForCommentFactory,
    SourceFactory,
    StatementFactory,
    TopicFactory,
)

MARKER = "ZQXDRAFTMARKER"
INTERNAL = "ZQXINTERNALNOTE"
CONTACT = "ZQXCONTACT"


@pytest.fixture
def helicopter(db):
    """The FLA says its drone shot down an army helicopter; the army denies it; the army did not
    answer a request for comment; a rival claim contradicts it. Internal notes everywhere."""
    drones = TopicFactory(name="Drones", slug="drones")
    fla = ActorFactory(
        name="Azawad Liberation Front", slug="fla", description="Rebels.", internal_notes=INTERNAL
    )
    ActorAliasFactory(actor=fla, name="FLA")
    army = ActorFactory(
        name="Malian Armed Forces", slug="malian-army", kind="military", internal_notes=INTERNAL
    )
    spokesman = ActorFactory(name="Mohamed Ramadane", slug="ramadane", kind="person")
    ActorRelationFactory(subject=spokesman, kind="spokesperson_of", object=fla)
    outlet = OutletFactory(name="Agence France-Presse", default_reliability="B")
    article = SourceFactory(
        title="From Donbas to the desert",
        language="en",
        outlet=outlet,
        archive_url="https://archive.example/afp",
        internal_notes=INTERNAL,
    )
    claim = ClaimFactory(
        published=True,
        slug="fla-drone-shot-down-helicopter",
        text="An FLA drone shot down a Malian army helicopter",
        summary="The army gives a rival account.",
        event_date=datetime.date(2025, 2, 1),
        event_date_precision=DatePrecision.MONTH,
        verdict="disputed",
        verdict_reasoning="Incompatible accounts, no independent evidence.",
        internal_notes=INTERNAL,
    )
    claim.topics.add(drones)
    asserts = StatementFactory(
        claim=claim,
        actor=fla,
        stance=Stance.ASSERTS,
        stated_on=datetime.date(2025, 2, 1),
        stated_on_precision=DatePrecision.MONTH,
        paraphrase="The FLA said it shot down a helicopter.",
        internal_notes=INTERNAL,
    )
    denies = StatementFactory(
        claim=claim,
        actor=army,
        stance=Stance.DENIES,
        stated_on=datetime.date(2025, 2, 1),
        stated_on_precision=DatePrecision.MONTH,
        quote="«intercepté et récupéré» un «drone terroriste»",
        quote_language="fr",
        translation="“intercepted and recovered” a “terrorist drone”",
        translation_method="human",
        translated_by="AFP",
    )
    CitationFactory(statement=asserts, source=article, locator="para 21", credibility=6)
    CitationFactory(statement=denies, source=article, locator="para 21", credibility=6)
    RequestForCommentFactory(
        claim=claim,
        actor=army,
        outcome=Outcome.NO_RESPONSE,
        deadline=datetime.date(2025, 10, 5),
        contact=CONTACT,
        internal_notes=INTERNAL,
    )
    rival = ClaimFactory(
        published=True,
        slug="army-recovered-drone",
        text="The Malian army intercepted and recovered a rebel drone",
    )
    StatementFactory(claim=rival, actor=army, stance=Stance.ASSERTS)
    StatementFactory(claim=rival, actor=spokesman, on_behalf_of=fla, stance=Stance.DENIES)
    ClaimRelationFactory(from_claim=claim, kind="contradicts", to_claim=rival)
    return {
        "claim": claim,
        "rival": rival,
        "fla": fla,
        "army": army,
        "spokesman": spokesman,
        "article": article,
        "topic": drones,
        "asserts": asserts,
        "denies": denies,
    }


@pytest.fixture
def leaky_draft(helicopter):
    """A draft claim, with an actor, a source, an outlet and a topic that only it references,
    each carrying MARKER in every text field. It also cites the published claim's article and
    quotes the published claim's actor, and it contradicts the published claim."""
    topic = TopicFactory(name=f"{MARKER} topic", slug=f"{MARKER.lower()}-topic")
    actor = ActorFactory(
        name=f"{MARKER} actor",
        slug=f"{MARKER.lower()}-actor",
        description=f"{MARKER} description",
        internal_notes=f"{MARKER}-internal",
    )
    ActorAliasFactory(actor=actor, name=f"{MARKER} alias")
    outlet = OutletFactory(name=f"{MARKER} outlet", slug=f"{MARKER.lower()}-outlet")
    source = SourceFactory(
        title=f"{MARKER} source",
        url=f"https://{MARKER.lower()}.example/report",
        archive_url=f"https://archive.example/{MARKER}",
        byline=MARKER,
        outlet=outlet,
        internal_notes=f"{MARKER}-internal",
    )
    draft = ClaimFactory(
        status=Status.DRAFT,
        slug=f"{MARKER.lower()}-claim",
        text=f"{MARKER} claim about a helicopter",
        summary=f"{MARKER} summary",
        place_name=f"{MARKER} place",
        internal_notes=f"{MARKER}-internal",
    )
    draft.topics.add(topic, helicopter["topic"])
    statement = StatementFactory(
        claim=draft,
        actor=actor,
        quote=f"{MARKER} quote",
        paraphrase=f"{MARKER} paraphrase",
        translation=f"{MARKER} translation",
        translated_by=MARKER,
    )
    CitationFactory(statement=statement, source=source, locator=f"{MARKER} locator")
    on_public = StatementFactory(
        claim=draft,
        actor=helicopter["fla"],
        stance=Stance.DENIES,
        paraphrase=f"{MARKER} FLA statement",
    )
    CitationFactory(statement=on_public, source=helicopter["article"], locator=f"{MARKER} para")
    ClaimRelationFactory(
        from_claim=draft, kind="contradicts", to_claim=helicopter["claim"], note=MARKER
    )
    RequestForCommentFactory(
        claim=draft,
        actor=helicopter["army"],
        outcome=Outcome.NO_RESPONSE,
        contact=f"{MARKER}-contact",
    )
    ActorRelationFactory(subject=actor, kind="allied_with", object=helicopter["fla"], note=MARKER)
    Correction.objects.create(claim=draft, note=f"{MARKER} correction", changed=[MARKER])
    return {"claim": draft, "actor": actor, "source": source, "topic": topic}
