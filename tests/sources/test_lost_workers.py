"""Work a dead worker left behind (core/workers.py): a task RUNNING whose worker has not been
heard from is queued again, a limited number of times, and shown as stuck in the admin. The
worker process itself, killed mid-fetch with SIGKILL, is in test_tasks.py (PostgreSQL)."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import workers
from core.workers import WorkerHeartbeat
from sources.models import Capture, CaptureOutcome
from sources.tasks import capture_source
from tests.factories import SourceFactory

PAGE = b"<html><head><title>Convoy</title></head><body>JNIM convoy destroyed</body></html>"


@pytest.fixture(autouse=True)
def deadlines(settings):
    settings.TASK_WORKER_LOST_SECONDS = 60
    settings.TASK_MAX_CLAIMS = 3
    settings.TASK_STUCK_SECONDS = 600


def ago(seconds: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(seconds=seconds)


def running(source_id: int, *, worker_ids: list[str], started: float) -> DBTaskResult:
    """A capture task as a worker leaves it when it claims it."""
    result = capture_source.enqueue(source_id)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=ago(started), worker_ids=worker_ids
    )
    return DBTaskResult.objects.get(pk=result.id)


def alive(worker_id: str, seen: float = 1) -> None:
    WorkerHeartbeat.objects.create(
        worker_id=worker_id, started_at=ago(3600), seen_at=ago(seen), hostname="here", pid=1
    )


@pytest.mark.django_db
def test_a_task_whose_worker_is_not_heard_from_is_queued_again_and_counted():
    source = SourceFactory(url="")
    alive("dead", seen=120)  # last heard of two minutes ago
    task = running(source.pk, worker_ids=["dead"], started=300)

    done = workers.reclaim()

    assert done.requeued == [str(task.pk)]
    task.refresh_from_db()
    assert (task.status, task.started_at, task.worker_ids) == ("READY", None, ["dead"])


@pytest.mark.django_db
def test_a_task_of_a_worker_never_heard_from_is_queued_again_once_past_the_deadline():
    source = SourceFactory(url="")
    young = running(source.pk, worker_ids=["gone"], started=30)
    old = running(source.pk, worker_ids=["gone"], started=90)

    assert workers.reclaim().requeued == [str(old.pk)]
    young.refresh_from_db()
    assert young.status == "RUNNING"


@pytest.mark.django_db
def test_a_long_task_of_a_live_worker_is_left_running_and_shown_stuck_after_its_limit():
    source = SourceFactory(url="")
    alive("busy")
    long = running(source.pk, worker_ids=["busy"], started=300)
    longer = running(source.pk, worker_ids=["busy"], started=900)

    assert workers.reclaim().requeued == []
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"RUNNING"}
    assert list(workers.stuck_tasks()) == [longer]
    assert long not in workers.stuck_tasks()


@pytest.mark.django_db
def test_a_task_that_lost_its_worker_too_many_times_fails_for_good():
    source = SourceFactory(url="")
    task = running(source.pk, worker_ids=["one", "two", "three"], started=300)

    done = workers.reclaim()

    assert done.failed == [str(task.pk)]
    task.refresh_from_db()
    assert task.status == "FAILED"
    assert task.exception_class_path == "core.workers.WorkerLost"
    assert "lost 3 times" in task.traceback
    assert task.finished_at is not None


@pytest.mark.django_db
def test_the_admin_lists_stuck_tasks_with_their_runs(admin_client):
    source = SourceFactory(url="")
    alive("busy")
    lost = running(source.pk, worker_ids=["dead", "dead-too"], started=300)
    fine = running(source.pk, worker_ids=["busy"], started=5)
    url = reverse("admin:django_tasks_database_dbtaskresult_changelist")

    everything = admin_client.get(url)
    stuck = admin_client.get(url, {"stuck": "yes"})

    assert everything.status_code == stuck.status_code == 200
    assert {row.pk for row in everything.context["cl"].result_list} == {lost.pk, fine.pk}
    rows = stuck.context["cl"].result_list
    assert [row.pk for row in rows] == [lost.pk]
    assert 'class="field-runs">2<' in stuck.content.decode()


@pytest.mark.django_db
def test_the_admin_list_without_stuck_tasks(admin_client):
    response = admin_client.get(
        reverse("admin:django_tasks_database_dbtaskresult_changelist"), {"stuck": "yes"}
    )
    assert response.status_code == 200


@pytest.mark.django_db(transaction=True)
def test_the_worker_queues_a_lost_task_again_on_starting_and_runs_it(server, settings):
    server.expect_request("/story").respond_with_data(PAGE, content_type="text/html")
    source = SourceFactory(url=server.url_for("/story"))  # committed: its capture is queued
    DBTaskResult.objects.update(status="RUNNING", started_at=ago(300), worker_ids=["killed"])

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)

    task = DBTaskResult.objects.get()
    assert task.status == "SUCCESSFUL"
    assert len(task.worker_ids) == 2
    assert task.worker_ids[0] == "killed"
    assert Capture.objects.get(source=source).outcome == CaptureOutcome.CAPTURED
    assert not WorkerHeartbeat.objects.exists()  # a worker that stops cleanly says so
