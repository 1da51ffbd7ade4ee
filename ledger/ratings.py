"""The ratings fact-checkers publish, in their own words, and what each says about the claim.

One table (``RATINGS``): each rating, in every spelling we know, gives the fact-checker's
**stance** on the claim (``claims.vocabulary.Stance``) and the **verdict** it implies
(``claims.vocabulary.Verdict``). The same meaning always reads the same way, whatever the
language: Spanish "Engañoso", Portuguese "Enganoso", French "Trompeur", German "Irreführend",
Arabic "مضلل" and English "Misleading" all dispute the claim.

The families, and why:

- **false** (False, Fake, Pants on fire, Faux, Falso, Falsch, زائف, 錯誤…) — the checker
  *denies* the claim; verdict *false*.
- **mostly false** (Mostly false, Plutôt faux, Größtenteils falsch, Three Pinocchios…) —
  *disputes*; verdict *likely false*.
- **misleading** (Misleading, Partly false, Missing context, Out of context, Trompeur, Engañoso,
  Irreführend, مضلل…) — *disputes*; verdict *misleading*.
- **half true** (Half true, Mixture, Verdad a medias, Nì…) — *disputes*; verdict *disputed*.
- **unproven** (Unproven, No evidence, Non prouvé, Sin evidencia, Unbelegt…) — *disputes*: the
  checker publicly says the claim, as asserted, is not established, which counts against it;
  verdict *unproven*.
- **unverifiable** (Unverifiable, Inchequeable, 事實釐清…) — *adds context*: the checker says it
  cannot be checked either way, neither for nor against; no verdict proposed.
- **satire** (Satire, Labeled satire, Parody, Sátira, ساخر…) — *adds context*: the checker says
  what the item is (a joke), not that its author lied; no verdict proposed, the editor decides.
- **mostly true** (Mostly true, Plutôt vrai, True but…) — *supports*; verdict *likely true*.
- **true** (True, Correct, Vrai, Verdadero, Richtig, صحيح, 正確…) — *supports*; verdict
  *confirmed*.

A rating is matched on its normalised words (``normalise``: case folded, accents and Arabic
vowel marks dropped, punctuation gone): the whole rating, else a rating that opens the text as
whole words ("False. The video dates from 2019", "Not true: …"), the longest first — never a
rating found inside another ("true" is not in "Not true" or "Untrue"). A rating that is not in
the table falls back on its number (``ratingValue`` on ``worstRating``…``bestRating``,
``from_scale``); with neither, the importer is told (``ledger.claimreview``), never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claims.vocabulary import Stance, Verdict


@dataclass(frozen=True)
class Rating:
    family: str
    stance: str
    verdict: str  # Verdict.UNVERIFIED: the rating proposes no verdict


FALSE = Rating("false", Stance.DENIES, Verdict.FALSE)
MOSTLY_FALSE = Rating("mostly false", Stance.DISPUTES, Verdict.LIKELY_FALSE)
MISLEADING = Rating("misleading", Stance.DISPUTES, Verdict.MISLEADING)
HALF_TRUE = Rating("half true", Stance.DISPUTES, Verdict.DISPUTED)
UNPROVEN = Rating("unproven", Stance.DISPUTES, Verdict.UNPROVEN)
UNVERIFIABLE = Rating("unverifiable", Stance.ADDS_CONTEXT, Verdict.UNVERIFIED)
SATIRE = Rating("satire", Stance.ADDS_CONTEXT, Verdict.UNVERIFIED)
MOSTLY_TRUE = Rating("mostly true", Stance.SUPPORTS, Verdict.LIKELY_TRUE)
TRUE = Rating("true", Stance.SUPPORTS, Verdict.CONFIRMED)

# By family, then language. Written as fact-checkers write them; ``normalise`` makes the keys.
WORDS: dict[Rating, dict[str, tuple[str, ...]]] = {
    FALSE: {
        "en": (
            "False", "Fake", "Fake news", "Hoax", "Pants on fire", "Pants on fire!", "Not true",
            "Untrue", "Incorrect", "Not correct", "Wrong", "Fabricated", "Fabricated content",
            "Altered", "Altered photo", "Altered video", "Doctored", "Manipulated", "Scam",
            "Misattributed", "Four Pinocchios", "Baseless", "Debunked", "Fiction",
        ),
        "fr": (
            "Faux", "Fausse", "Pas vrai", "Fake", "Infox", "Montage", "Photo truquée", "Truqué",
            "Inventé", "Canular", "Arnaque", "Fausse information", "Citation inventée",
        ),
        "es": (
            "Falso", "Falsa", "Bulo", "No es cierto", "No es verdad", "Fraude", "Estafa",
            "Montaje", "Manipulado", "Inventado", "Mentira", "Noticia falsa",
        ),
        "pt": ("Falso", "Falsa", "Fake", "Não é verdade", "Mentira", "Montagem", "Boato", "Golpe"),
        "it": ("Falso", "Falsa", "Notizia falsa", "Bufala", "Panzana pazzesca", "Truffa"),
        "de": ("Falsch", "Fake", "Frei erfunden", "Erfunden", "Manipuliert", "Gefälscht"),
        "nl": ("Onwaar", "Niet waar", "Nep"),
        "ar": ("زائف", "خطأ", "خاطئ", "كاذب", "مفبرك", "غير صحيح", "إشاعة", "ملفق", "مزيف"),
        "zh": ("錯誤", "错误", "假", "謠言", "谣言", "假消息", "不實", "不实"),
    },
    MOSTLY_FALSE: {
        "en": ("Mostly false", "Barely true", "Three Pinocchios", "Largely false"),
        "fr": ("Plutôt faux", "En grande partie faux", "Majoritairement faux"),
        "es": ("Mayormente falso", "Casi falso"),
        "pt": ("Quase falso", "Maioritariamente falso"),
        "it": ("Pinocchio andante", "Quasi falso"),
        "de": ("Größtenteils falsch", "Überwiegend falsch"),
        "ar": ("زائف في معظمه",),
    },
    MISLEADING: {
        "en": (
            "Misleading", "Partly false", "Partially false", "Missing context", "Needs context",
            "Lacks context", "Out of context", "False context", "Miscaptioned", "Distorted",
            "Exaggerated", "Exaggeration", "Inaccurate", "Not accurate", "Outdated",
            "Cherry picked", "Spin", "Misrepresented",
        ),
        "fr": (
            "Trompeur", "Trompeuse", "Partiellement faux", "Manque de contexte", "Hors contexte",
            "Sorti de son contexte", "Sorti du contexte", "Détourné", "Détournée", "Exagéré",
            "Inexact", "Imprécis", "Contexte manquant", "Trompeur ou faux",
        ),
        "es": (
            "Engañoso", "Engañosa", "Enganoso", "Parcialmente falso", "Falta contexto",
            "Sin contexto", "Fuera de contexto", "Descontextualizado", "Exagerado", "Impreciso",
            "Inexacto", "Distorsionado", "Cuestionable",
        ),
        "pt": (
            "Enganoso", "Enganosa", "Distorcido", "Impreciso", "Exagerado", "Fora de contexto",
            "Sem contexto", "Descontextualizado", "Parcialmente falso", "Não é bem assim",
            "Contraditório",
        ),
        "it": ("Fuorviante", "Parzialmente falso", "Fuori contesto", "Impreciso", "Esagerato"),
        "de": (
            "Irreführend", "Teilweise falsch", "Fehlender Kontext", "Falscher Kontext",
            "Aus dem Kontext gerissen", "Verzerrt", "Übertrieben", "Ungenau",
        ),
        "nl": ("Misleidend", "Deels onwaar", "Gedeeltelijk onwaar", "Ontbrekende context"),
        "ar": (
            "مضلل", "مضللة", "مضلّل", "عنوان مضلل", "زائف جزئيا", "خطأ جزئيا", "غير دقيق",
            "خارج السياق", "سياق مضلل", "مبالغ فيه", "ينقصه السياق",
        ),
        "zh": ("誤導", "误导", "部分錯誤", "部分错误", "缺乏背景", "易生誤解"),
    },
    HALF_TRUE: {
        "en": ("Half true", "Half-true", "Half truth", "Mixture", "Mixed", "Partly true",
               "Partially true", "Two Pinocchios"),
        "fr": ("À moitié vrai", "Moitié vrai", "Partiellement vrai", "Mitigé", "Vrai et faux"),
        "es": ("Verdad a medias", "Medio verdadero", "Parcialmente verdadero", "Discutible",
               "Mixto"),
        "pt": ("Meia verdade", "Parcialmente verdadeiro", "Verdadeiro e falso"),
        "it": ("Nì", "Mezza verità", "Parzialmente vero"),
        "de": ("Halb wahr", "Teilweise richtig", "Teilweise wahr", "Halbwahr"),
        "ar": ("نصف صحيح", "صحيح جزئيا"),
        "zh": ("部分正確", "部分正确", "半真半假"),
    },
    UNPROVEN: {
        "en": ("Unproven", "Unsupported", "No evidence", "Unsubstantiated", "Lacks evidence",
               "Unfounded"),
        "fr": ("Non prouvé", "Infondé", "Sans preuve", "Aucune preuve", "Non étayé"),
        "es": ("Sin evidencia", "Sin evidencias", "Sin pruebas", "Insostenible", "Infundado",
               "No demostrado"),
        "pt": ("Insustentável", "Sem evidências", "Sem provas", "Não comprovado", "Infundado"),
        "it": ("Senza prove", "Non provato", "Infondato"),
        "de": ("Unbelegt", "Nicht belegt", "Unbewiesen"),
        "ar": ("غير مثبت", "بلا دليل", "لا دليل", "ادعاء بلا دليل"),
        "zh": ("證據不足", "证据不足", "未經證實", "未经证实"),
    },
    UNVERIFIABLE: {
        "en": ("Unverifiable", "Unverified", "Research in progress", "Too early to say"),
        "fr": ("Invérifiable", "Non vérifiable"),
        "es": ("Inchequeable", "Inverificable", "No verificable"),
        "pt": ("Ainda é cedo para dizer", "De olho", "Inverificável"),
        "it": ("Non verificabile",),
        "de": ("Nicht überprüfbar",),
        "ar": ("لا يمكن التحقق",),
        "zh": ("事實釐清", "事实澄清", "無法證實", "无法证实"),
    },
    SATIRE: {
        "en": ("Satire", "Labeled satire", "Labelled satire", "Parody", "Humour", "Humor"),
        "fr": ("Satire", "Satirique", "Parodie", "Humour"),
        "es": ("Sátira", "Satírico", "Parodia", "Humor"),
        "pt": ("Sátira", "Satírico", "Paródia", "Humor"),
        "it": ("Satira", "Satirico", "Parodia"),
        "de": ("Satire", "Parodie"),
        "ar": ("ساخر", "سخرية", "محتوى ساخر"),
        "zh": ("諷刺", "讽刺"),
    },
    MOSTLY_TRUE: {
        "en": ("Mostly true", "Largely true", "Mostly accurate", "True but", "One Pinocchio",
               "Correct but"),
        "fr": ("Plutôt vrai", "En grande partie vrai", "Vrai mais", "Globalement vrai"),
        "es": ("Mayormente verdadero", "Mayormente cierto", "Verdadero pero", "Casi verdadero",
               "Apresurado"),
        "pt": ("Verdadeiro mas", "Quase verdadeiro", "Subestimado"),
        "it": ("C'eri quasi", "Quasi vero"),
        "de": ("Größtenteils richtig", "Überwiegend richtig", "Größtenteils wahr"),
        "ar": ("صحيح في معظمه",),
        "zh": ("大致正確", "大致正确"),
    },
    TRUE: {
        "en": ("True", "Correct", "Accurate", "Correct attribution", "Geppetto checkmark",
               "Authentic"),
        "fr": ("Vrai", "Vraie", "Exact", "Correct", "Authentique", "Confirmé"),
        "es": ("Verdadero", "Verdadera", "Cierto", "Verdad", "Correcto", "Real", "Auténtico"),
        "pt": ("Verdadeiro", "Verdadeira", "Verdade", "Correto", "Autêntico"),
        "it": ("Vero", "Vera", "Corretto", "Autentico"),
        "de": ("Richtig", "Wahr", "Stimmt", "Korrekt", "Echt"),
        "nl": ("Waar", "Klopt"),
        "ar": ("صحيح", "حقيقي", "دقيق", "صحيحة"),
        "zh": ("正確", "正确", "真實", "真实"),
    },
}  # fmt: skip

# English lead-ins to a rating written as a sentence ("This is false.", "This claim is not
# true"); dropped before matching.
_LEAD_IN = re.compile(r"^(?:(?:this|that|it|the) (?:claim |post |video |image )?(?:is|was) )")
_CJK = re.compile(r"[\u3400-\u9fff]")


def normalise(words: str) -> str:
    """``words`` as the table keys them: case folded; accents and Arabic vowel marks (and its
    kashida) dropped; punctuation and symbols as spaces; spaces single."""
    folded = unicodedata.normalize("NFKD", str(words).casefold())
    kept = []
    for char in folded:
        category = unicodedata.category(char)
        if category == "Mn" or char == "\u0640":
            continue
        kept.append(" " if category[0] in "PSZC" else char)
    return " ".join("".join(kept).split())


def _table() -> dict[str, Rating]:
    table: dict[str, Rating] = {}
    for rating, languages in WORDS.items():
        for spellings in languages.values():
            for spelling in spellings:
                key = normalise(spelling)
                if table.setdefault(key, rating) != rating:
                    raise ValueError(f"“{spelling}” is in two families of the ratings table.")
    return table


RATINGS: dict[str, Rating] = _table()
# Longest first: "mostly false" before "false", "not true" before "true".
_BY_LENGTH = sorted(RATINGS, key=len, reverse=True)


def from_words(words: str) -> Rating | None:
    """The rating ``words`` name, or ``None`` when the table does not know them."""
    text = normalise(words)
    if not text:
        return None
    text = _LEAD_IN.sub("", text) or text
    if text in RATINGS:
        return RATINGS[text]
    for key in _BY_LENGTH:
        # A rating that opens a longer text as whole words ("false the video dates from…"); in
        # Chinese, with no spaces, as its first characters ("錯誤訊息").
        if text.startswith(key + " ") or (_CJK.match(key) and text.startswith(key)):
            return RATINGS[key]
    return None


def from_scale(value: object, best: object = None, worst: object = None) -> Rating | None:
    """A rating from its number on its scale (schema.org's default scale is 1 to 5), or
    ``None`` when there is no usable number (absent, not a number, outside its scale: Google's
    -1 for "not on a scale"). A number is a fact-checker's coarser word, so it never proposes
    more than a *likely* verdict: the bottom quarter denies, the top quarter supports, the
    middle disputes."""
    try:
        number = float(str(value))
        top = float(str(best)) if best not in (None, "") else 5.0
        bottom = float(str(worst)) if worst not in (None, "") else 1.0
    except ValueError:
        return None
    if not bottom < top or not bottom <= number <= top:
        return None
    share = (number - bottom) / (top - bottom)
    if share <= 0.25:
        return Rating("low on its scale", Stance.DENIES, Verdict.LIKELY_FALSE)
    if share >= 0.75:
        return Rating("high on its scale", Stance.SUPPORTS, Verdict.LIKELY_TRUE)
    return Rating("midway on its scale", Stance.DISPUTES, Verdict.DISPUTED)
