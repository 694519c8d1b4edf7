"""Bulk evaluation documents: a unit's PDFs in one zip, rendered by a background task."""

import io
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import Skp
from kinerja.planning.services import skp_create
from kinerja.planning.tests.conftest import complete_result
from kinerja.reporting import batches
from kinerja.reporting.batches import document_batch_run, document_batch_start, zip_file_path
from kinerja.reporting.models import BatchStatus, DocumentBatch
from kinerja.reporting.tests.conftest import make_evaluation
from kinerja.reporting.tests.test_views import login


def approved_skp(employee, period, approver):
    """An approved SKP with one result, written directly (its workflow is planning's)."""
    skp = skp_create(employee=employee, period=period, on=period.start_date)
    complete_result(skp, f"Hasil kerja {employee.name}")
    Skp.objects.filter(pk=skp.pk).update(status=SkpStatus.APPROVED, approved_by=approver)
    skp.refresh_from_db()
    return skp


@pytest.fixture
def section_evaluations(evaluated, plan, world):
    """Final first-quarter evaluations of the staff member and the peer (Seksi Rujukan),
    and of the nurse in the Puskesmas (outside the section)."""
    peer = approved_skp(world.peer, plan.period, world.section_head)
    nurse = approved_skp(world.nurse, plan.period, world.puskesmas_head)
    window = evaluated.window
    return [
        evaluated,
        make_evaluation(peer, window, assessor=world.section_head),
        make_evaluation(nurse, window, assessor=world.puskesmas_head),
    ]


@pytest.fixture
def start(django_capture_on_commit_callbacks):
    """``document_batch_start`` with the queued task run as the transaction commits."""

    def run(**kwargs) -> DocumentBatch:
        with django_capture_on_commit_callbacks(execute=True):
            batch = document_batch_start(**kwargs)
        batch.refresh_from_db()
        return batch

    return run


def zip_names(batch: DocumentBatch) -> list[str]:
    with zipfile.ZipFile(zip_file_path(batch)) as archive:
        return sorted(archive.namelist())


def test_batch_of_a_unit_zips_one_pdf_per_employee(start, section_evaluations, world, plan):
    window = section_evaluations[0].window

    batch = start(unit=world.section, period=plan.period, window=window, actor=world.users["hr"])

    batch.refresh_from_db()  # the task ran on commit (eager in tests)
    assert batch.status == BatchStatus.DONE
    assert (batch.total, batch.done, batch.percent) == (2, 2, 100)
    year = plan.period.year
    assert zip_names(batch) == sorted(
        [f"EVALUASI_{world.staff.nip}_{year}_TW1.pdf", f"EVALUASI_{world.peer.nip}_{year}_TW1.pdf"]
    )
    with zipfile.ZipFile(zip_file_path(batch)) as archive:
        assert all(archive.read(name).startswith(b"%PDF-") for name in archive.namelist())
    assert batch.zip_bytes == zip_file_path(batch).stat().st_size
    assert str(zip_file_path(batch)).startswith(str(batches.settings.MEDIA_ROOT))
    assert ActivityLog.objects.filter(
        action="reporting.document_batch_start", object_uuid=batch.uuid
    ).exists()


def test_batch_of_a_parent_unit_holds_its_subtree(start, section_evaluations, world, plan):
    batch = start(
        unit=world.health,
        period=plan.period,
        window=section_evaluations[0].window,
        actor=world.users["hr"],
    )

    batch.refresh_from_db()
    assert batch.total == 3
    assert len(zip_names(batch)) == 3


def test_batch_of_an_assessor_holds_only_their_assessees(start, section_evaluations, world, plan):
    batch = start(
        unit=world.health,
        period=plan.period,
        window=section_evaluations[0].window,
        actor=world.users["section_head"],
    )

    batch.refresh_from_db()
    assert sorted(batch.evaluation_ids) == sorted(e.pk for e in section_evaluations[:2])


def test_batch_with_nothing_to_print_is_refused(start, world, plan):
    window = plan.period.windows.get(number=3)

    with pytest.raises(ApplicationError):
        start(unit=world.section, period=plan.period, window=window, actor=world.users["hr"])
    assert not DocumentBatch.objects.exists()


def test_batch_failure_leaves_no_partial_zip(start, section_evaluations, world, plan, monkeypatch):
    def broken(evaluation):
        raise RuntimeError("font missing")

    monkeypatch.setattr(batches, "evaluation_document_pdf", broken)

    batch = start(
        unit=world.section,
        period=plan.period,
        window=section_evaluations[0].window,
        actor=world.users["hr"],
    )

    batch.refresh_from_db()
    assert batch.status == BatchStatus.FAILED
    assert batch.error
    assert not zip_file_path(batch).exists()
    assert not zip_file_path(batch).with_suffix(".part").exists()


def test_batch_run_skips_an_evaluation_deleted_meanwhile(section_evaluations, world, plan):
    batch = DocumentBatch.objects.create(
        unit=world.section,
        period=plan.period,
        window=section_evaluations[0].window,
        requested_by=world.users["hr"],
        evaluation_ids=[section_evaluations[0].pk, 999_999],
        total=2,
    )

    document_batch_run(batch=batch)

    assert batch.status == BatchStatus.DONE
    assert batch.done == 2
    assert len(zip_names(batch)) == 1


# --- pages -----------------------------------------------------------------------------


def start_url() -> str:
    return reverse("reporting:batch_list")


