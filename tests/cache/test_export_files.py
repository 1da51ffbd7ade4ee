"""The ledger download's stored files (``api.export``): each version of the public ledger is
written once to the default storage, under ``MEDIA_ROOT`` — and only the latest is kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from tests.commits import run_deferred_triggers

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def download(api) -> dict:
    response = api.get(reverse("api:ledger-export"))
    assert response.status_code == 200
    return json.loads(b"".join(response.streaming_content))


def test_twenty_edits_and_twenty_downloads_leave_one_file_the_latest(api, ledger, media):
    for number in range(20):
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE actors_actor SET name = %s WHERE id = %s",
                [f"FAMa {number}", ledger.army.pk],
            )
        run_deferred_triggers()
        data = download(api)
        names = {actor["name"] for actor in data["actors"]}
        assert f"FAMa {number}" in names  # the latest version, never an older file

    files = list((media / "exports").iterdir())
    assert len(files) == 1
    assert files[0].name.startswith("ledger-")


def test_downloads_of_one_version_share_its_file(api, ledger, media):
    first, second = download(api), download(api)

    assert first == second
    assert len(list((media / "exports").iterdir())) == 1


def test_a_download_whose_file_was_pruned_meanwhile_is_generated_afresh(
    api, ledger, media, monkeypatch
):
    from api import export

    monkeypatch.setattr(export, "prune", lambda keep: export.default_storage.delete(keep))

    assert {claim["slug"] for claim in download(api)["claims"]} >= {"helicopter", "rival"}


def test_with_debug_off_media_root_defaults_to_the_state_folder_not_the_checkout(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("MEDIA_ROOT", "XDG_STATE_HOME")}
    env.update(DEBUG="0", HOME=str(tmp_path), SECRET_KEY="media-root-test-" + "x" * 50)
    code = "from django.conf import settings; print(settings.MEDIA_ROOT)"
    run = subprocess.run(  # noqa: S603 - our own interpreter, our own code
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        check=True,
    )

    assert run.stdout.strip() == str(tmp_path / ".local" / "state" / "contested" / "media")
    assert not run.stdout.strip().startswith(str(ROOT))
