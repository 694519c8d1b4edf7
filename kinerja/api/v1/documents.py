"""Documents and compliance: an evaluation's official PDF, bulk document jobs for a unit
(start, status, zip), and the compliance lists (who has not reported, who has not
assessed).

The same rules as the pages: ``reporting.download_evaluation`` (404 outside it),
``reporting.bulk_documents`` on the unit (404), a job is its requester's, and
``reporting.view_compliance`` on the window's agency (404).
"""

from uuid import UUID

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from kinerja.access.permissions import may
from kinerja.api.pagination import PageIn
from kinerja.api.v1.schemas.documents import (
    BatchOut,
    BatchStartIn,
    ComplianceFilter,
    NotAssessedOut,
    NotReportedOut,
)
from kinerja.core.exceptions import ApplicationError
from kinerja.org.models import Unit
from kinerja.planning.models import AssessmentPeriod, ReportingWindow
from kinerja.reporting.batches import (
    batches_visible_to,
    document_batch_start,
    zip_file_path,
    zip_filename,
)
from kinerja.reporting.evaluation_document import evaluation_filename
from kinerja.reporting.models import BatchStatus, DocumentBatch
from kinerja.reporting.selectors_compliance import (
    assessors_of,
    compliance_scope,
    not_assessed,
    not_reported,
)
from kinerja.reporting.stored_documents import evaluation_document_pdf
from kinerja.reporting.views import _attachment
from kinerja.reporting.views_documents import load_evaluation_for_document

router = Router(tags=["documents"])


class NotReportedPage(Schema):
    items: list[NotReportedOut]
    count: int


class NotAssessedPage(Schema):
    items: list[NotAssessedOut]
    count: int


@router.get(
    "/evaluations/{uuid}/pdf",
    summary="An evaluation's official documents (PDF)",
    description=(
        "The Evaluasi Kinerja Pegawai and the signed Dokumen Evaluasi Kinerja Pegawai, in "
        "the official layout. The employee gets it once the evaluation is final."
    ),
    response={200: None},
)
def evaluation_pdf_get(request: HttpRequest, uuid: UUID):
    evaluation = load_evaluation_for_document(request.user, uuid)
    return _attachment(
        evaluation_document_pdf(evaluation), "application/pdf", evaluation_filename(evaluation)
    )


def _batch(request: HttpRequest, uuid: UUID) -> DocumentBatch:
    return get_object_or_404(
        batches_visible_to(request.user).select_related("unit", "period", "window__period"),
        uuid=uuid,
    )


@router.post(
    "/document-batches",
    response={201: BatchOut},
    summary="Start rendering a unit's evaluation documents into one zip",
    description=(
        "For a reporting window, or the year (leave `window` empty and give `period`). "
        "HR admins over the unit get every document; an assessor only their assessees'."
    ),
)
def batch_start(request: HttpRequest, payload: BatchStartIn):
    unit = Unit.objects.filter(uuid=payload.unit).first()
    if unit is None or not may(request.user, "reporting.bulk_documents", unit):
        raise Http404
    window = None
    if payload.window is not None:
        window = (
            ReportingWindow.objects.select_related("period")
            .filter(uuid=payload.window, period__agency_id=unit.agency_id)
            .first()
        )
        if window is None:
            raise ApplicationError(_("Choose a period of the unit's agency."))
        period = window.period
    else:
        period = AssessmentPeriod.objects.filter(
            uuid=payload.period, agency_id=unit.agency_id
        ).first()
        if period is None:
            raise ApplicationError(_("Choose a period of the unit's agency."))
    batch = document_batch_start(unit=unit, period=period, window=window, actor=request.user)
    return Status(201, _batch(request, batch.uuid))


@router.get(
    "/document-batches/{uuid}",
    response=BatchOut,
    summary="A bulk document job's progress",
)
def batch_get(request: HttpRequest, uuid: UUID):
    return _batch(request, uuid)


@router.get(
    "/document-batches/{uuid}/zip",
    response={200: None},
    summary="Download a finished bulk document job's zip",
)
def batch_zip(request: HttpRequest, uuid: UUID):
    batch = _batch(request, uuid)
    if not may(request.user, "reporting.bulk_documents", batch.unit):
        raise Http404
    path = zip_file_path(batch)
    if batch.status != BatchStatus.DONE or not path.exists():
        raise ApplicationError(_("The documents are not ready yet."))
    response = FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=zip_filename(batch),
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _compliance(request: HttpRequest, filters: ComplianceFilter):
    scope = compliance_scope(request.user, filters.window, filters.unit)
    if scope is None or not may(request.user, "reporting.view_compliance", scope[0].period.agency):
        raise Http404
    return scope


def _person(employee) -> dict | None:
    if employee is None:
        return None
    return {"uuid": employee.uuid, "nip": employee.nip, "name": employee.full_name}


@router.get(
    "/compliance/not-reported",
    response=NotReportedPage,
    summary="Who has not submitted their report for a window",
)
def compliance_not_reported(
    request: HttpRequest, filters: Query[ComplianceFilter], page: Query[PageIn]
):
    window, unit = _compliance(request, filters)
    rows = not_reported(request.user, window, unit)
    items = [
        {
            "skp": skp.uuid,
            "employee": _person(skp.employee),
            "position": skp.position.name,
            "unit": skp.position.unit.name,
            "report_status": skp.report_status,
        }
        for skp in rows[page.offset : page.offset + page.limit]
    ]
    return {"items": items, "count": rows.count()}


@router.get(
    "/compliance/not-assessed",
    response=NotAssessedPage,
    summary="Submitted reports of a window whose evaluation is not final",
)
def compliance_not_assessed(
    request: HttpRequest, filters: Query[ComplianceFilter], page: Query[PageIn]
):
    window, unit = _compliance(request, filters)
    rows = not_assessed(request.user, window, unit)
    chunk = list(rows[page.offset : page.offset + page.limit])
    assessors = assessors_of(chunk)
    items = [
        {
            "report": report.uuid,
            "employee": _person(report.skp.employee),
            "unit": report.skp.position.unit.name,
            "submitted_at": report.submitted_at,
            "evaluation_status": report.evaluation_status,
            "assessor": _person(assessors.get(report.assessor_id)),
        }
        for report in chunk
    ]
    return {"items": items, "count": rows.count()}
