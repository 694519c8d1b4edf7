"""Bulk evaluation documents: a unit's PDFs rendered in the background into one zip.

start → (Celery task; the embedded SQLite broker by default, Redis when configured)
run → progress written after every document → zip under MEDIA_ROOT/documents/ →
download through a permission check. Reporting writes only its own job rows.
"""

import logging
import multiprocessing
import os
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kinerja.access.permissions import actor_for
from kinerja.appraisal.models import Evaluation
from kinerja.core.clock import now, today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.org.models import Unit
from kinerja.planning.models import AssessmentPeriod, ReportingWindow
from kinerja.reporting.evaluation_document import (
    evaluation_detail,
    evaluation_filename,
    period_code,
)
from kinerja.reporting.models import BatchStatus, DocumentBatch
from kinerja.reporting.stored_documents import evaluation_document_pdf

logger = logging.getLogger(__name__)

BATCH_DIR = "documents"
PROGRESS_EVERY_SECONDS = 0.5  # the progress page polls every second


def batch_evaluations(
    *, user, unit: Unit, period: AssessmentPeriod, window: ReportingWindow | None
) -> QuerySet[Evaluation]:
    """The evaluations a batch for ``unit`` holds: those of SKPs for posts in the unit's
    subtree, for the window (the year when None). HR admins over the unit (and
    superadmins) get all of them; anyone else only the people they assess today."""
    evaluations = Evaluation.objects.filter(
        skp__period=period,
        skp__employee__agency_id=unit.agency_id,
        skp__position__unit__path__startswith=unit.path,
    )
    if window is None:
        evaluations = evaluations.filter(window__isnull=True)
    else:
        evaluations = evaluations.filter(window=window)
    actor = actor_for(user)
    if not actor.is_superuser and not any(s.covers_unit(unit) for s in actor.hr_scopes):
        evaluations = evaluations.filter(skp__employee_id__in=actor.assessees(today()))
    return evaluations.order_by("skp__position__unit__path", "skp__employee__name", "pk")


@transaction.atomic
def document_batch_start(
    *, unit: Unit, period: AssessmentPeriod, window: ReportingWindow | None, actor
) -> DocumentBatch:
    """Fix the batch's evaluations and queue the rendering. The caller has checked
    ``reporting.bulk_documents`` on the unit."""
    if period.agency_id != unit.agency_id or (window is not None and window.period_id != period.pk):
        raise ApplicationError(_("The period does not belong to the unit's agency."))
    ids = list(
        batch_evaluations(user=actor, unit=unit, period=period, window=window).values_list(
            "pk", flat=True
        )
    )
    if not ids:
        raise ApplicationError(_("There is no evaluation to print for this unit and period yet."))
    batch = DocumentBatch(
        unit=unit,
        period=period,
        window=window,
        requested_by=actor,
        evaluation_ids=ids,
        total=len(ids),
    )
    batch.full_clean()
    batch.save()
    log_action(
        actor=actor,
        action="reporting.document_batch_start",
        obj=batch,
        after={
            "unit": str(unit.uuid),
            "window": str(window.uuid) if window else None,
            "period": str(period.uuid),
            "total": batch.total,
        },
    )

    def enqueue() -> None:
        from kinerja.reporting.tasks import document_batch_run_task

        document_batch_run_task.delay(batch.pk)

    transaction.on_commit(enqueue)
    return batch


def zip_file_path(batch: DocumentBatch) -> Path:
    return Path(settings.MEDIA_ROOT) / BATCH_DIR / f"{batch.uuid}.zip"


def zip_filename(batch: DocumentBatch) -> str:
    """EVALUASI_<unit code>_<year>_<period>.zip, the name the zip is downloaded under."""
    from kinerja.reporting.views import safe_filename

    code = period_code(batch.window)
    return safe_filename("EVALUASI", batch.unit.code, batch.period.year, code) + ".zip"


