from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Contested — newsroom"
admin.site.site_title = "Contested"
admin.site.index_title = "Claims, statements, actors and sources"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    path("api/v1/", include("api.urls")),
    path("", include("website.urls")),
]
