from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

from config.startup import check_serving_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

check_serving_settings()  # before the application is built: building it reads SECRET_KEY
application = get_wsgi_application()
