"""Benchmark what a reader hits: the API against a raw-SQL baseline that produces the same JSON,
the public site's pages, and Datasette serving the same published claims.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/contested_bench python bench/run.py
    DATABASE_URL=…/contested_bench_large python bench/run.py --size large  # 100k claims
    … python bench/run.py --skip-generate       # reuse the data already there
    … python bench/run.py --compare             # print the growth from the saved results only

Generates the data set (bench/generate.py) unless told not to, then serves in turn, on
127.0.0.1:8701:

- the application (``config.wsgi``, gunicorn, sync workers, ``DEBUG=0``): the API's claims list,
  a claim detail, a search, page 200 of the claims list reached by following ``next``, the
  actors list; the site's claim list, a claim page and an actor page;
- the baseline (``bench/baseline.py``, the same gunicorn): one WSGI function and hand-written SQL
  answering the same JSON for the four claim reads (checked: the run fails if any differs);
- Datasette (``datasette serve``, as a journalist would publish it: immutable, facet
  suggestions off, pages of 25) over the published claims exported to a SQLite file with FTS5 on
  text and summary: the list of 25 by ``updated_at``, a claim, ``_search=drone``, page 200
  reached by following ``next_url``.

Each endpoint gets a warm-up and then a bounded number of requests (``--requests``, at most
``--seconds`` of sending) from a few client threads over loopback. It prints requests per second,
p50 and p95, the API's share of the baseline's and Datasette's throughput, and writes
``bench/results-<size>.json``; when the other size's file is there, it prints each endpoint's
growth from 10k to 100k claims.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import platform
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", 8701
SIZES = {"default": (10_000, 100_000), "large": (100_000, 1_000_000)}
SECRET_KEY = "benchmark-only-not-a-secret"  # noqa: S105 (also bench/baseline.py's)
PAGE_DEPTH = 200  # "page 200": reached by following next 199 times
DATASETTE_DB = "claims"  # the file's name, and so the database's in Datasette's URLs


def get(path: str) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, PORT, timeout=120)
    try:
        connection.request("GET", path, headers={"Host": f"{HOST}:{PORT}"})
        response = connection.getresponse()
        body = response.read()
        return response.status, body, time.perf_counter() - started
    finally:
        connection.close()


def local(url: str) -> str:
    """The path and query of an absolute link an answer gave."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def load(paths: list[str], requests: int, concurrency: int, seconds: float) -> dict[str, float]:
    """Send up to ``requests`` GETs cycling through ``paths`` from ``concurrency`` threads,
    stopping early after ``seconds``."""
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    counter = iter(range(requests))
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        while True:
            with lock:
                n = next(counter, None)
            if n is None or time.perf_counter() > deadline:
                return
            status, _, elapsed = get(paths[n % len(paths)])
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors.append(status)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if errors:  # reported, not fatal: Datasette answers 400 past its SQL time limit (1 s)
        print(f"{len(errors)} requests failed, e.g. HTTP {errors[0]} ({paths[0]})", flush=True)
    latencies.sort()
    return {
        "errors": len(errors),
        "requests": len(latencies),
        "rps": len(latencies) / wall,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[max(int(len(latencies) * 0.95) - 1, 0)] * 1000,
    }


def environment(static_root: str, redis: str | None) -> dict[str, str]:
    """The application's settings: production's, with budgets no benchmark reaches; the
    response cache only when asked for (``--response-cache``), on that Redis."""
    # A key prefix of its own: nothing another user of that Redis stored is read or removed.
    prefix = f"contested-bench-{os.getpid()}-{time.time_ns()}"
    cache = (
        {"REDIS_URL": redis, "RESPONSE_CACHE": "1", "CACHE_KEY_PREFIX": prefix}
        if redis
        else {"RESPONSE_CACHE": "0"}
    )
    return {
        **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
        **cache,
        "DEBUG": "0",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": HOST,
        "API_ANON_RATE": "1000000000/second",
        "API_ANON_SEARCH_RATE": "1000000000/second",
        "LOG_LEVEL": "ERROR",
        "LOG_REQUESTS": "0",
        "STATIC_ROOT": static_root,
    }


