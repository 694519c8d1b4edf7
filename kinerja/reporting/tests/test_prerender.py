"""Final evaluations' documents rendered into storage in the background as they become
final (``PRERENDER_FINAL_DOCUMENTS``; off in tests unless a test turns it on), so the
first download is served from storage. Celery runs eagerly here: the task runs when the
finalisation commits."""

import time

import pytest
from celery import current_app
from celery.contrib.testing.worker import start_worker
from django.urls import reverse

from kinerja.appraisal.enums import EvaluationStatus
from kinerja.appraisal.models import Evaluation, FinalisationRun
from kinerja.appraisal.services.evaluation import evaluation_finalise
from kinerja.appraisal.services.objection import objection_decide, objection_file
from kinerja.appraisal.services.year_end import finalisation_run_execute
from kinerja.appraisal.signals import evaluations_finalised
from kinerja.appraisal.tests import objection_world, test_year_end_services
from kinerja.appraisal.tests.objection_world import final
from kinerja.reporting.models import DocumentKind, StoredDocument
from kinerja.reporting.stored_documents import evaluation_documents_store, stored_file_path
from kinerja.reporting.tests import test_stored_documents
from tests.integration.test_task_engine import _use_broker

# Fixtures of the appraisal and stored document suites, as fixtures of this one too.
year = objection_world.year
rated_year = test_year_end_services.rated_year
renders = test_stored_documents.renders


@pytest.fixture
def prerender(settings):
    settings.PRERENDER_FINAL_DOCUMENTS = True


@pytest.fixture
def rated_draft(evaluated):
    """The ``evaluated`` window evaluation, rated but not final yet."""
    Evaluation.objects.filter(pk=evaluated.pk).update(
        status=EvaluationStatus.DRAFT, finalised_at=None
    )
    return Evaluation.objects.get(pk=evaluated.pk)


@pytest.fixture
def sent():
    """The evaluation ids each ``evaluations_finalised`` carried, after commit."""
    received: list[set[int]] = []

    def receiver(sender, evaluations, **kwargs):
        received.append(set(evaluations.values_list("pk", flat=True)))

    evaluations_finalised.connect(receiver, dispatch_uid="test_prerender")
    yield received
    evaluations_finalised.disconnect(dispatch_uid="test_prerender")


def test_finalised_evaluation_document_is_stored_and_downloaded_from_storage(
    client, world, rated_draft, renders, prerender, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        evaluation_finalise(evaluation=rated_draft, actor=world.users["section_head"])

    assert renders == ["evaluation.css"]
    stored = StoredDocument.objects.get(kind=DocumentKind.EVALUATION, object_uuid=rated_draft.uuid)
    assert stored.language == "id"  # LANGUAGE_CODE: what bulk jobs print in
    client.force_login(world.users["section_head"])  # reading the site's language
    response = client.get(reverse("reporting:evaluation_pdf", args=[rated_draft.uuid]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == (
        stored_file_path(stored).read_bytes()
    )
    assert renders == ["evaluation.css"]  # served from storage, not rendered again


def test_nothing_is_rendered_ahead_when_the_setting_is_off(
    world, rated_draft, renders, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        evaluation_finalise(evaluation=rated_draft, actor=world.users["section_head"])

    assert renders == []
    assert not StoredDocument.objects.exists()


def test_store_skips_current_copies_and_drafts_and_renders_changed_ones(
    evaluated, renders, settings
):
    settings.LANGUAGE_CODE = "id"
    assert evaluation_documents_store([evaluated.pk]) == 1
    assert evaluation_documents_store([evaluated.pk]) == 0  # current: skipped
    evaluation = Evaluation.objects.get(pk=evaluated.pk)
    evaluation.results_rating, evaluation.predicate = "as_expected", "baik"
    evaluation.save()

    assert evaluation_documents_store([evaluated.pk]) == 1  # changed: rendered again
    stored_file_path(StoredDocument.objects.get()).unlink()
    assert evaluation_documents_store([evaluated.pk]) == 1  # the file went missing
    Evaluation.objects.filter(pk=evaluated.pk).update(status=EvaluationStatus.DRAFT)
    assert evaluation_documents_store([evaluated.pk, 0]) == 0  # a draft, a deleted one
    assert len(renders) == 3


def test_year_end_finalisation_job_sends_its_evaluations(
    world, rated_year, sent, django_capture_on_commit_callbacks
):
    run = FinalisationRun.objects.create(agency=world.agency, period=rated_year.period)
    with django_capture_on_commit_callbacks(execute=True):
        finalisation_run_execute(run=run)

    finalised = set(
        Evaluation.objects.filter(status=EvaluationStatus.FINAL).values_list("pk", flat=True)
    )
    assert len(finalised) == 5
    assert sent == [finalised]


def test_objection_decision_that_changes_the_result_sends_it(
    world,
    year,
    sent,
    django_capture_on_commit_callbacks,
):
    evaluation = final(year.staff, world.section_head, "below", "as_expected")
    objection = objection_file(
        evaluation=evaluation, reasons="Capaian saya sesuai target.", actor=world.users["staff"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        objection_decide(
            objection=objection,
            decision="change",
            results_rating="as_expected",
            behaviour_rating="as_expected",
            reason="Bukti capaian lengkap.",
            actor=world.users["division_head"],
        )

    assert sent == [{evaluation.pk}]


@pytest.mark.django_db(transaction=True)
def test_embedded_broker_worker_stores_the_finalised_document(
    world, rated_draft, prerender, settings, tmp_path
):
    """Not eager: the chunk crosses the embedded SQLite broker to a real worker."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    _use_broker(f"sqla+sqlite:///{tmp_path / 'broker.sqlite3'}", eager=False)
    try:
        app = current_app._get_current_object()  # config's app (reporting may not import config)
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            evaluation_finalise(evaluation=rated_draft, actor=world.users["section_head"])
            stored = StoredDocument.objects.filter(object_uuid=rated_draft.uuid)
            for _ in range(600):
                if stored.exists():
                    break
                time.sleep(0.05)
    finally:
        _use_broker(None, eager=True)

    assert stored_file_path(stored.get()).read_bytes().startswith(b"%PDF-")


def test_a_larger_finalisation_is_worked_off_one_chunk_per_task(
    world, rated_year, renders, prerender, monkeypatch, settings, django_capture_on_commit_callbacks
):
    """More evaluations than a chunk go to the period's backlog: each task renders one
    chunk and queues the next behind whatever else was queued (eager here), until every
    final evaluation of the period has its stored document."""
    from kinerja.reporting import stored_documents

    settings.LANGUAGE_CODE = "id"
    monkeypatch.setattr(stored_documents, "PRERENDER_CHUNK", 2)
    run = FinalisationRun.objects.create(agency=world.agency, period=rated_year.period)
    with django_capture_on_commit_callbacks(execute=True):
        finalisation_run_execute(run=run)

    final = Evaluation.objects.filter(status=EvaluationStatus.FINAL)
    assert final.count() == 5
    assert set(StoredDocument.objects.values_list("object_uuid", flat=True)) == set(
        final.values_list("uuid", flat=True)
    )
    assert len(renders) == 5  # each once, over three tasks of at most two
    assert stored_documents.prerender_backlog(rated_year.period.pk) is False  # nothing left
