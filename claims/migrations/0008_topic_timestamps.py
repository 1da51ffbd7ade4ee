import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """Topics carry created_at/updated_at like every other record: the API's ETags, If-Match
    and updated_since need them."""

    dependencies = [("claims", "0007_slug_derived_when_blank")]

    operations = [
        migrations.AddField(
            model_name="topic",
            name="created_at",
            field=models.DateTimeField(
                auto_now_add=True, db_index=True, default=django.utils.timezone.now
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="topic",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, db_index=True),
        ),
    ]
