"""The one table of fact-checkers' ratings: the same meaning reads the same, in any language."""

from __future__ import annotations

import pytest

from ledger.ratings import RATINGS, WORDS, from_scale, from_words, normalise

FALSE = ("denies", "false")
MOSTLY_FALSE = ("disputes", "likely_false")
MISLEADING = ("disputes", "misleading")
HALF_TRUE = ("disputes", "disputed")
UNPROVEN = ("disputes", "unproven")
NO_VERDICT = ("adds_context", "unverified")
MOSTLY_TRUE = ("supports", "likely_true")
TRUE = ("supports", "confirmed")


def read(words: str) -> tuple[str, str] | None:
    found = from_words(words)
    return (found.stance, found.verdict) if found else None


@pytest.mark.parametrize(
    ("language", "false", "misleading", "true"),
    [
        ("en", "False", "Misleading", "True"),
        ("fr", "Faux", "Trompeur", "Vrai"),
        ("es", "Falso", "Engañoso", "Verdadero"),
        ("pt", "Falso", "Enganoso", "Verdadeiro"),
        ("it", "Falso", "Fuorviante", "Vero"),
        ("de", "Falsch", "Irreführend", "Richtig"),
        ("nl", "Onwaar", "Misleidend", "Waar"),
        ("ar", "زائف", "مضلل", "صحيح"),
        ("zh", "錯誤", "誤導", "正確"),
        ("zh-hans", "错误", "误导", "正确"),
    ],
)
def test_each_language_says_false_misleading_and_true(language, false, misleading, true):
    assert (read(false), read(misleading), read(true)) == (FALSE, MISLEADING, TRUE)


def test_a_spanish_enganoso_and_an_english_misleading_are_the_same_stance():
    assert read("Engañoso") == read("Misleading") == read("Enganoso") == MISLEADING
    assert read("Trompeur") == read("Irreführend") == read("مضلل") == read("مضلّل") == MISLEADING


@pytest.mark.parametrize(
    "words",
    [
        "Not true",
        "Untrue",
        "Pas vrai",
        "Incorrect",
        "Fake",
        "Pants on fire",
        "Pants on Fire!",
        "No es cierto",
        "Não é verdade",
        "غير صحيح",
        "خطأ",
        "Bulo",
        "Panzana pazzesca",
        "Frei erfunden",
        "Four Pinocchios",
    ],
)
def test_a_negated_true_and_every_false_deny_the_claim(words):
    assert read(words) == FALSE


@pytest.mark.parametrize(
    ("words", "meaning"),
    [
        ("Mostly false", MOSTLY_FALSE),
        ("Plutôt faux", MOSTLY_FALSE),
        ("Größtenteils falsch", MOSTLY_FALSE),
        ("Pinocchio andante", MOSTLY_FALSE),
        ("Partly false", MISLEADING),
        ("Missing context", MISLEADING),
        ("Manque de contexte", MISLEADING),
        ("Fehlender Kontext", MISLEADING),
        ("Falscher Kontext", MISLEADING),
        ("Distorcido", MISLEADING),
        ("Inaccurate", MISLEADING),
        ("زائف جزئياً", MISLEADING),
        ("部分錯誤", MISLEADING),
        ("Half true", HALF_TRUE),
        ("Half-True", HALF_TRUE),
        ("Mixture", HALF_TRUE),
        ("Verdad a medias", HALF_TRUE),
        ("Nì", HALF_TRUE),
        ("Unproven", UNPROVEN),
        ("Non prouvé", UNPROVEN),
        ("Sin evidencia", UNPROVEN),
        ("Unbelegt", UNPROVEN),
        ("Insustentável", UNPROVEN),
        ("Satire", NO_VERDICT),
        ("Labeled Satire", NO_VERDICT),
        ("Sátira", NO_VERDICT),
        ("ساخر", NO_VERDICT),
        ("Inchequeable", NO_VERDICT),
        ("Mostly true", MOSTLY_TRUE),
        ("Plutôt vrai", MOSTLY_TRUE),
        ("C'eri quasi", MOSTLY_TRUE),
        ("True, but", MOSTLY_TRUE),
        ("Correct", TRUE),
        ("Vrai", TRUE),
        ("Wahr", TRUE),
        ("Cierto", TRUE),
    ],
)
def test_each_family_reads_as_its_stance_and_verdict(words, meaning):
    assert read(words) == meaning


def test_case_accents_and_punctuation_do_not_change_a_rating():
    assert read("  FAUX !") == read("faux") == FALSE
    assert read("Engañoso.") == read("ENGANOSO") == MISLEADING
    assert normalise("Irreführend") == normalise("IRREFUHREND") == "irrefuhrend"


def test_a_rating_written_as_a_sentence_is_read_by_its_opening_words():
    assert read("This is not true. There is no evidence of it.") == FALSE
    assert read("False. The video dates from 2019.") == FALSE
    assert read("Misleading: the photo is real but from Libya") == MISLEADING
    assert read("錯誤訊息") == FALSE


def test_a_rating_is_never_found_inside_other_words():
    assert read("Untrue") != TRUE
    assert read("Not true") != TRUE
    assert read("Truest account ever") is None
    assert read("Half Flip") is None
    assert read("Unfalse") is None


def test_no_spelling_is_in_two_families():
    keys = [normalise(s) for family in WORDS.values() for ws in family.values() for s in ws]
    assert len(RATINGS) == len(set(keys))


@pytest.mark.parametrize(
    ("value", "best", "worst", "stance"),
    [
        (1, 5, 1, "denies"),
        (2, 5, 1, "denies"),
        (3, 5, 1, "disputes"),
        (4, 5, 1, "supports"),
        ("5", "5", "1", "supports"),
        (1, None, None, "denies"),  # schema.org's default scale is 1 to 5
    ],
)
def test_a_number_on_its_scale_reads_as_a_stance(value, best, worst, stance):
    assert from_scale(value, best, worst).stance == stance


@pytest.mark.parametrize(("value", "best", "worst"), [(-1, -1, -1), ("", 5, 1), (7, 5, 1)])
def test_a_number_off_its_scale_says_nothing(value, best, worst):
    assert from_scale(value, best, worst) is None
