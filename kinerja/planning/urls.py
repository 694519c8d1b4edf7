"""Planning URLs under /rencana/. Views live in ``kinerja.planning.views.<area>``."""

from django.urls import path

from kinerja.planning.views import skp, skp_content

app_name = "planning"

urlpatterns: list = []

# The employee's SKPs, the SKP page, its workflow and the assessor's queue.
urlpatterns += [
    path("", skp.my_skp, name="my_skp"),
    path("mulai/", skp.skp_create, name="skp_create"),
    path("tim/", skp.team, name="team"),
    path("skp/<uuid:uuid>/", skp.skp_page, name="skp_detail"),
    path("skp/<uuid:uuid>/ajukan/", skp.skp_submit, name="skp_submit"),
    path("skp/<uuid:uuid>/setujui/", skp.skp_approve, name="skp_approve"),
    path("skp/<uuid:uuid>/kembalikan/", skp.skp_return, name="skp_return"),
    path("skp/<uuid:uuid>/tetapkan-pengelola/", skp.skp_adopt, name="skp_adopt"),
    path("skp/<uuid:uuid>/revisi/", skp.skp_revise, name="skp_revise"),
    path("skp/<uuid:uuid>/hasil/tambah/", skp_content.result_add, name="result_add"),
    path("skp/<uuid:uuid>/pustaka/", skp_content.skp_library, name="skp_library"),
    path("skp/<uuid:uuid>/lampiran/tambah/", skp_content.annex_add, name="annex_add"),
    path("skp/<uuid:uuid>/ekspektasi/", skp_content.expectations_edit, name="expectations_edit"),
    path("hasil/<uuid:uuid>/ubah/", skp_content.result_edit, name="result_edit"),
    path("hasil/<uuid:uuid>/hapus/", skp_content.result_delete, name="result_delete"),
    path("hasil/<uuid:uuid>/indikator/", skp_content.indicator_add, name="indicator_add"),
    path("hasil/<uuid:uuid>/tautan/", skp_content.result_link, name="result_link"),
    path("indikator/<uuid:uuid>/ubah/", skp_content.indicator_edit, name="indicator_edit"),
    path("indikator/<uuid:uuid>/hapus/", skp_content.indicator_delete, name="indicator_delete"),
    path("tautan/<uuid:uuid>/hapus/", skp_content.link_delete, name="link_delete"),
    path("lampiran/<uuid:uuid>/ubah/", skp_content.annex_edit, name="annex_edit"),
    path("lampiran/<uuid:uuid>/hapus/", skp_content.annex_delete, name="annex_delete"),
]
