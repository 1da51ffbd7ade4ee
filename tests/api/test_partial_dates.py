"""Partial dates in and out of the API: ``2023``, ``2023-02`` and ``2023-02-08`` (ISO 8601).

A date that has a precision companion (``event_date`` / ``event_date_precision``,
``stated_on`` / ``stated_on_precision``, an actor's ``founded_on`` and ``dissolved_on``, a
relation's ``start_on`` and ``end_on``) is written at its precision: the precision is read from
the date's form, stored as the first day of its period, and shown again at that precision. The
``*_precision`` fields stay, for clients that read them."""

from __future__ import annotations

import datetime
import re

import pytest

from actors.models import Actor
from claims.models import Claim, Statement
from tests.factories import (
    ActorFactory,
    ActorRelationFactory,
    ClaimFactory,
    StatementFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.engine_specific]

CLAIMS = "/api/v1/claims/"
STATEMENTS = "/api/v1/statements/"
ACTORS = "/api/v1/actors/"

# What a client sends, what is stored, at which precision, and what is read back.
PARTIAL = [
    ("2023", datetime.date(2023, 1, 1), "year", "2023"),
    ("2023-02", datetime.date(2023, 2, 1), "month", "2023-02"),
    ("2023-02-08", datetime.date(2023, 2, 8), "day", "2023-02-08"),
]
# Not an ISO 8601 calendar date at any precision, or not a day of the calendar.
BAD = [
    "2023-13",
    "2023-00",
    "2023-02-30",
    "2023-02-00",
    "23-02",
    "2023-2",
    "2023-02-8",
    "2023/02",
    "202",
    "20230208",
    "February 2023",
    "2023-02-08T10:00",
    "0000",
    "",
    " ",
]


def _statement_body(claim: Claim, **extra) -> dict:
    return {
        "claim": claim.pk,
        "actor": ActorFactory().pk,
        "stance": "asserts",
        "quote": "Nous avons abattu un hélicoptère",
        **extra,
    }


# In: every date with a precision takes a partial date -----------------------------------------


@pytest.mark.parametrize(("sent", "stored", "precision", "shown"), PARTIAL)
def test_a_claim_is_created_with_a_partial_event_date(reporter_api, sent, stored, precision, shown):
    response = reporter_api.post(
        CLAIMS, {"text": "A convoy was ambushed", "event_date": sent}, format="json"
    )
    assert response.status_code == 201, response.content
    claim = Claim.objects.get()
    assert (claim.event_date, claim.event_date_precision) == (stored, precision)
    assert response.json()["event_date"] == shown
    assert response.json()["event_date_precision"] == precision


@pytest.mark.parametrize(("sent", "stored", "precision", "shown"), PARTIAL)
def test_a_claims_event_date_is_changed_to_a_partial_date(
    reporter_api, sent, stored, precision, shown
):
    claim = ClaimFactory(event_date=datetime.date(2020, 5, 17))
    response = reporter_api.patch(f"{CLAIMS}{claim.pk}/", {"event_date": sent}, format="json")
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert (claim.event_date, claim.event_date_precision) == (stored, precision)
    assert response.json()["event_date"] == shown


@pytest.mark.parametrize(("sent", "stored", "precision", "shown"), PARTIAL)
def test_a_statement_is_created_with_a_partial_date(reporter_api, sent, stored, precision, shown):
    response = reporter_api.post(
        STATEMENTS, _statement_body(ClaimFactory(), stated_on=sent), format="json"
    )
    assert response.status_code == 201, response.content
    statement = Statement.objects.get()
    assert (statement.stated_on, statement.stated_on_precision) == (stored, precision)
    assert response.json()["stated_on"] == shown


@pytest.mark.parametrize(("sent", "stored", "precision", "shown"), PARTIAL)
def test_a_statements_date_is_changed_to_a_partial_date(
    reporter_api, sent, stored, precision, shown
):
    statement = StatementFactory(stated_on=datetime.date(2020, 5, 17), stated_on_precision="day")
    response = reporter_api.patch(
        f"{STATEMENTS}{statement.pk}/", {"stated_on": sent}, format="json"
    )
    assert response.status_code == 200, response.content
    statement.refresh_from_db()
    assert (statement.stated_on, statement.stated_on_precision) == (stored, precision)
    assert response.json()["stated_on"] == shown


def test_an_actor_is_created_and_changed_with_partial_dates(reporter_api):
    response = reporter_api.post(
        ACTORS,
        {"name": "Azawad Liberation Front", "kind": "armed_group", "founded_on": "2024-11"},
        format="json",
    )
    assert response.status_code == 201, response.content
    actor = Actor.objects.get()
    assert (actor.founded_on, actor.founded_on_precision) == (datetime.date(2024, 11, 1), "month")
    assert response.json()["founded_on"] == "2024-11"

    response = reporter_api.patch(
        f"{ACTORS}{actor.pk}/", {"founded_on": "2012", "dissolved_on": "2025-06-30"}, format="json"
    )
    assert response.status_code == 200, response.content
    actor.refresh_from_db()
    assert (actor.founded_on, actor.founded_on_precision) == (datetime.date(2012, 1, 1), "year")
    assert (actor.dissolved_on, actor.dissolved_on_precision) == (datetime.date(2025, 6, 30), "day")
    assert response.json()["founded_on"] == "2012"
    assert response.json()["dissolved_on"] == "2025-06-30"


