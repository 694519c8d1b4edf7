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

# Organisation results, distribution and calibration, the assessment policy (helper H4).
from kinerja.appraisal.views import calibration as calibration_views  # noqa: E402
from kinerja.appraisal.views import organisation as organisation_views  # noqa: E402
from kinerja.appraisal.views import policy as policy_views  # noqa: E402

urlpatterns += [
    path("organisasi/", organisation_views.organisation_results, name="organisation_results"),
    path(
        "organisasi/<uuid:uuid>/catat/",
        organisation_views.organisation_result_record_view,
        name="organisation_result_record",
    ),
    path("kalibrasi/", calibration_views.calibration, name="calibration"),
    path(
        "kalibrasi/<uuid:uuid>/revisi/",
        calibration_views.calibration_revise,
        name="calibration_revise",
    ),
    path("kebijakan/", policy_views.policy_edit, name="policy"),
]