def serve(command: list[str], env: dict[str, str], ready: str) -> subprocess.Popen:
    quiet = subprocess.DEVNULL if "datasette" in command[0] else None  # one line per request
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=quiet, stderr=quiet)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(ready)[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"{command[0]} did not answer on {HOST}:{PORT}")


def gunicorn(app: str, workers: int) -> list[str]:
    return [
        str(Path(sys.executable).parent / "gunicorn"),
        "--bind",
        f"{HOST}:{PORT}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        app,
    ]


def datasette(path: Path) -> list[str]:
    return [
        str(Path(sys.executable).parent / "datasette"),
        "serve",
        "--immutable",  # as `datasette publish` serves a file
        str(path),
        "--host",
        HOST,
        "--port",
        str(PORT),
        "--setting",
        "suggest_facets",
        "off",
        "--setting",
        "default_page_size",
        "25",
    ]


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def export_for_datasette(url: str, path: Path) -> None:
    """The published claims as a journalist would publish them with Datasette: one table, the
    list's columns, topics as slugs joined by ';', an index on updated_at, FTS5 on text and
    summary."""
    with psycopg.connect(url) as connection:
        rows = connection.execute(
            """SELECT c.id, c.slug, c.text, c.summary,
            CASE c.event_date_precision WHEN 'year' THEN to_char(c.event_date, 'YYYY')
                WHEN 'month' THEN to_char(c.event_date, 'YYYY-MM')
                ELSE to_char(c.event_date, 'YYYY-MM-DD') END,
            c.event_date_precision, c.place_name, c.latitude::text, c.longitude::text,
            (SELECT string_agg(t.slug, ';' ORDER BY t.name) FROM claims_claim_topics ct
                JOIN claims_topic t ON t.id = ct.topic_id WHERE ct.claim_id = c.id),
            c.verdict, c.verdict_reasoning, c.is_contested::int,
            to_char(c.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            to_char(c.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
            FROM claims_claim c WHERE c.status = 'published' ORDER BY c.id"""
        ).fetchall()
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        db.executescript(
            """CREATE TABLE claims (id INTEGER PRIMARY KEY, slug TEXT, text TEXT, summary TEXT,
            event_date TEXT, event_date_precision TEXT, place_name TEXT, latitude TEXT,
            longitude TEXT, topics TEXT, verdict TEXT, verdict_reasoning TEXT,
            contested INTEGER, published_at TEXT, created_at TEXT, updated_at TEXT);
            CREATE INDEX claims_updated_at ON claims (updated_at);"""
        )
        db.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * 16)})", rows)
        db.executescript(
            """CREATE VIRTUAL TABLE claims_fts USING fts5(text, summary, content="claims",
                content_rowid="id");
            INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
            ANALYZE;"""
        )
    db.close()


def follow(start: str, depth: int, next_of) -> str:
    """The path of page ``depth``, reached from ``start`` by following each page's next link."""
    path = start
    for _ in range(depth - 1):
        for _attempt in range(3):  # Datasette may refuse a page past its SQL time limit
            status, body, _ = get(path)
            if status == 200:
                break
        if status != 200:
            raise SystemExit(f"HTTP {status} from {path}")
        link = next_of(json.loads(body))
        if not link:
            raise SystemExit(f"No page {depth}: the list ended before it.")
        path = local(link)
    return path


def fmt(value: float | None, spec: str = ">8.1f") -> str:
    return format(value, spec) if value is not None else format("—", ">8")


