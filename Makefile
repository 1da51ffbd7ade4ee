# Contested — everything a fresh machine needs goes through these targets.
#   make run    create .venv, migrate, load the demo, ensure a login, serve on http://127.0.0.1:8000
#               with the task worker beside it
#   make test   create .venv, run every test on PostgreSQL if DATABASE_URL names one (then on SQLite
#               what differs between them), else every test on SQLite
#   make serve  production: migrate, collectstatic, check --deploy, gunicorn (bin/serve)
#   make lint   ruff check + ruff format --check + mypy (django-stubs; strict where pyproject.toml
#               says) + the layer contract + makemigrations --check
#               + the translations (locale/: none stale, none missing, compiled)
#   make messages  update locale/ from the code and compile it (needs gettext)

# Django 6 needs Python 3.12+. Use $(PYTHON) if given, else the first 3.12+ interpreter found.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 \
	$(HOME)/.pyenv/versions/3.13*/bin/python3 $(HOME)/.pyenv/versions/3.12*/bin/python3; do \
	  $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; \
	done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export DEBUG ?= 1
# Test workers (pytest-xdist, a database each); TEST_WORKERS=0 runs the suite in one process.
TEST_WORKERS ?= auto

.PHONY: run serve test test-sqlite test-postgres lint migrations-check messages format clean

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Contested needs Python 3.12 or newer (Django 6). Install one, or run: make PYTHON=/path/to/python3.12 ..." >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py ensure_demo_login
	@# The task worker (captures of sources) runs beside the server and stops with it.
	$(PY) manage.py db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
	  $(PY) manage.py runserver 127.0.0.1:8000

# Production (README, "Production"): DEBUG off, settings from the environment.
serve: $(STAMP)
	DEBUG=0 bin/serve

# With PostgreSQL (production) every test runs there, then on SQLite (the embedded default) only
# what the two databases do differently (pytest -m engine_specific); without it, every test runs
# on SQLite. `make test-sqlite` alone runs every test on SQLite.
test: $(STAMP)
	@case "$$DATABASE_URL" in \
	  postgres*) $(MAKE) --no-print-directory test-postgres && \
	    $(MAKE) --no-print-directory test-sqlite PYTEST_ARGS="-m engine_specific $(PYTEST_ARGS)" ;; \
	  *) echo "DATABASE_URL names no PostgreSQL database: every test runs on SQLite." && \
	    $(MAKE) --no-print-directory test-sqlite ;; \
	esac

test-sqlite: $(STAMP)
	@echo "== tests on SQLite =="
	DATABASE_URL= $(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

test-postgres: $(STAMP)
	@echo "== tests on PostgreSQL ($$DATABASE_URL) =="
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(MAKE) --no-print-directory migrations-check
	$(PY) manage.py check_translations

# The catalogues in locale/ (README, "Languages"): new messages in, gone ones out, then compiled.
# The compiled .mo files are committed, so running and testing need no gettext.
messages: $(STAMP)
	$(PY) manage.py check_translations --update

migrations-check: $(STAMP)
	DATABASE_URL= $(PY) manage.py makemigrations --check --dry-run

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles

# Benchmark (not part of `make test`): a scratch PostgreSQL database in DATABASE_URL is emptied
# and filled with 10k claims / 100k statements (BENCH_ARGS="--size large" for 100k / 1M).
.PHONY: bench
bench: $(STAMP)
	@case "$$DATABASE_URL" in postgres*) ;; *) echo "make bench needs DATABASE_URL naming a scratch PostgreSQL database." >&2; exit 1 ;; esac
	$(PY) -m pip install --quiet -e ".[bench]"
	$(PY) manage.py migrate --noinput
	$(PY) bench/run.py $(BENCH_ARGS)

# The ledger import at a newsroom's size (not part of `make test`): a generated ledger imported,
# exported and imported again on a scratch database named *bench*; records/s per step.
.PHONY: bench-imports
bench-imports: $(STAMP)
	$(PY) bench/imports.py $(BENCH_ARGS)

# Fault and load (not part of `make test`; root, Debian's postgresql-common): a throwaway
# PostgreSQL cluster is restarted under load; see bench/README.md. FAULT_ARGS="--json f.json".
.PHONY: fault
fault: $(STAMP)
	$(PY) bench/fault.py $(FAULT_ARGS)
