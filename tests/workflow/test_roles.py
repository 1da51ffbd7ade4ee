"""Reporters draft, editors publish: the groups the migration creates, and the demo logins."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from claims.roles import EDITOR, REPORTER

pytestmark = pytest.mark.django_db


def codenames(group: str) -> set[str]:
    return set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))


def test_the_migration_creates_a_reporter_group_that_drafts_but_cannot_publish_or_delete():
    perms = codenames(REPORTER)
    assert {"add_claim", "change_claim", "view_claim", "add_statement", "add_source"} <= perms
    assert "publish_claim" not in perms
    assert not {p for p in perms if p.startswith("delete_")}
    assert "add_correction" not in perms


def test_the_migration_creates_an_editor_group_that_publishes_and_deletes():
    perms = codenames(EDITOR)
    assert {"publish_claim", "delete_claim", "change_claim", "delete_source"} <= perms
    assert "view_correction" in perms
    assert "change_correction" not in perms, "corrections are append-only"


def test_the_publish_permission_is_the_one_the_api_checks(editor_user, reporter_user):
    assert editor_user.has_perm("claims.publish_claim")
    assert not reporter_user.has_perm("claims.publish_claim")


def test_ensure_demo_login_makes_an_editor_and_a_reporter(settings):
    settings.DEBUG = True
    call_command("ensure_demo_login")
    call_command("ensure_demo_login")  # idempotent
    users = get_user_model().objects
    assert users.get(username="editor").is_superuser
    reporter = users.get(username="reporter")
    assert reporter.is_staff
    assert not reporter.is_superuser
    assert reporter.check_password("contested-demo")
    assert list(reporter.groups.values_list("name", flat=True)) == [REPORTER]
    assert not reporter.has_perm("claims.publish_claim")
