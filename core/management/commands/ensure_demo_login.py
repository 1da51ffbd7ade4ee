from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "editor"
PASSWORD = "contested-demo"  # noqa: S105 - a local demo login, refused unless DEBUG is on


class Command(BaseCommand):
    help = (
        f"Make sure a local login exists to try the admin: {USERNAME} / {PASSWORD}. "
        "Refuses to run unless DEBUG is on."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create a demo login with DEBUG off. Use createsuperuser."
            )
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        self.stdout.write(
            f"Admin login: http://127.0.0.1:8000/admin/ as {USERNAME} / {PASSWORD}"
            + ("" if created else " (already existed; password unchanged)")
        )
