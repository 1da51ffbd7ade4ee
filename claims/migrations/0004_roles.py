"""The Reporter and Editor groups (see claims/roles.py)."""

from django.db import migrations


def create_roles(apps, schema_editor):
    from claims.roles import sync_roles

    sync_roles(apps, using=schema_editor.connection.alias)


def delete_roles(apps, schema_editor):
    from claims.roles import EDITOR, REPORTER

    apps.get_model("auth", "Group").objects.filter(name__in=[REPORTER, EDITOR]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("sources", "0001_initial"),
        ("actors", "0001_initial"),
        ("claims", "0003_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
