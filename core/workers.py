"""The task worker's heartbeat, and the work a dead worker leaves behind.

The queue is django-tasks-db's table (``DBTaskResult``): a worker claims a task by marking it
``RUNNING`` with its id, and marks it finished when it returns. A worker killed mid-task
(``kill -9``, the machine lost, the OOM killer) finishes nothing: its task would stay
``RUNNING`` for ever. So each worker (``manage.py db_worker``, core/management/commands) records
that it lives every ``TASK_HEARTBEAT_SECONDS`` in ``WorkerHeartbeat``, and on starting and at
each beat queues again (``reclaim``) every task ``RUNNING`` for longer than
``TASK_WORKER_LOST_SECONDS`` whose worker has not been heard from for as long. A task's runs are
its ``worker_ids`` (one per claim): after ``TASK_MAX_CLAIMS`` it is marked failed, not queued
again, so a task that kills its worker cannot kill them all in turn.

A task ``RUNNING`` for ``TASK_STUCK_SECONDS`` while its worker lives is stuck, not lost: it is
shown in the admin and left to the operator (running it twice could do its work twice).
"""

from __future__ import annotations

import datetime
import logging
import os
import socket
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

RUNNING, READY, FAILED = "RUNNING", "READY", "FAILED"
LOST_PATH = "core.workers.WorkerLost"


class WorkerLost(Exception):
    """The task's worker died under it too many times: given up."""


class WorkerHeartbeat(models.Model):
    """A task worker, as it last said it was alive."""

    worker_id = models.CharField(_("worker id"), max_length=64, primary_key=True)
    hostname = models.CharField(_("host"), max_length=255, blank=True)
    pid = models.PositiveIntegerField(_("process id"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"))
    seen_at = models.DateTimeField(_("last seen at"), db_index=True)

    class Meta:
        app_label = "core"
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid})"


def _lost_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.TASK_WORKER_LOST_SECONDS)


def beat(worker_id: str, started_at: datetime.datetime | None = None) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": now},
        create_defaults={
            "seen_at": now,
            "started_at": started_at or now,
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
        },
    )


def forget(worker_id: str) -> None:
    """A worker that stops cleanly says so: its tasks are finished."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def live_worker_ids(now: datetime.datetime) -> set[str]:
    since = now - _lost_after()
    return set(
        WorkerHeartbeat.objects.filter(seen_at__gte=since).values_list("worker_id", flat=True)
    )


def lost_tasks(now: datetime.datetime | None = None) -> list[DBTaskResult[..., Any]]:
    """Tasks RUNNING for longer than TASK_WORKER_LOST_SECONDS whose worker is not alive."""
    now = now or timezone.now()
    live = live_worker_ids(now)
    running = DBTaskResult.objects.filter(status=RUNNING, started_at__lt=now - _lost_after())
    return [task for task in running if not task.worker_ids or task.worker_ids[-1] not in live]


def stuck_tasks(
    now: datetime.datetime | None = None,
) -> models.QuerySet[DBTaskResult[..., Any]]:
    """Tasks that need an operator's eye: lost (awaiting a worker to queue them again), or
    RUNNING for longer than TASK_STUCK_SECONDS."""
    now = now or timezone.now()
    too_long = now - datetime.timedelta(seconds=settings.TASK_STUCK_SECONDS)
    lost = [task.pk for task in lost_tasks(now)]
    return DBTaskResult.objects.filter(status=RUNNING).filter(
        models.Q(pk__in=lost) | models.Q(started_at__lt=too_long)
    )


@dataclass
class Reclaimed:
    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def reclaim(now: datetime.datetime | None = None) -> Reclaimed:
    """Queue again the tasks of dead workers (or fail those that have had their runs)."""
    now = now or timezone.now()
    done = Reclaimed()
    for task in lost_tasks(now):
        runs = len(task.worker_ids)
        # Compare and set: another worker reclaiming at the same moment changes nothing twice.
        same = DBTaskResult.objects.filter(pk=task.pk, status=RUNNING, started_at=task.started_at)
        if runs >= settings.TASK_MAX_CLAIMS:
            message = (
                f"{LOST_PATH}: the worker running this task was lost {runs} times "
                f"(TASK_MAX_CLAIMS = {settings.TASK_MAX_CLAIMS}); not queued again.\n"
            )
            if same.update(
                status=FAILED,
                finished_at=now,
                exception_class_path=LOST_PATH,
                traceback=message,
                return_value=None,
            ):
                done.failed.append(str(task.pk))
                logger.error(
                    "Task %s (%s) failed: its worker was lost %d times",
                    task.pk,
                    task.task_path,
                    runs,
                )
        elif same.update(status=READY, started_at=None):
            done.requeued.append(str(task.pk))
            logger.warning(
                "Task %s (%s) queued again: worker %s lost; run %d of at most %d next",
                task.pk,
                task.task_path,
                task.worker_ids[-1] if task.worker_ids else "?",
                runs + 1,
                settings.TASK_MAX_CLAIMS,
            )
    # Workers gone for a day are forgotten.
    WorkerHeartbeat.objects.filter(seen_at__lt=now - datetime.timedelta(days=1)).delete()
    return done
