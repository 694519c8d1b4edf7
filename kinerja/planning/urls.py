"""Planning URLs under /rencana/. Views live in ``kinerja.planning.views.<area>``."""

from django.urls import path

from kinerja.planning.views import cascade, setup, skp, skp_content

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

# The cascade: role–result matrix, cascade tree, results that support nothing.
urlpatterns += [
    path("matriks/", cascade.matrix, name="matrix"),
    path(
        "matriks/<uuid:superior_uuid>/<uuid:employee_uuid>/",
        cascade.matrix_cell,
        name="matrix_cell",
    ),
    path("matriks/tautan/<uuid:uuid>/hapus/", cascade.matrix_unlink, name="matrix_unlink"),
    path("kaskade/", cascade.cascade, name="cascade"),
    path("belum-terhubung/", cascade.unlinked, name="unlinked"),
]

# Set-up: periods and deadlines, organisation goals with IKU, the indicator library.
urlpatterns += [
    path("periode/", setup.period_list, name="period_list"),
    path("periode/baru/", setup.period_create_view, name="period_create"),
    path("periode/<uuid:uuid>/ubah/", setup.period_edit, name="period_edit"),
    path("periode/<uuid:uuid>/sasaran/", setup.goal_list, name="goal_list"),
    path("periode/<uuid:uuid>/sasaran/baru/", setup.goal_create_view, name="goal_create"),
    path("sasaran/<uuid:uuid>/ubah/", setup.goal_edit, name="goal_edit"),
    path("sasaran/<uuid:uuid>/hapus/", setup.goal_delete_view, name="goal_delete"),
    path("pustaka/", setup.library, name="library"),
    path("pustaka/baru/", setup.library_create, name="library_create"),
    path("pustaka/<uuid:uuid>/ubah/", setup.library_edit, name="library_edit"),
    path("pustaka/<uuid:uuid>/aktif/", setup.library_set_active, name="library_set_active"),
]
