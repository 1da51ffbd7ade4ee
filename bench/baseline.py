"""The benchmark's yardstick: the same JSON as the API's claims list, claim detail and search,
from hand-written SQL with psycopg and a bare WSGI function — no Django, no DRF.

PostgreSQL only. Served by gunicorn like the API: ``gunicorn bench.baseline:app``.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import json
import os
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode

import psycopg
from psycopg.rows import dict_row

FOR = ("asserts", "suggests", "acknowledges", "supports")
AGAINST = ("disputes", "denies", "retracts")
DIRECTION = {**dict.fromkeys(FOR, "for"), **dict.fromkeys(AGAINST, "against")}
PAST = {
    "asserts": "asserted",
    "suggests": "suggested",
    "acknowledges": "acknowledged",
    "supports": "supported",
    "disputes": "disputed",
    "denies": "denied",
    "retracts": "retracted",
    "declines_to_comment": "declined to comment",
    "adds_context": "added context",
}
ORIGINATING = ("asserts", "suggests")
PAGE = 25

_connection: psycopg.Connection | None = None


def db() -> psycopg.Connection:
    global _connection  # one connection per worker process, like Django's persistent ones
    if _connection is None or _connection.closed:
        _connection = psycopg.connect(os.environ["DATABASE_URL"], autocommit=True)
        _connection.execute("SET TIME ZONE 'UTC'")
    return _connection


def rows(sql: str, params: Any = ()) -> list[dict]:
    with db().cursor(row_factory=dict_row) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# Formatting, as DRF does it ----------------------------------------------------------------------


def dt(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    text = value.astimezone(datetime.UTC).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def d(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def partial(value: datetime.date | None, precision: str) -> str | None:
    """An ISO 8601 date at its precision: 2025, 2025-02 or 2025-02-08."""
    if value is None:
        return None
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def sort_key(value: datetime.date, precision: str) -> int:
    """Where a date falls in time: an imprecise date after the precise ones of its period."""
    if precision == "year":
        return value.year * 10000 + 1332
    if precision == "month":
        return value.year * 10000 + value.month * 100 + 32
    return value.year * 10000 + value.month * 100 + value.day


def chronological(statement: dict) -> tuple:
    return (
        sort_key(statement["stated_on"], statement["stated_on_precision"]),
        0 if statement["stance"] in ORIGINATING else 1,
        statement["id"],
    )


def sign(value: str) -> str:
    """What ``django.core.signing.Signer(salt="api.cursor").sign(value)`` gives: the API's
    cursors are signed with SECRET_KEY (HMAC-SHA256, key derived from the salt)."""
    salt = "api.cursor" + "signer"
    key = hashlib.sha256((salt + os.environ["SECRET_KEY"]).encode()).digest()
    digest = hmac.new(key, msg=value.encode(), digestmod=hashlib.sha256).digest()
    return f"{value}:{base64.urlsafe_b64encode(digest).strip(b'=').decode()}"


def cursor_position(signed: str | None) -> str | None:
    """The position in a cursor the API signed (``p``), or None for the first page."""
    if not signed:
        return None
    value = signed.rpartition(":")[0]
    if sign(value) != signed:
        raise ValueError("a cursor the API did not sign")
    return dict(parse_qsl(base64.b64decode(value).decode())).get("p")


def display(value: datetime.date | None, precision: str) -> str:
    if value is None:
        return ""
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return value.strftime("%B %Y")
    return f"{value.day} {value.strftime('%B %Y')}"


# SQL ---------------------------------------------------------------------------------------------


CLAIM_COLUMNS = """c.id, c.slug, c.text, c.summary, c.language, c.translations,
    c.event_date, c.event_date_precision,
    c.place_name, c.latitude, c.longitude, c.verdict, c.verdict_reasoning, c.status,
    c.published_at, c.created_at, c.updated_at, c.withdrawn_at, c.withdrawal_reason,
    c.is_contested AS contested"""

PUBLIC_TOPICS = """t.id IN (SELECT ct2.topic_id FROM claims_claim_topics ct2
    JOIN claims_claim c2 ON c2.id = ct2.claim_id WHERE c2.status = 'published')"""


class Site:
    def __init__(self, base: str) -> None:
        self.base = base

    def claim(self, row: dict, topics: list[dict]) -> dict:
        return {
            "id": row["id"],
            "url": f"{self.base}/api/v1/claims/{row['id']}/",
            "html_url": f"{self.base}/claims/{row['slug']}/",
            "slug": row["slug"],
            "text": row["text"],
            "summary": row["summary"],
            "language": row["language"],
            "translations": row["translations"],
            "event_date": partial(row["event_date"], row["event_date_precision"]),
            "event_date_precision": row["event_date_precision"],
            "event_date_display": display(row["event_date"], row["event_date_precision"]),
            "place_name": row["place_name"],
            "latitude": None if row["latitude"] is None else str(row["latitude"]),
            "longitude": None if row["longitude"] is None else str(row["longitude"]),
            "topics": topics,
            "verdict": row["verdict"],
            "verdict_reasoning": row["verdict_reasoning"],
            "status": row["status"],
            "contested": bool(row["contested"]),
            "published_at": dt(row["published_at"]),
            "created_at": dt(row["created_at"]),
            "updated_at": dt(row["updated_at"]),
        }

    def topics_of(self, ids: list[int]) -> dict[int, list[dict]]:
        found: dict[int, list[dict]] = {i: [] for i in ids}
        for row in rows(
            f"""SELECT ct.claim_id, t.slug, t.name FROM claims_claim_topics ct
            JOIN claims_topic t ON t.id = ct.topic_id
            WHERE ct.claim_id = ANY(%s) AND {PUBLIC_TOPICS} ORDER BY t.name""",
            (ids,),
        ):
            found[row["claim_id"]].append({"slug": row["slug"], "name": row["name"]})
        return found

    def page(self, claim_rows: list[dict], next_url: str | None) -> dict:
        topics = self.topics_of([r["id"] for r in claim_rows])
        return {
            "next": next_url,
            "previous": None,
            "results": [self.claim(r, topics[r["id"]]) for r in claim_rows],
        }

    def _next(self, path: str, query: dict[str, str], cursor_tokens: dict[str, str]) -> str:
        cursor = sign(base64.b64encode(urlencode(cursor_tokens).encode()).decode())
        query = {**query, "cursor": cursor}
        return f"{self.base}{path}?{urlencode(sorted(query.items()))}"

    def claims_list(self, query: dict[str, str]) -> dict:
        """The first page, or the page after a ``next`` cursor (keyset on updated_at, as the
        API's cursors are when no two rows share an updated_at)."""
        after = cursor_position(query.get("cursor"))
        found = rows(
            f"""SELECT {CLAIM_COLUMNS} FROM (SELECT * FROM claims_claim
            WHERE status = 'published' {"AND updated_at < %s::timestamptz" if after else ""}
            ORDER BY updated_at DESC, id DESC LIMIT {PAGE + 1}) c
            ORDER BY c.updated_at DESC, c.id DESC""",
            (after,) if after else (),
        )
        page = found[:PAGE]
        following = previous = None
        if len(found) > PAGE:
            following = self._next("/api/v1/claims/", query, {"p": str(page[-1]["updated_at"])})
        if after and page:
            previous = self._next(
                "/api/v1/claims/", query, {"r": "1", "p": str(page[0]["updated_at"])}
            )
        return {**self.page(page, following), "previous": previous}

    def search(self, query: dict[str, str]) -> dict:
        found = rows(
            f"""SELECT {CLAIM_COLUMNS} FROM (
                SELECT claims_claim.*, ts_rank_cd(sd.vector, q.en)
                    + coalesce(ts_rank_cd(sd.vector_fr, q.fr), 0)
                    + coalesce(ts_rank_cd(sd.vector_ar, q.ar), 0) AS rank
                FROM claims_claim JOIN claims_claimsearchdocument sd
                ON sd.claim_id = claims_claim.id, (SELECT websearch_to_tsquery('english', %s),
                    websearch_to_tsquery('french', %s), websearch_to_tsquery('arabic', %s)
                ) q(en, fr, ar)
                WHERE claims_claim.id IN (
                    -- the API's cap (claims.search.RANKED): rank the 1,000 newest matches, in
                    -- any language's words
                    SELECT m.id FROM claims_claim m JOIN claims_claimsearchdocument md
                    ON md.claim_id = m.id
                    WHERE m.status = 'published' AND (
                        md.vector @@ websearch_to_tsquery('english', %s)
                        OR md.vector_fr @@ websearch_to_tsquery('french', %s)
                        OR md.vector_ar @@ websearch_to_tsquery('arabic', %s))
                    ORDER BY m.updated_at DESC, m.id DESC LIMIT 1000)
                ORDER BY rank DESC, updated_at DESC, id DESC LIMIT {PAGE + 1}) c
            ORDER BY c.rank DESC, c.updated_at DESC, c.id DESC""",
            # The API's: each language's words in its own configuration (the candidates' own
            # queries, not the outer ones: a subquery reading q would be correlated, rerun per row).
            (query["q"],) * 6,
        )
        page = found[:PAGE]
        following = self._next("/api/v1/claims/", query, {"o": "25"}) if len(found) > PAGE else None
        return self.page(page, following)

    def actor(self, row: dict, prefix: str) -> dict | None:
        if row[f"{prefix}_id"] is None:
            return None
        return {
            "id": row[f"{prefix}_id"],
            "url": f"{self.base}/api/v1/actors/{row[f'{prefix}_id']}/",
            "html_url": f"{self.base}/actors/{row[f'{prefix}_slug']}/",
            "name": row[f"{prefix}_name"],
            "slug": row[f"{prefix}_slug"],
            "kind": row[f"{prefix}_kind"],
        }

    def positions(self, statements: list[dict]) -> list[dict]:
        """Each party's current position (its latest statement), for, then against, then
        neutral, each group by the party's name; with how the position moved."""
        by_party: dict[int, list[dict]] = {}
        for s in statements:  # already in chronological order
            by_party.setdefault(s["b_id"] or s["a_id"], []).append(s)
        grouped: dict[str, list[dict]] = {"for": [], "against": [], "neutral": []}
        for said in by_party.values():
            current = said[-1]
            party = self.actor(current, "b" if current["b_id"] else "a")
            grouped[DIRECTION.get(current["stance"], "neutral")].append(
                {
                    "party": party,
                    "direction": DIRECTION.get(current["stance"], "neutral"),
                    "stance": current["stance"],
                    "statement": current["id"],
                    "change": changes(said),
                }
            )
        for group in grouped.values():
            group.sort(key=lambda p: p["party"]["name"])
        return [*grouped["for"], *grouped["against"], *grouped["neutral"]]

    def claim_detail(self, pk: int) -> dict | None:
        found = rows(
            f"""SELECT {CLAIM_COLUMNS} FROM claims_claim c
            WHERE c.id = %s AND c.status IN ('published', 'withdrawn')""",
            (pk,),
        )
        if not found:
            return None
        row = found[0]
        data = self.claim(row, self.topics_of([pk])[pk])
        statements = rows(
            """SELECT s.*, a.id AS a_id, a.name AS a_name, a.slug AS a_slug, a.kind AS a_kind,
            b.id AS b_id, b.name AS b_name, b.slug AS b_slug, b.kind AS b_kind
            FROM claims_statement s JOIN actors_actor a ON a.id = s.actor_id
            LEFT JOIN actors_actor b ON b.id = s.on_behalf_of_id
            WHERE s.claim_id = %s""",
            (pk,),
        )
        statements.sort(key=chronological)
        citations: dict[int, list[dict]] = {s["id"]: [] for s in statements}
        for c in rows(
            """SELECT ci.id AS citation_id, ci.statement_id, ci.locator, ci.credibility,
            so.id AS source_id, so.title, so.url, so.archive_url, so.byline, so.published_on,
            so.language, so.retrieved_on, so.reliability, so.created_at, so.updated_at,
            o.id AS o_id, o.name AS o_name, o.slug AS o_slug, o.kind AS o_kind,
            o.country AS o_country, o.website AS o_website,
            o.default_reliability AS o_default_reliability, o.updated_at AS o_updated_at
            FROM claims_citation ci JOIN sources_source so ON so.id = ci.source_id
            JOIN sources_outlet o ON o.id = so.outlet_id
            WHERE ci.statement_id = ANY(%s) ORDER BY ci.id""",
            (list(citations),),
        ):
            citations[c["statement_id"]].append(
                {
                    "id": c["citation_id"],
                    "source": {
                        "id": c["source_id"],
                        "url": f"{self.base}/api/v1/sources/{c['source_id']}/",
                        "html_url": f"{self.base}/sources/{c['source_id']}/",
                        "title": c["title"],
                        "document_url": c["url"],
                        "archive_url": c["archive_url"],
                        "outlet": {
                            "id": c["o_id"],
                            "url": f"{self.base}/api/v1/outlets/{c['o_id']}/",
                            "name": c["o_name"],
                            "slug": c["o_slug"],
                            "kind": c["o_kind"],
                            "country": c["o_country"],
                            "website": c["o_website"],
                            "default_reliability": c["o_default_reliability"],
                            "updated_at": dt(c["o_updated_at"]),
                        },
                        "byline": c["byline"],
                        "published_on": d(c["published_on"]),
                        "language": c["language"],
                        "retrieved_on": d(c["retrieved_on"]),
                        "reliability": c["reliability"] or c["o_default_reliability"],
                        "created_at": dt(c["created_at"]),
                        "updated_at": dt(c["updated_at"]),
                    },
                    "locator": c["locator"],
                    "credibility": c["credibility"],
                }
            )
        data["withdrawn_at"] = dt(row["withdrawn_at"])
        data["withdrawal_reason"] = row["withdrawal_reason"]
        data["statements"] = [
            {
                "id": s["id"],
                "url": f"{self.base}/api/v1/statements/{s['id']}/",
                "actor": self.actor(s, "a"),
                "on_behalf_of": self.actor(s, "b"),
                "stance": s["stance"],
                "direction": DIRECTION.get(s["stance"], "neutral"),
                "stated_on": partial(s["stated_on"], s["stated_on_precision"]),
                "stated_on_precision": s["stated_on_precision"],
                "stated_on_is_report_date": s["stated_on_is_report_date"],
                "stated_on_display": ("reported " if s["stated_on_is_report_date"] else "")
                + display(s["stated_on"], s["stated_on_precision"]),
                "quote": s["quote"],
                "quote_language": s["quote_language"],
                "paraphrase": s["paraphrase"],
                "translation": s["translation"],
                "translation_method": s["translation_method"],
                "translated_by": s["translated_by"],
                "is_interested_party": s["is_interested_party"],
                "citations": citations[s["id"]],
                "created_at": dt(s["created_at"]),
                "updated_at": dt(s["updated_at"]),
            }
            for s in statements
        ]
        data["positions"] = self.positions(statements)
        relations = []
        for direction, mine, other in (("outgoing", "from", "to"), ("incoming", "to", "from")):
            for r in rows(
                f"""SELECT r.kind, r.note, o.id, o.slug, o.text, o.status
                FROM claims_claimrelation r JOIN claims_claim o ON o.id = r.{other}_claim_id
                WHERE r.{mine}_claim_id = %s AND o.status IN ('published', 'withdrawn')
                ORDER BY r.id""",
                (pk,),
            ):
                relations.append(
                    {
                        "kind": r["kind"],
                        "direction": direction,
                        "note": r["note"],
                        "claim": {
                            "id": r["id"],
                            "url": f"{self.base}/api/v1/claims/{r['id']}/",
                            "html_url": f"{self.base}/claims/{r['slug']}/",
                            "slug": r["slug"],
                            "text": r["text"],
                            "status": r["status"],
                        },
                    }
                )
        data["relations"] = relations
        data["requests_for_comment"] = [
            {
                "actor": self.actor(r, "a"),
                "requested_on": d(r["requested_on"]),
                "deadline": d(r["deadline"]),
                "channel": r["channel"],
                "outcome": r["outcome"],
                "reply": r["reply_id"],
            }
            for r in rows(
                """SELECT rfc.*, a.id AS a_id, a.name AS a_name, a.slug AS a_slug,
                a.kind AS a_kind FROM claims_requestforcomment rfc
                JOIN actors_actor a ON a.id = rfc.actor_id
                WHERE rfc.claim_id = %s AND rfc.outcome <> 'pending'
                ORDER BY rfc.requested_on DESC, rfc.id""",
                (pk,),
            )
        ]
        data["history_url"] = f"{self.base}/api/v1/claims/{pk}/history/"
        return data


def changes(said: list[dict]) -> str:
    """ "denied in March 2025, acknowledged in July 2025"; empty when it never changed."""
    steps: list[dict] = []
    for s in said:
        if not steps or steps[-1]["stance"] != s["stance"]:
            steps.append(s)
    if len(steps) < 2:
        return ""
    words = []
    for s in steps:
        shown = display(s["stated_on"], s["stated_on_precision"])
        if s["stated_on_is_report_date"]:
            when = f"as reported on {shown}"
        elif s["stated_on_precision"] == "day":
            when = f"on {shown}"
        else:
            when = f"in {shown}"
        words.append(f"{PAST[s['stance']]} {when}")
    return ", ".join(words)


_DETAIL = re.compile(r"^/api/v1/claims/(\d+)/$")


def app(environ: dict, start_response: Any) -> list[bytes]:
    host = environ.get("HTTP_HOST", "127.0.0.1")
    site = Site(f"http://{host}")
    path = environ["PATH_INFO"]
    query = dict(parse_qsl(environ.get("QUERY_STRING", "")))
    data: Any
    if path == "/api/v1/claims/":
        data = site.search(query) if query.get("q") else site.claims_list(query)
    elif match := _DETAIL.match(path):
        data = site.claim_detail(int(match.group(1)))
    else:
        data = None
    if data is None:
        start_response("404 Not Found", [("Content-Type", "application/json")])
        return [b'{"detail":"Not found."}']
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
