"""Official documents rendered once and kept: a final evaluation's and an approved SKP's
PDF is stored on its first request and served from storage while nothing it printed has
changed; drafts are always rendered fresh. A spy wraps the real WeasyPrint call and
counts it (the documents are still really rendered)."""

import hashlib
import zipfile
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.appraisal.models import Evaluation
from kinerja.execution.models import Realisation
from kinerja.planning.models import Skp
from kinerja.planning.tests.conftest import approved
from kinerja.reporting import evaluation_document, pdf, skp_document
from kinerja.reporting.batches import document_batch_run, zip_file_path
from kinerja.reporting.models import BatchStatus, DocumentBatch, DocumentKind, StoredDocument
from kinerja.reporting.stored_documents import (
    evaluation_fingerprint,
    skp_fingerprint,
    stored_file_path,
)
from kinerja.reporting.tests.conftest import make_evaluation
from kinerja.reporting.tests.test_batch import approved_skp
from kinerja.reporting.tests.test_views import login


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """Every WeasyPrint rendering, by stylesheet, through the real renderer."""
    calls: list[str] = []
    real = pdf.html_to_pdf

    def spy(html: str, *, stylesheet: str) -> bytes:
        calls.append(stylesheet)
        return real(html, stylesheet=stylesheet)

    monkeypatch.setattr(evaluation_document, "html_to_pdf", spy)
    monkeypatch.setattr(skp_document, "html_to_pdf", spy)
    return calls


def evaluation_url(evaluation) -> str:
    return reverse("reporting:evaluation_pdf", args=[evaluation.uuid])


def skp_url(skp) -> str:
    return reverse("reporting:skp_pdf", args=[skp.uuid])


def test_final_evaluation_pdf_is_stored_on_first_download(client, world, evaluated, renders):
    response = login(client, world, "section_head").get(evaluation_url(evaluated))

    assert response.status_code == 200
    assert renders == ["evaluation.css"]
    stored = StoredDocument.objects.get(kind=DocumentKind.EVALUATION, object_uuid=evaluated.uuid)
    path = stored_file_path(stored)
    assert path.read_bytes() == response.content
    assert stored.size == len(response.content)
    assert stored.sha256 == hashlib.sha256(response.content).hexdigest()
    assert stored.language == "en"
    media = str(settings.MEDIA_ROOT)
    assert str(path).startswith(media)
    assert "static" not in str(path.relative_to(media))


def test_final_evaluation_pdf_is_served_from_storage_the_second_time(
    client, world, evaluated, renders
):
    first = login(client, world, "section_head").get(evaluation_url(evaluated))
    second = login(client, world, "staff").get(evaluation_url(evaluated))

    assert second.status_code == 200
    assert second.content == first.content
    assert second["Cache-Control"] == "private, no-store"
    assert renders == ["evaluation.css"]  # rendered once, for the first request
    assert StoredDocument.objects.count() == 1


def test_final_evaluation_pdf_through_the_api_uses_the_stored_copy(
    client, world, evaluated, renders
):
    first = login(client, world, "section_head").get(evaluation_url(evaluated))
    api = client.get(f"/api/v1/evaluations/{evaluated.uuid}/pdf")

    assert api.status_code == 200
    assert api.content == first.content
    assert renders == ["evaluation.css"]


def test_final_evaluation_pdf_is_rendered_again_after_the_evaluation_changes(
    client, world, evaluated, renders
):
    reader = login(client, world, "section_head")
    before = reader.get(evaluation_url(evaluated)).content
    old = stored_file_path(StoredDocument.objects.get())

    # An objection decision changes the final evaluation's rating and predicate.
    evaluation = Evaluation.objects.get(pk=evaluated.pk)
    evaluation.results_rating, evaluation.predicate = "as_expected", "baik"
    evaluation.save()
    after = reader.get(evaluation_url(evaluated)).content

    assert renders == ["evaluation.css", "evaluation.css"]
    assert after != before
    stored = StoredDocument.objects.get()
    assert stored_file_path(stored).read_bytes() == after
    assert not old.exists()  # the replaced file is removed
    reader.get(evaluation_url(evaluated))
    assert len(renders) == 2


def test_final_evaluation_pdf_is_rendered_again_after_a_printed_row_changes(
    client, world, evaluated, renders
):
    reader = login(client, world, "section_head")
    reader.get(evaluation_url(evaluated))
    realisation = Realisation.objects.filter(report__skp=evaluated.skp).first()
    realisation.value = Decimal(99)
    realisation.save()

    reader.get(evaluation_url(evaluated))

    assert len(renders) == 2


def test_draft_evaluation_pdf_is_never_stored(client, world, evaluated, renders):
    Evaluation.objects.filter(pk=evaluated.pk).update(status="draft", finalised_at=None)
    reader = login(client, world, "section_head")

    assert reader.get(evaluation_url(evaluated)).status_code == 200
    assert reader.get(evaluation_url(evaluated)).status_code == 200

    assert renders == ["evaluation.css", "evaluation.css"]
    assert not StoredDocument.objects.exists()


