"""Fault and load: restart PostgreSQL while Contested serves a mixed load, and check what clients
and the database saw.

    python bench/fault.py                          # 30 s, 8 client threads, 2 gunicorn workers
    python bench/fault.py --duration 60 --threads 16 --outage 5 --json fault.json
    make fault FAULT_ARGS="--stop-mode immediate"

Run as root on a Debian-style machine (postgresql-common: pg_createcluster, pg_ctlcluster). It
creates a throwaway PostgreSQL cluster of its own (``contested_fault``, on a free port, trust
authentication on loopback), so no other cluster is touched; a leftover cluster of that name is
dropped first, and the cluster is dropped at the end, also on failure or Ctrl-C.

On that cluster it migrates, loads the demo ledger, collects static files to a temporary
directory, creates an Editor with an API token, and serves Contested as in production
(``DEBUG=0``, ``config/gunicorn.py``, 2 workers by default) on a free loopback port. Client
threads then send reads (site pages, API lists and details, /healthz, /readyz) and writes (a
POST of a source with a unique title and URL, a PATCH of an actor's description to a unique
marker) for ``--duration`` seconds. Midway the PostgreSQL server is stopped (``--stop-mode``:
``fast`` by default, which cuts open transactions; ``immediate`` is a crash, recovered on start),
kept down ``--outage`` seconds (4), and started again. The outage ends when a connection to the
server first succeeds.

The requests are split into three windows by the restart's timestamps: *before* (answered before
the stop began), *during* (the rest of those started before the database accepted connections
again plus ``--grace`` seconds) and *after*. Afterwards every write's marker is looked up in the
database: a created source by its title, a PATCH in the actor's history (django-simple-history
writes one row per save, in the same transaction).

The run fails (exit status 1) when:

- any answer is a 5xx other than 503, or a 5xx comes outside the outage window;
- a 503 lacks ``Retry-After`` or is not in its face's shape (JSON under /api/, HTML elsewhere);
- a request gets no HTTP answer at all (connection refused or reset, timeout);
- a write acknowledged with a 2xx is not in the database afterwards.

A write answered 503 may or may not have been committed (the database can go away between the
commit and the answer); both are reported, neither fails the run.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import itertools
import json
import os
import platform
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
# The site's pages, then the API's reads. Claim and actor pages are added from the demo ledger.
READS = [
    "/",
    "/claims/",
    "/actors/",
    "/api/v1/claims/",
    "/api/v1/actors/",
    "/api/v1/sources/",
    "/healthz",
    "/readyz",
]
WINDOWS = ("before", "during", "after")


def log(message: str) -> None:
    print(f"[fault {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise SystemExit(
            f"{name} not found: this needs PostgreSQL's Debian tools (postgresql-common)."
        )
    return path


def run(*args: str, env: dict[str, str] | None = None, check: bool = True) -> str:
    result = subprocess.run(
        list(args), cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if check and result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )
    return result.stdout


def free_port(avoid: set[int] = frozenset()) -> int:
    while True:
        with socket.socket() as sock:
            sock.bind((HOST, 0))
            port = sock.getsockname()[1]
        if port not in avoid and not Path(f"/var/run/postgresql/.s.PGSQL.{port}").exists():
            return port


# The throwaway PostgreSQL cluster ---------------------------------------------------------------


class Cluster:
    """A PostgreSQL cluster of our own, made and dropped with the Debian tools."""

    def __init__(self, version: str, name: str) -> None:
        self.version, self.name = version, name
        self.port = 0
        self.created = False

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@{HOST}:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgres://postgres@{HOST}:{self.port}/{database}"

    def exists(self) -> bool:
        listing = run(tool("pg_lsclusters"), "--no-header", check=False)
        return any(
            line.split()[:2] == [self.version, self.name] for line in listing.splitlines() if line
        )

    def drop(self) -> None:
        if self.exists():
            run(tool("pg_dropcluster"), "--stop", self.version, self.name)
        self.created = False

    def create(self) -> None:
        if self.exists():
            log(f"dropping a leftover cluster {self.version}/{self.name}")
            self.drop()
        self.port = free_port()
        run(
            tool("pg_createcluster"),
            "--quiet",
            "--start-conf=manual",
            f"--port={self.port}",
            self.version,
            self.name,
        )
        self.created = True
        # Trust on loopback and the local socket: the cluster lives for this run only.
        hba = Path(f"/etc/postgresql/{self.version}/{self.name}/pg_hba.conf")
        hba.write_text(
            "# Written by bench/fault.py for a throwaway cluster.\n"
            "local all all trust\n"
            f"host all all {HOST}/32 trust\n"
        )
        shutil.chown(hba, "postgres", "postgres")
        self.ctl("start")
        self.wait_ready(timeout=30)

    def ctl(self, action: str, *options: str) -> None:
        run(tool("pg_ctlcluster"), self.version, self.name, action, *options)

    def accepts(self) -> bool:
        try:
            with psycopg.connect(self.admin_url, connect_timeout=1) as conn:
                conn.execute("SELECT 1")
        except psycopg.Error:
            return False
        return True

    def wait_ready(self, timeout: float) -> float:
        """Poll until the server accepts a connection; the time it first did."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.accepts():
                return time.monotonic()
            time.sleep(0.05)
        raise RuntimeError(f"PostgreSQL {self.version}/{self.name} did not accept connections")

    def server_version(self) -> str:
        with psycopg.connect(self.admin_url) as conn:
            return conn.execute("SHOW server_version").fetchone()[0]