def report(results: dict, sizes: dict[str, dict]) -> None:
    print(
        f"\n{results['claims']} claims, {results['statements']} statements; up to "
        f"{results['requests']} requests or {results['seconds']} s per endpoint, "
        f"{results['concurrency']} client threads, gunicorn {results['workers']} sync workers, "
        f"response cache {'on' if results.get('response_cache') else 'off'}, {HOST}:{PORT}\n"
    )
    header = (
        f"{'endpoint':<24} {'server':<10} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'×base':>7} {'×dset':>7}"
    )
    print(header)
    print("-" * len(header))
    for endpoint, by_server in results["endpoints"].items():
        api = by_server.get("api")
        for name, r in by_server.items():
            if name == "same_json":
                continue
            ratios = ["", ""]
            if name == "api":
                for i, other in enumerate(("baseline", "datasette")):
                    if other in by_server:
                        ratios[i] = f"{api['rps'] / by_server[other]['rps']:.2f}"
            failed = f"  ({r['errors']} of {r['requests']} not 200)" if r.get("errors") else ""
            print(
                f"{endpoint:<24} {name:<10} {r['rps']:>8.1f} {r['p50']:>8.1f} {r['p95']:>8.1f} "
                f"{ratios[0]:>7} {ratios[1]:>7}{failed}"
            )
        if "same_json" in by_server:
            print(f"{'':<24} same JSON as the baseline: {by_server['same_json']}")
    if len(sizes) == 2:
        growth(sizes["default"], sizes["large"])


def growth(small: dict, large: dict) -> None:
    print(
        f"\nGrowth from {small['claims']} to {large['claims']} claims "
        f"(p50 large / p50 default; req/s default / req/s large):\n"
    )
    header = f"{'endpoint':<24} {'server':<10} {'p50':>14} {'p50 ×':>7} {'req/s ÷':>8}"
    print(header)
    print("-" * len(header))
    for endpoint, by_server in large["endpoints"].items():
        for name, r in by_server.items():
            before = small["endpoints"].get(endpoint, {}).get(name)
            if name == "same_json" or not before:
                continue
            print(
                f"{endpoint:<24} {name:<10} {before['p50']:>6.1f}→{r['p50']:<7.1f} "
                f"{r['p50'] / before['p50']:>7.2f} {before['rps'] / r['rps']:>8.2f}"
            )


