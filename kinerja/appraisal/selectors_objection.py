"""Reads for objections, the activity log per employee, and credit points.

Every list starts from a ``*_visible_to`` selector; the per-object rules are
``appraisal.view_objection``, ``appraisal.view_credit_points`` and
``core.view_activity_log`` in ``access.permissions``.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from kinerja.access.permissions import actor_for
from kinerja.appraisal.enums import EvaluationStatus, ObjectionStatus
from kinerja.appraisal.models import CreditPointAward, Evaluation, Objection
from kinerja.core.clock import today
from kinerja.core.models import ActivityLog
from kinerja.org.models import Employee, Unit
from kinerja.org.selectors import employee_in_subtree


def _hr_condition(user, field: str) -> Q:
    """Rows whose employee (reached by ``field``) is inside the user's HR scopes."""
    actor = actor_for(user)
    condition = Q(pk__in=[])
    on = today()
    for scope in actor.hr_scopes:
        part = Q(**{f"{field}__agency_id": scope.agency_id})
        if scope.path is not None:
            part &= Q(
                Exists(
                    Employee.objects.filter(
                        employee_in_subtree(scope.path, on), pk=OuterRef(f"{field}_id")
                    )
                )
            )
        condition |= part
    return condition


def objection_visible_to(user) -> QuerySet[Objection]:
    """Objections the user may read: their own, those they assessed or decide, and
    those of the employees in their HR scopes."""
    actor = actor_for(user)
    if actor.is_superuser:
        return Objection.objects.all()
    condition = _hr_condition(user, "filed_by")
    if actor.employee is not None:
        me = actor.employee.pk
        condition |= Q(filed_by_id=me) | Q(decider_id=me) | Q(evaluation__assessor_id=me)
    return Objection.objects.filter(condition)


def objection_list(queryset: QuerySet[Objection]) -> QuerySet[Objection]:
    """Objections with what a list row shows, in a fixed number of queries."""
    return queryset.select_related(
        "filed_by",
        "decider",
        "evaluation__skp__period",
        "evaluation__skp__position__unit",
        "evaluation__assessor",
    ).order_by("-created_at")


def objection_get(queryset: QuerySet[Objection], uuid) -> Objection:
    return objection_list(queryset).select_related("decided_by").get(uuid=uuid)


def objection_overdue_count(queryset: QuerySet[Objection]) -> int:
    return queryset.filter(status=ObjectionStatus.FILED, decide_by__lt=today()).count()


def objectable_evaluations(employee: Employee) -> QuerySet[Evaluation]:
    """The employee's final annual evaluations, newest first, with their objections."""
    return (
        Evaluation.objects.filter(
            skp__employee=employee, window__isnull=True, status=EvaluationStatus.FINAL
        )
        .select_related("skp__period", "skp__position", "assessor")
        .prefetch_related("objections", "credit_points")
        .order_by("-skp__period__year", "-skp__start_date")
    )


# --- activity log --------------------------------------------------------------------


def activity_of(employee: Employee) -> QuerySet[ActivityLog]:
    """Everything the activity log holds about one employee, newest first."""
    return (
        ActivityLog.objects.filter(subject_employee_id=employee.pk)
        .select_related("actor")
        .order_by("-occurred_at", "-id")
    )


# --- credit points -------------------------------------------------------------------


def credit_points_of(employee: Employee) -> QuerySet[CreditPointAward]:
    return (
        CreditPointAward.objects.filter(employee=employee)
        .select_related("evaluation__skp__period", "evaluation__skp__position")
        .order_by("-evaluation__skp__period__year", "-created_at")
    )


def credit_points_visible_to(user) -> QuerySet[CreditPointAward]:
    """Awards the user may list: their own, and those in their HR/leader scopes."""
    actor = actor_for(user)
    if actor.is_superuser:
        return CreditPointAward.objects.all()
    condition = Q(pk__in=[])
    if actor.employee is not None:
        condition |= Q(employee_id=actor.employee.pk)
    on = today()
    for scope in actor.read_scopes:
        part = Q(employee__agency_id=scope.agency_id)
        if scope.path is not None:
            part &= Q(
                Exists(
                    Employee.objects.filter(
                        employee_in_subtree(scope.path, on), pk=OuterRef("employee_id")
                    )
                )
            )
        condition |= part
    return CreditPointAward.objects.filter(condition)


def credit_points_of_unit(
    queryset: QuerySet[CreditPointAward], *, unit: Unit, year: int | None
) -> QuerySet[CreditPointAward]:
    """Awards for evaluations of SKPs in posts of ``unit``'s subtree, for ``year``."""
    queryset = queryset.filter(evaluation__skp__position__unit__path__startswith=unit.path)
    if year is not None:
        queryset = queryset.filter(evaluation__skp__period__year=year)
    return queryset.select_related(
        "employee", "evaluation__skp__period", "evaluation__skp__position__unit"
    ).order_by("evaluation__skp__position__unit__path", "employee__name", "employee__nip")
