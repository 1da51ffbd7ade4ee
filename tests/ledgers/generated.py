"""A generated ledger file of a few thousand claims, every field and precision exercised."""

from __future__ import annotations

import random

STANCES = ["asserts", "denies", "disputes", "supports", "adds_context", "declines_to_comment"]


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-{day:02d}"])


def generated_ledger(claims: int = 2000, *, most_statements: int = 2, seed: int = 7) -> dict:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, seeded to repeat
    # The shared records grow with the claims: 300 sources and 400 actors for 2,000 claims.
    n_sources, n_actors = max(30, claims * 3 // 20), max(40, claims // 5)
    speakers = n_actors * 19 // 20  # the rest speak on others' behalf
    outlets = [
        {
            "slug": f"outlet-{n}",
            "name": f"Outlet {n}",
            "kind": "newspaper",
            "country": "ML",
            "website": f"https://outlet{n}.example/",
            "default_reliability": "C",
        }
        for n in range(20)
    ]
    sources = [
        {
            "url": f"https://outlet{n % 20}.example/story/{n}",
            "title": f"Story {n} — « citée »",
            "outlet": f"outlet-{n % 20}",
            "published_on": f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
            "language": rng.choice(["en", "fr", "ar"]),
        }
        for n in range(n_sources)
    ]
    sources.append({"url": "", "title": "Communiqué lu à la radio", "outlet": "outlet-0"})
    actors = [
        {
            "slug": f"actor-{n}",
            "name": f"Actor {n} الفاعل",
            "kind": rng.choice(["armed_group", "military", "person"]),
            "country": rng.choice(["ML", "BF", "NE", ""]),
            "founded_on": rng.choice([None, _date(rng)]),
            "aliases": [{"name": f"A{n}", "language": "fr"}] if n % 3 == 0 else [],
        }
        for n in range(n_actors)
    ]
    relations = [
        {
            "subject": f"actor-{n}",
            "kind": "member_of",
            "object": f"actor-{n + 1}",
            "start_on": _date(rng),
            "source": sources[n]["url"],
        }
        for n in range(0, min(100, n_sources, n_actors - 1), 2)
    ]
    topics = [{"slug": f"topic-{n}", "name": f"Topic {n}"} for n in range(15)]
    claim_records = []
    for n in range(claims):
        statements = []
        for k in range(rng.randint(1, most_statements)):
            statements.append(
                {
                    "actor": f"actor-{rng.randrange(speakers)}",
                    "on_behalf_of": rng.choice(
                        [None, f"actor-{rng.randrange(speakers, n_actors)}"]
                    ),
                    "stance": rng.choice(STANCES),
                    "stated_on": _date(rng),
                    "stated_on_is_report_date": rng.random() < 0.2,
                    "quote": rng.choice(["", f"« Nous avons {n}/{k} »"]),
                    "quote_language": "fr",
                    "paraphrase": f"Said {n}/{k}.",
                    "is_interested_party": rng.random() < 0.5,
                    "citations": [
                        {
                            "source": sources[rng.randrange(n_sources)]["url"],
                            "locator": f"para {k}",
                            "credibility": rng.randint(1, 6),
                        }
                    ],
                }
            )
        status = rng.choice(["draft", "published", "published", "withdrawn"])
        claim_records.append(
            {
                "slug": f"claim-{n:05d}",
                "text": f"Claim {n}: a drone struck a convoy ({rng.randrange(10**6)})",
                "summary": rng.choice(["", "Context in a few sentences."]),
                "event_date": rng.choice([None, _date(rng)]),
                "place_name": rng.choice(["", "Djibo", "Kidal"]),
                **rng.choice(
                    [
                        {"latitude": None, "longitude": None},
                        {"latitude": "14.10256", "longitude": "-1.62810"},
                    ]
                ),
                "verdict": "unverified",
                "status": status,
                "published_at": None if status == "draft" else "2025-10-07T12:00:00.123456Z",
                "withdrawn_at": "2025-10-09T08:30:00Z" if status == "withdrawn" else None,
                "withdrawal_reason": "Could not be sourced." if status == "withdrawn" else "",
                "topics": sorted({f"topic-{rng.randrange(15)}" for _ in range(rng.randint(0, 2))}),
                "statements": statements,
            }
        )
    claim_relations = [
        {"from_claim": f"claim-{n:05d}", "kind": "contradicts", "to_claim": f"claim-{n + 1:05d}"}
        for n in range(0, min(claims - 1, 200), 2)
    ]
    requests = [
        {
            "claim": f"claim-{n:05d}",
            "actor": f"actor-{n % n_actors}",
            "requested_on": "2025-10-01",
            "channel": "email",
            "deadline": "2025-10-05",
            "outcome": "no_response",
        }
        for n in range(0, min(claims, 100), 5)
    ]
    return {
        "format": "contested-ledger",
        "version": 1,
        "outlets": outlets,
        "sources": sources,
        "actors": actors,
        "actor_relations": relations,
        "topics": topics,
        "claims": claim_records,
        "claim_relations": claim_relations,
        "requests_for_comment": requests,
    }
