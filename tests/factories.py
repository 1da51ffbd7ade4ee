"""Factories for the domain. Each builds a valid row with the fewest fields set."""

from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model

from actors.models import Actor, ActorAlias, ActorRelation
from claims.models import Citation, Claim, ClaimRelation, RequestForComment, Statement, Topic
from claims.vocabulary import Stance, Status
from sources.models import Outlet, Source


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.Sequence(lambda n: f"outlet-{n}")
    kind = "news_agency"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Report {n}")
    url = factory.Sequence(lambda n: f"https://news.example/report-{n}")
    outlet = factory.SubFactory(OutletFactory)
    published_on = datetime.date(2025, 10, 7)


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Actor {n}")
    slug = factory.Sequence(lambda n: f"actor-{n}")
    kind = "armed_group"


class ActorAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorAlias

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class ActorRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorRelation

    subject = factory.SubFactory(ActorFactory)
    kind = "spokesperson_of"
    object = factory.SubFactory(ActorFactory)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    text = factory.Sequence(lambda n: f"Something happened, number {n}")
    slug = factory.Sequence(lambda n: f"something-happened-{n}")
    status = Status.DRAFT

    class Params:
        published = factory.Trait(
            status=Status.PUBLISHED,
            published_at=factory.LazyFunction(
                lambda: datetime.datetime(2025, 10, 7, tzinfo=datetime.UTC)
            ),
        )


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    claim = factory.SubFactory(ClaimFactory)
    actor = factory.SubFactory(ActorFactory)
    stance = Stance.ASSERTS
    stated_on = datetime.date(2025, 2, 1)
    paraphrase = "Said so."


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    statement = factory.SubFactory(StatementFactory)
    source = factory.SubFactory(SourceFactory)
    locator = "para 1"


class ClaimRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimRelation

    from_claim = factory.SubFactory(ClaimFactory)
    kind = "contradicts"
    to_claim = factory.SubFactory(ClaimFactory)


class RequestForCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequestForComment

    claim = factory.SubFactory(ClaimFactory)
    actor = factory.SubFactory(ActorFactory)
    requested_on = datetime.date(2025, 10, 1)
    deadline = datetime.date(2025, 10, 5)
    channel = "email"
