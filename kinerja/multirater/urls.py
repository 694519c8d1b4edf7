"""360° feedback URLs under /umpan-balik-360/: HR's rounds, raters' tasks, the anonymous
summary. Each area adds its own block: ``urlpatterns += [...]``."""

from django.urls import path

from kinerja.multirater import views

app_name = "multirater"

urlpatterns: list = []

# 360° feedback rounds.
urlpatterns += [
    path("", views.my_tasks, name="my_tasks"),
    path("tugas/<uuid:uuid>/", views.answer, name="answer"),
    path("putaran/", views.round_list, name="round_list"),
    path("putaran/baru/", views.round_create, name="round_create"),
    path("putaran/<uuid:uuid>/", views.round_detail, name="round_detail"),
    path("putaran/<uuid:uuid>/buka/", views.round_start, name="round_start"),
    path("putaran/<uuid:uuid>/ingatkan/", views.round_remind, name="round_remind"),
    path("putaran/<uuid:uuid>/tutup/", views.round_close, name="round_close"),
    path("dinilai/<uuid:uuid>/penilai/", views.subject_raters, name="subject_raters"),
    path("dinilai/<uuid:uuid>/ringkasan/", views.summary, name="summary"),
    path("penilai/<uuid:uuid>/hapus/", views.rater_remove, name="rater_remove"),
]
