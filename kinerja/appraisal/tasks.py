"""Background tasks of the appraisal app: thin wrappers, ids in, one service call."""

from celery import shared_task

from kinerja.appraisal.models import FinalisationRun
from kinerja.appraisal.services.year_end import finalisation_run_execute


@shared_task
def finalisation_run_task(run_id: int) -> None:
    run = FinalisationRun.objects.select_related(
        "agency", "unit__agency", "period", "created_by"
    ).get(pk=run_id)
    finalisation_run_execute(run=run)
