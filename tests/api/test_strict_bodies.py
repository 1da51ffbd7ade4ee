"""A body says exactly what it means, or is refused with a 400 naming the field, and nothing is
written: unknown fields, read-only fields changed, values of the wrong JSON type."""

from __future__ import annotations

import pytest

from actors.models import Actor
from claims.models import Claim


def test_an_unknown_field_is_a_400_naming_it_and_nothing_is_written(ledger, publisher_api):
    response = publisher_api.patch(
        f"/api/v1/claims/{ledger.rival.pk}/", {"sumary": "A typo."}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"sumary": ["Unknown field."]}
    assert Claim.objects.get(pk=ledger.rival.pk).summary != "A typo."


def test_a_read_only_field_may_come_back_unchanged_as_a_client_puts_what_it_got(
    ledger, publisher_api
):
    url = f"/api/v1/actors/{ledger.army.pk}/"
    read = publisher_api.get(url).json()
    body = {key: read[key] for key in ("id", "url", "created_at", "name", "kind")}
    body["description"] = "Changed."
    response = publisher_api.patch(url, body, format="json")
    assert response.status_code == 200, response.content
    assert Actor.objects.get(pk=ledger.army.pk).description == "Changed."


@pytest.mark.parametrize(("field", "value"), [("id", 1), ("created_at", "2020-01-01T00:00:00Z")])
def test_a_read_only_field_sent_with_another_value_is_a_400_naming_it(
    ledger, publisher_api, field, value
):
    response = publisher_api.patch(
        f"/api/v1/actors/{ledger.army.pk}/", {field: value, "description": "x"}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert Actor.objects.get(pk=ledger.army.pk).description != "x"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"summary": 12}, "summary"),
        ({"summary": True}, "summary"),
        ({"event_date": 20250201}, "event_date"),
        ({"topics": {}}, "topics"),
        ({"topics": "drones"}, "topics"),
        ({"verdict": 1}, "verdict"),
    ],
)
def test_a_value_of_the_wrong_json_type_is_a_400_naming_the_field(
    ledger, publisher_api, body, field
):
    response = publisher_api.patch(f"/api/v1/claims/{ledger.rival.pk}/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_a_nested_alias_with_an_unknown_key_is_named(ledger, publisher_api):
    response = publisher_api.patch(
        f"/api/v1/actors/{ledger.army.pk}/",
        {"aliases": [{"name": "FAMa", "lang": "fr"}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"aliases": {"0": {"lang": ["Unknown field."]}}}


def test_a_body_that_is_not_json_is_a_400(ledger, publisher_api):
    response = publisher_api.generic(
        "PATCH",
        f"/api/v1/claims/{ledger.rival.pk}/",
        b"\x00",
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "detail" in response.json()
