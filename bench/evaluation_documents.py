"""Evaluation PDFs per second, and a unit's bulk job of 200 documents with its progress.

Each document is what the download view and the bulk job do: load the evaluation with
``evaluation_detail`` (a fixed number of queries), gather the window's realisations,
feedback, organisation result and parties, render the template and lay it out with
WeasyPrint (the Evaluasi Kinerja Pegawai, then the signed Dokumen Evaluasi). Measured in
one process, in one worker process per core, and as the bulk job runs it
(``document_batch_run``: one process writing a zip, progress written as it goes, sampled
every second from another connection the way the progress page polls it).
"""

import datetime
import multiprocessing
import os
import threading
import time
from decimal import Decimal

from bench import Options, benchmark
from bench.pdf_documents import GOAL_PER_SECOND, _organisation, _pages, _rate, _warm

UNIT_DOCUMENTS, SMOKE_DOCUMENTS = 200, 4
RATE_DOCUMENTS = 60  # of the unit's documents, rendered one by one for the rate


def _evaluations(skp_uuids: list[str]) -> tuple[list[int], object]:
    """For each SKP: a submitted first-quarter report with a realisation per indicator
    and a link as evidence, feedback on each result and two values, the section's
    organisation result and a final evaluation (not timed)."""
    from kinerja.appraisal.models import Evaluation, OrganisationResult
    from kinerja.execution.enums import EvidenceKind, ReportStatus
    from kinerja.execution.models import Evidence, FeedbackMessage, PeriodReport, Realisation
    from kinerja.planning.models import Indicator, PlannedResult, Skp

    skps = list(Skp.objects.filter(uuid__in=skp_uuids).select_related("period", "position"))
    period = skps[0].period
    window = period.windows.get(number=1)
    stamp = datetime.datetime.now(datetime.UTC)
    reports = PeriodReport.objects.bulk_create(
        PeriodReport(skp=skp, window=window, status=ReportStatus.SUBMITTED, submitted_at=stamp)
        for skp in skps
    )
    report_of = {report.skp_id: report for report in reports}
    indicators = Indicator.objects.filter(result__skp__in=skps).select_related("result")
    realisations = Realisation.objects.bulk_create(
        Realisation(
            report=report_of[indicator.result.skp_id],
            indicator=indicator,
            value=Decimal(30),
            narrative="Terlaksana sesuai rencana aksi triwulan, dengan bukti terlampir",
        )
        for indicator in indicators
    )
    Evidence.objects.bulk_create(
        Evidence(
            realisation=realisation,
            kind=EvidenceKind.LINK,
            url="https://example.org/rekap",
            title="Rekap bukti triwulan I",
        )
        for realisation in realisations
    )
    head = skps[0].approved_by
    FeedbackMessage.objects.bulk_create(
        [
            FeedbackMessage(
                skp_id=result.skp_id,
                window=window,
                result=result,
                author=head,
                text="Capaian sesuai bukti; pertahankan ketepatan waktu",
            )
            for result in PlannedResult.objects.filter(skp__in=skps)
        ]
        + [
            FeedbackMessage(
                skp=skp, window=window, core_value=value, author=head, text="Sangat membantu"
            )
            for skp in skps
            for value in ("berorientasi_pelayanan", "kolaboratif")
        ]
    )
    OrganisationResult.objects.create(
        unit=skps[0].position.unit, period=period, window=window, predicate="baik"
    )
    evaluations = Evaluation.objects.bulk_create(
        Evaluation(
            skp=skp,
            window=window,
            status="final",
            results_rating="as_expected",
            behaviour_rating="above",
            predicate="baik",
            assessor=head,
            notes="Pertahankan kinerja",
            rated_at=stamp,
            finalised_at=stamp,
        )
        for skp in skps
    )
    return [e.pk for e in evaluations], window


