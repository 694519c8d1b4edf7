"""Reads of attendance summaries. The per-object rule is ``execution.view_attendance``."""

from django.db.models import Count, QuerySet

from kinerja.execution.models import AttendanceSummary
from kinerja.org.models import Employee
from kinerja.planning.models import AssessmentPeriod, ReportingWindow


def attendance_get(employee: Employee, window: ReportingWindow) -> AttendanceSummary | None:
    return AttendanceSummary.objects.filter(employee=employee, window=window).first()


def attendance_of(employee: Employee, period: AssessmentPeriod | None = None) -> QuerySet:
    summaries = AttendanceSummary.objects.filter(employee=employee).select_related("window__period")
    if period is not None:
        summaries = summaries.filter(window__period=period)
    return summaries.order_by("window__period__start_date", "window__number")


def attendance_coverage(period: AssessmentPeriod) -> list[dict]:
    """How many summaries each window of a period holds (HR's overview), one query."""
    counts = dict(
        AttendanceSummary.objects.filter(window__period=period)
        .values("window_id")
        .annotate(n=Count("id"))
        .values_list("window_id", "n")
    )
    return [
        {"window": window, "count": counts.get(window.pk, 0)}
        for window in period.windows.all().order_by("number")
    ]
