"""schemathesis against gunicorn (PostgreSQL when the suite runs on it), with every check, as an
anonymous reader and as a newsroom tool holding an Editor's token: no server error, no answer
that breaks the documented schema, no invalid request accepted. The configuration and its one
widened expectation are in tests/production/schemathesis.toml; the hooks in
schemathesis_hooks.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

HERE = Path(__file__).resolve().parent
# A fixed seed keeps CI reproducible; SCHEMATHESIS_SEED=random explores further by hand.
SEED = os.environ.get("SCHEMATHESIS_SEED", "20261128")
EXAMPLES = os.environ.get("SCHEMATHESIS_EXAMPLES", "25")


@pytest.fixture(scope="module")
def open_server(serve):
    """The production configuration without the anonymous budget, which would only turn the
    run into 429s."""
    return serve(API_ANON_RATE="1000000/minute", API_ANON_SEARCH_RATE="1000000/minute")


def schemathesis(server, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.production.schemathesis_hooks"}
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(HERE / "schemathesis.toml"),
        "run",
        f"{server.url}/api/v1/schema/?format=json",
        "--url",
        server.url,
        "--checks",
        "all",
        "--max-examples",
        EXAMPLES,
        "--seed",
        SEED,
        "--no-color",
        *extra,
    ]
    return subprocess.run(  # noqa: S603 - the tests' own fixed arguments
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=900
    )


# Two to three minutes each on a quiet 2-core machine; more when the machine is shared.
@pytest.mark.timeout(900)
def test_schemathesis_finds_nothing_as_an_anonymous_reader(open_server):
    result = schemathesis(open_server)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


@pytest.mark.timeout(900)
def test_schemathesis_finds_nothing_with_an_editors_token(open_server, editor_token):
    result = schemathesis(open_server, "--header", f"Authorization: Token {editor_token}")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
