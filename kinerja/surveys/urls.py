"""Surveys URLs. Each area adds its own block: ``urlpatterns += [...]``."""

from django.urls import path

from kinerja.surveys.views import hr, public

app_name = "surveys"

urlpatterns: list = []

# Public satisfaction survey (IKM): HR and leaders' pages first, then the public form at
# /survei/<slug>/ (its slugs may not take the fixed words above: RESERVED_SLUGS).
urlpatterns += [
    path("", hr.survey_list, name="list"),
    path("baru/", hr.survey_create, name="create"),
    path("unit/<uuid:uuid>/", hr.results, name="results"),
    path("unit/<uuid:uuid>/ubah/", hr.survey_edit, name="edit"),
    path("unit/<uuid:uuid>/periode-baru/", hr.period_create, name="period_create"),
    path("unit/<uuid:uuid>/poster.<str:fmt>", hr.poster, name="poster"),
    path("unit/<uuid:uuid>/ekspor/jawaban.<str:fmt>", hr.export_answers, name="export_answers"),
    path("unit/<uuid:uuid>/ekspor/hasil.<str:fmt>", hr.export_results, name="export_results"),
    path("unit/<uuid:uuid>/laporan.pdf", hr.report, name="report"),
    path("<slug:slug>/", public.survey_form, name="public_form"),
    path("<slug:slug>/terima-kasih/", public.survey_thanks, name="public_thanks"),
]
