from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from claims.roles import REPORTER, sync_roles

PASSWORD = "contested-demo"  # noqa: S105 - local demo logins, refused unless DEBUG is on
# username → (superuser?, group): the editor can do everything; the reporter drafts.
LOGINS = {"editor": (True, None), "reporter": (False, REPORTER)}


class Command(BaseCommand):
    help = (
        f"Make sure local logins exist to try the admin: editor / {PASSWORD} (a superuser) and "
        f"reporter / {PASSWORD} (in the Reporter group). Refuses to run unless DEBUG is on."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create a demo login with DEBUG off. Use createsuperuser."
            )
        sync_roles()
        for username, (superuser, group) in LOGINS.items():
            user, created = get_user_model().objects.get_or_create(
                username=username, defaults={"is_staff": True, "is_superuser": superuser}
            )
            if created:
                user.set_password(PASSWORD)
                user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
            self.stdout.write(
                f"Admin login: http://127.0.0.1:8000/admin/ as {username} / {PASSWORD}"
                + ("" if created else " (already existed; password unchanged)")
            )
