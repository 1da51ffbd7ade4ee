"""JSON nested deeper than any ledger or request is the sender's mistake: a 400 naming it from the
API, a refusal from the import, never a server error (Python's parser recurses per level)."""

from __future__ import annotations

import json

import pytest

from core import json_input
from ledger.files import read_upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("body", ["[" * 65 + "]" * 65, '{"a":' * 65 + "1" + "}" * 65])
def test_a_body_nested_too_deep_is_a_400_that_says_so(publisher_api, body):
    response = publisher_api.post("/api/v1/topics/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "nests deeper than 64 levels" in response.json()["detail"]


# Thousands of levels: the parser gives up on its own (how depends on the interpreter's stack);
# either way a 400 that names the JSON.
@pytest.mark.parametrize(
    "body",
    ["[" * 5000, '{"a":' * 5000, "[" * 5000 + "]" * 5000, '{"a":' * 5000 + "1" + "}" * 5000],
)
def test_a_body_thousands_of_levels_deep_is_a_400_naming_the_json(publisher_api, body):
    response = publisher_api.post("/api/v1/topics/", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON parse error")


def test_a_body_nested_within_the_bound_is_read_as_usual(publisher_api):
    response = publisher_api.post(
        "/api/v1/topics/", data=json.dumps({"name": "Drones"}), content_type="application/json"
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("deep.json", b"[" * 70 + b"]" * 70),
        ("deep.json", b"[" * 100 + b"]" * 100),
        ("deep.jsonld", b'{"@graph":' * 3000 + b"1" + b"}" * 3000),
        (
            "deep.html",
            b'<script type="application/ld+json">' + b"[" * 100 + b"]" * 100 + b"</script>",
        ),
    ],
)
def test_a_file_nested_too_deep_is_refused_with_a_message(name, content):
    with pytest.raises(ValueError, match="deeper than 64 levels"):
        read_upload(name, content)


def test_depth_is_measured_without_recursing():
    assert json_input.depth(1) == 0
    assert json_input.depth([]) == 1
    assert json_input.depth({"a": [{"b": []}]}) == 4