# Contested, served as in production --------------------------------------------------------------


def production_env(database_url: str, static_root: Path) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        # The cache is each process's memory (no Redis to restart); the anonymous read budget
        # is lifted so the load measures the database, not the throttle.
        "REDIS_URL": "",
        "API_ANON_RATE": "1000000/second",
        "API_ANON_SEARCH_RATE": "1000000/second",
    }


def manage(*args: str, env: dict[str, str]) -> str:
    return run(sys.executable, "manage.py", *args, env=env)


MAKE_EDITOR = """
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
user, _ = User.objects.get_or_create(username="fault-editor")
user.groups.add(Group.objects.get(name="Editor"))
print(Token.objects.get_or_create(user=user)[0].key)
"""


def prepare(cluster: Cluster, database: str, static_root: Path) -> tuple[dict[str, str], str]:
    with psycopg.connect(cluster.admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    env = production_env(cluster.url(database), static_root)
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_demo", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    token = manage("shell", "-c", MAKE_EDITOR, env=env).strip().splitlines()[-1]
    return env, token


def serve(env: dict[str, str], workers: int, log_path: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**env, "BIND": f"{HOST}:{port}", "WEB_CONCURRENCY": str(workers)}
    with log_path.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "config/gunicorn.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log_path.read_text()}")
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(base + "/readyz", timeout=5).status_code == 200:
                return process, base
        time.sleep(0.2)
    stop_process(process)
    raise RuntimeError(f"gunicorn did not become ready:\n{log_path.read_text()}")


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# The load -----------------------------------------------------------------------------------------


@dataclass
class Result:
    method: str
    path: str
    started: float
    ended: float
    status: int | None = None  # None: no HTTP answer
    error: str = ""
    retry_after: str | None = None
    content_type: str = ""
    marker: str = ""  # a write's unique marker
    write: str = ""  # "source" or "actor" for a write
    window: str = ""


@dataclass
class Fault:
    """The restart's timestamps (time.monotonic)."""

    stop_issued: float = 0.0
    stopped: float = 0.0
    start_issued: float = 0.0
    start_returned: float = 0.0
    ready: float = 0.0
    error: str = ""


