"""Content in several languages: a record's own words as written, and their translations.

A translatable record (a claim's text and summary, a topic's name, an actor's description) keeps
its words **as entered**, in the columns it always had, with the language they were written in
(``language``, one of the site's languages), and its translations into the site's other
languages in one JSON column, ``translations``::

    {"fr": {"text": "Un drone du FLA a abattu…", "summary": "…", "method": "human"}}

``method`` says who translated — the newsroom (``human``), a machine, or a machine reviewed by a
person — as a statement's translation already does (``TranslationMethod``). The rules, once:

- **What a reader sees** (``shown``): the reader's language when the record was written in it or
  has a translation into it, the original otherwise — never another translation.
- **What may be stored** (``clean_translations``): site languages other than the original, the
  record's translatable fields only, text within the field's length, a method for each.

Why a JSON column and not a library: django-modeltranslation rewrites every read of ``text`` by
the active language (the ledger export, slugs, history diffs and the API would all change
meaning with the reader's language) and has no per-row original language; django-parler moves
the original words into a joined table (every list and the search document would need a join or
a prefetch, and every ``text`` query would change); django-modeltrans keeps the original in place
as here but needs PostgreSQL's jsonb, and SQLite is our embedded default. A JSON column on the
row costs no query anywhere a record is shown, needs no migration when a language is added, and
is read and written by the same few lines for all three models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.shown import Shown

if TYPE_CHECKING:
    from collections.abc import Sequence

    from django.db.models.expressions import Combinable


class TranslationMethod(models.TextChoices):
    NONE = "", _("—")
    HUMAN = "human", _("Human")
    MACHINE = "machine", _("Machine")
    MACHINE_REVIEWED = "machine_reviewed", _("Machine, reviewed by a person")


METHOD = "method"


def site_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_field() -> models.CharField[str | int | Combinable, str]:
    return models.CharField(
        _("original language"),
        max_length=12,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        blank=True,  # left blank (a form or a client that does not say): the site's language
        help_text=_("The language the words above were written in."),
    )


def translations_field() -> models.JSONField:
    return models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_("The words above in the site's other languages, and who translated them."),
    )


class Translatable(models.Model):
    """A record whose ``TRANSLATED`` fields have an original language and translations."""

    TRANSLATED: tuple[str, ...] = ()

    language = language_field()
    translations = translations_field()

    class Meta:
        abstract = True

    def clean_translations(self) -> None:
        self.language = self.language or settings.LANGUAGE_CODE
        self.translations = clean_translations(self, self.TRANSLATED)

    def shown(self, field: str, language: str | None = None) -> Shown:
        return shown(self, field, language)


def shown(record: Any, field: str, language: str | None = None) -> Shown:
    """``record.<field>`` in ``language`` (the active one by default) if written or translated
    into it, else as written."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    original = Shown(getattr(record, field), record.language, "")
    if language == record.language:
        return original
    translation = (record.translations or {}).get(language) or {}
    text = translation.get(field) or ""
    if not text.strip():
        return original
    return Shown(text, language, translation.get(METHOD) or TranslationMethod.HUMAN)


def clean_translations(record: Any, fields: Sequence[str]) -> dict[str, dict[str, str]]:
    """``record.translations`` checked and tidied (empty texts and languages dropped); raises a
    ``ValidationError`` on the ``translations`` field naming what is wrong."""
    value = {} if record.translations is None else record.translations
    if not isinstance(value, dict):
        raise ValidationError({"translations": _("Give an object of languages.")})
    languages = site_languages()
    tidy: dict[str, dict[str, str]] = {}
    for language, translation in value.items():
        if language not in languages:
            raise ValidationError(
                {
                    "translations": _("“%(language)s” is not one of the site's languages: %(all)s.")
                    % {"language": language, "all": ", ".join(languages)}
                }
            )
        if not isinstance(translation, dict):
            raise ValidationError(
                {
                    "translations": _("Give the %(language)s translation as an object.")
                    % {"language": language}
                }
            )
        unknown = set(translation) - {*fields, METHOD}
        if unknown:
            raise ValidationError(
                {
                    "translations": _("Only %(fields)s can be translated, not %(unknown)s.")
                    % {"fields": ", ".join(fields), "unknown": ", ".join(sorted(unknown))}
                }
            )
        texts = {}
        for field in fields:
            text = translation.get(field, "")
            if not isinstance(text, str):
                raise ValidationError({"translations": _("Give each translation as text.")})
            text = text.strip()
            limit = record._meta.get_field(field).max_length
            if limit and len(text) > limit:
                raise ValidationError(
                    {
                        "translations": _(
                            "The %(language)s %(field)s is %(length)d characters long; at most "
                            "%(limit)d."
                        )
                        % {
                            "language": language,
                            "field": field,
                            "length": len(text),
                            "limit": limit,
                        }
                    }
                )
            if text:
                texts[field] = text
        if not texts:
            continue
        if language == record.language:
            raise ValidationError(
                {
                    "translations": _(
                        "%(language)s is the original language: its words go in the fields "
                        "themselves, not in a translation."
                    )
                    % {"language": language}
                }
            )
        method = translation.get(METHOD) or TranslationMethod.HUMAN
        if method not in TranslationMethod.values or not method:
            raise ValidationError(
                {
                    "translations": _("Say who translated: one of %(methods)s.")
                    % {"methods": ", ".join(v for v in TranslationMethod.values if v)}
                }
            )
        tidy[language] = {**texts, METHOD: method}
    return tidy
