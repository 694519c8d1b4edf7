"""Compliance lists for HR and leaders: who has not reported, who has not assessed."""

from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kinerja.access.permissions import may
from kinerja.core.spreadsheets import XLSX, csv_lines, xlsx_bytes
from kinerja.org.models import Unit
from kinerja.planning.models import ReportingWindow
from kinerja.reporting.selectors_compliance import (
    assessors_of,
    compliance_scope,
    compliance_units,
    compliance_windows,
    not_assessed,
    not_reported,
)
from kinerja.reporting.views import _attachment, safe_filename

PAGE_SIZE = 50
LISTS = ("report", "assess")


@dataclass
class Filters:
    window: ReportingWindow
    unit: Unit | None
    kind: str  # "report" (not reported) or "assess" (not assessed)


def _uuid(value: str | None) -> UUID | None:
    try:
        return UUID(value) if value else None
    except ValueError:
        raise Http404 from None


def _filters(request: HttpRequest) -> Filters:
    """The window (default: the latest that has started), unit and list asked for; 404
    when the user may not see compliance for them."""
    scope = compliance_scope(
        request.user, _uuid(request.GET.get("window")), _uuid(request.GET.get("unit"))
    )
    if scope is None or not may(request.user, "reporting.view_compliance", scope[0].period.agency):
        raise Http404
    window, unit = scope
    kind = request.GET.get("list", "report")
    if kind not in LISTS:
        kind = "report"
    return Filters(window=window, unit=unit, kind=kind)


def _rows(request: HttpRequest, filters: Filters):
    if filters.kind == "report":
        return not_reported(request.user, filters.window, filters.unit)
    return not_assessed(request.user, filters.window, filters.unit)


@require_safe
@login_required
def compliance(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    page = Paginator(_rows(request, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    if filters.kind == "assess":
        assessors = assessors_of(page.object_list)
        for report in page.object_list:
            report.assessor = assessors.get(report.assessor_id)
    windows = compliance_windows(request.user).filter(period__agency=filters.window.period.agency)
    units = compliance_units(request.user).filter(agency=filters.window.period.agency)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "reporting/compliance.html",
        {
            "filters": filters,
            "page": page,
            "windows": windows,
            "units": units,
            "query": query.urlencode(),
        },
    )


def _header(kind: str) -> list[str]:
    if kind == "report":
        return [_("NIP"), _("Name"), _("Position"), _("Unit"), _("Report"), _("Reports due")]
    return [
        _("Assessor NIP"),
        _("Assessor"),
        _("NIP"),
        _("Name"),
        _("Unit"),
        _("Submitted at"),
        _("Evaluation"),
    ]


def _table(request: HttpRequest, filters: Filters):
    """The rows as plain values, streamed in chunks (constant memory)."""
    rows = _rows(request, filters)
    if filters.kind == "report":
        draft = _("Draft")
        missing = _("Not started")
        for skp in rows.iterator(chunk_size=2000):
            yield [
                skp.employee.nip,
                skp.employee.full_name,
                skp.position.name,
                skp.position.unit.name,
                draft if skp.report_status else missing,
                filters.window.report_deadline.isoformat(),
            ]
        return
    not_final = _("Not final")
    missing = _("Not started")
    chunk: list = []

    def flush(chunk):
        assessors = assessors_of(chunk)
        for report in chunk:
            assessor = assessors.get(report.assessor_id)
            yield [
                assessor.nip if assessor else "",
                assessor.full_name if assessor else "",
                report.skp.employee.nip,
                report.skp.employee.full_name,
                report.skp.position.unit.name,
                report.submitted_at.isoformat() if report.submitted_at else "",
                not_final if report.evaluation_status else missing,
            ]

    for report in rows.iterator(chunk_size=2000):
        chunk.append(report)
        if len(chunk) == 2000:
            yield from flush(chunk)
            chunk = []
    yield from flush(chunk)


def _filename(filters: Filters, extension: str) -> str:
    name = "BELUM-LAPOR" if filters.kind == "report" else "BELUM-DINILAI"
    return (
        safe_filename(name, filters.window.label, filters.unit.code if filters.unit else "")
        + extension
    )


@require_safe
@login_required
def compliance_csv(request: HttpRequest) -> StreamingHttpResponse:
    filters = _filters(request)
    response = StreamingHttpResponse(
        csv_lines(_header(filters.kind), _table(request, filters)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(filters, ".csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@login_required
def compliance_xlsx(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    title = _("Not reported") if filters.kind == "report" else _("Not assessed")
    content = xlsx_bytes(title, _header(filters.kind), _table(request, filters))
    return _attachment(content, XLSX, _filename(filters, ".xlsx"))
