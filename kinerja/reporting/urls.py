"""Document downloads under /laporan/."""

from django.urls import path

from kinerja.reporting import views

app_name = "reporting"

urlpatterns = [
    path("skp/<uuid:uuid>/pdf/", views.skp_pdf_download, name="skp_pdf"),
    path("unit/<uuid:uuid>/skp.xlsx", views.unit_skp_xlsx_download, name="unit_skp_xlsx"),
]

# --- evaluation documents, bulk documents and compliance lists -----------------------
from kinerja.reporting import views_compliance, views_documents  # noqa: E402

urlpatterns += [
    path(
        "evaluasi/<uuid:uuid>/pdf/",
        views_documents.evaluation_pdf_download,
        name="evaluation_pdf",
    ),
    path("dokumen/", views_documents.batch_list, name="batch_list"),
    path("dokumen/<uuid:uuid>/", views_documents.batch_detail, name="batch_detail"),
    path("dokumen/<uuid:uuid>/unduh/", views_documents.batch_download, name="batch_download"),
    path("kepatuhan/", views_compliance.compliance, name="compliance"),
    path("kepatuhan/unduh.csv", views_compliance.compliance_csv, name="compliance_csv"),
    path("kepatuhan/unduh.xlsx", views_compliance.compliance_xlsx, name="compliance_xlsx"),
]
