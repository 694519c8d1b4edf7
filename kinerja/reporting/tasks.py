"""Background tasks of reporting: thin wrappers, ids in, one service call."""

from celery import shared_task

from kinerja.reporting.batches import document_batch_run
from kinerja.reporting.models import DocumentBatch
from kinerja.reporting.stored_documents import evaluation_documents_store, prerender_backlog


@shared_task
def document_batch_run_task(batch_id: int) -> None:
    batch = DocumentBatch.objects.filter(pk=batch_id).first()
    if batch is not None:
        document_batch_run(batch=batch)


@shared_task
def evaluation_documents_store_task(evaluation_ids: list[int]) -> None:
    """Final evaluations' documents rendered into storage ahead of their first request."""
    evaluation_documents_store(evaluation_ids)


@shared_task
def evaluation_documents_backlog_task(period_id: int) -> None:
    """One chunk of a period's final documents without a stored copy; the next chunk is
    queued behind the jobs that arrived meanwhile."""
    if prerender_backlog(period_id):
        evaluation_documents_backlog_task.delay(period_id)


@shared_task
def send_reminders_task() -> None:
    """The daily deadline reminders (Celery beat: ``CELERY_BEAT_SCHEDULE``)."""
    from kinerja.execution.services.reminders import reminders_send

    reminders_send()
