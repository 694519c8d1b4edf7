"""Appraisal URLs. Each area adds its own block: ``urlpatterns += [...]``."""

from django.urls import path

from kinerja.appraisal.views import calibration as calibration_views
from kinerja.appraisal.views import evaluation as evaluation_views
from kinerja.appraisal.views import objection as objection_views
from kinerja.appraisal.views import organisation as organisation_views
from kinerja.appraisal.views import policy as policy_views
from kinerja.appraisal.views import year_end as year_end_views

app_name = "appraisal"

urlpatterns: list = []

# Periodic and annual evaluations: the assessor's queue, one evaluation per
# SKP and window ("tahunan" for the year), and the employee's own final results.
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

# Organisation results, distribution and calibration, the assessment policy.

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

# Objections, the activity log per employee, credit points and the year-end
# finalisation.
urlpatterns += [
    path("keberatan/", objection_views.objection_list_view, name="objection_list"),
    path("keberatan/saya/", objection_views.objection_mine, name="objection_mine"),
    path("keberatan/ajukan/<uuid:uuid>/", objection_views.objection_file, name="objection_file"),
    path("keberatan/<uuid:uuid>/", objection_views.objection_detail, name="objection_detail"),
    path(
        "keberatan/<uuid:uuid>/penjelasan/",
        objection_views.objection_statement,
        name="objection_statement",
    ),
    path(
        "keberatan/<uuid:uuid>/putuskan/",
        objection_views.objection_decide,
        name="objection_decide",
    ),
    path(
        "keberatan/<uuid:uuid>/tarik/",
        objection_views.objection_withdraw,
        name="objection_withdraw",
    ),
    path("jejak/<uuid:uuid>/", year_end_views.activity_log, name="activity_log"),
    path("jejak/<uuid:uuid>/csv/", year_end_views.activity_log_csv, name="activity_log_csv"),
    path("angka-kredit/", year_end_views.credit_points_list, name="credit_points_list"),
    path(
        "angka-kredit/ekspor/",
        year_end_views.credit_points_export,
        name="credit_points_export",
    ),
    path("akhir-tahun/", year_end_views.year_end, name="year_end"),
    path("akhir-tahun/<uuid:uuid>/", year_end_views.year_end_run, name="year_end_run"),
]
