from django.urls import path

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
]