def _render(ids: list[int]) -> bytes:
    from django.db import connection

    from kinerja.appraisal.models import Evaluation
    from kinerja.reporting.evaluation_document import evaluation_detail, evaluation_pdf

    pdf = b""
    for pk in ids:
        pdf = evaluation_pdf(evaluation_detail(Evaluation.objects.all(), pk=pk))
    connection.close()
    return pdf


def _warm_evaluation() -> None:
    _warm()
    from kinerja.reporting.pdf import html_to_pdf

    html_to_pdf("<p>warm</p>", stylesheet="evaluation.css")


def _bulk(ids: list[int], window) -> dict:
    """The bulk job as the worker runs it, with its progress sampled every second."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from kinerja.org.models import Unit
    from kinerja.reporting.batches import document_batch_run
    from kinerja.reporting.models import DocumentBatch

    users = get_user_model().objects
    user = users.filter(username="bench-hr").first() or users.create_user(
        username="bench-hr", password=None
    )
    batch = DocumentBatch.objects.create(
        unit=Unit.objects.filter(agency_id=window.period.agency_id).order_by("path").first(),
        period=window.period,
        window=window,
        requested_by=user,
        evaluation_ids=ids,
        total=len(ids),
    )
    samples: list[int] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(1.0):
            samples.append(DocumentBatch.objects.get(pk=batch.pk).done)
        connection.close()

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    document_batch_run(batch=batch)
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    batch.refresh_from_db()
    return {
        "bulk_documents": batch.done,
        "bulk_status": batch.status,
        "bulk_seconds": round(seconds, 1),
        "bulk_documents_per_second": _rate(batch.done, seconds),
        "bulk_zip_mib": round(batch.zip_bytes / 2**20, 1),
        # What the progress bar showed, once a second: documents done.
        "bulk_progress_samples": samples[:: max(1, len(samples) // 12)],
    }


@benchmark(
    "evaluation_documents",
    "Evaluation PDFs per second, and a unit's bulk job of 200 with its progress",
)
def run(options: Options) -> dict:
    from django.db import connections

    count = SMOKE_DOCUMENTS if options.smoke else UNIT_DOCUMENTS
    skp_uuids = _organisation(count, code="bench-evaluation", first=500)
    ids, window = _evaluations(skp_uuids)
    _warm_evaluation()
    sample = ids[: min(RATE_DOCUMENTS, count)]

    started = time.perf_counter()
    cpu_started = time.process_time()
    last = _render(sample)
    single_seconds = time.perf_counter() - started
    cpu_per_document = (time.process_time() - cpu_started) / len(sample)

    workers = os.cpu_count() or 1
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_warm_evaluation) as pool:
        pool.map(_render, [[] for _ in range(workers)])
        started = time.perf_counter()
        pool.map(_render, [sample[i::workers] for i in range(workers)])
        parallel_seconds = time.perf_counter() - started

    parallel_rate = _rate(len(sample), parallel_seconds)
    figures = {
        "documents": len(sample),
        "pages_per_document": _pages(last),
        "one_process_documents_per_second": _rate(len(sample), single_seconds),
        "cpu_seconds_per_document": round(cpu_per_document, 3),
        "workers": workers,
        "workers_documents_per_second": parallel_rate,
        "goal_documents_per_second": GOAL_PER_SECOND,
        "meets_goal": parallel_rate >= GOAL_PER_SECOND,
    }
    figures.update(_bulk(ids, window))
    return figures


# --- stored documents: rendered once and kept -----------------------------------------


def _served(evaluations: list, username: str) -> float:
    """Seconds to download every evaluation's PDF through the page, as a logged-in
    superadmin (the permission check, the fingerprint and the stored file, as in
    production; the test client skips only the network)."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    user = get_user_model().objects.create_superuser(username=username, password=None)
    client = Client()
    client.force_login(user)
    # One request first, untimed: the URLconf, templates and middleware load once per process.
    client.get(reverse("reporting:evaluation_pdf", args=[evaluations[0].uuid]))
    started = time.perf_counter()
    for evaluation in evaluations:
        response = client.get(reverse("reporting:evaluation_pdf", args=[evaluation.uuid]))
        assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    return time.perf_counter() - started


