"""Fill the database DATABASE_URL names with a large synthetic ledger for the benchmark.

    DATABASE_URL=postgres://… python bench/generate.py --claims 10000 --statements 100000

It empties the domain tables first (never run it against a newsroom's database: it refuses
unless the database name contains "bench", "api" or "test", or --yes is given).
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402

from actors.models import Actor, ActorAlias  # noqa: E402
from claims.derived import refresh_all  # noqa: E402
from claims.models import (  # noqa: E402
    Citation,
    Claim,
    ClaimRelation,
    ClaimSearchDocument,
    RequestForComment,
    Statement,
    Topic,
)
from claims.search import rebuild_search_index  # noqa: E402
from claims.vocabulary import Stance, Status  # noqa: E402
from core.dates import normalise  # noqa: E402
from sources.models import Outlet, Source  # noqa: E402

WORDS = [
    "drone",
    "helicopter",
    "convoy",
    "army",
    "militia",
    "ambush",
    "attack",
    "village",
    "town",
    "bridge",
    "airport",
    "base",
    "strike",
    "shelling",
    "rocket",
    "mortar",
    "checkpoint",
    "border",
    "patrol",
    "hostage",
    "prisoner",
    "ceasefire",
    "talks",
    "minister",
    "spokesman",
    "commander",
    "general",
    "soldier",
    "civilian",
    "refugee",
    "camp",
    "market",
    "mosque",
    "school",
    "hospital",
    "road",
    "desert",
    "river",
    "north",
    "south",
    "east",
    "west",
    "night",
    "morning",
    "evening",
    "week",
    "month",
    "destroyed",
    "captured",
    "killed",
    "wounded",
    "intercepted",
    "recovered",
    "denied",
    "confirmed",
    "claimed",
    "reported",
]
STANCES = [s.value for s in Stance]
BATCH = 5000
# Most dates are known to the day; some to the month or the year only (partial dates).
PRECISIONS = ["day"] * 8 + ["month", "year"]
NOW = datetime.datetime(2025, 10, 7, 12, tzinfo=datetime.UTC)


def statement_rows(rng: random.Random, claims: list[int], actors: list[int], count: int):
    """Statement rows (a tuple per row, in ``STATEMENT_COLUMNS`` order) and their citations'
    sources: one in 20 said by a spokesperson on another actor's behalf, one in 10 dated to
    the month or the year only, one in 25 dated by the report."""
    for i in range(count):
        actor = rng.choice(actors)
        behalf = rng.choice(actors) if i % 20 == 3 else None
        precision = PRECISIONS[rng.randrange(len(PRECISIONS))]
        stated = normalise(
            datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(300)), precision
        )
        yield (
            NOW,
            NOW,
            rng.choice(STANCES),
            stated,
            precision,
            i % 25 == 5,
            sentence(rng, 15),
            "fr",
            "",
            sentence(rng, 15),
            "",
            "",
            False,
            "",
            actor,
            claims[i % len(claims)],
            None if behalf == actor else behalf,
            1,
        )


STATEMENT_COLUMNS = (
    "created_at, updated_at, stance, stated_on, stated_on_precision, stated_on_is_report_date, "
    "quote, quote_language, paraphrase, translation, translation_method, translated_by, "
    "is_interested_party, internal_notes, actor_id, claim_id, on_behalf_of_id, version"
)


def write_statements(
    rng: random.Random, claims: list[int], actors: list[int], sources: list[int], count: int
) -> None:
    """Statements, each with one citation. On PostgreSQL with COPY (a million rows in about a
    minute); elsewhere with bulk_create."""
    rows = statement_rows(rng, claims, actors, count)
    if connection.vendor != "postgresql":
        names = [n.strip() for n in STATEMENT_COLUMNS.split(",")]
        made = Statement.objects.bulk_create(
            (Statement(**dict(zip(names, row, strict=True))) for row in rows), batch_size=BATCH
        )
        Citation.objects.bulk_create(
            (
                Citation(statement=s, source_id=rng.choice(sources), locator=f"para {n % 20}")
                for n, s in enumerate(made)
            ),
            batch_size=BATCH,
        )
        return
    raw = connection.connection  # psycopg 3, inside the generation's transaction
    with raw.cursor() as cursor:
        with cursor.copy(f"COPY claims_statement ({STATEMENT_COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute("SELECT id FROM claims_statement ORDER BY id")
        ids = [row[0] for row in cursor.fetchall()]
        columns = "created_at, updated_at, locator, credibility, internal_notes, source_id, "
        with cursor.copy(f"COPY claims_citation ({columns}statement_id) FROM STDIN") as copy:
            for n, statement in enumerate(ids):
                copy.write_row((NOW, NOW, f"para {n % 20}", 6, "", rng.choice(sources), statement))


def index_for_search() -> None:
    """Every claim's search document. On PostgreSQL in one statement: the same words as
    ``claims.search`` puts in it (claim text; summary, place, quotes, translations, paraphrases,
    speakers' and parties' names and aliases) and the same weighted vector; elsewhere
    ``rebuild_search_index``."""
    if connection.vendor != "postgresql":
        rebuild_search_index()
        return
    names = """concat_ws(E'\\n', {a}.name, (SELECT string_agg(al.name, E'\\n' ORDER BY al.id)
        FROM actors_actoralias al WHERE al.actor_id = {a}.id))"""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM claims_claimsearchdocument")
        cursor.execute(
            f"""INSERT INTO claims_claimsearchdocument (claim_id, title, body)
            SELECT c.id, c.text, concat_ws(E'\\n', nullif(c.summary, ''), nullif(c.place_name, ''),
                (SELECT string_agg(concat_ws(E'\\n', nullif(s.quote, ''), nullif(s.translation, ''),
                    nullif(s.paraphrase, ''), {names.format(a="a")}, {names.format(a="b")}),
                    E'\\n' ORDER BY s.id)
                FROM claims_statement s JOIN actors_actor a ON a.id = s.actor_id
                LEFT JOIN actors_actor b ON b.id = s.on_behalf_of_id WHERE s.claim_id = c.id))
            FROM claims_claim c"""
        )
        # claims.search's vectors: the generated claims are English with no translations, so
        # the French and Arabic vectors are empty, as claims.search would leave them.
        cursor.execute(
            """UPDATE claims_claimsearchdocument SET vector =
            setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, COALESCE(body, '')), 'B'),
            vector_fr = ''::tsvector, vector_ar = ''::tsvector"""
        )


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def empty() -> None:
    tables = [
        "claims_claimsearchdocument",
        "claims_requestforcomment",
        "claims_claimrelation",
        "claims_citation",
        "claims_statement",
        "claims_claim_topics",
        "claims_claim",
        "claims_topic",
        "actors_actorrelation",
        "actors_actoralias",
        "actors_actor",
        "sources_source",
        "sources_outlet",
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")


def generate(claims: int, statements: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = time.monotonic()
    n_actors = max(claims // 5, 10)
    n_sources = max(claims * 2, 10)
    with transaction.atomic():
        empty()
        outlets = Outlet.objects.bulk_create(
            Outlet(name=f"Outlet {i}", slug=f"outlet-{i}", kind="news_agency") for i in range(100)
        )
        topics = Topic.objects.bulk_create(
            Topic(name=f"Topic {i}", slug=f"topic-{i}") for i in range(30)
        )
        actors = Actor.objects.bulk_create(
            (
                Actor(name=f"Actor {i} {rng.choice(WORDS)}", slug=f"actor-{i}", kind="armed_group")
                for i in range(n_actors)
            ),
            batch_size=BATCH,
        )
        ActorAlias.objects.bulk_create(
            (ActorAlias(actor=a, name=f"A{a.pk}") for a in actors), batch_size=BATCH
        )
        sources = Source.objects.bulk_create(
            (
                Source(
                    title=sentence(rng, 8),
                    url=f"https://news.example/{i}",
                    outlet=rng.choice(outlets),
                    published_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=i % 300),
                )
                for i in range(n_sources)
            ),
            batch_size=BATCH,
        )
        claim_rows = Claim.objects.bulk_create(
            (
                Claim(
                    text=sentence(rng, 10),
                    slug=f"claim-{i}",
                    summary=sentence(rng, 25),
                    event_date=normalise(
                        datetime.date(2025, 1, 1) + datetime.timedelta(days=i % 300),
                        PRECISIONS[i % len(PRECISIONS)],
                    ),
                    event_date_precision=PRECISIONS[i % len(PRECISIONS)],
                    place_name="Northern Mali",
                    status=Status.PUBLISHED if i % 10 else Status.DRAFT,
                    published_at=datetime.datetime(2025, 10, 7, tzinfo=datetime.UTC)
                    if i % 10
                    else None,
                )
                for i in range(claims)
            ),
            batch_size=BATCH,
        )
        Claim.topics.through.objects.bulk_create(
            (
                Claim.topics.through(claim_id=c.pk, topic_id=rng.choice(topics).pk)
                for c in claim_rows
            ),
            batch_size=BATCH,
        )
        write_statements(
            rng,
            [c.pk for c in claim_rows],
            [a.pk for a in actors],
            [s.pk for s in sources],
            statements,
        )
        ClaimRelation.objects.bulk_create(
            (
                ClaimRelation(
                    from_claim=claim_rows[i], kind="contradicts", to_claim=claim_rows[i + 1]
                )
                for i in range(0, claims - 1, 5)
            ),
            batch_size=BATCH,
        )
        RequestForComment.objects.bulk_create(
            (
                RequestForComment(
                    claim=claim_rows[i],
                    actor=rng.choice(actors),
                    requested_on=datetime.date(2025, 10, 1),
                    deadline=datetime.date(2025, 10, 5),
                    channel="email",
                    outcome="no_response",
                )
                for i in range(0, claims, 7)
            ),
            batch_size=BATCH,
        )
    print(f"rows written in {time.monotonic() - start:.0f} s; indexing for search…", flush=True)
    index_for_search()
    refresh_all()  # bulk_create sends no signals: the derived facts are computed once here
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{Claim.objects.count()} claims, {Statement.objects.count()} statements, "
        f"{ClaimSearchDocument.objects.count()} search documents in "
        f"{time.monotonic() - start:.0f} s",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--yes", action="store_true", help="empty this database, whatever it is")
    args = parser.parse_args()
    name = str(connection.settings_dict["NAME"])
    if not args.yes and not any(word in name for word in ("bench", "api", "test")):
        sys.exit(f"Refusing to empty {name!r}: pass --yes if it is a scratch database.")
    generate(args.claims, args.statements)


if __name__ == "__main__":
    main()
