"""Keep search documents in step with the rows they are built from.

Index upkeep, not business logic: signals are the one hook every write path (admin, API,
management commands, shell) goes through. Deletions refresh after commit, when the rows that a
cascade removes are gone.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from actors.models import Actor, ActorAlias

from .models import Claim, Statement
from .search import refresh_search_documents


def _claims_of(actor_id: int) -> list[int]:
    return list(
        Statement.objects.filter(Q(actor_id=actor_id) | Q(on_behalf_of_id=actor_id))
        .values_list("claim_id", flat=True)
        .distinct()
    )


@receiver(post_save, sender=Claim)
def claim_saved(sender: type, instance: Claim, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        refresh_search_documents([instance.pk])


@receiver(post_save, sender=Statement)
def statement_saved(sender: type, instance: Statement, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        refresh_search_documents([instance.claim_id])


@receiver(post_delete, sender=Statement)
def statement_deleted(sender: type, instance: Statement, **kwargs: Any) -> None:
    claim_id = instance.claim_id
    transaction.on_commit(lambda: refresh_search_documents([claim_id]))


@receiver(post_save, sender=Actor)
def actor_saved(sender: type, instance: Actor, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        refresh_search_documents(_claims_of(instance.pk))


@receiver(post_save, sender=ActorAlias)
def alias_saved(sender: type, instance: ActorAlias, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        refresh_search_documents(_claims_of(instance.actor_id))


@receiver(post_delete, sender=ActorAlias)
def alias_deleted(sender: type, instance: ActorAlias, **kwargs: Any) -> None:
    actor_id = instance.actor_id
    transaction.on_commit(lambda: refresh_search_documents(_claims_of(actor_id)))