def test_a_precision_sent_with_the_date_may_say_the_same(reporter_api):
    response = reporter_api.post(
        CLAIMS,
        {"text": "A convoy was ambushed", "event_date": "2023-02", "event_date_precision": "month"},
        format="json",
    )
    assert response.status_code == 201, response.content
    claim = Claim.objects.get()
    assert (claim.event_date, claim.event_date_precision) == (datetime.date(2023, 2, 1), "month")


def test_a_full_date_with_a_coarser_precision_is_still_taken_as_before(reporter_api):
    """Backward compatibility: ``2023-02-14`` with ``month`` was how a client said "February
    2023" before partial dates, and with ``year`` "2023"; it still is, stored as the first day
    of the period."""
    response = reporter_api.post(
        CLAIMS,
        {
            "text": "A convoy was ambushed",
            "event_date": "2023-02-14",
            "event_date_precision": "year",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    claim = Claim.objects.get()
    assert (claim.event_date, claim.event_date_precision) == (datetime.date(2023, 1, 1), "year")
    assert response.json()["event_date"] == "2023"


@pytest.mark.parametrize(("sent", "precision"), [("2023-02", "day"), ("2023", "month")])
def test_a_precision_finer_than_the_date_is_a_400_naming_it(reporter_api, sent, precision):
    response = reporter_api.post(
        CLAIMS,
        {"text": "A convoy was ambushed", "event_date": sent, "event_date_precision": precision},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["event_date_precision"]
    assert not Claim.objects.exists()


def test_a_precision_alone_still_coarsens_the_stored_date(reporter_api):
    claim = ClaimFactory(event_date=datetime.date(2023, 2, 14))
    response = reporter_api.patch(
        f"{CLAIMS}{claim.pk}/", {"event_date_precision": "month"}, format="json"
    )
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert (claim.event_date, claim.event_date_precision) == (datetime.date(2023, 2, 1), "month")
    assert response.json()["event_date"] == "2023-02"


def test_a_null_event_date_is_taken(reporter_api):
    claim = ClaimFactory(event_date=datetime.date(2023, 2, 14))
    response = reporter_api.patch(f"{CLAIMS}{claim.pk}/", {"event_date": None}, format="json")
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert claim.event_date is None
    assert response.json()["event_date"] is None


# Bad values: a 400 naming the field, never a 500, nothing written -------------------------------


@pytest.mark.parametrize("value", BAD)
def test_a_bad_event_date_is_a_400_naming_it(reporter_api, value):
    response = reporter_api.post(
        CLAIMS, {"text": "A convoy was ambushed", "event_date": value}, format="json"
    )
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["event_date"]
    assert not Claim.objects.exists()


@pytest.mark.parametrize("value", BAD)
def test_a_bad_statement_date_is_a_400_naming_it(reporter_api, value):
    response = reporter_api.post(
        STATEMENTS, _statement_body(ClaimFactory(), stated_on=value), format="json"
    )
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["stated_on"]
    assert not Statement.objects.exists()


@pytest.mark.parametrize("value", BAD)
def test_a_bad_founding_date_is_a_400_naming_it(reporter_api, value):
    actor = ActorFactory(founded_on=datetime.date(2012, 1, 1), founded_on_precision="year")
    response = reporter_api.patch(f"{ACTORS}{actor.pk}/", {"founded_on": value}, format="json")
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["founded_on"]
    actor.refresh_from_db()
    assert actor.founded_on == datetime.date(2012, 1, 1)


@pytest.mark.parametrize("value", [2023, 2023.5, True, ["2023"], {"year": 2023}])
def test_a_date_that_is_not_a_json_string_is_a_400_naming_it(reporter_api, value):
    response = reporter_api.post(
        CLAIMS, {"text": "A convoy was ambushed", "event_date": value}, format="json"
    )
    assert response.status_code == 400, response.content
    assert list(response.json()) == ["event_date"]


def test_a_statement_needs_its_date(reporter_api):
    response = reporter_api.post(STATEMENTS, _statement_body(ClaimFactory()), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["stated_on"]


# Out: JSON and JSON-LD at the date's precision --------------------------------------------------


def test_json_gives_each_date_at_its_precision(api, ledger):
    """The ledger's claim happened "in February 2025"; its assertion was dated to the day."""
    detail = api.get(f"{CLAIMS}{ledger.claim.pk}/").json()
    assert detail["event_date"] == "2025-02"
    assert detail["event_date_precision"] == "month"
    assert detail["event_date_display"] == "February 2025"
    row = next(r for r in api.get(CLAIMS).json()["results"] if r["id"] == ledger.claim.pk)
    assert row["event_date"] == "2025-02"
    assert [s["stated_on"] for s in detail["statements"]] == ["2025-02-01", "2025-02-02"]


def test_a_statement_and_an_actor_give_their_dates_at_their_precision(api, ledger):
    ledger.denial.stated_on_precision = "year"
    ledger.denial.save()
    ledger.army.founded_on = datetime.date(1960, 10, 1)
    ledger.army.founded_on_precision = "month"
    ledger.army.save()
    ActorRelationFactory(
        subject=ledger.army,
        object=ledger.fla,
        kind="allied_with",
        start_on=datetime.date(2023, 1, 1),
        start_on_precision="year",
    )
    statement = api.get(f"{STATEMENTS}{ledger.denial.pk}/").json()
    assert statement["stated_on"] == "2025"
    assert statement["stated_on_precision"] == "year"
    listed = api.get(STATEMENTS, {"claim": ledger.claim.pk}).json()["results"]
    assert {s["id"]: s["stated_on"] for s in listed}[ledger.denial.pk] == "2025"
    actor = api.get(f"{ACTORS}{ledger.army.pk}/").json()
    assert actor["founded_on"] == "1960-10"
    assert actor["founded_on_precision"] == "month"
    assert actor["dissolved_on"] is None
    relation = next(r for r in actor["relations"] if r["kind"] == "allied_with")
    assert relation["start_on"] == "2023"
    assert relation["end_on"] is None


def test_csv_gives_each_date_at_its_precision(api, ledger):
    lines = api.get(CLAIMS, {"format": "csv"}).content.decode().splitlines()
    header = lines[0].split(",")
    row = next(line for line in lines[1:] if line.startswith(f"{ledger.claim.pk},"))
    assert row.split(",")[header.index("event_date")] == "2025-02"


def test_json_ld_gives_the_event_as_an_iso_8601_partial_date(api, ledger):
    body = api.get(f"{CLAIMS}{ledger.claim.pk}/", {"format": "jsonld"}).json()
    assert body["temporalCoverage"] == "2025-02"
    assert [s["dateCreated"] for s in body["stances"]] == ["2025-02-01", "2025-02-02"]


def test_json_ld_gives_each_stance_at_its_precision(api, ledger):
    ledger.assertion.stated_on_precision = "month"
    ledger.assertion.save()
    body = api.get(f"{CLAIMS}{ledger.claim.pk}/", {"format": "jsonld"}).json()
    assert {s["stance"]: s["dateCreated"] for s in body["stances"]} == {
        "asserts": "2025-02",
        "denies": "2025-02-02",
    }
    review = api.get(f"{CLAIMS}{ledger.claim.pk}/", {"format": "claimreview"}).json()
    assert review["itemReviewed"]["datePublished"] == "2025-02"


def test_json_ld_gives_a_year_as_a_year(api, ledger):
    ledger.claim.event_date_precision = "year"
    ledger.claim.save()
    body = api.get(f"{CLAIMS}{ledger.claim.pk}/", {"format": "jsonld"}).json()
    assert body["temporalCoverage"] == "2025"


# The schema says so -------------------------------------------------------------------------------


def test_the_schema_documents_partial_dates_in_and_out(api):
    schema = api.get("/api/v1/schema/", {"format": "json"}).json()["components"]["schemas"]
    for component, name in [
        ("ClaimWriteRequest", "event_date"),
        ("StatementWriteRequest", "stated_on"),
        ("ActorWriteRequest", "founded_on"),
        ("Claim", "event_date"),
        ("Statement", "stated_on"),
        ("Actor", "dissolved_on"),
    ]:
        field = schema[component]["properties"][name]
        assert field["type"] == "string", (component, name)
        pattern = re.compile(field["pattern"])
        assert all(pattern.search(v) for v in ("2025", "2025-02", "2025-02-08")), component
        assert not any(pattern.search(v) for v in ("2025-13", "2025-2", "25-02")), component
        assert "2025-02" in field["description"], (component, name)
        assert "format" not in field, (component, name)


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"event_after": "2025"}, ["helicopter"]),
        ({"event_after": "2025-02"}, ["helicopter"]),
        ({"event_after": "2025-03"}, []),
        ({"event_before": "2025-02"}, ["helicopter"]),
        ({"event_before": "2025-01"}, []),
        ({"event_before": "2024"}, []),
        ({"event_after": "2025-02", "event_before": "2025-02"}, ["helicopter"]),
    ],
)
def test_event_filters_take_a_date_at_the_precision_the_api_writes(api, ledger, params, found):
    """The ledger's claim happened in February 2025 (month precision): a month or a year is the
    whole period, its start for ``event_after`` and its end for ``event_before``."""
    rows = api.get("/api/v1/claims/", params).json()["results"]
    assert [row["slug"] for row in rows if row["slug"] == "helicopter"] == found


def test_a_date_that_is_not_in_the_calendar_is_a_400_naming_the_filter(api, db):
    response = api.get("/api/v1/claims/", {"event_after": "2025-13"})
    assert response.status_code == 400
    assert "event_after" in response.json()