@dataclass
class Targets:
    reads: list[str]
    actor_ids: list[int]
    outlet_id: int
    token: str
    run_id: str = field(default_factory=lambda: secrets.token_hex(4))


def discover(base: str, database_url: str, token: str) -> Targets:
    """The demo ledger's claim and actor pages, and the rows writes will touch."""
    reads = list(READS)
    for resource in ("claims", "actors", "sources"):
        page = requests.get(f"{base}/api/v1/{resource}/", timeout=10).json()["results"]
        for row in page[:5]:
            reads.append(f"/api/v1/{resource}/{row['id']}/")
            if resource != "sources" and row.get("html_url"):
                reads.append("/" + row["html_url"].split("/", 3)[3])
    with psycopg.connect(database_url) as conn:
        actor_ids = [r[0] for r in conn.execute("SELECT id FROM actors_actor ORDER BY id")]
        outlet_id = conn.execute("SELECT id FROM sources_outlet ORDER BY id LIMIT 1").fetchone()[0]
    return Targets(reads=reads, actor_ids=actor_ids, outlet_id=outlet_id, token=token)


class Load:
    def __init__(self, base: str, targets: Targets, write_share: float, timeout: float) -> None:
        self.base, self.targets = base, targets
        self.write_share, self.timeout = write_share, timeout
        self.results: list[Result] = []
        self.lock = threading.Lock()
        self.numbers = itertools.count(1)
        self.stop = threading.Event()

    def request(self, session: requests.Session, rng: random.Random) -> Result:
        targets = self.targets
        kwargs: dict = {"timeout": self.timeout, "allow_redirects": False}
        if rng.random() < self.write_share:
            with self.lock:
                number = next(self.numbers)
            marker = f"fault-{targets.run_id}-{number:06d}"
            kwargs["headers"] = {"Authorization": f"Token {targets.token}"}
            if number % 2:
                write, method, path = "source", "POST", "/api/v1/sources/"
                kwargs["json"] = {
                    "title": marker,
                    "document_url": f"https://fault.example.org/{targets.run_id}/{number}",
                    "outlet": targets.outlet_id,
                }
            else:
                actor = targets.actor_ids[number % len(targets.actor_ids)]
                write, method, path = "actor", "PATCH", f"/api/v1/actors/{actor}/"
                kwargs["json"] = {"description": marker}
        else:
            marker, write, method, path = "", "", "GET", rng.choice(targets.reads)
        result = Result(method, path, time.monotonic(), 0.0, marker=marker, write=write)
        try:
            response = session.request(method, self.base + path, **kwargs)
        except requests.RequestException as exc:
            result.error = type(exc).__name__
        else:
            result.status = response.status_code
            result.retry_after = response.headers.get("Retry-After")
            result.content_type = response.headers.get("Content-Type", "")
        result.ended = time.monotonic()
        return result

    def worker(self, seed: int) -> None:
        rng = random.Random(seed)
        with requests.Session() as session:
            while not self.stop.is_set():
                result = self.request(session, rng)
                with self.lock:
                    self.results.append(result)


def start_server(cluster: Cluster, fault: Fault) -> None:
    try:
        cluster.ctl("start")
    except RuntimeError as exc:
        fault.error = str(exc)
    fault.start_returned = time.monotonic()


def restart(cluster: Cluster, fault: Fault, outage: float, mode: str) -> None:
    """Stop PostgreSQL (``fast``: open transactions are cut; ``immediate``: as a crash, recovered
    on start), keep it down ``outage`` seconds, start it again."""
    try:
        fault.stop_issued = time.monotonic()
        cluster.ctl("stop", "-m", mode)
        fault.stopped = time.monotonic()
        time.sleep(outage)
        fault.start_issued = time.monotonic()
        # pg_ctlcluster returns a while after the server accepts connections: poll meanwhile,
        # so the outage ends when the first connection succeeds.
        starting = threading.Thread(target=start_server, args=(cluster, fault))
        starting.start()
        try:
            fault.ready = cluster.wait_ready(timeout=60)
        finally:
            starting.join()
    except Exception as exc:  # reported and fails the run; the cluster is dropped anyway
        fault.error = str(exc)