def saved(size: str) -> dict | None:
    path = ROOT / "bench" / f"results-{size}.json"
    return json.loads(path.read_text()) if path.exists() else None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--size", choices=SIZES, default="default")
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--compare", action="store_true", help="print the saved results only")
    parser.add_argument("--requests", type=int, default=400, help="per endpoint and server")
    parser.add_argument("--seconds", type=float, default=20, help="at most, per endpoint")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--search", default="drone", help="the search query")
    parser.add_argument(
        "--servers", default="api,baseline,datasette", help="which to run, comma-separated"
    )
    parser.add_argument(
        "--response-cache",
        metavar="REDIS_URL",
        help="serve the application with its response cache on this Redis (under a key prefix "
        "of its own, nothing flushed); "
        "by default the cache is off, so every request runs the view",
    )
    args = parser.parse_args()
    if args.compare:
        sizes = {size: found for size in SIZES if (found := saved(size))}
        for results in sizes.values():
            report(results, {})
        if len(sizes) == 2:
            growth(sizes["default"], sizes["large"])
        return
    args.requests = max(10, min(args.requests, 100_000))  # bounded either way
    servers = [name.strip() for name in args.servers.split(",") if name.strip()]
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a scratch PostgreSQL database (it is emptied).")

    if not args.skip_generate:
        claims, statements = SIZES[args.size]
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "generate.py"),
                "--claims",
                str(claims),
                "--statements",
                str(statements),
            ],
            check=True,
        )
    with psycopg.connect(url) as connection:
        claims_seen = connection.execute(
            "SELECT id, slug FROM claims_claim WHERE status = 'published' ORDER BY id LIMIT 50"
        ).fetchall()
        actors_seen = connection.execute(
            "SELECT slug FROM actors_actor WHERE is_public ORDER BY id LIMIT 50"
        ).fetchall()
        counts = connection.execute(
            "SELECT (SELECT count(*) FROM claims_claim), (SELECT count(*) FROM claims_statement)"
        ).fetchone()
    ids = [pk for pk, _ in claims_seen]
    search = f"search q={args.search}"
    api_paths: dict[str, list[str]] = {
        "claims list": ["/api/v1/claims/"],
        "claim detail": [f"/api/v1/claims/{pk}/" for pk in ids],
        search: [f"/api/v1/claims/?q={args.search}"],
        f"claims page {PAGE_DEPTH}": [],  # found by following next
        "actors list": ["/api/v1/actors/"],
        "HTML /claims/": ["/claims/"],
        "HTML claim page": [f"/claims/{slug}/" for _, slug in claims_seen],
        "HTML actor page": [f"/actors/{slug}/" for (slug,) in actors_seen],
    }
    table = f"/{DATASETTE_DB}/claims"
    datasette_paths: dict[str, list[str]] = {
        "claims list": [f"{table}.json?_sort_desc=updated_at&_size=25"],
        "claim detail": [f"{table}/{pk}.json" for pk in ids],
        search: [f"{table}.json?_search={args.search}&_size=25"],
        f"claims page {PAGE_DEPTH}": [],
    }
    with_baseline = {"claims list", "claim detail", search, f"claims page {PAGE_DEPTH}"}
    endpoints: dict[str, dict] = {name: {} for name in api_paths}
    samples: dict[str, dict[str, object]] = {}
    work = Path(tempfile.mkdtemp(prefix="contested-bench-"))
    env = environment(str(work / "static"), args.response_cache)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )

    def measure(name: str, paths: dict[str, list[str]], ready: str, command: list[str]) -> None:
        process = serve(command, env if name != "datasette" else os.environ.copy(), ready)
        try:
            for endpoint, these in paths.items():
                if name == "baseline" and endpoint not in with_baseline:
                    continue
                status, _, _ = get(these[0])
                if status != 200:
                    raise SystemExit(f"{name}: HTTP {status} from {these[0]}")
                if name in ("api", "baseline") and endpoint in with_baseline:
                    samples.setdefault(endpoint, {})[name] = [
                        json.loads(get(path)[1]) for path in these[:10]
                    ]
                load(these, 20, args.concurrency, args.seconds)  # warm up
                endpoints[endpoint][name] = load(
                    these, args.requests, args.concurrency, args.seconds
                )
        finally:
            stop(process)

    deep = f"claims page {PAGE_DEPTH}"
    if "api" in servers or "baseline" in servers:
        # The API's own next links, followed from the first page: the baseline answers them too.
        process = serve(gunicorn("config.wsgi:application", args.workers), env, "/healthz")
        try:
            api_paths[deep] = [follow("/api/v1/claims/", PAGE_DEPTH, lambda page: page["next"])]
        finally:
            stop(process)
    if "api" in servers:
        measure("api", api_paths, "/healthz", gunicorn("config.wsgi:application", args.workers))
    if "baseline" in servers:
        command = gunicorn("bench.baseline:app", args.workers)
        measure("baseline", api_paths, "/api/v1/claims/?page_size=1", command)
    if "datasette" in servers:
        export_for_datasette(url, work / f"{DATASETTE_DB}.db")
        command = datasette(work / f"{DATASETTE_DB}.db")
        process = serve(command, os.environ.copy(), "/-/versions.json")
        try:
            datasette_paths[deep] = [
                follow(datasette_paths["claims list"][0], PAGE_DEPTH, lambda p: p["next_url"])
            ]
        finally:
            stop(process)
        measure("datasette", datasette_paths, "/-/versions.json", command)

    for endpoint, by_server in samples.items():
        if "api" in by_server and "baseline" in by_server:
            endpoints[endpoint]["same_json"] = by_server["api"] == by_server["baseline"]
    results = {
        "size": args.size,
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": f"{os.cpu_count()} CPUs, {platform.platform()}, "
        f"Python {platform.python_version()}",
        "load_average": os.getloadavg(),
        "claims": counts[0],
        "statements": counts[1],
        "requests": args.requests,
        "seconds": args.seconds,
        "concurrency": args.concurrency,
        "workers": args.workers,
        "response_cache": bool(args.response_cache),
        "endpoints": {name: found for name, found in endpoints.items() if found},
    }
    label = f"{args.size}-cached" if args.response_cache else args.size
    (ROOT / "bench" / f"results-{label}.json").write_text(json.dumps(results, indent=1) + "\n")
    other = "large" if args.size == "default" else "default"
    sizes = {args.size: results}
    if not args.response_cache and (found := saved(other)):
        sizes[other] = found
    report(results, sizes)
    if not all(found.get("same_json", True) for found in endpoints.values()):
        raise SystemExit("The baseline's JSON differs from the API's: the comparison is void.")


if __name__ == "__main__":
    main()
