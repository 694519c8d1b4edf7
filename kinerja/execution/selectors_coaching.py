"""Reads of performance guidance: sessions, B.1.8 answers and B.1.9 evaluations.
Lists start from ``coaching_sessions_visible_to`` / ``competence_evaluations_visible_to``;
the per-object rule is ``execution.view_coaching``."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from kinerja.access.permissions import actor_for, employees_managed_by
from kinerja.core.clock import today
from kinerja.execution.enums import COACHING_FEEDBACK_STATEMENTS
from kinerja.execution.models import CoachingSession, CompetenceEvaluation
from kinerja.org.enums import PositionKind
from kinerja.org.models import Assignment, Employee
from kinerja.org.selectors import active_on, assessees_of


def _led_by_assessees(assessee_ids: set[int], on: datetime.date) -> set[int]:
    """People assessed by those the actor assesses: the actor is their assessor's superior."""
    leaders = Employee.objects.filter(pk__in=assessee_ids).filter(
        Exists(
            Assignment.objects.filter(active_on(on), employee=OuterRef("pk")).filter(
                Q(position__kind__in=PositionKind.structural()) | Q(position__is_unit_head=True)
            )
        )
    )
    found: set[int] = set()
    for leader in leaders:
        found |= assessees_of(leader, on)
    return found


def _employee_condition(user, prefix: str) -> Q | None:
    """Whose guidance records the user may list; None means everyone (superadmin)."""
    actor = actor_for(user)
    if actor.is_superuser:
        return None
    condition = Q(pk__in=[])
    if actor.employee is not None:
        condition |= Q(**{prefix: actor.employee})
        on = today()
        assessees = actor.assessees(on)
        if assessees:
            condition |= Q(**{f"{prefix}_id__in": assessees | _led_by_assessees(assessees, on)})
    if actor.hr_scopes:
        condition |= Q(**{f"{prefix}__in": employees_managed_by(user)})
    return condition


def coaching_sessions_visible_to(user) -> QuerySet[CoachingSession]:
    """Sessions the user may read: their own, those they held, those of the people they
    assess (and of the people those assess), and those inside their HR scopes."""
    condition = _employee_condition(user, "employee")
    if condition is None:
        return CoachingSession.objects.all()
    employee = actor_for(user).employee
    if employee is not None:
        condition |= Q(coach=employee)
    return CoachingSession.objects.filter(condition)


def competence_evaluations_visible_to(user) -> QuerySet[CompetenceEvaluation]:
    condition = _employee_condition(user, "employee")
    if condition is None:
        return CompetenceEvaluation.objects.all()
    employee = actor_for(user).employee
    if employee is not None:
        condition |= Q(evaluator=employee)
    return CompetenceEvaluation.objects.filter(condition)


def coaching_session_list(sessions: QuerySet[CoachingSession]) -> QuerySet[CoachingSession]:
    """Sessions with their people and the employee's B.1.8 answers, newest first."""
    return sessions.select_related("employee", "coach", "period", "employee_feedback").order_by(
        "-held_on", "-id"
    )


def competence_evaluation_list(
    evaluations: QuerySet[CompetenceEvaluation],
) -> QuerySet[CompetenceEvaluation]:
    return (
        evaluations.select_related("employee", "evaluator", "period")
        .prefetch_related("scores")
        .order_by("-evaluated_on", "-id")
    )


@dataclass(frozen=True)
class StatementSummary:
    number: int
    statement: str
    mean: float | None
    count: int


@dataclass(frozen=True)
class FeedbackSummary:
    """The mean answer per B.1.8 statement over the answered sessions of a coach."""

    sessions: int
    answered: int
    statements: list[StatementSummary]


def coaching_feedback_summary(sessions: QuerySet[CoachingSession]) -> FeedbackSummary:
    """Means per statement over the sessions' answers: one query."""
    rows = list(sessions.values_list("employee_feedback__answers", flat=True))
    answered = [answers for answers in rows if answers]
    statements = []
    for index, statement in enumerate(COACHING_FEEDBACK_STATEMENTS):
        values = [a[index] for a in answered if len(a) > index]
        mean = round(sum(values) / len(values), 2) if values else None
        statements.append(StatementSummary(index + 1, str(statement), mean, len(values)))
    return FeedbackSummary(sessions=len(rows), answered=len(answered), statements=statements)
