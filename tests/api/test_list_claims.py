"""GET /api/v1/claims/: published claims, filtered, paginated, as JSON or CSV."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from claims.visibility import public
from claims.vocabulary import Stance, Status
from tests.api.conftest import count_queries, ids
from tests.factories import (
    ActorFactory,
    CitationFactory,
    ClaimFactory,
    StatementFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]
URL = "/api/v1/claims/"


def test_it_lists_published_claims_in_the_envelope(api, ledger):
    response = api.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"next", "previous", "results"}
    assert sorted(ids(response)) == sorted([ledger.claim.pk, ledger.rival.pk])


def test_it_hides_drafts_claims_in_review_and_withdrawn_claims(api, ledger):
    listed = ids(api.get(URL))
    assert ledger.draft.pk not in listed
    assert ledger.withdrawn.pk not in listed
    assert len(listed) == 2


def test_a_claim_carries_its_addresses_and_derived_fields(api, ledger):
    row = next(r for r in api.get(URL).json()["results"] if r["id"] == ledger.claim.pk)
    assert row["url"] == f"http://localhost/api/v1/claims/{ledger.claim.pk}/"
    assert row["html_url"] == "http://localhost/claims/helicopter/"
    assert row["contested"] is True
    assert row["event_date"] == "2025-02"
    assert row["event_date_display"] == "February 2025"
    assert row["topics"] == [{"slug": "drones", "name": "Drones"}]
    assert "internal_notes" not in row


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "helicopter"}, ["claim"]),
        ({"q": "nothing-matches-this"}, []),
        ({"actor": "fla"}, ["claim"]),
        ({"actor": "army"}, ["claim", "rival"]),
        ({"actor": "spokesman", "stance": Stance.ASSERTS}, ["claim"]),
        ({"actor": "spokesman", "stance": Stance.DENIES}, []),
        ({"stance": Stance.DENIES}, ["claim"]),
        ({"stance": Stance.RETRACTS}, []),
        ({"asserted_by": "fla"}, ["claim"]),
        ({"asserted_by": "army"}, ["rival"]),
        ({"denied_by": "army"}, ["claim"]),
        ({"denied_by": "fla"}, []),
        ({"verdict": "unverified"}, ["claim", "rival"]),
        ({"verdict": "false"}, []),
        ({"contested": "true"}, ["claim"]),
        ({"contested": "false"}, ["rival"]),
        ({"topic": "drones"}, ["claim"]),
        ({"event_after": "2025-01-15"}, ["claim"]),
        ({"event_after": "2025-03-01"}, []),
        ({"event_before": "2025-02-28"}, ["claim"]),
        ({"event_before": "2025-01-01"}, []),
        ({"updated_since": "2000-01-01T00:00:00Z"}, ["claim", "rival"]),
        ({"updated_since": "2999-01-01T00:00:00Z"}, []),
    ],
)
def test_each_filter_matches_and_misses(api, ledger, params, expected):
    actors = {"fla": ledger.fla, "army": ledger.army, "spokesman": ledger.spokesman}
    query = {k: (actors[v].pk if v in actors else v) for k, v in params.items()}
    response = api.get(URL, query)
    assert response.status_code == 200, response.content
    assert sorted(ids(response)) == sorted(getattr(ledger, name).pk for name in expected)


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"denied_bt": "1"}, "denied_bt"),
        ({"verdict": "maybe"}, "verdict"),
        ({"stance": "shrugs"}, "stance"),
        ({"contested": "perhaps"}, "contested"),
        ({"event_after": "last tuesday"}, "event_after"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"updated_since": ""}, "updated_since"),
        ({"contested": ""}, "contested"),
        ({"format": ""}, "format"),
        ({"ordering": "text"}, "ordering"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "ten"}, "page_size"),
        ({"cursor": "garbage"}, "cursor"),
        ({"format": "xml"}, "format"),
    ],
)
def test_a_bad_or_unknown_parameter_is_a_400_naming_it(api, ledger, params, named):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert list(response.json()) == [named]


def test_a_draft_actor_or_topic_is_refused_like_one_that_does_not_exist(api, ledger):
    missing = api.get(URL, {"denied_by": 999999}).json()
    assert api.get(URL, {"denied_by": ledger.secret_actor.pk}).json() == missing
    assert api.get(URL, {"topic": "zzsecretzz"}).json() == api.get(URL, {"topic": "nope"}).json()


def _many_claims(n: int) -> None:
    army = ActorFactory()
    for _ in range(n):
        claim = ClaimFactory(published=True)
        claim.topics.add(TopicFactory())
        CitationFactory(statement=StatementFactory(claim=claim, actor=army))


def test_the_query_count_is_the_same_for_one_claim_and_three(api, db):
    _many_claims(1)
    one = count_queries(api, URL)
    _many_claims(2)
    assert len(api.get(URL).json()["results"]) == 3
    # 1: the page of claims, each with its stored "contested"; 2: their public topics.
    assert count_queries(api, URL) == one == 2


@pytest.mark.parametrize("ordering", ["", "published_at", "-created_at"])
def test_the_page_size_is_bounded_and_pages_chain_without_gaps(api, db, ordering):
    _many_claims(30)
    seen: list[int] = []
    url = f"{URL}?page_size=7&ordering={ordering}" if ordering else f"{URL}?page_size=7"
    while url:
        body = api.get(url).json()
        assert len(body["results"]) <= 7
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(public.listed_claims().values_list("pk", flat=True))
    assert len(seen) == len(set(seen)) == 30
    assert len(api.get(URL).json()["results"]) == 25


def test_a_tool_syncs_with_updated_since_and_ascending_order(api, db):
    _many_claims(5)
    first = api.get(URL, {"ordering": "updated_at", "page_size": 3}).json()
    assert [r["updated_at"] for r in first["results"]] == sorted(
        r["updated_at"] for r in first["results"]
    )
    last_seen = first["results"][-1]["updated_at"]
    changed = public.listed_claims().order_by("updated_at").first()
    changed.summary = "Corrected."
    changed.save()
    later = api.get(URL, {"ordering": "updated_at", "updated_since": last_seen}).json()
    assert later["results"][-1]["id"] == changed.pk


def test_a_search_is_ordered_by_relevance_and_pages_by_cursor(api, db):
    for n in range(4):
        ClaimFactory(published=True, text=f"Drone number {n}")
    body = api.get(URL, {"q": "drone", "page_size": 3}).json()
    assert len(body["results"]) == 3
    rest = api.get(body["next"]).json()
    assert len(rest["results"]) == 1
    assert rest["next"] is None
    assert rest["previous"]


def test_the_list_comes_as_flat_csv(api, ledger):
    response = api.get(URL, {"format": "csv", "page_size": 1})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("id,url,html_url,slug,text,summary,language,event_date")
    assert len(lines) == 2
    assert 'rel="next"' in response["Link"]


def test_csv_joins_topics_with_semicolons(api, ledger):
    ledger.claim.topics.add(TopicFactory(slug="mali"))
    rows = api.get(URL, {"format": "csv", "topic": "drones"}).content.decode()
    assert "drones;mali" in rows


def test_a_claim_published_later_appears_and_one_unpublished_disappears(api, ledger):
    ledger.rival.status = Status.DRAFT
    ledger.rival.save()
    ledger.draft.status = Status.PUBLISHED
    ledger.draft.published_at = timezone.now()
    ledger.draft.save()
    listed = ids(api.get(URL))
    assert ledger.rival.pk not in listed
    assert ledger.draft.pk in listed


def test_an_event_window_needs_no_event_date(api, ledger):
    ClaimFactory(published=True, event_date=None)
    assert api.get(URL, {"event_after": datetime.date(2025, 1, 1)}).status_code == 200


def test_an_instant_with_an_offset_postgresql_refuses_is_read_in_utc(api, ledger):
    response = api.get(URL, {"updated_since": "2000-01-01T00:00:00+16:55"})
    assert response.status_code == 200
    response = api.get(URL, {"updated_since": "0001-01-01T00:00:00+10:00"})
    assert response.status_code == 400
    assert list(response.json()) == ["updated_since"]


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "not-a-number"},
        {"actor": "999999"},
        {"asserted_by": "nobody at all"},
        {"topic": "no-such-topic"},
        {"event_after": "2025-03-01", "event_before": "2025-01-01"},
    ],
)
def test_asking_for_what_cannot_exist_gives_an_empty_list(api, ledger, params):
    response = api.get("/api/v1/claims/", params)
    assert response.status_code == 200, response.content
    assert response.json()["results"] == []


def test_a_drafts_actor_and_topic_look_exactly_like_ones_that_do_not_exist(api, ledger):
    for secret, missing in (
        ({"actor": ledger.secret_actor.slug}, {"actor": "no-such-actor"}),
        ({"topic": ledger.draft.topics.exclude(pk=ledger.topic.pk).get().slug}, {"topic": "nope"}),
    ):
        assert (
            api.get("/api/v1/claims/", secret).json() == api.get("/api/v1/claims/", missing).json()
        )


def test_an_empty_free_text_parameter_is_no_filter(api, ledger):
    everything = api.get("/api/v1/claims/").json()
    assert api.get("/api/v1/claims/", {"q": "", "actor": ""}).json() == everything
