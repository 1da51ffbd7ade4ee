"""The ledger's JSON Schema (ledger/schema.json) says what the code says."""

from __future__ import annotations

import pytest

from actors.models import ActorKind
from actors.models import RelationKind as ActorRelationKind
from claims.vocabulary import Channel, Outcome, RelationKind, Stance, Status, Verdict
from ledger import FORMAT, VERSION
from ledger.load import schema
from sources.models import OutletKind

ITEMS = schema()["properties"]


def enum_of(collection: str, name: str, nested: str | None = None) -> list:
    properties = ITEMS[collection]["items"]["properties"]
    if nested:
        properties = properties[nested]["items"]["properties"]
    return properties[name]["enum"]


@pytest.mark.parametrize(
    ("collection", "name", "nested", "choices"),
    [
        ("claims", "stance", "statements", Stance),
        ("claims", "verdict", None, Verdict),
        ("claims", "status", None, Status),
        ("actors", "kind", None, ActorKind),
        ("outlets", "kind", None, OutletKind),
        ("actor_relations", "kind", None, ActorRelationKind),
        ("claim_relations", "kind", None, RelationKind),
        ("requests_for_comment", "channel", None, Channel),
        ("requests_for_comment", "outcome", None, Outcome),
    ],
)
def test_each_choice_in_the_schema_is_a_choice_of_the_code(collection, name, nested, choices):
    assert enum_of(collection, name, nested) == list(choices.values)


def test_the_schema_names_this_format_and_version():
    assert ITEMS["format"]["const"] == FORMAT
    assert ITEMS["version"]["const"] == VERSION


@pytest.mark.parametrize("collection", ["actors", "topics", "claims"])
def test_the_languages_and_translation_methods_in_the_schema_are_the_sites(collection):
    from django.conf import settings

    from core.translations import TranslationMethod

    languages = [code for code, _name in settings.LANGUAGES]
    properties = ITEMS[collection]["items"]["properties"]
    assert properties["language"]["enum"] == languages
    assert properties["translations"]["propertyNames"]["enum"] == languages
    each = properties["translations"]["additionalProperties"]["properties"]
    assert each["method"]["enum"] == [value for value in TranslationMethod.values if value]
