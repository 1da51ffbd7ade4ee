"""Benchmark the API against a raw-SQL baseline that produces the same JSON.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/contested_api python bench/run.py
    … python bench/run.py --size large          # 100k claims, 1M statements
    … python bench/run.py --skip-generate       # reuse the data already there

Generates the data set (bench/generate.py), then serves the API (config.wsgi) and the baseline
(bench/baseline.py) in turn with gunicorn on 127.0.0.1:8701, and for the claims list, a claim
detail and a search sends a bounded number of requests from a few client threads on loopback.
It reports requests per second, p50 and p95 latency, and the API's share of the baseline's
throughput; it also checks that both answered with the same JSON.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", 8701
SIZES = {"default": (10_000, 100_000), "large": (100_000, 1_000_000)}


def get(path: str) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, PORT, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": f"{HOST}:{PORT}"})
        response = connection.getresponse()
        body = response.read()
        return response.status, body, time.perf_counter() - started
    finally:
        connection.close()


def load(paths: list[str], requests: int, concurrency: int) -> dict[str, float]:
    """Send ``requests`` GETs cycling through ``paths`` from ``concurrency`` threads."""
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                return
            status, _, seconds = get(paths[n % len(paths)])
            with lock:
                latencies.append(seconds)
                if status != 200:
                    errors.append(status)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if errors:
        raise SystemExit(f"{len(errors)} requests failed, e.g. HTTP {errors[0]}")
    latencies.sort()
    return {
        "rps": requests / wall,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(len(latencies) * 0.95) - 1] * 1000,
    }


def serve(app: str, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-not-a-secret",
        "ALLOWED_HOSTS": HOST,
        "API_ANON_RATE": "1000000000/second",
        "API_ANON_SEARCH_RATE": "1000000000/second",
        "LOG_LEVEL": "ERROR",
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--bind",
            f"{HOST}:{PORT}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            app,
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            get("/api/v1/claims/?page_size=1")
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"gunicorn did not answer on {HOST}:{PORT}")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--size", choices=SIZES, default="default")
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--requests", type=int, default=400, help="per endpoint and server")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--search", default="drone", help="the search query")
    args = parser.parse_args()
    args.requests = max(10, min(args.requests, 100_000))  # bounded either way
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
        ids = [
            row[0]
            for row in connection.execute(
                "SELECT id FROM claims_claim WHERE status = 'published' ORDER BY id LIMIT 50"
            )
        ]
        counts = connection.execute(
            "SELECT (SELECT count(*) FROM claims_claim), (SELECT count(*) FROM claims_statement)"
        ).fetchone()
    endpoints = {
        "claims list": ["/api/v1/claims/"],
        "claim detail": [f"/api/v1/claims/{pk}/" for pk in ids],
        f"search q={args.search}": [f"/api/v1/claims/?q={args.search}"],
    }
    results: dict[str, dict[str, dict[str, float]]] = {}
    samples: dict[str, dict[str, object]] = {}
    for name, app in (("api", "config.wsgi:application"), ("baseline", "bench.baseline:app")):
        process = serve(app, args.workers)
        try:
            samples[name] = {}
            for endpoint, paths in endpoints.items():
                status, body, _ = get(paths[0])
                samples[name][endpoint] = (status, json.loads(body))
                load(paths, 20, args.concurrency)  # warm up
                results.setdefault(endpoint, {})[name] = load(
                    paths, args.requests, args.concurrency
                )
        finally:
            stop(process)

    print(
        f"\n{counts[0]} claims, {counts[1]} statements; {args.requests} requests per endpoint, "
        f"{args.concurrency} client threads, gunicorn {args.workers} sync workers, "
        f"{HOST}:{PORT}\n"
    )
    header = f"{'endpoint':<20} {'server':<9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}"
    print(header)
    print("-" * len(header))
    for endpoint, by_server in results.items():
        for name in ("api", "baseline"):
            r = by_server[name]
            print(f"{endpoint:<20} {name:<9} {r['rps']:>8.1f} {r['p50']:>8.1f} {r['p95']:>8.1f}")
        ratio = by_server["api"]["rps"] / by_server["baseline"]["rps"]
        same = samples["api"][endpoint] == samples["baseline"][endpoint]
        print(f"{'':<20} {'ratio':<9} {ratio:>8.2f}   (API / baseline req/s; same JSON: {same})")
    if not all(samples["api"][e] == samples["baseline"][e] for e in endpoints):
        raise SystemExit("The baseline's JSON differs from the API's: the comparison is void.")


if __name__ == "__main__":
    main()
