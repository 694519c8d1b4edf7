"""Attendance import for HR admins (/pelaksanaan/kehadiran/): upload a CSV or XLSX of
per-window summaries, see every problem per row, nothing written unless every row is
right (all or nothing); a template CSV to start from.

Include contract of ``execution/attendance_summary.html`` for the evaluation page:
context ``attendance`` (an ``AttendanceSummary`` or None, from
``selectors_attendance.attendance_get(employee, window)``) and ``attendance_window``
(the ``ReportingWindow``). Ask ``may(user, "execution.view_attendance", employee)``
before showing it. It is input for the behaviour rating, never a score.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kinerja.access.permissions import agencies_visible_to, may
from kinerja.execution.attendance_files import COLUMNS, template_csv
from kinerja.execution.forms.attendance import AttendanceImportForm
from kinerja.execution.selectors_attendance import attendance_coverage
from kinerja.execution.services.attendance import attendance_import
from kinerja.org.models import Agency
from kinerja.planning.models import AssessmentPeriod


def _import_agencies(user) -> list[Agency]:
    return [a for a in agencies_visible_to(user) if may(user, "execution.import_attendance", a)]


@login_required
def attendance_page(request: HttpRequest) -> HttpResponse:
    agencies = _import_agencies(request.user)
    if not agencies:
        raise PermissionDenied
    periods = AssessmentPeriod.objects.filter(agency__in=agencies).select_related("agency")
    periods = periods.order_by("-year", "agency__name")
    form = AttendanceImportForm(request.POST or None, request.FILES or None, periods=periods)
    report = None
    if request.method == "POST" and form.is_valid():
        period = form.cleaned_data["period"]
        upload = form.cleaned_data["file"]
        report = attendance_import(
            agency=period.agency,
            period=period,
            name=upload.name,
            data=upload.read(),
            actor=request.user,
        )
    shown = form.cleaned_data.get("period") if form.is_bound and form.is_valid() else None
    shown = shown or form.first_period
    return render(
        request,
        "execution/attendance_import.html",
        {
            "form": form,
            "report": report,
            "columns": COLUMNS,
            "coverage": attendance_coverage(shown) if shown else [],
            "shown_period": shown,
            "max_mb": settings.IMPORT_MAX_UPLOAD_BYTES // (1024 * 1024),
        },
        status=400 if report is not None and not report.ok else 200,
    )


@login_required
def attendance_template(request: HttpRequest) -> HttpResponse:
    if not _import_agencies(request.user):
        raise PermissionDenied
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kehadiran.csv"'
    return response
