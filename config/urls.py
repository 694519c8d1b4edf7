from django.contrib import admin
from django.urls import include, path

from kinerja.api.api import api

urlpatterns = [
    path("", include("kinerja.web.urls")),
    path("akun/", include("kinerja.accounts.urls")),
    path("organisasi/", include("kinerja.web.organisation_urls")),
    path("rencana/", include("kinerja.planning.urls")),
    path("pelaksanaan/", include("kinerja.execution.urls")),
    path("penilaian/", include("kinerja.appraisal.urls")),
    path("umpan-balik-360/", include("kinerja.multirater.urls")),
    path("survei/", include("kinerja.surveys.urls")),
    path("laporan/", include("kinerja.reporting.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
