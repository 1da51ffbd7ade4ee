from __future__ import annotations

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("_nested_admin/", include("nested_admin.urls")),
    # The API has one address per resource, in every language (config/locale.py).
    path("api/v1/", include("api.urls")),
    # One sitemap lists every page in every language, with its alternates.
    path("", include("website.sitemap_urls")),
]
# The public site and the newsroom in each language: English unprefixed (the addresses that were
# already shared and linked keep working), French under /fr/, Arabic under /ar/.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("website.urls")),
    prefix_default_language=False,
)

# Errors in each face's own shape: JSON under /api/, the site's pages elsewhere.
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.not_found"
handler500 = "config.errors.server_error"
