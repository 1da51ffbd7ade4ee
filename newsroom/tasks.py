"""The task queue in the admin: django-tasks-db's list, with the work that is stuck — a task
whose worker died under it (queued again by the next worker's beat, core/workers.py), or one
running for longer than ``TASK_STUCK_SECONDS`` — filtered and marked, and each task's runs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.db.models import BooleanField, Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from core import workers

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest


class StuckFilter(admin.SimpleListFilter):
    title = _("stuck")
    parameter_name = "stuck"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", _("Stuck"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(is_stuck=True)
        return queryset


admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(DBTaskResultAdmin):
    list_display = (*DBTaskResultAdmin.list_display, "runs", "stuck")
    list_filter = (StuckFilter, *DBTaskResultAdmin.list_filter)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        stuck = list(workers.stuck_tasks(timezone.now()).values_list("pk", flat=True))
        return (
            super()
            .get_queryset(request)
            .annotate(
                is_stuck=Case(
                    When(pk__in=stuck, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                )
            )
        )

    @admin.display(description=_("runs"))
    def runs(self, obj: DBTaskResult) -> int:
        """How many times a worker took it (more than one: its worker died and it was queued
        again)."""
        return len(obj.worker_ids)

    @admin.display(description=_("stuck"), boolean=True)
    def stuck(self, obj: DBTaskResult) -> bool:
        return bool(getattr(obj, "is_stuck", False))
