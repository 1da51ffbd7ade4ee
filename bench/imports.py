"""The ledger import at a newsroom's size: a generated ledger (``tests/ledgers/generated.py``:
every field and precision) imported into an empty database, exported, imported again into an
empty one and exported again; the two exports must be the same bytes, and importing the file a
third time must change nothing. Prints records per second for each step and writes
``bench/results-imports.json``.

    DATABASE_URL=postgres://…/contested_bench make bench-imports            # 2,000 claims
    DATABASE_URL=… make bench-imports BENCH_ARGS="--claims 10000"

The test suite runs the same round trip on 60 claims (tests/ledgers/test_round_trip.py). It
empties the domain tables first: it refuses a database whose name does not contain "bench"
unless given --yes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

from ledger.load import load_ledger  # noqa: E402
from tests.ledgers.conftest import empty_the_ledger, exported  # noqa: E402
from tests.ledgers.generated import generated_ledger  # noqa: E402


def records(bundle: dict) -> int:
    """Every record in a ledger file, statements and citations included."""
    count = sum(len(v) for v in bundle.values() if isinstance(v, list))
    for claim in bundle["claims"]:
        count += len(claim["statements"])
        count += sum(len(s.get("citations", [])) for s in claim["statements"])
    return count


def timed_import(bundle: dict, importer) -> tuple[float, dict]:
    started = time.perf_counter()
    report = load_ledger(bundle, by=importer, file_name="bench.json", publish=True)
    elapsed = time.perf_counter() - started
    if not report.ok:
        sys.exit(f"the import failed: {report.errors()[:5]}")
    return elapsed, report.counts()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--yes", action="store_true", help="empty a database not named *bench*")
    args = parser.parse_args()
    name = connection.settings_dict["NAME"]
    if "bench" not in str(name) and not args.yes:
        sys.exit(f"{name} is not a benchmark database (its name lacks 'bench'); --yes to go on")

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    importer, _ = get_user_model().objects.get_or_create(
        username="bench-importer", defaults={"is_staff": True, "is_superuser": True}
    )
    empty_the_ledger()
    bundle = generated_ledger(args.claims, most_statements=2)
    n = records(bundle)
    results: dict[str, object] = {"claims": args.claims, "records": n, "vendor": connection.vendor}

    seconds, _ = timed_import(bundle, importer)
    results["generated_import_s"] = round(seconds, 2)
    before, exported_bundle = exported()
    empty_the_ledger()
    seconds, _ = timed_import(exported_bundle, importer)
    results["export_import_s"] = round(seconds, 2)
    after, _ = exported()
    if after != before:
        sys.exit("the round trip changed the ledger: the two exports differ")
    seconds, counts = timed_import(exported_bundle, importer)
    results["same_file_again_s"] = round(seconds, 2)
    if set(counts) != {"unchanged"}:
        sys.exit(f"importing the same file again changed records: {counts}")
    for step in ("generated_import_s", "export_import_s", "same_file_again_s"):
        rate = n / results[step] if results[step] else float("inf")
        print(f"{step:>22}: {results[step]:8.2f} s  {rate:8.0f} records/s")
    print("round trip: the same bytes; the same file again: unchanged")
    out = ROOT / "bench" / "results-imports.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
