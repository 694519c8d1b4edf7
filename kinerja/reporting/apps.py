from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "kinerja.reporting"
    verbose_name = _("Reports and documents")

    def ready(self) -> None:
        from kinerja.appraisal.signals import evaluations_finalised
        from kinerja.reporting.stored_documents import prerender_final_documents

        evaluations_finalised.connect(
            prerender_final_documents, dispatch_uid="reporting.prerender_final_documents"
        )
