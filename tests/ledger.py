"""The shared test story: the helicopter claim asserted by the FLA's spokesman and denied by the
army, a rival claim, a withdrawn claim, and a draft whose actor, source, outlet and topic only it
uses. Every field of those draft-only objects, and the internal notes and contacts of public
ones, carry ``SECRET``: no public response may contain it.

The draft also reaches into the public story the ways a real one would: it shares the public
claim's topic, quotes the army and cites the public source, asks the army for comment,
contradicts the public claim, and has a correction of its own. A page of those public objects
must still leave every trace of it out.

The helicopter claim's verdict is left unverified (the API's tests filter on it); a test that
needs another verdict sets it itself."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from claims.models import Correction
from claims.vocabulary import Outcome, Stance, Status
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

# Every field of every object that only a draft references carries this marker, and so do the
# internal notes and contacts of public objects: no response may contain it.
SECRET = "zzsecretzz"


@dataclass
class Ledger:
    claim: Any
    rival: Any
    withdrawn: Any
    draft: Any
    army: Any
    fla: Any
    spokesman: Any
    secret_actor: Any
    source: Any
    secret_source: Any
    denial: Any
    assertion: Any
    topic: Any
    secret_topic: Any


def build_ledger() -> Ledger:
    """The helicopter claim asserted by the FLA's spokesman and denied by the army, a rival
    claim, a withdrawn claim, and a draft whose actor, source, outlet and topic only it uses,
    tied to the public story as described above."""
    topic = TopicFactory(name="Drones", slug="drones")
    claim = ClaimFactory(
        published=True,
        text="An FLA drone shot down a Malian army helicopter",
        slug="helicopter",
        summary="In February.",
        event_date=datetime.date(2025, 2, 1),
        event_date_precision="month",
        internal_notes=SECRET,
    )
    claim.topics.add(topic)
    rival = ClaimFactory(
        published=True, text="The army intercepted a terrorist drone", slug="rival"
    )
    withdrawn = ClaimFactory(
        status=Status.WITHDRAWN,
        published_at=datetime.datetime(2025, 10, 7, tzinfo=datetime.UTC),
        withdrawn_at=datetime.datetime(2025, 10, 8, tzinfo=datetime.UTC),
        withdrawal_reason="Could not be sourced.",
        text="A withdrawn claim",
        slug="withdrawn",
    )
    fla = ActorFactory(
        name="Azawad Liberation Front",
        slug="fla",
        description="A coalition of armed groups in northern Mali.",
        internal_notes=SECRET,
    )
    ActorAliasFactory(actor=fla, name="FLA")
    spokesman = ActorFactory(name="Mohamed Elmaouloud Ramadane", slug="ramadane", kind="person")
    army = ActorFactory(
        name="Malian army", slug="malian-army", kind="military", internal_notes=SECRET
    )
    ActorRelationFactory(subject=spokesman, object=fla, kind="spokesperson_of")
    outlet = OutletFactory(name="Agence France-Presse", slug="afp", internal_notes=SECRET)
    source = SourceFactory(
        title="From Donbas to the desert",
        outlet=outlet,
        language="en",
        archive_url="https://archive.example/afp",
        internal_notes=SECRET,
    )
    assertion = StatementFactory(
        claim=claim,
        actor=spokesman,
        on_behalf_of=fla,
        stance=Stance.ASSERTS,
        stated_on=datetime.date(2025, 2, 1),
        quote="Nous avons abattu un hélicoptère",
        quote_language="fr",
        translation="We shot down a helicopter",
        translation_method="human",
        translated_by="AFP",
        internal_notes=SECRET,
    )
    denial = StatementFactory(
        claim=claim,
        actor=army,
        stance=Stance.DENIES,
        stated_on=datetime.date(2025, 2, 2),
        quote="Un drone terroriste a été intercepté",
    )
    CitationFactory(statement=assertion, source=source, locator="para 3", internal_notes=SECRET)
    CitationFactory(statement=denial, source=source, locator="para 4")
    StatementFactory(claim=rival, actor=army, stance=Stance.ASSERTS)
    StatementFactory(claim=withdrawn, actor=army, stance=Stance.ASSERTS)
    ClaimRelationFactory(from_claim=claim, to_claim=rival, kind="contradicts")
    RequestForCommentFactory(
        claim=claim, actor=army, outcome=Outcome.NO_RESPONSE, contact=SECRET, internal_notes=SECRET
    )

    # The draft: every field a reader could see carries the marker.
    secret_topic = TopicFactory(name=SECRET, slug=SECRET)
    draft = ClaimFactory(
        text=SECRET, slug=SECRET, summary=SECRET, place_name=SECRET, internal_notes=SECRET
    )
    draft.topics.add(secret_topic, topic)
    secret_actor = ActorFactory(name=SECRET, slug=SECRET, description=SECRET, internal_notes=SECRET)
    ActorAliasFactory(actor=secret_actor, name=f"{SECRET} alias")
    ActorRelationFactory(subject=secret_actor, object=fla, kind="allied_with", note=SECRET)
    secret_outlet = OutletFactory(name=f"{SECRET} outlet", slug=SECRET)
    secret_source = SourceFactory(
        title=SECRET,
        url=f"https://{SECRET}.example/",
        archive_url=f"https://archive.example/{SECRET}",
        byline=SECRET,
        outlet=secret_outlet,
        internal_notes=SECRET,
    )
    secret_statement = StatementFactory(
        claim=draft,
        actor=secret_actor,
        stance=Stance.DENIES,
        quote=SECRET,
        paraphrase=SECRET,
        translation=SECRET,
        translated_by=SECRET,
    )
    army_on_draft = StatementFactory(
        claim=draft, actor=army, on_behalf_of=secret_actor, quote=SECRET
    )
    CitationFactory(statement=secret_statement, source=secret_source, locator=SECRET)
    CitationFactory(statement=army_on_draft, source=source, locator=SECRET)
    ClaimRelationFactory(from_claim=draft, to_claim=claim, kind="contradicts", note=SECRET)
    RequestForCommentFactory(claim=draft, actor=secret_actor, outcome=Outcome.DECLINED)
    RequestForCommentFactory(
        claim=draft, actor=army, outcome=Outcome.NO_RESPONSE, contact=SECRET, internal_notes=SECRET
    )
    Correction.objects.create(claim=draft, note=SECRET, changed=[SECRET])
    # An in-review claim is not public either.
    ClaimFactory(status=Status.IN_REVIEW, text=SECRET, slug=f"{SECRET}-review")
    return Ledger(
        claim=claim,
        rival=rival,
        withdrawn=withdrawn,
        draft=draft,
        army=army,
        fla=fla,
        spokesman=spokesman,
        secret_actor=secret_actor,
        source=source,
        secret_source=secret_source,
        denial=denial,
        assertion=assertion,
        topic=topic,
        secret_topic=secret_topic,
    )
