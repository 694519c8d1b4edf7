"""Compliance lists for HR: who has not reported, who has not assessed (per window).

Both lists start from the people the user oversees (``employees_managed_by`` for HR
admins, plus the subtree of a leader's scope) and cost a fixed number of queries
whatever their length: the page's rows, their count, and the assessors of the page.

*Not reported*: an approved SKP in force during the window whose report for the window
is missing or still a draft (domain.md §1.6).
*Not assessed*: a submitted report whose evaluation for the window is missing or not
final. The assessor shown is the one on the evaluation, else the one who approved the
plan (the pejabat penilai snapshotted then).
"""

from uuid import UUID

from django.db.models import (
    BigIntegerField,
    CharField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from kinerja.access.permissions import actor_for, employees_managed_by
from kinerja.appraisal.enums import EvaluationStatus
from kinerja.appraisal.models import Evaluation
from kinerja.core.clock import today
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import PeriodReport
from kinerja.org.models import Agency, Employee, Unit
from kinerja.org.selectors import employee_in_subtree
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import AssessmentPeriod, ReportingWindow, Skp


def employees_overseen_by(user) -> QuerySet[Employee]:
    """HR admins' employees (``employees_managed_by``) and those under a leader's scope."""
    actor = actor_for(user)
    managed = employees_managed_by(user)
    if actor.is_superuser or not actor.leader_scopes:
        return managed
    on = today()
    condition = Q(pk__in=managed.values("pk"))
    for scope in actor.leader_scopes:
        part = Q(agency_id=scope.agency_id)
        if scope.path is not None:
            part &= employee_in_subtree(scope.path, on)
        condition |= part
    return Employee.objects.filter(condition)


def compliance_agencies(user) -> QuerySet[Agency]:
    actor = actor_for(user)
    if actor.is_superuser:
        return Agency.objects.all()
    return Agency.objects.filter(pk__in={s.agency_id for s in actor.read_scopes})


def compliance_windows(user) -> QuerySet[ReportingWindow]:
    """The reporting windows of the user's agencies, newest period first."""
    return (
        ReportingWindow.objects.filter(period__agency__in=compliance_agencies(user))
        .select_related("period__agency")
        .order_by("-period__year", "period__agency__name", "number")
    )


def default_window(windows: QuerySet[ReportingWindow]) -> ReportingWindow | None:
    """The latest window that has started (its reports are the ones being chased)."""
    started = windows.filter(start_date__lte=today()).order_by("-start_date").first()
    return started or windows.order_by("start_date").first()


def compliance_units(user) -> QuerySet[Unit]:
    """Units to filter by: those inside the user's HR and leader scopes."""
    actor = actor_for(user)
    if actor.is_superuser:
        return Unit.objects.order_by("agency_id", "path")
    condition = Q(pk__in=[])
    for scope in actor.read_scopes:
        part = Q(agency_id=scope.agency_id)
        if scope.path is not None:
            part &= Q(path__startswith=scope.path)
        condition |= part
    return Unit.objects.filter(condition).order_by("agency_id", "path")


def compliance_scope(
    user, window_uuid: UUID | None, unit_uuid: UUID | None = None
) -> tuple[ReportingWindow, Unit | None] | None:
    """The window (by uuid, else ``default_window``) of the user's agencies and the
    unit (optional) inside the user's scopes and the window's agency that a compliance
    list is asked for, or None when there is no such window or unit. The caller still
    asks ``reporting.view_compliance`` on the window's agency."""
    actor = actor_for(user)
    if not (actor.read_scopes or actor.is_superuser):
        return None
    windows = compliance_windows(user)
    window = windows.filter(uuid=window_uuid).first() if window_uuid else default_window(windows)
    if window is None:
        return None
    unit = None
    if unit_uuid is not None:
        unit = compliance_units(user).filter(uuid=unit_uuid).first()
        if unit is None or unit.agency_id != window.period.agency_id:
            return None
    return window, unit


def _in_scope(skps: QuerySet[Skp], user, unit: Unit | None) -> QuerySet[Skp]:
    skps = skps.filter(employee__in=employees_overseen_by(user))
    if unit is not None:
        skps = skps.filter(position__unit__path__startswith=unit.path)
    return skps


def not_reported(user, window: ReportingWindow, unit: Unit | None = None) -> QuerySet[Skp]:
    """Approved SKPs in force during the window with no submitted report for it, each
    with ``report_status`` ("draft", or None when nothing was started)."""
    period: AssessmentPeriod = window.period
    reports = PeriodReport.objects.filter(skp=OuterRef("pk"), window=window)
    skps = Skp.objects.filter(
        period=period,
        status=SkpStatus.APPROVED,
        start_date__lte=window.end_date,
        end_date__gte=window.start_date,
        employee__is_active=True,
    ).exclude(Exists(reports.filter(status=ReportStatus.SUBMITTED)))
    return (
        _in_scope(skps, user, unit)
        .annotate(report_status=Subquery(reports.values("status")[:1]))
        .select_related("employee", "position__unit")
        .order_by("position__unit__path", "employee__name", "pk")
    )


def not_assessed(user, window: ReportingWindow, unit: Unit | None = None) -> QuerySet[PeriodReport]:
    """Submitted reports of the window whose evaluation is missing or not final, each
    with ``evaluation_status`` (None when missing), ``assessor_id`` and
    ``assessor_name``."""
    evaluations = Evaluation.objects.filter(skp=OuterRef("skp_id"), window=window)
    reports = PeriodReport.objects.filter(
        window=window, status=ReportStatus.SUBMITTED, skp__in=_in_scope(Skp.objects, user, unit)
    ).exclude(Exists(evaluations.filter(status=EvaluationStatus.FINAL)))
    return (
        reports.annotate(
            evaluation_status=Subquery(evaluations.values("status")[:1]),
            assessor_id=Coalesce(
                Subquery(evaluations.values("assessor_id")[:1]),
                F("skp__approved_by_id"),
                output_field=BigIntegerField(),
            ),
            assessor_name=Coalesce(
                Subquery(evaluations.values("assessor__name")[:1]),
                F("skp__approved_by__name"),
                Value(""),
                output_field=CharField(),
            ),
        )
        .select_related("skp__employee", "skp__position__unit")
        .order_by("assessor_name", "skp__employee__name", "pk")
    )


def assessors_of(rows) -> dict[int, Employee]:
    """The assessors of a page of ``not_assessed`` rows, in one query."""
    ids = {row.assessor_id for row in rows if row.assessor_id}
    return Employee.objects.in_bulk(ids)