def test_batch_page_starts_a_job_and_shows_its_progress(
    django_capture_on_commit_callbacks, client, world, plan, section_evaluations
):
    window = section_evaluations[0].window
    login(client, world, "hr")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            start_url(), {"unit": world.section.uuid, "window": f"w:{window.uuid}"}
        )

    batch = DocumentBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:batch_detail", args=[batch.uuid])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b'role="progressbar"' in page.content
    assert b'aria-valuenow="100"' in page.content
    assert b'id="batch-download"' in page.content


def test_batch_status_fragment_polls_until_done(client, world, plan, section_evaluations):
    batch = DocumentBatch.objects.create(
        unit=world.section,
        period=plan.period,
        window=section_evaluations[0].window,
        requested_by=world.users["hr"],
        evaluation_ids=[e.pk for e in section_evaluations[:2]],
        total=2,
        done=1,
        status=BatchStatus.RUNNING,
    )
    login(client, world, "hr")
    url = reverse("reporting:batch_detail", args=[batch.uuid])

    running = client.get(url, headers={"HX-Request": "true"})

    assert running.status_code == 200
    assert b"<html" not in running.content
    assert b'hx-trigger="every 1s"' in running.content
    assert b'aria-valuenow="50"' in running.content

    document_batch_run(batch=batch)
    done = client.get(url, headers={"HX-Request": "true"})
    assert b"hx-trigger" not in done.content
    assert b'data-status="done"' in done.content


def test_batch_download_gives_the_zip(start, client, world, plan, section_evaluations):
    batch = start(
        unit=world.section,
        period=plan.period,
        window=section_evaluations[0].window,
        actor=world.users["hr"],
    )
    login(client, world, "hr")

    response = client.get(reverse("reporting:batch_download", args=[batch.uuid]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Cache-Control"] == "private, no-store"
    content = b"".join(response.streaming_content)
    assert len(zipfile.ZipFile(io.BytesIO(content)).namelist()) == 2


def test_batch_download_before_it_is_ready_goes_back_to_the_progress(client, world, plan):
    batch = DocumentBatch.objects.create(
        unit=world.section, period=plan.period, requested_by=world.users["hr"], total=1
    )
    login(client, world, "hr")

    response = client.get(reverse("reporting:batch_download", args=[batch.uuid]))

    assert response.status_code == 302
    assert response["Location"] == reverse("reporting:batch_detail", args=[batch.uuid])


@pytest.mark.parametrize("persona", ["section_head", "staff", "other_hr"])
def test_batch_of_someone_else_is_not_found(client, world, plan, persona):
    batch = DocumentBatch.objects.create(
        unit=world.section, period=plan.period, requested_by=world.users["hr"], total=1
    )
    login(client, world, persona)

    for name in ["reporting:batch_detail", "reporting:batch_download"]:
        assert client.get(reverse(name, args=[batch.uuid])).status_code == 404


def test_batch_start_for_a_unit_outside_ones_scope_changes_nothing(
    client, world, plan, section_evaluations
):
    login(client, world, "section_head")
    window = section_evaluations[0].window

    response = client.post(
        start_url(), {"unit": world.puskesmas.uuid, "window": f"w:{window.uuid}"}
    )

    assert response.status_code == 404
    assert not DocumentBatch.objects.exists()


def test_batch_page_is_not_for_employees_who_assess_nobody(client, world, plan):
    assert login(client, world, "staff").get(start_url()).status_code == 404


def test_batch_start_without_evaluations_shows_why(client, world, plan):
    window = plan.period.windows.get(number=4)
    login(client, world, "hr")

    response = client.post(start_url(), {"unit": world.section.uuid, "window": f"w:{window.uuid}"})

    assert response.status_code == 200
    assert b"alert-danger" in response.content
    assert not DocumentBatch.objects.exists()


def test_batch_list_costs_the_same_queries_for_one_and_many(client, world, plan):
    login(client, world, "hr")

    def make(n):
        DocumentBatch.objects.bulk_create(
            DocumentBatch(
                unit=world.section,
                period=plan.period,
                window=plan.period.windows.get(number=1),
                requested_by=world.users["hr"],
                total=3,
            )
            for _ in range(n)
        )

    make(1)
    client.get(start_url())  # warm the session and the actor
    with CaptureQueriesContext(connection) as one:
        assert client.get(start_url()).status_code == 200
    make(12)
    with CaptureQueriesContext(connection) as many:
        assert client.get(start_url()).status_code == 200
    assert len(many) == len(one)


@pytest.mark.django_db(transaction=True)
def test_batch_renders_in_several_processes_outside_a_transaction(
    section_evaluations, world, plan, settings
):
    settings.DOCUMENT_BATCH_PROCESSES = 2
    batch = DocumentBatch.objects.create(
        unit=world.health,
        period=plan.period,
        window=section_evaluations[0].window,
        requested_by=world.users["hr"],
        evaluation_ids=[e.pk for e in section_evaluations],
        total=3,
    )

    assert batches.render_processes() == 2
    document_batch_run(batch=batch)

    batch.refresh_from_db()
    assert (batch.status, batch.done) == (BatchStatus.DONE, 3)
    assert len(zip_names(batch)) == 3


def test_batch_renders_in_one_process_inside_a_transaction(db, settings):
    settings.DOCUMENT_BATCH_PROCESSES = 4

    assert batches.render_processes() == 1


def test_batch_renders_in_one_process_in_a_celery_prefork_child(db, settings, monkeypatch):
    import billiard

    settings.DOCUMENT_BATCH_PROCESSES = 4
    monkeypatch.setattr(billiard.current_process(), "daemon", True, raising=False)

    assert batches._daemonic()
