from django.urls import path

from kinerja.web import imports
from kinerja.web import organisation as views

app_name = "org"

urlpatterns = [
    path("", views.unit_tree, name="unit_tree"),
    path("unit/<uuid:uuid>/", views.unit_detail, name="unit_detail"),
    path("unit/<uuid:uuid>/children/", views.unit_children_partial, name="unit_children"),
    path("pegawai/", views.employee_search, name="employee_search"),
    path("pegawai/<uuid:uuid>/", views.employee_detail, name="employee_detail"),
    path("profil/", views.my_profile, name="my_profile"),
    path("tim/", views.my_team, name="my_team"),
    path("impor/", imports.import_start, name="import"),
    path("impor/templat/<str:name>", imports.import_template, name="import_template"),
    path("impor/<uuid:uuid>/", imports.import_job, name="import_job"),
    path("impor/<uuid:uuid>/jalankan/", imports.import_confirm, name="import_confirm"),
    path("impor/<uuid:uuid>/batal/", imports.import_cancel, name="import_cancel"),
]
