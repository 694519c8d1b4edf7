"""Compliance lists for HR and leaders: who has not reported, who has not assessed."""

import csv
import io
from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from kinerja.access.permissions import actor_for, may
from kinerja.org.models import Unit
from kinerja.planning.models import ReportingWindow
from kinerja.reporting.selectors_compliance import (
    assessors_of,
    compliance_units,
    compliance_windows,
    default_window,
    not_assessed,
    not_reported,
)
from kinerja.reporting.views import XLSX, _attachment, safe_filename

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
    actor = actor_for(request.user)
    if not (actor.read_scopes or actor.is_superuser):
        raise Http404
    windows = compliance_windows(request.user)
    window_uuid = _uuid(request.GET.get("window"))
    window = windows.filter(uuid=window_uuid).first() if window_uuid else default_window(windows)
    if window is None:
        raise Http404
    if not may(request.user, "reporting.view_compliance", window.period.agency):
        raise Http404
    unit_uuid = _uuid(request.GET.get("unit"))
    unit = None
    if unit_uuid is not None:
        unit = compliance_units(request.user).filter(uuid=unit_uuid).first()
        if unit is None or unit.agency_id != window.period.agency_id:
            raise Http404
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
    """Header and rows as plain values, streamed in chunks (constant memory)."""
    yield _header(filters.kind)
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


class _Echo:
    def write(self, value):
        return value


@require_safe
@login_required
def compliance_csv(request: HttpRequest) -> StreamingHttpResponse:
    filters = _filters(request)
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in _table(request, filters)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(filters, ".csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
@login_required
def compliance_xlsx(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    filters = _filters(request)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(
        title=_("Not reported") if filters.kind == "report" else _("Not assessed")
    )
    for number, row in enumerate(_table(request, filters)):
        if number == 0:
            from openpyxl.cell import WriteOnlyCell

            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                cell.font = Font(bold=True)
                cells.append(cell)
            sheet.append(cells)
        else:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return _attachment(buffer.getvalue(), XLSX, _filename(filters, ".xlsx"))
