"""The stored derived facts — whether a claim is contested, whether the public sees an actor or
a source — stay equal to their rules after every kind of write, and ``refresh_derived`` finds and
mends drift."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from actors.models import Actor
from claims import consequences, services
from claims.derived import drift
from claims.models import Citation, Claim, Statement
from claims.vocabulary import Outcome, Stance, Status
from sources.models import Source
from tests.factories import (
    ActorFactory,
    CitationFactory,
    ClaimFactory,
    RequestForCommentFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]


def stored(claim: Claim) -> bool:
    return Claim.objects.get(pk=claim.pk).is_contested


def public(actor: Actor) -> bool:
    return Actor.objects.get(pk=actor.pk).is_public


def assert_no_drift() -> None:
    assert drift() == {
        "claims.is_contested": [],
        "claims.statement_count": [],
        "actors.is_public": [],
        "actors.public_statements": [],
        "sources.is_public": [],
    }


def test_statements_written_and_deleted_keep_contested_true():
    claim = ClaimFactory()
    StatementFactory(claim=claim, stance=Stance.ASSERTS)
    assert stored(claim) is False
    denial = StatementFactory(claim=claim, stance=Stance.DENIES)
    assert stored(claim) is True
    denial.stance = Stance.SUPPORTS
    denial.save()
    assert stored(claim) is False
    denial.stance = Stance.DENIES
    denial.save()
    assert stored(claim) is True
    denial.delete()
    assert stored(claim) is False
    assert_no_drift()


def count(claim: Claim) -> int:
    return Claim.objects.get(pk=claim.pk).statement_count


def test_a_claims_statement_count_follows_every_statement_written_moved_and_deleted():
    first, second = ClaimFactory(), ClaimFactory()
    assert (count(first), count(second)) == (0, 0)
    StatementFactory(claim=first)
    moving = StatementFactory(claim=first)
    assert count(first) == 2
    moving.claim = second
    moving.save()
    assert (count(first), count(second)) == (1, 1)
    moving.delete()
    assert count(second) == 0
    stale = Claim.objects.get(pk=first.pk)
    StatementFactory(claim=first)
    stale.version = Claim.objects.get(pk=first.pk).version
    stale.save()  # writes back the count it read: put right again
    assert count(first) == 2
    assert_no_drift()


def test_the_home_page_orders_most_contested_by_the_stored_count(
    reader, django_assert_max_num_queries
):
    quiet, busy = ClaimFactory(published=True), ClaimFactory(published=True)
    for claim, denials in ((quiet, 1), (busy, 3)):
        StatementFactory(claim=claim, stance=Stance.ASSERTS)
        for _ in range(denials):
            StatementFactory(claim=claim, stance=Stance.DENIES)
    with django_assert_max_num_queries(8):
        response = reader.get("/")
    assert [c.pk for c in response.context["most_contested"]] == [busy.pk, quiet.pk]
    assert [c.statement_count for c in response.context["most_contested"]] == [4, 2]


def test_a_statement_moved_to_another_claim_updates_both():
    first, second = ClaimFactory(), ClaimFactory()
    StatementFactory(claim=first, stance=Stance.ASSERTS)
    moving = StatementFactory(claim=first, stance=Stance.DENIES)
    StatementFactory(claim=second, stance=Stance.ASSERTS)
    assert (stored(first), stored(second)) == (True, False)
    moving.claim = second
    moving.save()
    assert (stored(first), stored(second)) == (False, True)
    assert_no_drift()


def test_an_actor_becomes_public_with_publication_and_private_again_when_returned(editor_user):
    claim = ClaimFactory(status=Status.DRAFT)
    speaker, party = ActorFactory(), ActorFactory()
    StatementFactory(claim=claim, actor=speaker, on_behalf_of=party)
    assert (public(speaker), public(party)) == (False, False)
    services.publish_now(claim=claim, by=editor_user)
    assert (public(speaker), public(party)) == (True, True)
    services.withdraw(claim=claim, by=editor_user, reason="Wrong.")
    assert public(speaker) is True  # a withdrawn claim keeps its page
    assert_no_drift()


def test_a_settled_request_for_comment_makes_its_actor_public():
    claim = ClaimFactory(published=True)
    StatementFactory(claim=claim)
    asked = ActorFactory()
    request = RequestForCommentFactory(claim=claim, actor=asked, outcome=Outcome.PENDING)
    assert public(asked) is False
    request.outcome = Outcome.DECLINED
    request.save()
    assert public(asked) is True
    request.delete()
    assert public(asked) is False
    assert_no_drift()


def test_saving_a_stale_instance_does_not_write_back_a_stale_fact():
    claim = ClaimFactory(published=True)
    actor = ActorFactory()
    stale_actor, stale_claim = Actor.objects.get(pk=actor.pk), Claim.objects.get(pk=claim.pk)
    StatementFactory(claim=claim, actor=actor, stance=Stance.ASSERTS)
    StatementFactory(claim=claim, stance=Stance.DENIES)
    stale_actor.description = "Edited from an old copy."
    stale_actor.save()
    stale_claim.summary = "Edited from an old copy."
    stale_claim.version = Claim.objects.get(pk=claim.pk).version
    stale_claim.save()
    assert public(actor) is True
    assert stored(claim) is True
    assert_no_drift()


def test_the_api_and_the_services_keep_them_true(editor_user, ledger):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    publisher_api = APIClient(HTTP_HOST="localhost")
    publisher_api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor_user)}")
    response = publisher_api.patch(
        f"/api/v1/statements/{ledger.denial.pk}/",
        {"stance": "supports", "correction_note": "The army did not deny it."},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert stored(ledger.claim) is False
    assert publisher_api.get(f"/api/v1/claims/{ledger.claim.pk}/").json()["contested"] is False
    assert_no_drift()


def shown(source: Source) -> bool:
    return Source.objects.get(pk=source.pk).is_public


def test_a_source_is_public_while_a_citation_on_a_public_claim_cites_it():
    public_statement = StatementFactory(claim=ClaimFactory(published=True))
    draft_statement = StatementFactory(claim=ClaimFactory(status=Status.DRAFT))
    source, other = SourceFactory(), SourceFactory()
    assert shown(source) is False
    CitationFactory(statement=draft_statement, source=source)
    assert shown(source) is False
    citation = CitationFactory(statement=public_statement, source=source)
    assert shown(source) is True
    citation.source = other  # pointed at another document
    citation.save()
    assert (shown(source), shown(other)) == (False, True)
    citation.statement = draft_statement  # moved to a draft's statement
    citation.save()
    assert shown(other) is False
    citation.statement = public_statement
    citation.save()
    assert shown(other) is True
    citation.delete()
    assert shown(other) is False
    assert_no_drift()


def test_a_statement_moved_to_another_claim_takes_its_sources_along():
    draft, published = ClaimFactory(status=Status.DRAFT), ClaimFactory(published=True)
    moving = StatementFactory(claim=draft)
    citation = CitationFactory(statement=moving)
    assert shown(citation.source) is False
    moving.claim = published
    moving.save()
    assert shown(citation.source) is True
    moving.claim = draft
    moving.save()
    assert shown(citation.source) is False
    assert_no_drift()


def test_a_source_follows_its_claims_status(editor_user):
    claim = ClaimFactory(status=Status.DRAFT)
    source = CitationFactory(statement=StatementFactory(claim=claim)).source
    services.submit_for_review(claim=claim, by=editor_user)
    services.return_to_draft(claim=claim, by=editor_user, reason="Needs a second source.")
    assert shown(source) is False
    services.publish_now(claim=claim, by=editor_user)
    assert shown(source) is True
    services.withdraw(claim=claim, by=editor_user, reason="Wrong.")
    assert shown(source) is True  # a withdrawn claim keeps its page, and its sources
    claim.status = Status.DRAFT  # no workflow move does this; a repair by hand might
    claim.save()
    assert shown(source) is False
    assert_no_drift()


def test_deleting_the_statement_or_the_claim_hides_the_source():
    first, second = ClaimFactory(published=True), ClaimFactory(published=True)
    source = SourceFactory()
    statement = StatementFactory(claim=first)
    CitationFactory(statement=statement, source=source)
    CitationFactory(statement=StatementFactory(claim=second), source=source)
    statement.delete()
    assert shown(source) is True  # the second claim still cites it
    second.delete()
    assert shown(source) is False
    assert_no_drift()


def test_a_source_cited_by_another_public_claim_stays_public_when_one_is_unpublished():
    kept, unpublished = ClaimFactory(published=True), ClaimFactory(published=True)
    source = SourceFactory()
    for claim in (kept, unpublished):
        CitationFactory(statement=StatementFactory(claim=claim), source=source)
    unpublished.status = Status.DRAFT
    unpublished.save()
    assert shown(source) is True
    assert_no_drift()


def test_saving_a_stale_source_does_not_write_back_a_stale_fact():
    source = SourceFactory()
    stale = Source.objects.get(pk=source.pk)
    CitationFactory(statement=StatementFactory(claim=ClaimFactory(published=True)), source=source)
    stale.byline = "Edited from an old copy."
    stale.save()
    assert shown(source) is True
    assert_no_drift()


def test_inside_a_batch_sources_are_recomputed_once_on_the_way_out():
    statement = StatementFactory(claim=ClaimFactory(published=True))
    sources = [SourceFactory(), SourceFactory()]
    with consequences.batch():
        for source in sources:
            CitationFactory(statement=statement, source=source)
        assert [shown(s) for s in sources] == [False, False]
    assert [shown(s) for s in sources] == [True, True]
    assert_no_drift()


def test_the_sources_flag_stays_out_of_the_history_the_api_and_the_ledger(ledger):
    from rest_framework.test import APIClient

    from ledger.export import export_ledger

    assert Source.objects.filter(is_public=True).exists()
    assert "is_public" not in {f.name for f in Source.history.model._meta.fields}
    listed = APIClient(HTTP_HOST="localhost").get("/api/v1/sources/").json()["results"]
    assert listed
    assert all("is_public" not in record for record in listed)
    assert '"is_public"' not in "".join(export_ledger(scope="newsroom"))


def test_refresh_derived_reports_drift_and_mends_it(capsys):
    claim = ClaimFactory()
    StatementFactory(claim=claim, stance=Stance.ASSERTS)
    StatementFactory(claim=claim, stance=Stance.DENIES)
    Claim.objects.filter(pk=claim.pk).update(is_contested=False)  # as a bulk load would leave it
    with pytest.raises(CommandError):
        call_command("refresh_derived", "--check")
    assert f"claims.is_contested: 1 row(s) drifted: {claim.pk}" in capsys.readouterr().out
    call_command("refresh_derived")
    assert stored(claim) is True
    call_command("refresh_derived", "--check")
    assert_no_drift()
    assert Statement.objects.count() == 2


def test_refresh_derived_reports_a_drifted_source_and_mends_it(capsys):
    citation = CitationFactory(statement=StatementFactory(claim=ClaimFactory(published=True)))
    hidden = SourceFactory()
    Source.objects.filter(pk=citation.source_id).update(is_public=False)  # as a bulk load leaves
    Source.objects.filter(pk=hidden.pk).update(is_public=True)
    with pytest.raises(CommandError):
        call_command("refresh_derived", "--check")
    out = capsys.readouterr().out
    assert f"sources.is_public: 2 row(s) drifted: {citation.source_id}, {hidden.pk}" in out
    call_command("refresh_derived")
    assert (shown(citation.source), shown(hidden)) == (True, False)
    call_command("refresh_derived", "--check")
    assert_no_drift()
    assert Citation.objects.count() == 1
