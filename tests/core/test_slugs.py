from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from actors.models import Actor
from core.slugs import derive_slug, unique_slug
from tests.factories import ActorFactory


def test_a_latin_name_gives_a_readable_slug_within_its_length():
    assert derive_slug("Front de Libération de l'Azawad", 12) == "front-de-lib"


def test_a_name_in_arabic_script_gets_a_readable_transliterated_slug():
    slug = derive_slug("الجيش المالي", 200)
    assert slug == "ljysh-lmly"
    assert slug != derive_slug("جبهة تحرير أزواد", 200)


def test_a_name_partly_in_devanagari_keeps_that_part_in_its_slug():
    assert derive_slug("Rashtriya Swayamsevak Sangh (राष्ट्रीय स्वयंसेवक संघ)", 200) == (
        "rashtriya-swayamsevak-sangh-rastriy-svymsevk-smgh"
    )


def test_a_name_with_nothing_to_transliterate_gets_a_stable_slug_not_an_empty_one():
    slug = derive_slug("«»", 200)
    assert slug.startswith("x-")
    assert slug == derive_slug("«»", 200)
    assert slug != derive_slug("!!!", 200)


@pytest.mark.django_db
def test_a_derived_slug_never_lands_on_another_records():
    ActorFactory(name="Wagner", slug="vagner")
    ActorFactory(name="Vagner Group", slug="vagner-2")
    assert unique_slug(Actor, "Вагнер", 200) == "vagner-3"


@pytest.mark.django_db
def test_a_record_keeps_its_own_slug_when_it_is_derived_again():
    actor = ActorFactory(name="Wagner", slug="vagner")
    assert unique_slug(Actor, "Вагнер", 200, exclude=actor.pk) == "vagner"


@pytest.mark.django_db
def test_an_actor_named_like_another_is_refused_as_a_duplicate_not_given_a_new_slug():
    ActorFactory(name="Wagner", slug="vagner")
    actor = Actor(name="Вагнер", kind="armed_group")
    with pytest.raises(ValidationError) as refused:
        actor.full_clean()
    assert actor.slug == "vagner"
    assert "slug" in refused.value.message_dict
