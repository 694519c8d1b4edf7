"""Realisations and evidence: your reports per reporting window, one report with every
indicator's realisation, window target and achievement, inline saves, submit and reopen,
evidence uploads (multipart) and links, and permission-checked downloads.

The same rules as the report pages: every read starts from ``report_visible_to`` (404
outside it); writes ask ``access`` (403 for a visible report that is not the user's to
change) and call one service, whose refusals become 400 problems.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from kinerja.access.permissions import actor_for, may
from kinerja.api.pagination import Pagination
from kinerja.api.v1.schemas.realisation import (
    EvidenceOut,
    LinkIn,
    RealisationIn,
    ReopenIn,
    ReportDetailOut,
    ReportOut,
    ReportStartIn,
    ReportWindowOut,
    RowOut,
    SubmitIn,
)
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.execution.downloads import evidence_file_response
from kinerja.execution.models import Evidence, PeriodReport
from kinerja.execution.selectors import (
    evidence_visible_to,
    report_get,
    report_row,
    report_rows,
    report_visible_to,
    report_windows,
)
from kinerja.execution.services import evidence as evidence_services
from kinerja.execution.services import realisation as services
from kinerja.planning.models import Indicator, ReportingWindow
from kinerja.planning.selectors import current_period, skp_visible_to

router = Router(tags=["realisations"])


def _report(request: HttpRequest, uuid: UUID) -> PeriodReport:
    try:
        report = report_get(report_visible_to(request.user), uuid)
    except PeriodReport.DoesNotExist:
        raise Http404 from None
    if not may(request.user, "execution.view_report", report):
        raise Http404
    return report


def _require(request: HttpRequest, action: str, obj) -> None:
    if not may(request.user, action, obj):
        raise PermissionDenied


def _changeable(request: HttpRequest, uuid: UUID) -> PeriodReport:
    report = _report(request, uuid)
    _require(request, "execution.change_report", report)
    return report


def _indicator(report: PeriodReport, uuid: UUID) -> Indicator:
    return get_object_or_404(
        Indicator.objects.select_related("result"), uuid=uuid, result__skp_id=report.skp_id
    )


def _detail(report: PeriodReport) -> PeriodReport:
    report.rows = report_rows(report)
    return report


def _evidence(request: HttpRequest, uuid: UUID) -> Evidence:
    evidence = get_object_or_404(
        evidence_visible_to(request.user).select_related(
            "realisation__report__skp__employee", "realisation__report__window"
        ),
        uuid=uuid,
    )
    if not may(request.user, "execution.view_evidence", evidence):
        raise Http404
    return evidence


@router.get(
    "/reports",
    response=list[ReportWindowOut],
    summary="Your reporting windows this period",
    description="Every window of your approved SKPs in your agency's current period, "
    "with its report once started.",
)
@paginate(Pagination)
def report_list(request: HttpRequest):
    employee = actor_for(request.user).employee
    if employee is None:
        return []
    period = current_period(employee.agency, today())
    return report_windows(employee, period) if period else []


@router.post(
    "/reports",
    response={200: ReportDetailOut, 201: ReportDetailOut},
    summary="Start (or open) your report for a window",
)
def report_start(request: HttpRequest, payload: ReportStartIn):
    skp = get_object_or_404(
        skp_visible_to(request.user).select_related("employee", "period"), uuid=payload.skp
    )
    if not may(request.user, "planning.view_skp", skp):
        raise Http404
    window = ReportingWindow.objects.filter(uuid=payload.window, period_id=skp.period_id).first()
    if window is None:
        raise ApplicationError(_("This reporting window is not part of the SKP's span."))
    existing = PeriodReport.objects.filter(skp=skp, window=window).first()
    if existing is not None:
        return Status(200, _detail(_report(request, existing.uuid)))
    _require(request, "execution.change_report", PeriodReport(skp=skp, window=window))
    report = services.report_for(skp=skp, window=window, actor=request.user)
    return Status(201, _detail(_report(request, report.uuid)))


@router.get("/reports/{uuid}", response=ReportDetailOut, summary="One report with every indicator")
def report_get_one(request: HttpRequest, uuid: UUID):
    return _detail(_report(request, uuid))


@router.put(
    "/reports/{uuid}/realisations/{indicator}",
    response=RowOut,
    summary="Record an indicator's realisation in the report",
)
def realisation_put(request: HttpRequest, uuid: UUID, indicator: UUID, payload: RealisationIn):
    report = _changeable(request, uuid)
    target = _indicator(report, indicator)
    services.realisation_save(
        report=report,
        indicator=target,
        value=payload.value,
        narrative=payload.narrative,
        actor=request.user,
    )
    return report_row(report, target)


@router.post(
    "/reports/{uuid}/submit", response=ReportOut, summary="Submit your report to the assessor"
)
def report_submit(request: HttpRequest, uuid: UUID, payload: SubmitIn):
    report = _report(request, uuid)
    _require(request, "execution.submit_report", report)
    services.report_submit(report=report, note=payload.note, actor=request.user)
    return _report(request, uuid)


@router.post(
    "/reports/{uuid}/reopen",
    response=ReportOut,
    summary="Reopen a submitted report for corrections (assessor)",
)
def report_reopen(request: HttpRequest, uuid: UUID, payload: ReopenIn):
    report = _report(request, uuid)
    _require(request, "execution.reopen_report", report)
    services.report_reopen(report=report, reason=payload.reason, actor=request.user)
    return _report(request, uuid)


@router.post(
    "/reports/{uuid}/realisations/{indicator}/files",
    response={201: EvidenceOut},
    summary="Upload an evidence file (multipart)",
    description="A PDF, an image (PNG, JPEG, GIF, WebP) or an office document, at most "
    "MAX_UPLOAD_MB (10 MB by default); the type is checked by content and the file "
    "name's extension must agree.",
)
def evidence_file_create(
    request: HttpRequest,
    uuid: UUID,
    indicator: UUID,
    file: File[UploadedFile] = None,
    title: Form[str] = "",
):
    report = _changeable(request, uuid)
    target = _indicator(report, indicator)
    # Optional in the signature so that who may upload is checked before what was sent.
    if file is None:
        raise ApplicationError(_("Choose a file to upload."))
    evidence = evidence_services.evidence_add_file(
        report=report, indicator=target, upload=file, title=title, actor=request.user
    )
    return Status(201, evidence)


@router.post(
    "/reports/{uuid}/realisations/{indicator}/links",
    response={201: EvidenceOut},
    summary="Add a link as evidence",
)
def evidence_link_create(request: HttpRequest, uuid: UUID, indicator: UUID, payload: LinkIn):
    report = _changeable(request, uuid)
    target = _indicator(report, indicator)
    evidence = evidence_services.evidence_add_link(
        report=report, indicator=target, url=payload.url, title=payload.title, actor=request.user
    )
    return Status(201, evidence)


@router.delete("/evidence/{uuid}", response={204: None}, summary="Delete a piece of evidence")
def evidence_delete(request: HttpRequest, uuid: UUID):
    evidence = _evidence(request, uuid)
    _require(request, "execution.change_report", evidence.realisation.report)
    evidence_services.evidence_delete(evidence=evidence, actor=request.user)
    return Status(204, None)


@router.get(
    "/evidence/{uuid}/file",
    summary="Download an evidence file",
    description="The file as uploaded, to those who may read the SKP.",
    response={200: None},
)
def evidence_file(request: HttpRequest, uuid: UUID):
    return evidence_file_response(_evidence(request, uuid))
