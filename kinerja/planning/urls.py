"""Planning URLs under /rencana/. Views live in ``kinerja.planning.views.<area>``."""

from django.urls import path  # noqa: F401 -- each area adds its paths below

app_name = "planning"

urlpatterns: list = []