def drive(load: Load, cluster: Cluster, args: argparse.Namespace) -> tuple[Fault, float, float]:
    """Run the load for ``--duration`` seconds with the restart midway; at least ``--after``
    seconds of load follow the grace period. Returns the fault and the load's start and end."""
    fault = Fault()
    threads = [
        threading.Thread(target=load.worker, args=(n,), daemon=True) for n in range(args.threads)
    ]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    try:
        time.sleep(args.duration * args.restart_at)
        log(f"stopping PostgreSQL ({args.stop_mode}) for {args.outage:g} s")
        restart(cluster, fault, args.outage, args.stop_mode)
        if fault.error:
            log(f"the restart failed: {fault.error}")
        else:
            log(f"PostgreSQL accepts connections again ({fault.ready - fault.stop_issued:.1f} s)")
        end = max(began + args.duration, fault.ready + args.grace + args.after)
        time.sleep(max(0.0, end - time.monotonic()))
    finally:
        load.stop.set()
        for thread in threads:
            thread.join(timeout=args.timeout + 5)
    return fault, began, time.monotonic()


# The report ---------------------------------------------------------------------------------------


def window_of(result: Result, fault: Fault, grace: float) -> str:
    if result.ended < fault.stop_issued:
        return "before"
    if result.started < fault.ready + grace:
        return "during"
    return "after"


def present_markers(database_url: str, run_id: str) -> dict[str, set[str]]:
    pattern = f"fault-{run_id}-%"
    with psycopg.connect(database_url) as conn:
        sources = conn.execute("SELECT title FROM sources_source WHERE title LIKE %s", [pattern])
        actors = conn.execute(
            "SELECT description FROM actors_historicalactor WHERE description LIKE %s", [pattern]
        )
        return {"source": {r[0] for r in sources}, "actor": {r[0] for r in actors}}


