"""Import jobs: upload → dry run in the background → confirmation → import in the
background. Each step is one short transaction; the long work runs in Celery tasks."""

import logging
import os
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, connections, transaction
from django.utils.translation import gettext as _

from kinerja.core.clock import now
from kinerja.core.exceptions import ApplicationError
from kinerja.org.importing import ImportReport, Source, import_apply, import_check
from kinerja.org.models import Agency, ImportJob, ImportStatus

logger = logging.getLogger(__name__)

# A report of a completely wrong 100,000-row file would be megabytes; the first
# thousand problems are enough to see what is wrong, and the count tells the rest.
STORED_ERRORS = 1000


@transaction.atomic
def import_job_create(*, agency: Agency, files: list[tuple[str, bytes]], actor) -> ImportJob:
    """Store the uploads (outside the public media tree) and queue the dry run."""
    job = ImportJob.objects.create(agency=agency, created_by=actor)
    stored = []
    for name, data in files:
        safe = os.path.basename(name).replace("\\", "_") or "upload"
        path = default_storage.save(
            f"imports/{job.uuid}/{uuid.uuid4().hex}-{safe}", ContentFile(data)
        )
        stored.append({"name": safe, "path": path})
    job.files = stored
    job.save(update_fields=["files"])
    _enqueue("import_job_check_task", job.pk)
    return job


@transaction.atomic
def import_job_confirm(*, job: ImportJob, actor) -> ImportJob:
    """The HR admin has seen the dry run and wants the import: queue it."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status != ImportStatus.READY:
        raise ApplicationError(_("Only a checked import without errors can be started."))
    job.status, job.progress = ImportStatus.APPLYING, 0
    job.save(update_fields=["status", "progress", "updated_at"])
    _enqueue("import_job_apply_task", job.pk, actor.pk if actor else None)
    return job


@transaction.atomic
def import_job_cancel(*, job: ImportJob, actor) -> ImportJob:
    """The HR admin has seen the dry run and does not want the import."""
    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status != ImportStatus.READY:
        raise ApplicationError(_("Only a checked import that has not started can be cancelled."))
    job.status, job.finished_at = ImportStatus.CANCELLED, now()
    job.save(update_fields=["status", "finished_at", "updated_at"])
    _delete_files(job)
    return job


def import_job_check(*, job: ImportJob) -> ImportJob:
    """Run the dry run and store its report."""
    report = _guarded(
        job,
        lambda progress: import_check(agency=job.agency, sources=_sources(job), progress=progress),
    )
    if report is not None:
        _store(job, report, ImportStatus.READY if report.ok else ImportStatus.INVALID)
    return job


def import_job_apply(*, job: ImportJob, actor=None) -> ImportJob:
    """Run the import. The data may have changed since the dry run, so it is checked
    again inside the writing transaction; a new error still means nothing is written."""
    report = _guarded(
        job,
        lambda progress: import_apply(
            agency=job.agency, sources=_sources(job), actor=actor, progress=progress
        ),
    )
    if report is not None:
        _store(job, report, ImportStatus.DONE if report.applied else ImportStatus.INVALID)
    return job


def _enqueue(task_name: str, *args) -> None:
    """Queue a task once the transaction commits, so the worker never looks for a job
    row that is not visible yet."""
    # Imported here: the tasks module imports this one.
    from kinerja.org import tasks

    task = getattr(tasks, task_name)
    transaction.on_commit(lambda: task.delay(*args))


def _sources(job: ImportJob) -> list[Source]:
    sources = []
    for stored in job.files:
        with default_storage.open(stored["path"], "rb") as handle:
            sources.append(Source(stored["name"], handle.read()))
    return sources


def _guarded(job: ImportJob, work) -> ImportReport | None:
    """Run ``work`` with a progress reporter; an unexpected error fails the job."""
    try:
        return work(_progress_writer(job))
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        job.status, job.failure = ImportStatus.FAILED, _("An unexpected error stopped the import.")
        job.finished_at = now()
        job.save(update_fields=["status", "failure", "finished_at", "updated_at"])
        _delete_files(job)
        return None


def _progress_writer(job: ImportJob):
    """Progress must be visible while the import's own transaction is still open, so
    on PostgreSQL it is written through a second connection. SQLite allows one writer
    at a time; there progress is written only outside the import's transaction."""

    def write(percent: int) -> None:
        if not connection.in_atomic_block:
            ImportJob.objects.filter(pk=job.pk).update(progress=percent)
        elif connection.vendor == "postgresql":
            side = connections.create_connection("default")
            try:
                with side.cursor() as cursor:
                    cursor.execute(
                        "UPDATE org_importjob SET progress = %s WHERE id = %s", [percent, job.pk]
                    )
            finally:
                side.close()

    return write


def _store(job: ImportJob, report: ImportReport, status: str) -> None:
    job.status = status
    job.progress = 100
    job.counts, job.samples = report.counts, report.samples
    job.errors = [error.as_dict() for error in report.errors[:STORED_ERRORS]]
    job.error_count = len(report.errors)
    job.finished_at = now() if status != ImportStatus.READY else None
    job.save(
        update_fields=[
            "status",
            "progress",
            "counts",
            "samples",
            "errors",
            "error_count",
            "finished_at",
            "updated_at",
        ]
    )
    if status != ImportStatus.READY:
        _delete_files(job)


def _delete_files(job: ImportJob) -> None:
    """Uploads hold personal data; once the job is over they are not kept."""
    for stored in job.files:
        default_storage.delete(stored["path"])