def document_batch_run(*, batch: DocumentBatch) -> DocumentBatch:
    """Render every evaluation of the batch into the zip, writing progress as it goes
    (outside any transaction, so the progress page sees it at once). A failure marks
    the batch failed and leaves no partial zip behind."""
    if batch.is_finished:
        return batch
    target = zip_file_path(batch)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    batch.status, batch.started_at, batch.done = BatchStatus.RUNNING, now(), 0
    batch.save(update_fields=["status", "started_at", "done", "updated_at"])
    names: set[str] = set()
    done = 0
    reported = time.monotonic()
    try:
        # PDFs are compressed already: storing them is as small and much faster.
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
            for rendered in _rendered(batch.evaluation_ids):
                if rendered is not None:  # None: deleted since the batch started
                    filename, pdf = rendered
                    archive.writestr(_unique(filename, names), pdf)
                done += 1
                if time.monotonic() - reported >= PROGRESS_EVERY_SECONDS:
                    DocumentBatch.objects.filter(pk=batch.pk).update(done=done)
                    reported = time.monotonic()
        os.replace(partial, target)
    except Exception:
        logger.exception("Document batch %s failed", batch.pk)
        partial.unlink(missing_ok=True)
        batch.status, batch.finished_at = BatchStatus.FAILED, now()
        batch.error = _("An unexpected error stopped the rendering. Please start it again.")
        batch.done = done
        batch.save(update_fields=["status", "finished_at", "error", "done", "updated_at"])
        return batch
    batch.status, batch.finished_at, batch.done = BatchStatus.DONE, now(), done
    batch.zip_path = f"{BATCH_DIR}/{target.name}"
    batch.zip_bytes = target.stat().st_size
    batch.save(
        update_fields=["status", "finished_at", "done", "zip_path", "zip_bytes", "updated_at"]
    )
    return batch


def _render_one(evaluation_id: int) -> tuple[str, bytes] | None:
    try:
        evaluation = evaluation_detail(Evaluation.objects.all(), pk=evaluation_id)
    except Evaluation.DoesNotExist:
        return None
    # A final evaluation's stored copy when it still matches; rendered (and stored) otherwise.
    return evaluation_filename(evaluation), evaluation_document_pdf(evaluation)


def render_processes() -> int:
    """How many processes render a batch: ``DOCUMENT_BATCH_PROCESSES`` (default one per
    core). One when that is impossible or would be wrong: inside a transaction (other
    processes would not see its rows; tests run so), or inside a daemonic process (a
    Celery prefork child may not fork children)."""
    wanted = getattr(settings, "DOCUMENT_BATCH_PROCESSES", None) or os.cpu_count() or 1
    if connection.in_atomic_block or _daemonic():
        return 1
    return max(1, int(wanted))


def _daemonic() -> bool:
    """Whether this is a daemonic process: multiprocessing's, or a Celery prefork child
    (billiard keeps its own process state)."""
    if multiprocessing.current_process().daemon:
        return True
    try:
        import billiard
    except ImportError:  # pragma: no cover - Celery brings billiard
        return False
    return bool(billiard.current_process().daemon)


def _rendered(ids: list[int]) -> Iterator[tuple[str, bytes] | None]:
    """Each evaluation's file name and PDF, in order. WeasyPrint lays out one document
    per core at a time: with several cores the documents are rendered by forked
    processes (each with its own database connection) while this one writes the zip."""
    processes = min(render_processes(), len(ids))
    if processes <= 1:
        yield from map(_render_one, ids)
        return
    connections.close_all()  # the children open their own
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        yield from pool.imap(_render_one, ids)


def _unique(name: str, taken: set[str]) -> str:
    """A name not used yet in the zip (two SKPs of one person in a window)."""
    stem, dot, extension = name.rpartition(".")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}_{n}{dot}{extension}"
    taken.add(candidate)
    return candidate


def batches_visible_to(user) -> QuerySet[DocumentBatch]:
    """A user's own batches (superadmins see all)."""
    if actor_for(user).is_superuser:
        return DocumentBatch.objects.all()
    return DocumentBatch.objects.filter(requested_by=user)
