from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model

from actors.models import Actor, ActorRelation
from claims.models import Claim, RequestForComment, Topic
from ledger.export import export_text
from sources.models import Outlet, Source


@pytest.fixture
def importer(db):
    """Who imports the whole ledger back: an account that may publish."""
    return get_user_model().objects.create_superuser("importer", "importer@example.org", "pw")


def empty_the_ledger() -> None:
    """Every record gone, as on a new newsroom's database (the accounts stay)."""
    RequestForComment.objects.all().delete()
    Claim.objects.all().delete()
    ActorRelation.objects.all().delete()
    Source.objects.all().delete()
    Outlet.objects.all().delete()
    Actor.objects.all().delete()
    Topic.objects.all().delete()


def exported(scope: str = "newsroom") -> tuple[str, dict]:
    text = export_text(scope=scope)
    return text, json.loads(text)
