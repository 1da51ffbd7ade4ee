"""Where the API's time goes: requests served in-process (Django's test client, no HTTP) against
the benchmark database, timed, and optionally profiled with pyinstrument.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/contested_bench \\
        python bench/profile.py [--profile] [--repeat 200] [path …]

Without paths it takes the claims list, a claim detail, a search and the actors list. It prints
the mean milliseconds per request, wall and on this process's CPU (the Python cost, without
the database's time or another process's turn), with ``--baseline`` the same for
``bench/baseline.py`` on the claim paths, and with ``--profile`` pyinstrument's call tree.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.update(
    DJANGO_SETTINGS_MODULE="config.settings",
    DEBUG="0",
    SECRET_KEY="benchmark-only-not-a-secret",  # noqa: S106 (as bench/run.py)
    ALLOWED_HOSTS="127.0.0.1",
    API_ANON_RATE="1000000000/second",
    API_ANON_SEARCH_RATE="1000000000/second",
    LOG_LEVEL="ERROR",
    LOG_REQUESTS="0",
)

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from claims.models import Claim  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--profile", action="store_true", help="pyinstrument's call tree too")
    parser.add_argument(
        "--baseline", action="store_true", help="time bench/baseline.py on the claim paths too"
    )
    args = parser.parse_args()
    claim = Claim.objects.filter(status="published").order_by("pk").values_list("pk", flat=True)[0]
    paths = args.paths or [
        "/api/v1/claims/",
        f"/api/v1/claims/{claim}/",
        "/api/v1/claims/?q=drone",
        "/api/v1/actors/",
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    for path in paths:
        for _ in range(5):  # warm up
            assert client.get(path).status_code == 200, path
        profiler = None
        if args.profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            profiler.start()
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.repeat):
            client.get(path)
        elapsed = (time.perf_counter() - started) / args.repeat * 1000
        cpu = (time.process_time() - cpu) / args.repeat * 1000
        if profiler:
            profiler.stop()
            print(profiler.output_text(unicode=True, color=False, show_all=False))
        line = f"{path}: {elapsed:.1f} ms per request, {cpu:.1f} ms of it on this CPU"
        if args.baseline and path.startswith("/api/v1/claims/"):
            wall, cpu = baseline(path, args.repeat)
            line += f"; baseline {wall:.1f} ms, {cpu:.1f} ms CPU"
        print(f"{line} ({connection.vendor})")


def baseline(path: str, repeat: int) -> tuple[float, float]:
    """``bench/baseline.py`` answering the same path in this process: wall and CPU ms."""
    from bench import baseline as raw

    split = urlsplit(path)
    environ = {
        "PATH_INFO": split.path,
        "QUERY_STRING": split.query,
        "HTTP_HOST": "127.0.0.1",
        "REQUEST_METHOD": "GET",
    }
    for _ in range(5):
        raw.app(environ, lambda status, headers: None)
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        raw.app(environ, lambda status, headers: None)
    return (
        (time.perf_counter() - started) / repeat * 1000,
        (time.process_time() - cpu) / repeat * 1000,
    )


if __name__ == "__main__":
    main()
