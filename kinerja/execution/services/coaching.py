"""Performance guidance (bimbingan kinerja, domain.md §1.6): the leader logs sessions,
the employee answers the nine statements of format B.1.8 about a session once, and the
leader evaluates the employee's competences 1–5 with reasons (format B.1.9).

``access`` decides who (``execution.log_coaching``, ``answer_coaching_feedback``,
``evaluate_competence``); here only whether the content is acceptable now.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from kinerja.access.permissions import actor_for
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.execution.enums import COACHING_FEEDBACK_STATEMENTS, CoachingKind
from kinerja.execution.models import (
    CoachingFeedback,
    CoachingSession,
    CompetenceEvaluation,
    CompetenceScore,
)
from kinerja.notifications.services import notify
from kinerja.org.models import Employee
from kinerja.planning.models import AssessmentPeriod
from kinerja.regulation.competences import COMPETENCE_SCALE, GUIDANCE_ANSWER_SCALE


def _period_on(employee: Employee, on: datetime.date) -> AssessmentPeriod:
    period = AssessmentPeriod.objects.filter(
        agency_id=employee.agency_id, start_date__lte=on, end_date__gte=on
    ).first()
    if period is None:
        raise ApplicationError(
            _("The agency has no assessment period on %(date)s.")
            % {"date": on.strftime("%d-%m-%Y")}
        )
    return period


def _employee_of(actor) -> Employee:
    # The actor's employee as ``access`` found it (cached on the user for the request).
    employee = actor_for(actor).employee
    if employee is None:
        raise ApplicationError(_("Only an employee can do this."))
    return employee


def _clean(obj) -> None:
    """``full_clean`` with the model's messages as one ApplicationError for the forms."""
    try:
        obj.full_clean()
    except ValidationError as error:
        raise ApplicationError(" ".join(error.messages)) from None


def _tell(employee: Employee, title: str, link: str) -> None:
    if employee.user_id is not None:
        notify(recipient=employee.user, title=title, link=link, email=True)


@transaction.atomic
def coaching_session_log(
    *,
    employee: Employee,
    held_on: datetime.date,
    kind: str,
    topic: str,
    notes: str = "",
    agreed_actions: str = "",
    follow_up_on: datetime.date | None = None,
    actor,
) -> CoachingSession:
    """The leader (the actor's employee) records a session held with ``employee``."""
    coach = _employee_of(actor)
    if coach.pk == employee.pk:
        raise ApplicationError(_("A guidance session is held with someone else."))
    if held_on > today():
        raise ApplicationError(_("A session is logged after it was held, not before."))
    if follow_up_on is not None and follow_up_on < held_on:
        raise ApplicationError(_("The follow-up date cannot be before the session."))
    if kind not in CoachingKind.values:
        raise ApplicationError(_("Unknown kind of guidance."))
    if not (topic or "").strip():
        raise ApplicationError(_("Give the topic of the session."))
    session = CoachingSession(
        employee=employee,
        coach=coach,
        period=_period_on(employee, held_on),
        held_on=held_on,
        kind=kind,
        topic=(topic or "").strip(),
        notes=(notes or "").strip(),
        agreed_actions=(agreed_actions or "").strip(),
        follow_up_on=follow_up_on,
    )
    _clean(session)
    session.save()
    log_action(
        actor=actor,
        action="execution.coaching_session_log",
        obj=session,
        subject_employee_id=employee.pk,
        after={
            "held_on": held_on.isoformat(),
            "kind": kind,
            "topic": session.topic,
            "notes": session.notes,
            "agreed_actions": session.agreed_actions,
            "follow_up_on": follow_up_on.isoformat() if follow_up_on else None,
        },
    )
    with override("id"):
        title = _("%(name)s logged a guidance session with you: %(topic)s") % {
            "name": coach.full_name,
            "topic": session.topic,
        }
    _tell(employee, title, reverse("execution:coaching_session", args=[session.uuid]))
    return session