def _store_chunk(ids: list[int]) -> int:
    from django.db import connection

    from kinerja.reporting.stored_documents import evaluation_documents_store

    rendered = evaluation_documents_store(ids)
    connection.close()
    return rendered


def _prerender(ids: list[int]) -> dict:
    """The background job after a finalisation: chunks of ``PRERENDER_CHUNK`` rendered
    into storage by one worker process per core (a prefork worker, ``--concurrency``
    the number of cores)."""
    from django.db import connections

    from kinerja.reporting.stored_documents import PRERENDER_CHUNK

    workers = os.cpu_count() or 1
    chunks = [ids[i : i + PRERENDER_CHUNK] for i in range(0, len(ids), PRERENDER_CHUNK)]
    connections.close_all()
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_warm_evaluation) as pool:
        pool.map(_store_chunk, [[] for _ in range(workers)])
        started = time.perf_counter()
        rendered = sum(pool.map(_store_chunk, chunks, chunksize=1))
        seconds = time.perf_counter() - started
    return {
        "prerender_workers": workers,
        "prerender_chunk": PRERENDER_CHUNK,
        "prerendered": rendered,
        "prerender_seconds": round(seconds, 1),
        "prerender_documents_per_second": _rate(rendered, seconds),
    }


@benchmark(
    "stored_documents",
    "Evaluation PDFs rendered once and kept: a cold bulk job of 200, then served from storage",
)
def run_stored(options: Options) -> dict:
    """A unit of 200 final evaluations (as ``evaluation_documents``). First the bulk job
    on an empty store: every document rendered (one process per core) and stored; then
    the same bulk job again, taking the stored copies; then every document downloaded
    through the evaluation page. Last, on an empty store again, the background job that
    renders them into storage as they become final. The files go to scratch MEDIA_ROOTs."""
    import tempfile

    from django.conf import settings
    from django.test.utils import setup_test_environment

    from kinerja.appraisal.models import Evaluation
    from kinerja.reporting.models import StoredDocument

    setup_test_environment()  # the test client's host name is allowed
    count = SMOKE_DOCUMENTS if options.smoke else UNIT_DOCUMENTS
    skp_uuids = _organisation(count, code="bench-stored", first=750)
    ids, window = _evaluations(skp_uuids)
    _warm_evaluation()
    with tempfile.TemporaryDirectory() as media:
        settings.MEDIA_ROOT = media
        cold = _bulk(ids, window)
        stored = StoredDocument.objects.count()
        warm = _bulk(ids, window)
        evaluations = list(Evaluation.objects.filter(pk__in=ids).only("uuid"))
        served_seconds = _served(evaluations, "bench-stored-admin")
        renders_after = StoredDocument.objects.count()
    with tempfile.TemporaryDirectory() as media:
        settings.MEDIA_ROOT = media
        StoredDocument.objects.all().delete()  # their files were in the first scratch root
        prerender = _prerender(ids)
    served_rate = _rate(len(evaluations), served_seconds)
    return {
        "documents": count,
        "cold_bulk_seconds": cold["bulk_seconds"],
        "cold_documents_per_second": cold["bulk_documents_per_second"],
        "stored_after_cold_bulk": stored,
        "stored_bulk_seconds": warm["bulk_seconds"],
        "stored_bulk_documents_per_second": warm["bulk_documents_per_second"],
        "stored_bulk_status": warm["bulk_status"],
        "served_by_page_seconds": round(served_seconds, 1),
        "served_by_page_documents_per_second": served_rate,
        "stored_after_serving": renders_after,
        "goal_documents_per_second": GOAL_PER_SECOND,
        "stored_meets_goal": min(served_rate, warm["bulk_documents_per_second"]) >= GOAL_PER_SECOND,
        "cold_meets_goal": cold["bulk_documents_per_second"] >= GOAL_PER_SECOND,
        **prerender,
    }
