"""Execution URLs. Each area adds its own block: ``urlpatterns += [...]``."""

from django.urls import path

from kinerja.execution.views import attendance, coaching, feedback, realisation

app_name = "execution"

urlpatterns: list = []

# Realisations and evidence: My reports, one SKP's windows, the report screen
# with inline saves, evidence served only after a permission check.
urlpatterns += [
    path("", realisation.my_reports, name="my_reports"),
    path("skp/<uuid:uuid>/", realisation.skp_reports, name="skp_reports"),
    path(
        "skp/<uuid:uuid>/mulai/<uuid:window_uuid>/",
        realisation.report_start,
        name="report_start",
    ),
    path("laporan/<uuid:uuid>/", realisation.report_page, name="report_detail"),
    path("laporan/<uuid:uuid>/kirim/", realisation.report_submit, name="report_submit"),
    path("laporan/<uuid:uuid>/buka-kembali/", realisation.report_reopen, name="report_reopen"),
    path(
        "laporan/<uuid:uuid>/indikator/<uuid:indicator_uuid>/",
        realisation.realisation_save,
        name="realisation_save",
    ),
    path(
        "laporan/<uuid:uuid>/indikator/<uuid:indicator_uuid>/berkas/",
        realisation.evidence_file_add,
        name="evidence_file_add",
    ),
    path(
        "laporan/<uuid:uuid>/indikator/<uuid:indicator_uuid>/tautan/",
        realisation.evidence_link_add,
        name="evidence_link_add",
    ),
    path("bukti/<uuid:uuid>/", realisation.evidence_download, name="evidence_download"),
    path("bukti/<uuid:uuid>/hapus/", realisation.evidence_delete, name="evidence_delete"),
]

# Continuous feedback, performance guidance (B.1.8, B.1.9) and attendance import.
urlpatterns += [
    path(
        "umpan-balik/<uuid:uuid>/<int:number>/",
        feedback.feedback_page,
        name="feedback_page",
    ),
    path(
        "umpan-balik/<uuid:uuid>/<int:number>/kirim/",
        feedback.feedback_post_view,
        name="feedback_post",
    ),
    path("bimbingan/", coaching.coaching_mine, name="coaching_mine"),
    path("bimbingan/pegawai/<uuid:uuid>/", coaching.coaching_person, name="coaching_person"),
    path("bimbingan/pegawai/<uuid:uuid>/catat/", coaching.coaching_log, name="coaching_log"),
    path(
        "bimbingan/pegawai/<uuid:uuid>/kompetensi/",
        coaching.competence_evaluate,
        name="competence_evaluate",
    ),
    path("bimbingan/sesi/<uuid:uuid>/", coaching.coaching_session, name="coaching_session"),
    path("kehadiran/", attendance.attendance_page, name="attendance"),
    path("kehadiran/templat.csv", attendance.attendance_template, name="attendance_template"),
]
