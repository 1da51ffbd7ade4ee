"""``manage.py db_worker``: django-tasks-db's worker, which also says it is alive and queues
again the tasks of workers that died (core/workers.py). It takes the place of django-tasks-db's
command of the same name (``core`` comes before ``django_tasks_db`` in ``INSTALLED_APPS``), with
the same options, so every way the worker is started (``make run``, ``bin/worker``) has it."""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker as base

from core import workers

logger = logging.getLogger("django_tasks_db")


class Worker(base.Worker):
    def run(self) -> None:
        workers.beat(self.worker_id, timezone.now())
        self._reclaim()
        stop = threading.Event()
        heart = threading.Thread(target=self._beat, args=(stop,), name="heartbeat", daemon=True)
        heart.start()
        try:
            super().run()
        finally:
            stop.set()
            heart.join(timeout=5)
            workers.forget(self.worker_id)

    def _beat(self, stop: threading.Event) -> None:
        """Beside the tasks, in a thread of its own with its own connection: a long task does
        not make its worker look dead."""
        try:
            while not stop.wait(settings.TASK_HEARTBEAT_SECONDS):
                try:
                    workers.beat(self.worker_id)
                    self._reclaim()
                except Exception:
                    logger.exception("The worker's heartbeat failed; trying again")
                    connection.close()
        finally:
            connection.close()

    def _reclaim(self) -> None:
        done = workers.reclaim()
        if done.requeued or done.failed:
            logger.warning(
                "Worker %s: %d lost task(s) queued again, %d failed for good",
                self.worker_id,
                len(done.requeued),
                len(done.failed),
            )


class Command(base.Command):
    help = (
        "Run a database background worker: it says it is alive, and queues again the tasks "
        "of workers that died mid-task."
    )

    def handle(self, **options: Any) -> None:
        # django-tasks-db's handle(), building this module's Worker.
        self.configure_logging(options["verbosity"])
        reload, batch = options["reload"], options["batch"]
        if reload and batch:
            logger.warning("--reload and --batch cannot be specified together: not reloading.")
            reload = False
        queue_names = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = Worker(
            queue_names=queue_names,
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