@pytest.mark.parametrize("persona", ["peer", "nurse", "other_hr", "other_employee"])
def test_stored_evaluation_pdf_is_still_not_found_for_others(
    client, world, evaluated, renders, persona
):
    stored = login(client, world, "section_head").get(evaluation_url(evaluated)).content

    response = login(client, world, persona).get(evaluation_url(evaluated))

    assert response.status_code == 404
    assert stored not in response.content
    assert b"%PDF" not in response.content


def test_stored_evaluation_pdf_of_a_reopened_draft_is_not_for_the_employee(
    client, world, evaluated, renders
):
    login(client, world, "section_head").get(evaluation_url(evaluated))
    Evaluation.objects.filter(pk=evaluated.pk).update(status="draft", finalised_at=None)

    assert login(client, world, "staff").get(evaluation_url(evaluated)).status_code == 404


def test_approved_skp_pdf_is_stored_and_served_from_storage(client, world, staff_plan, renders):
    approved(staff_plan, approver=world.section_head)
    first = login(client, world, "staff").get(skp_url(staff_plan))
    second = login(client, world, "hr").get(skp_url(staff_plan))

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert renders == ["skp.css"]
    assert StoredDocument.objects.get().kind == DocumentKind.SKP


def test_draft_skp_pdf_is_never_stored(client, world, staff_plan, renders):
    reader = login(client, world, "staff")
    reader.get(skp_url(staff_plan))
    reader.get(skp_url(staff_plan))

    assert renders == ["skp.css", "skp.css"]
    assert not StoredDocument.objects.exists()


@pytest.mark.parametrize("persona", ["peer", "nurse", "other_employee", "other_hr"])
def test_stored_skp_pdf_is_still_not_found_for_others(client, world, staff_plan, persona):
    approved(staff_plan, approver=world.section_head)
    login(client, world, "staff").get(skp_url(staff_plan))
    assert StoredDocument.objects.exists()

    response = login(client, world, persona).get(skp_url(staff_plan))

    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_stored_skp_pdf_is_rendered_again_after_the_plan_changes(
    client, world, staff_plan, renders
):
    approved(staff_plan, approver=world.section_head)
    reader = login(client, world, "staff")
    reader.get(skp_url(staff_plan))
    indicator = staff_plan.results.first().indicators.first()
    indicator.text = "Jumlah dokumen rujukan yang diverifikasi ulang"
    indicator.save()

    reader.get(skp_url(staff_plan))

    assert renders == ["skp.css", "skp.css"]


def test_bulk_job_uses_stored_copies_and_stores_the_rest(client, world, evaluated, plan, renders):
    stored = login(client, world, "section_head").get(evaluation_url(evaluated)).content
    peer = make_evaluation(
        approved_skp(world.peer, plan.period, world.section_head),
        evaluated.window,
        assessor=world.section_head,
    )
    draft = make_evaluation(
        approved_skp(world.nurse, plan.period, world.puskesmas_head),
        evaluated.window,
        assessor=world.puskesmas_head,
        final=False,
    )
    batch = DocumentBatch.objects.create(
        unit=world.health,
        period=plan.period,
        window=evaluated.window,
        requested_by=world.users["hr"],
        evaluation_ids=[evaluated.pk, peer.pk, draft.pk],
        total=3,
    )
    renders.clear()

    document_batch_run(batch=batch)

    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    assert renders == ["evaluation.css", "evaluation.css"]  # the peer's and the draft
    with zipfile.ZipFile(zip_file_path(batch)) as archive:
        year = plan.period.year
        assert archive.read(f"EVALUASI_{world.staff.nip}_{year}_TW1.pdf") == stored
    assert set(StoredDocument.objects.values_list("object_uuid", flat=True)) == {
        evaluated.uuid,
        peer.uuid,
    }
    renders.clear()
    batch2 = DocumentBatch.objects.create(
        unit=world.health,
        period=plan.period,
        window=evaluated.window,
        requested_by=world.users["hr"],
        evaluation_ids=[evaluated.pk, peer.pk],
        total=2,
    )
    document_batch_run(batch=batch2)
    assert renders == []


def test_fingerprints_cost_one_query(evaluated, staff_plan):
    skp = Skp.objects.get(pk=staff_plan.pk)
    with CaptureQueriesContext(connection) as queries:
        evaluation_fingerprint(evaluated)
        skp_fingerprint(skp)

    assert len(queries) == 2


def test_fingerprint_changes_when_a_printed_field_is_updated_in_bulk(evaluated):
    before = evaluation_fingerprint(evaluated)
    # A queryset update that does not touch ``updated_at`` (bulk services may do so).
    Evaluation.objects.filter(pk=evaluated.pk).update(notes="Catatan baru")

    assert evaluation_fingerprint(evaluated) != before


def test_fingerprint_is_per_language(evaluated):
    from django.utils import translation

    with translation.override("id"):
        indonesian = evaluation_fingerprint(evaluated)
    with translation.override("en"):
        english = evaluation_fingerprint(evaluated)

    assert indonesian != english
