"""Capture in the background: queued on entry, run by the worker, retried with back-off."""

from __future__ import annotations

import datetime
import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from werkzeug import Response

from core import workers
from sources.models import Capture, CaptureOutcome, LinkStatus
from sources.tasks import CaptureFailed, capture_source
from tests.factories import SourceFactory

PAGE = b"<html><head><title>Convoy</title></head><body>JNIM convoy destroyed</body></html>"
ROOT = Path(__file__).resolve().parents[2]


def queued() -> list[list]:
    return [
        row.args_kwargs["args"]
        for row in DBTaskResult.objects.filter(task_path="sources.tasks.capture_source")
        .order_by("enqueued_at")
    ]  # fmt: skip


@pytest.mark.django_db
def test_saving_a_source_with_an_address_queues_its_capture_once_committed(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        source = SourceFactory()
        assert queued() == []  # nothing before the commit

    assert queued() == [[source.pk, "entry"]]


@pytest.mark.django_db
def test_changing_the_address_queues_a_new_capture_and_other_edits_do_not(
    django_capture_on_commit_callbacks,
):
    source = SourceFactory()
    with django_capture_on_commit_callbacks(execute=True):
        source.title = "Retitled"
        source.save()
    assert queued() == []

    with django_capture_on_commit_callbacks(execute=True):
        source.url = "https://news.example/moved-here"
        source.save()
    assert queued() == [[source.pk, "entry"]]


@pytest.mark.django_db
def test_a_source_without_an_address_queues_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        SourceFactory(url="")

    assert queued() == []


@pytest.mark.django_db
def test_a_failed_capture_is_queued_again_with_back_off(server, settings):
    settings.CAPTURE_RETRY_SECONDS = 60
    server.expect_request("/story").respond_with_data("Busy", status=503)
    source = SourceFactory(url=server.url_for("/story"))

    with pytest.raises(CaptureFailed, match="HTTP 503; trying again"):
        capture_source.call(source.pk, "entry", 2)

    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["args"] == [source.pk, "entry", 3]
    wait = retry.run_after - timezone.now()
    assert datetime.timedelta(seconds=230) < wait <= datetime.timedelta(seconds=240)


@pytest.mark.django_db
def test_the_last_attempt_is_not_queued_again(server, settings):
    settings.CAPTURE_MAX_ATTEMPTS = 2
    server.expect_request("/story").respond_with_data("Busy", status=503)
    source = SourceFactory(url=server.url_for("/story"))

    with pytest.raises(CaptureFailed):
        capture_source.call(source.pk, "entry", 2)

    assert queued() == []
    source.refresh_from_db()
    assert source.link_status == LinkStatus.UNREACHABLE


@pytest.mark.django_db
def test_a_refused_capture_is_not_tried_again(server, settings):
    settings.FETCH_MAX_BYTES = 10
    server.expect_request("/big").respond_with_data(b"x" * 100, content_type="text/html")
    source = SourceFactory(url=server.url_for("/big"))

    assert capture_source.call(source.pk)["outcome"] == CaptureOutcome.REFUSED
    assert queued() == []


@pytest.mark.django_db(transaction=True)
def test_the_worker_retries_a_failure_and_keeps_its_error_for_the_admin(server, settings):
    settings.CAPTURE_RETRY_SECONDS = 0
    server.expect_ordered_request("/story").respond_with_data("Busy", status=503)
    server.expect_ordered_request("/story").respond_with_data(PAGE, content_type="text/html")
    source = SourceFactory(url=server.url_for("/story"))  # committed: its capture is queued

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    captures = list(Capture.objects.filter(source=source).order_by("captured_at"))
    assert [(c.attempt, c.outcome) for c in captures] == [
        (1, CaptureOutcome.FAILED),
        (2, CaptureOutcome.CAPTURED),
    ]
    failed, succeeded = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == "FAILED"
    assert "HTTP 503" in failed.traceback
    assert succeeded.status == "SUCCESSFUL"
    source.refresh_from_db()
    assert source.link_status == LinkStatus.LIVE


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the worker process on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_the_worker_process_captures_a_source_entered_without_anyone_waiting(allow_local, tmp_path):
    allow_local.expect_request("/story").respond_with_data(PAGE, content_type="text/html")
    source = SourceFactory(url=allow_local.url_for("/story"))
    assert not Capture.objects.exists()  # the save did not wait for the page
    settings_dict = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**settings_dict),
        "DEBUG": "0",
        "SECRET_KEY": "worker-test-" + "x" * 50,
        "FETCH_ALLOW_PRIVATE_ADDRESSES": f"127.0.0.1:{allow_local.port}",
        "CAPTURE_ROOT": str(tmp_path),
    }

    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
    )

    row = Capture.objects.get(source=source)
    assert row.outcome == CaptureOutcome.CAPTURED
    assert (tmp_path / row.warc.name).exists()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def worker_env(server, tmp_path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**connection.settings_dict),
        "DEBUG": "0",
        "SECRET_KEY": "worker-test-" + "x" * 50,
        "FETCH_ALLOW_PRIVATE_ADDRESSES": f"127.0.0.1:{server.port}",
        "CAPTURE_ROOT": str(tmp_path),
        **extra,
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="worker processes on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_capture_whose_worker_is_killed_mid_fetch_is_queued_again_and_completes(
    allow_local, tmp_path, settings
):
    settings.TASK_WORKER_LOST_SECONDS = 2
    arrived, release, calls = threading.Event(), threading.Event(), []

    def story(request):
        calls.append(time.monotonic())
        if len(calls) == 1:  # the first worker's fetch: held until that worker is dead
            arrived.set()
            release.wait(30)
        return Response(PAGE, content_type="text/html")

    allow_local.expect_request("/story").respond_with_handler(story)
    source = SourceFactory(url=allow_local.url_for("/story"))
    env = worker_env(
        allow_local,
        tmp_path,
        TASK_HEARTBEAT_SECONDS="1",
        TASK_WORKER_LOST_SECONDS="2",
        FETCH_TIMEOUT_SECONDS="60",
    )
    command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"]

    first = subprocess.Popen([*command, "--worker-id", "first"], cwd=ROOT, env=env)  # noqa: S603
    try:
        assert arrived.wait(60), "the first worker never fetched"
        task = DBTaskResult.objects.get()
        assert (task.status, task.worker_ids) == ("RUNNING", ["first"])
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        release.set()
        if first.poll() is None:
            first.kill()
    assert not Capture.objects.exists()  # the dead worker captured nothing
    time.sleep(2.5)  # no heartbeat from "first" for TASK_WORKER_LOST_SECONDS
    task.refresh_from_db()
    assert task.status == "RUNNING"  # as the dead worker left it: stuck, shown so
    assert list(workers.stuck_tasks()) == [task]

    subprocess.run(  # noqa: S603 - our own manage.py
        [*command, "--worker-id", "second", "--batch"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
    )

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert task.worker_ids == ["first", "second"]  # run twice: counted
    row = Capture.objects.get(source=source)
    assert row.outcome == CaptureOutcome.CAPTURED
    assert (tmp_path / row.warc.name).exists()
    assert len(calls) == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="worker processes on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_running_worker_takes_over_the_task_of_a_worker_killed_beside_it(allow_local, tmp_path):
    arrived, release, calls = threading.Event(), threading.Event(), []

    def story(request):
        calls.append(time.monotonic())
        if len(calls) == 1:
            arrived.set()
            release.wait(30)
        return Response(PAGE, content_type="text/html")

    allow_local.expect_request("/story").respond_with_handler(story)
    source = SourceFactory(url=allow_local.url_for("/story"))
    env = worker_env(
        allow_local,
        tmp_path,
        TASK_HEARTBEAT_SECONDS="1",
        TASK_WORKER_LOST_SECONDS="2",
        FETCH_TIMEOUT_SECONDS="60",
    )
    command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"]
    first = subprocess.Popen([*command, "--worker-id", "first"], cwd=ROOT, env=env)  # noqa: S603
    second = None
    try:
        assert arrived.wait(60), "the first worker never fetched"
        # The second worker is already running, idle, when the first dies: its own beat
        # notices, not a restart.
        second = subprocess.Popen([*command, "--worker-id", "second"], cwd=ROOT, env=env)  # noqa: S603
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        killed_at = time.monotonic()
        release.set()
        task = DBTaskResult.objects.get()
        for _ in range(300):
            task.refresh_from_db()
            # Put back in the queue (READY) first, then run again: wait for the end.
            if task.status in ("SUCCESSFUL", "FAILED"):
                break
            time.sleep(0.1)
        done_in = time.monotonic() - killed_at
        second.send_signal(signal.SIGTERM)
        assert second.wait(30) == 0
    finally:
        release.set()
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()

    assert task.status == "SUCCESSFUL"
    assert task.worker_ids == ["first", "second"]
    assert 2 <= done_in < 10, done_in
    assert Capture.objects.get(source=source).outcome == CaptureOutcome.CAPTURED
    assert not workers.WorkerHeartbeat.objects.filter(worker_id="second").exists()


@pytest.mark.django_db
def test_the_daily_check_queues_every_source_not_checked_lately(settings):
    settings.SOURCE_CHECK_INTERVAL_HOURS = 24
    never = SourceFactory()
    stale = SourceFactory(last_checked_at=timezone.now() - datetime.timedelta(hours=25))
    SourceFactory(last_checked_at=timezone.now() - datetime.timedelta(hours=1))
    SourceFactory(url="")

    call_command("check_sources", stdout=io.StringIO())

    assert sorted(queued()) == sorted([[never.pk, "check"], [stale.pk, "check"]])
