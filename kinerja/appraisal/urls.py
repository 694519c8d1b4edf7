"""Appraisal URLs. Each area adds its own block: ``urlpatterns += [...]``."""

app_name = "appraisal"

urlpatterns: list = []

# Periodic and annual evaluations (helper H3): the assessor's queue, one evaluation per
# SKP and window ("tahunan" for the year), and the employee's own final results.
from django.urls import path  # noqa: E402

from kinerja.appraisal.views import evaluation as evaluation_views  # noqa: E402

urlpatterns += [
    path("", evaluation_views.queue, name="queue"),
    path("final-sekaligus/", evaluation_views.queue_finalise, name="queue_finalise"),
    path("saya/", evaluation_views.my_evaluations, name="my_evaluations"),
    path(
        "skp/<uuid:uuid>/<str:window>/",
        evaluation_views.evaluation_page,
        name="evaluation",
    ),
    path(
        "skp/<uuid:uuid>/<str:window>/nilai/",
        evaluation_views.evaluation_rate_view,
        name="evaluation_rate",
    ),
    path(
        "skp/<uuid:uuid>/<str:window>/final/",
        evaluation_views.evaluation_finalise_view,
        name="evaluation_finalise",
    ),
]
