"""Real fact-checkers' ClaimReview, as their pages publish it (``claimreview/``), imports with
the stance its rating means, in its language, whatever shape the publisher gave it; a review that
cannot be read says which field is wrong, and nothing is imported."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.urls import reverse

from claims.models import Claim, Statement
from ledger.claimreview import ClaimReviewError, read_claimreview
from ledger.files import read_upload
from ledger.load import check_format, load_ledger
from sources.models import Source

pytestmark = pytest.mark.django_db

PAGES = Path(__file__).with_name("claimreview")


def imported(name: str, by) -> list[Claim]:
    report = load_ledger(
        read_upload(name, (PAGES / name).read_bytes()), by=by, file_name=name, dry_run=False
    )
    assert report.ok, report.errors()
    return list(Claim.objects.order_by("pk"))


def rating_of(claim: Claim) -> Statement:
    return claim.statements.exclude(stance="asserts").get()


@pytest.mark.parametrize(
    ("page", "checker", "stance"),
    [
        ("afp-factuel-fr.html", "AFP Factuel", "denies"),
        ("fullfact-en.html", "Full Fact", "denies"),
        ("snopes-en.html", "Snopes", "disputes"),
        ("newtral-es.json", "Newtral", "disputes"),
        ("maldita-es.html", "Maldita.es", "denies"),
        ("aosfatos-pt.json", "Aos Fatos", "disputes"),
        ("lupa-pt-undated.html", "Agência Lupa", "denies"),
        ("correctiv-de.html", "CORRECTIV.Faktencheck", "disputes"),
        ("dpa-de.json", "dpa-Faktencheck", "disputes"),
        ("misbar-ar.html", "مسبار", "denies"),
        ("fatabyyano-ar.json", "فتبينوا", "disputes"),
        ("tfc-taiwan-zh.json", "台灣事實查核中心", "denies"),
        ("pagella-politica-it.json", "Pagella Politica", "disputes"),
        ("numeric-only.json", "BOOM", "denies"),
        ("undated.json", "Africa Check", "denies"),
    ],
)
def test_each_fact_checkers_page_imports_with_the_stance_its_rating_means(
    page, checker, stance, reporter_user
):
    (claim,) = imported(page, reporter_user)
    rating = rating_of(claim)
    assert (rating.actor.name, rating.stance) == (checker, stance)


def test_a_spanish_enganoso_on_two_of_five_disputes_as_an_english_misleading_does(reporter_user):
    (claim,) = imported("newtral-es.json", reporter_user)
    assert rating_of(claim).paraphrase == "Newtral rated it “Engañoso”."
    assert rating_of(claim).stance == "disputes"
    (_, german) = imported("dpa-de.json", reporter_user)  # Irreführend, on 1 of 5
    assert rating_of(german).stance == "disputes"


def test_full_facts_not_true_written_as_a_sentence_denies_and_never_supports(reporter_user):
    (claim,) = imported("fullfact-en.html", reporter_user)
    assert rating_of(claim).stance == "denies"
    assertion = claim.statements.get(stance="asserts")
    assert (assertion.actor.name, assertion.actor.kind) == ("Abdoulaye Maïga", "person")


def test_politifacts_pants_on_fire_denies_and_half_true_disputes(reporter_user):
    pets, jobs = imported("politifact-en.json", reporter_user)
    assert (rating_of(pets).stance, rating_of(jobs).stance) == ("denies", "disputes")
    assert pets.statements.get(stance="asserts").actor.name == "Donald Trump"


def test_the_claims_verdict_from_the_same_table_is_proposed_to_the_editor(reporter_user):
    (claim,) = imported("afp-factuel-fr.html", reporter_user)
    assert claim.verdict == "unverified"  # the newsroom's own; a reporter may not set it
    assert "AFP Factuel rated it “Faux”, which reads as the verdict “False”" in (
        claim.note_for_editor
    )


def test_entities_line_breaks_and_lists_are_read_as_text(reporter_user):
    (afp,) = imported("afp-factuel-fr.html", reporter_user)
    assert afp.text == "Cette vidéo montre l'armée malienne fuyant Kidal devant les rebelles du FLA"
    (maldita,) = (c for c in imported("maldita-es.html", reporter_user) if c.pk != afp.pk)
    assert maldita.text == "Un dron ucraniano derribado por el ejército de Malí"
    assert maldita.statements.get(stance="asserts").actor.name == "Cuentas de Telegram prorrusas"


def test_a_claimant_named_in_a_list_is_its_first_name_given(reporter_user):
    (newtral,) = imported("newtral-es.json", reporter_user)
    assert newtral.statements.get(stance="asserts").actor.name == "Usuario de X"
    Claim.objects.all().delete()
    (aos,) = imported("aosfatos-pt.json", reporter_user)
    assert aos.statements.get(stance="asserts").actor.name == "Perfis no Facebook"


def test_a_reporters_byline_with_the_newsroom_as_publisher_makes_the_newsroom_the_checker(
    reporter_user,
):
    (claim,) = imported("snopes-en.html", reporter_user)
    rating = rating_of(claim)
    assert (rating.actor.name, rating.actor.kind) == ("Snopes", "media")
    (aos,) = (c for c in imported("aosfatos-pt.json", reporter_user) if c.pk != claim.pk)
    assert rating_of(aos).actor.name == "Aos Fatos"


def test_an_address_without_its_scheme_or_relative_is_read_against_the_page_or_the_checker(
    reporter_user,
):
    imported("snopes-en.html", reporter_user)
    assert Source.objects.filter(
        url="https://www.snopes.com/fact-check/ukraine-weapons-mali-rebels/"
    ).exists()
    imported("newtral-es.json", reporter_user)
    review = Source.objects.get(
        url="https://www.newtral.es/bulos/2025/03/video-soldados-malienses-kidal/"
    )
    assert review.language == "es"


@pytest.mark.parametrize(
    ("page", "language"),
    [
        ("afp-factuel-fr.html", "fr"),  # <html lang="fr">
        ("misbar-ar.html", "ar"),  # <html lang="ar">
        ("fatabyyano-ar.json", "ar"),  # inLanguage "ar"
        ("fullfact-en.html", "en"),  # <html lang="en-GB">
    ],
)
def test_a_claim_in_one_of_the_sites_languages_is_stored_in_it(page, language, reporter_user):
    (claim,) = imported(page, reporter_user)
    assert claim.language == language


@pytest.mark.parametrize(
    ("page", "said"),
    [
        ("newtral-es.json", "Spanish (es)"),  # inLanguage "es"
        ("correctiv-de.html", "German (de)"),  # a Language object
        ("pagella-politica-it.json", "Italian (it)"),  # a Language named "Italian"
        ("tfc-taiwan-zh.json", "(zh)"),  # "zh-TW"
    ],
)
def test_a_claim_in_another_language_keeps_the_default_and_tells_the_editor(
    page, said, reporter_user
):
    (claim,) = imported(page, reporter_user)
    assert claim.language == "en"
    assert said in claim.note_for_editor
    assert "not one of the site's languages" in claim.note_for_editor
    assert Source.objects.exclude(language="").get().language == said[-3:-1]


def test_a_review_with_no_date_is_imported_dated_by_its_page_as_a_report_date(reporter_user):
    (claim,) = imported("lupa-pt-undated.html", reporter_user)
    rating = rating_of(claim)
    assert (rating.stated_on, rating.stated_on_is_report_date) == (datetime.date(2025, 3, 2), True)
    assert "gives no datePublished" in claim.note_for_editor
    review = Source.objects.get(
        url="https://lupa.uol.com.br/jornalismo/2025/03/02/russia-mali-africa-corps"
    )
    assert review.published_on is None


def test_a_review_with_no_date_at_all_is_dated_by_its_retrieval_and_imports_once(reporter_user):
    (claim,) = imported("undated.json", reporter_user)
    rating = rating_of(claim)
    assert rating.stated_on_is_report_date
    assert rating.stated_on == rating.citations.get().source.retrieved_on
    again = load_ledger(
        read_upload("undated.json", (PAGES / "undated.json").read_bytes()),
        by=reporter_user,
        file_name="undated.json",
    )
    assert set(again.counts()) == {"unchanged"}


def test_a_bad_shape_is_named_by_review_and_field_and_nothing_is_imported():
    with pytest.raises(ClaimReviewError) as refused:
        read_upload("bad-shapes.json", (PAGES / "bad-shapes.json").read_bytes())
    assert refused.value.problems == [
        "review 1 (https://example-checker.org/a) · itemReviewed: Give one object "
        '({"@type": …}), not a text.',
        "review 2 (https://example-checker.org/b) · reviewRating: Give one object "
        '({"@type": …}), not a list.',
        "review 3 (https://example-checker.org/c) · author: Give the fact-checker as an object "
        '({"@type": "Organization", "name": …}), not a text.',
        "review 4 (https://example-checker.org/d) · itemReviewed: Give one object "
        '({"@type": …}), not a list.',
        "review 5 (relative/e) · url: “relative/e” is not a full address (https://…), and "
        "neither the page nor the fact-checker gives one to read it against.",
        "review 6 (https://example-checker.org/f) · claimReviewed: The review does not say "
        "what claim it reviews.",
    ]


def test_an_unknown_rating_with_no_number_is_named_for_the_editor_never_given_a_stance():
    with pytest.raises(ClaimReviewError) as refused:
        read_upload("odd-ratings.json", (PAGES / "odd-ratings.json").read_bytes())
    flip, none = refused.value.problems
    assert flip.startswith(
        "review 1 (https://www.politifact.com/factchecks/2024/jun/03/flip/) · reviewRating: "
        "“Half Flip” is not a rating Contested knows, and no number says it. Give the review a "
        "rating the table knows"
    )
    assert none.startswith(
        "review 2 (https://www.snopes.com/fact-check/no-rating/) · reviewRating: The review "
        "gives no rating."
    )


def test_the_import_page_shows_a_bad_review_as_a_problem_not_a_server_error(reporter):
    with (PAGES / "bad-shapes.json").open("rb") as upload:
        response = reporter.post(reverse("admin:ledger_import"), {"file": upload})
    assert response.status_code == 200
    assert "itemReviewed: Give one object" in response.content.decode()


FIELDS = [
    "url",
    "claimReviewed",
    "datePublished",
    "dateModified",
    "inLanguage",
    "author",
    "publisher",
    "reviewRating",
    "itemReviewed",
    "name",
]
SHAPES = ["", "text", 7, True, [], ["a", {"name": "b"}], {}, {"@type": "Thing"}, [[[["deep"]]]]]


@pytest.mark.parametrize("part", ["review", "itemReviewed", "reviewRating"])
@pytest.mark.parametrize("field", FIELDS)
def test_no_shape_of_any_field_escapes_as_an_exception(field, part, reporter_user):
    problems, read = [], []
    for shape in SHAPES:
        review = json.loads((PAGES / "dpa-de.json").read_text())
        (review if part == "review" else review[part])[field] = shape
        try:
            bundle = read_claimreview(review)
        except ClaimReviewError as refused:
            problems += refused.problems
        else:
            assert check_format(bundle) == [], (shape, check_format(bundle))
            read.append(bundle)
    # What is read is the ledger format (above) and imports, or says why not row by row: one
    # dry run per field and part keeps the suite quick (each shape's bundle differs from the
    # page's only in the field the shape replaced).
    for bundle in read[:1]:
        load_ledger(bundle, by=reporter_user, file_name="f.json", dry_run=True)
    # Each by review and field ("review 1 (…) · reviewRating: …"), none a catch-all.
    assert all(" · " in line for line in problems), problems
