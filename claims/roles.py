"""The newsroom's two roles, as Django groups.

- **Reporter** adds, changes and views the newsroom's records (claims as drafts, statements,
  citations, actors, sources…). A reporter cannot delete, publish, withdraw or set a verdict,
  and a public claim is the editors' to correct.
- **Editor** holds every permission on those records, ``claims.publish_claim`` (publish, withdraw,
  set the verdict, correct a public claim), and manages API tokens when
  ``rest_framework.authtoken`` is installed.

Created by migration ``claims.0004_roles`` and kept in step after every ``migrate`` (a
``post_migrate`` receiver in ``claims.apps``), so an app installed later — the API's tokens —
joins the Editor group without a new migration. Syncing only adds permissions: one removed by
hand in the admin stays removed until it is added back here.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models import Q

REPORTER = "Reporter"
EDITOR = "Editor"

NEWSROOM_APPS = ("sources", "actors", "claims")
WRITES = ("add", "change", "delete")
TOKEN_APP = "authtoken"  # noqa: S105 - an app label

# (app label, model) pairs a reporter may add, change and view; everything else in the
# newsroom apps (corrections, topics' deletions…) a reporter may only view.
REPORTER_EDITS = {
    ("sources", "outlet"),
    ("sources", "source"),
    ("actors", "actor"),
    ("actors", "actoralias"),
    ("actors", "actorrelation"),
    ("claims", "topic"),
    ("claims", "claim"),
    ("claims", "statement"),
    ("claims", "citation"),
    ("claims", "claimrelation"),
    ("claims", "requestforcomment"),
}


def sync_roles(apps: Any = global_apps, using: str = "default") -> None:
    """Create the Reporter and Editor groups and add the permissions they lack."""
    for label in (*NEWSROOM_APPS, TOKEN_APP):
        if global_apps.is_installed(_app_module(label)):
            # Permissions are normally made after migrations; a data migration needs them now.
            create_permissions(
                global_apps.get_app_config(label), verbosity=0, apps=apps, using=using
            )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    newsroom = Permission.objects.using(using).filter(content_type__app_label__in=NEWSROOM_APPS)
    # Historical models are read through their records' history pages; the search document is
    # derived; corrections are written by the workflow's services and never edited.
    newsroom = newsroom.exclude(content_type__model__startswith="historical").exclude(
        content_type__model="claimsearchdocument"
    )
    newsroom = newsroom.exclude(
        content_type__model="correction", codename__in=[f"{a}_correction" for a in WRITES]
    )

    reporter_q = Q(codename__startswith="view_")
    for app_label, model in REPORTER_EDITS:
        reporter_q |= Q(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=[f"add_{model}", f"change_{model}"],
        )
    reporter, _ = Group.objects.using(using).get_or_create(name=REPORTER)
    reporter.permissions.add(*newsroom.filter(reporter_q))

    editor, _ = Group.objects.using(using).get_or_create(name=EDITOR)
    editor.permissions.add(*newsroom)
    editor.permissions.add(
        *Permission.objects.using(using).filter(content_type__app_label=TOKEN_APP)
    )


def _app_module(label: str) -> str:
    return {"authtoken": "rest_framework.authtoken"}.get(label, label)
