"""Document downloads under /laporan/."""

from django.urls import path

from kinerja.reporting import views

app_name = "reporting"

urlpatterns = [
    path("skp/<uuid:uuid>/pdf/", views.skp_pdf_download, name="skp_pdf"),
    path("unit/<uuid:uuid>/skp.xlsx", views.unit_skp_xlsx_download, name="unit_skp_xlsx"),
]