def well_formed_503(result: Result) -> bool:
    """A 503 says when to retry, in its face's shape: JSON from the API and the health probes,
    the site's HTML page elsewhere."""
    json_paths = ("/api/", "/healthz", "/readyz")
    expected = "application/json" if result.path.startswith(json_paths) else "text/html"
    return bool(result.retry_after) and result.content_type.startswith(expected)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def summarise(
    results: list[Result],
    fault: Fault,
    present: dict[str, set[str]],
    args: argparse.Namespace,
    span: tuple[float, float],
) -> dict:
    for result in results:
        result.window = window_of(result, fault, args.grace)
    windows = {}
    for name in WINDOWS:
        rows = [r for r in results if r.window == name]
        latencies = [(r.ended - r.started) * 1000 for r in rows if r.status is not None]
        windows[name] = {
            "requests": len(rows),
            "statuses": dict(
                sorted(collections.Counter(str(r.status) for r in rows if r.status).items())
            ),
            "5xx": dict(
                sorted(
                    collections.Counter(
                        str(r.status) for r in rows if r.status and r.status >= 500
                    ).items()
                )
            ),
            "5xx_by_path": dict(
                collections.Counter(
                    f"{r.status} {r.method} {r.path}" for r in rows if r.status and r.status >= 500
                ).most_common(10)
            ),
            "transport_errors": dict(collections.Counter(r.error for r in rows if r.error)),
            "p50_ms": round(statistics.median(latencies), 1) if latencies else 0.0,
            "p95_ms": round(percentile(latencies, 0.95), 1),
        }
    writes: dict[str, dict] = {}
    for kind in ("source", "actor"):
        rows = [r for r in results if r.write == kind]
        acked = [r for r in rows if r.status and 200 <= r.status < 300]
        refused = [r for r in rows if r.status == 503]
        unanswered = [r for r in rows if r.status is None]
        others = [r for r in rows if r.status and not 200 <= r.status < 300 and r.status != 503]
        found = present[kind]
        writes[kind] = {
            "sent": len(rows),
            "acknowledged": len(acked),
            "acknowledged_present": sum(r.marker in found for r in acked),
            "acknowledged_missing": sorted(r.marker for r in acked if r.marker not in found),
            "503": len(refused),
            "503_present": sum(r.marker in found for r in refused),
            "503_absent": sum(r.marker not in found for r in refused),
            # Committed, yet answered 503: when each was sent and answered, from the stop.
            "503_present_requests": [
                f"{r.method} {r.path} {r.marker}: sent {r.started - fault.stop_issued:+.2f} s, "
                f"answered {r.ended - fault.stop_issued:+.2f} s from the stop"
                for r in refused
                if r.marker in found
            ],
            "unanswered": len(unanswered),
            "unanswered_present": sum(r.marker in found for r in unanswered),
            "other_status": dict(collections.Counter(str(r.status) for r in others)),
        }
    malformed_503 = [
        f"{r.method} {r.path} (Retry-After {r.retry_after!r}, {r.content_type or 'no type'})"
        for r in results
        if r.status == 503 and not well_formed_503(r)
    ]
    failures = []
    if fault.error:
        failures.append(f"the restart failed: {fault.error}")
    non_503 = [r for r in results if r.status and r.status >= 500 and r.status != 503]
    if non_503:
        failures.append(f"{len(non_503)} answers were a 5xx other than 503")
    outside = [r for r in results if r.status and r.status >= 500 and r.window != "during"]
    if outside:
        failures.append(f"{len(outside)} 5xx answers outside the outage window")
    if malformed_503:
        failures.append(f"{len(malformed_503)} 503 answers lacked Retry-After or their shape")
    unanswered = [r for r in results if r.status is None]
    if unanswered:
        failures.append(f"{len(unanswered)} requests got no HTTP answer")
    missing = sum(len(w["acknowledged_missing"]) for w in writes.values())
    if missing:
        failures.append(f"{missing} acknowledged writes are missing from the database")
    if not any(r.window == "after" for r in results):
        failures.append("no request was sent after recovery")
    began, ended = span
    first_ok_after_ready = min(
        (
            r.ended - fault.ready
            for r in results
            if r.started >= fault.ready and r.status and r.status < 500 and r.path != "/healthz"
        ),
        default=None,
    )
    last_5xx_after_ready = max(
        (r.ended - fault.ready for r in results if r.status and r.status >= 500),
        default=None,
    )
    return {
        "settings": {
            "duration_s": args.duration,
            "threads": args.threads,
            "workers": args.workers,
            "outage_s": args.outage,
            "stop_mode": args.stop_mode,
            "grace_s": args.grace,
            "write_share": args.write_share,
        },
        "machine": {
            "nproc": os.cpu_count(),
            "python": platform.python_version(),
            "postgresql": args.server_version,
        },
        "load_s": round(ended - began, 1),
        "requests": len(results),
        "answered": sum(r.status is not None for r in results),
        "requests_per_s": round(len(results) / (ended - began), 1),
        "restart": {
            "stop_at_s": round(fault.stop_issued - began, 2),
            "stop_took_s": round(fault.stopped - fault.stop_issued, 2),
            "down_s": round(fault.start_issued - fault.stopped, 2),
            "start_took_s": round(fault.ready - fault.start_issued, 2),
            "ready_at_s": round(fault.ready - began, 2),
            "start_returned_at_s": round(fault.start_returned - began, 2),
            "first_db_answer_after_ready_s": (
                round(first_ok_after_ready, 2) if first_ok_after_ready is not None else None
            ),
            "last_5xx_after_ready_s": (
                round(last_5xx_after_ready, 2) if last_5xx_after_ready is not None else None
            ),
        },
        "windows": windows,
        "writes": writes,
        "malformed_503": malformed_503[:20],
        "failures": failures,
        "ok": not failures,
    }