@transaction.atomic
def coaching_feedback_give(
    *, session: CoachingSession, answers: list[int], comment: str = "", actor
) -> CoachingFeedback:
    """The employee's answers to the nine B.1.8 statements, once per session."""
    if CoachingFeedback.objects.filter(session=session).exists():
        raise ApplicationError(_("You have already answered the feedback on this session."))
    if len(answers) != len(COACHING_FEEDBACK_STATEMENTS):
        raise ApplicationError(
            _("Answer all %(count)s statements.") % {"count": len(COACHING_FEEDBACK_STATEMENTS)}
        )
    if any(not isinstance(a, int) or a not in GUIDANCE_ANSWER_SCALE for a in answers):
        raise ApplicationError(_("Each answer is a number from 1 to 4."))
    feedback = CoachingFeedback(
        session=session, answers=list(answers), comment=(comment or "").strip()
    )
    _clean(feedback)
    feedback.save()
    log_action(
        actor=actor,
        action="execution.coaching_feedback_give",
        obj=session,
        subject_employee_id=session.employee_id,
        after={"answers": feedback.answers, "comment": feedback.comment},
    )
    with override("id"):
        title = _("%(name)s answered the feedback on your guidance session") % {
            "name": session.employee.full_name
        }
    _tell(session.coach, title, reverse("execution:coaching_session", args=[session.uuid]))
    return feedback


@dataclass(frozen=True)
class ScoreInput:
    competence: str
    score: int
    reason: str


@transaction.atomic
def competence_evaluation_create(
    *,
    employee: Employee,
    evaluated_on: datetime.date,
    scores: list[ScoreInput],
    note: str = "",
    actor,
) -> CompetenceEvaluation:
    """The leader's B.1.9 evaluation: each competence scored 1–5 with a reason."""
    evaluator = _employee_of(actor)
    if evaluator.pk == employee.pk:
        raise ApplicationError(_("A leader evaluates someone else's competences."))
    if evaluated_on > today():
        raise ApplicationError(_("The evaluation date cannot be in the future."))
    problems = _score_problems(scores)
    if problems:
        raise ApplicationError(
            _("The competence evaluation is incomplete."), extra={"problems": problems}
        )
    evaluation = CompetenceEvaluation(
        employee=employee,
        evaluator=evaluator,
        period=_period_on(employee, evaluated_on),
        evaluated_on=evaluated_on,
        note=(note or "").strip(),
    )
    _clean(evaluation)
    evaluation.save()
    rows = [
        CompetenceScore(
            evaluation=evaluation,
            competence=s.competence.strip(),
            score=s.score,
            reason=s.reason.strip(),
        )
        for s in scores
    ]
    CompetenceScore.objects.bulk_create(rows)
    log_action(
        actor=actor,
        action="execution.competence_evaluation_create",
        obj=evaluation,
        subject_employee_id=employee.pk,
        after={
            "evaluated_on": evaluated_on.isoformat(),
            "scores": [[r.competence, r.score, r.reason] for r in rows],
            "note": evaluation.note,
        },
    )
    with override("id"):
        title = _("%(name)s evaluated your competences") % {"name": evaluator.full_name}
    _tell(employee, title, reverse("execution:coaching_mine"))
    return evaluation


def _score_problems(scores: list[ScoreInput]) -> list[str]:
    if not scores:
        return [_("Score at least one competence.")]
    problems = []
    seen: set[str] = set()
    for s in scores:
        name = (s.competence or "").strip()
        if not name:
            problems.append(_("Every score needs the competence's name."))
            continue
        if len(name) > 200:
            problems.append(_("%(name)s: the name is too long.") % {"name": name[:40]})
        if name.casefold() in seen:
            problems.append(_("%(name)s is scored twice.") % {"name": name})
        seen.add(name.casefold())
        if s.score not in COMPETENCE_SCALE:
            problems.append(_("%(name)s: the score is from 1 to 5.") % {"name": name})
        if not (s.reason or "").strip():
            problems.append(_("%(name)s: give the reason for the score.") % {"name": name})
    return problems