def print_report(report: dict) -> None:
    settings, restart = report["settings"], report["restart"]
    print(
        f"\nFault and load: {report['requests']} requests in {report['load_s']} s "
        f"({report['requests_per_s']}/s), {settings['threads']} client threads, "
        f"{settings['workers']} gunicorn workers, {report['machine']['nproc']} CPUs, "
        f"PostgreSQL {report['machine']['postgresql']}"
    )
    print(
        f"PostgreSQL stopped ({settings['stop_mode']}) at {restart['stop_at_s']} s "
        f"(stop took {restart['stop_took_s']} s), "
        f"down {restart['down_s']} s, accepting connections again at {restart['ready_at_s']} s "
        f"({restart['start_took_s']} s after the start; pg_ctlcluster returned at "
        f"{restart['start_returned_at_s']} s). 'during' runs until {settings['grace_s']:g} s "
        "after it accepts again."
    )
    first, last = restart["first_db_answer_after_ready_s"], restart["last_5xx_after_ready_s"]
    if first is not None:
        print(f"First answer from the database {first} s after it accepted connections again.")
    if last is not None:
        print(f"Last 5xx answered {last} s after that (negative: before).")
    header = f"{'window':<8} {'requests':>8} {'p50 ms':>7} {'p95 ms':>7}  {'statuses':<34} 5xx"
    print("\n" + header)
    print("-" * len(header))
    for name in WINDOWS:
        w = report["windows"][name]
        statuses = " ".join(f"{k}:{v}" for k, v in w["statuses"].items()) or "-"
        errors = " ".join(f"{k}:{v}" for k, v in w["transport_errors"].items())
        fivexx = " ".join(f"{k}:{v}" for k, v in w["5xx"].items()) or "none"
        if errors:
            fivexx += f"  no answer: {errors}"
        print(
            f"{name:<8} {w['requests']:>8} {w['p50_ms']:>7} {w['p95_ms']:>7}  "
            f"{statuses:<34} {fivexx}"
        )
    header = f"{'writes':<14} {'sent':>5} {'2xx':>5} {'2xx in db':>9} {'503':>5} {'503 in db':>9}"
    header += f" {'no answer':>9} other"
    print("\n" + header)
    print("-" * len(header))
    for kind, label in (("source", "POST source"), ("actor", "PATCH actor")):
        w = report["writes"][kind]
        other = " ".join(f"{k}:{v}" for k, v in w["other_status"].items()) or "-"
        print(
            f"{label:<14} {w['sent']:>5} {w['acknowledged']:>5} {w['acknowledged_present']:>9} "
            f"{w['503']:>5} {w['503_present']:>9} {w['unanswered']:>9} {other}"
        )
    for name in WINDOWS:
        for line, count in report["windows"][name]["5xx_by_path"].items():
            print(f"  {name}: {count} × {line}")
    for line in report["malformed_503"]:
        print(f"  malformed 503: {line}")
    for kind in ("source", "actor"):
        for line in report["writes"][kind]["503_present_requests"]:
            print(f"  503 yet stored: {line}")
    print()
    if report["ok"]:
        print("OK: only 503 during the outage, none after; every acknowledged write is stored.")
    else:
        for failure in report["failures"]:
            print(f"FAIL: {failure}")


def server_log(log_path: Path) -> tuple[collections.Counter, list[str]]:
    """What the server logged: the count of each (level, logger, status) of the JSON lines, and
    the lines of errors other than the expected 503s (Django logs each at ERROR, with the
    database's traceback), gunicorn's own errors included."""
    counts: collections.Counter = collections.Counter()
    errors = []
    for line in log_path.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            if any(word in line for word in ("[ERROR]", "[CRITICAL]", "Traceback", "TIMEOUT")):
                errors.append(line)
            continue
        status = entry.get("status_code")
        counts[f"{entry.get('level')} {entry.get('logger')} {status or ''}".strip()] += 1
        if entry.get("level") in ("ERROR", "CRITICAL") and status != 503:
            errors.append(line[:600])
    return counts, errors


# Main ---------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=30, help="seconds of load (30)")
    parser.add_argument("--threads", type=int, default=8, help="client threads (8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (2)")
    parser.add_argument("--outage", type=float, default=4, help="seconds PostgreSQL stays down (4)")
    parser.add_argument(
        "--stop-mode",
        choices=("fast", "immediate"),
        default="fast",
        help="pg_ctl's shutdown mode: fast (cuts open transactions) or immediate (a crash)",
    )
    parser.add_argument(
        "--restart-at", type=float, default=0.5, help="share of --duration before the stop (0.5)"
    )
    parser.add_argument(
        "--grace",
        type=float,
        default=2,
        help="seconds after PostgreSQL accepts connections that still count as the outage (2)",
    )
    parser.add_argument(
        "--after", type=float, default=5, help="seconds of load at least, after the grace (5)"
    )
    parser.add_argument("--write-share", type=float, default=0.3, help="share of writes (0.3)")
    parser.add_argument("--timeout", type=float, default=20, help="client timeout, seconds (20)")
    parser.add_argument("--json", type=Path, help="also write the report to this JSON file")
    parser.add_argument("--server-log", type=Path, help="keep gunicorn's log in this file")
    parser.add_argument("--pg-version", default="15", help="PostgreSQL major version (15)")
    parser.add_argument(
        "--cluster",
        default="contested_fault",
        help="the throwaway cluster's name; it must contain 'fault' (contested_fault)",
    )
    args = parser.parse_args(argv)
    # The cluster of that name is dropped: never let a typo name the machine's own cluster.
    if "fault" not in args.cluster:
        parser.error("--cluster must contain 'fault': that cluster is dropped at the start and end")
    return args


def interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, interrupted)
    cluster = Cluster(args.pg_version, args.cluster)
    server: subprocess.Popen | None = None
    tmp = Path(tempfile.mkdtemp(prefix="contested-fault-"))
    log_path = tmp / "gunicorn.log"
    try:
        log(f"creating PostgreSQL cluster {args.pg_version}/{args.cluster}")
        cluster.create()
        args.server_version = cluster.server_version()
        log(f"PostgreSQL {args.server_version} on port {cluster.port}; migrating, loading the demo")
        database = "contested_fault"
        env, token = prepare(cluster, database, tmp / "static")
        server, base = serve(env, args.workers, log_path)
        targets = discover(base, cluster.url(database), token)
        log(f"serving on {base}; {args.threads} threads for {args.duration:g} s")
        load = Load(base, targets, args.write_share, args.timeout)
        fault, began, ended = drive(load, cluster, args)
        if not fault.ready:
            fault.ready = fault.start_issued or ended
        present = present_markers(cluster.url(database), targets.run_id)
        report = summarise(load.results, fault, present, args, (began, ended))
        counts, errors = server_log(log_path)
        report["server_log"] = dict(counts.most_common())
        report["server_log_errors"] = errors[:20]
        print_report(report)
        if errors:
            print(f"\nServer log: {len(errors)} errors other than 503, the first ones:")
            for line in errors[:12]:
                print(f"  {line}")
        if args.json:
            args.json.write_text(json.dumps(report, indent=2) + "\n")
            log(f"report written to {args.json}")
        return 0 if report["ok"] else 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if server is not None:
            stop_process(server)
        if args.server_log and log_path.exists():
            shutil.copyfile(log_path, args.server_log)
        if cluster.created or cluster.exists():
            log(f"dropping PostgreSQL cluster {args.pg_version}/{args.cluster}")
            try:
                cluster.drop()
            except RuntimeError as exc:
                log(str(exc))
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
