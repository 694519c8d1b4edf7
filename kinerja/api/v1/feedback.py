"""Continuous feedback threads, performance guidance (sessions, B.1.8 answers, B.1.9
competence evaluations) and attendance summaries.

The same rules as the pages: reads start from the ``*_visible_to`` selectors (404
outside them), writes ask ``access`` (403 when visible but not allowed) and call one
service, whose refusals become 400 problems.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from kinerja.access.permissions import employees_visible_to, may
from kinerja.api.pagination import Pagination
from kinerja.api.v1.schemas.feedback import (
    AttendanceOut,
    CoachingFeedbackIn,
    CoachingSessionIn,
    CoachingSessionOut,
    CompetenceEvaluationIn,
    CompetenceEvaluationOut,
    FeedbackIn,
    FeedbackMessageOut,
    FeedbackThreadOut,
)
from kinerja.execution.selectors_attendance import attendance_of
from kinerja.execution.selectors_coaching import (
    coaching_session_list,
    coaching_sessions_visible_to,
    competence_evaluation_list,
    competence_evaluations_visible_to,
)
from kinerja.execution.selectors_feedback import feedback_threads
from kinerja.execution.services.coaching import (
    ScoreInput,
    coaching_feedback_give,
    coaching_session_log,
    competence_evaluation_create,
)
from kinerja.execution.services.feedback import (
    feedback_post,
    feedback_rights,
    feedback_write_action,
)
from kinerja.planning.models import PlannedResult, ReportingWindow, Skp
from kinerja.planning.selectors import skp_visible_to

router = Router(tags=["execution: feedback and guidance"])


def _require(request: HttpRequest, action: str, obj) -> None:
    if not may(request.user, action, obj):
        raise PermissionDenied


def _skp_window(request: HttpRequest, uuid: UUID, number: int) -> tuple[Skp, ReportingWindow]:
    skp = get_object_or_404(
        skp_visible_to(request.user).select_related("employee", "period"), uuid=uuid
    )
    if not may(request.user, "execution.view_feedback", skp):
        raise Http404
    return skp, get_object_or_404(ReportingWindow, period_id=skp.period_id, number=number)


def _threads(request: HttpRequest, skp: Skp, window: ReportingWindow) -> list[dict]:
    rights = feedback_rights(request.user, skp, window)
    return [
        {
            "key": thread.key,
            "label": thread.label,
            "result": thread.result.uuid if thread.result else None,
            "core_value": thread.core_value or None,
            "can_write": rights.can_write(bool(thread.messages)),
            "messages": thread.messages,
        }
        for thread in feedback_threads(skp, window)
    ]


@router.get(
    "/skps/{uuid}/feedback/{number}",
    response=list[FeedbackThreadOut],
    summary="The feedback threads of an SKP in one reporting window",
    description="One thread per result (RHK), then one per BerAKHLAK value.",
)
def feedback_thread_list(request: HttpRequest, uuid: UUID, number: int):
    skp, window = _skp_window(request, uuid, number)
    return _threads(request, skp, window)


@router.post(
    "/skps/{uuid}/feedback/{number}",
    response={201: FeedbackMessageOut},
    summary="Write in a feedback thread",
    description=(
        "The assessor (or the assessor's superior) opens or continues a thread; the SKP's "
        "employee may reply in a thread that exists. The other party is notified at once."
    ),
)
def feedback_create(request: HttpRequest, uuid: UUID, number: int, payload: FeedbackIn):
    skp, window = _skp_window(request, uuid, number)
    _require(request, feedback_write_action(request.user, skp), skp)
    result = None
    if payload.result is not None:
        result = get_object_or_404(PlannedResult, skp=skp, uuid=payload.result)
    message = feedback_post(
        skp=skp,
        window=window,
        result=result,
        core_value=payload.core_value or "",
        text=payload.text,
        actor=request.user,
    )
    return Status(201, message)


# --- performance guidance --------------------------------------------------------------


class EmployeeFilter(Schema):
    employee: UUID | None = Field(None, description="Only this employee's records.")


def _person(request: HttpRequest, uuid: UUID):
    person = get_object_or_404(employees_visible_to(request.user), uuid=uuid)
    if not may(request.user, "execution.view_coaching", person):
        raise Http404
    return person


@router.get(
    "/coaching/sessions",
    response=list[CoachingSessionOut],
    summary="Guidance sessions you may read, newest first",
)
@paginate(Pagination)
def coaching_session_index(request: HttpRequest, filters: Query[EmployeeFilter]):
    sessions = coaching_session_list(coaching_sessions_visible_to(request.user))
    if filters.employee is not None:
        sessions = sessions.filter(employee__uuid=filters.employee)
    return sessions


@router.post(
    "/coaching/sessions",
    response={201: CoachingSessionOut},
    summary="Log a guidance session with someone you assess or supervise",
)
def coaching_session_create(request: HttpRequest, payload: CoachingSessionIn):
    person = _person(request, payload.employee)
    _require(request, "execution.log_coaching", person)
    session = coaching_session_log(
        employee=person,
        held_on=payload.held_on,
        kind=payload.kind,
        topic=payload.topic,
        notes=payload.notes,
        agreed_actions=payload.agreed_actions,
        follow_up_on=payload.follow_up_on,
        actor=request.user,
    )
    return Status(201, session)


@router.post(
    "/coaching/sessions/{uuid}/feedback",
    response={201: CoachingSessionOut},
    summary="Answer the nine statements (B.1.8) about a session you received, once",
)
def coaching_session_feedback(request: HttpRequest, uuid: UUID, payload: CoachingFeedbackIn):
    session = get_object_or_404(
        coaching_session_list(coaching_sessions_visible_to(request.user)), uuid=uuid
    )
    if not may(request.user, "execution.view_coaching", session):
        raise Http404
    _require(request, "execution.answer_coaching_feedback", session)
    session.employee_feedback = coaching_feedback_give(
        session=session, answers=payload.answers, comment=payload.comment, actor=request.user
    )
    return Status(201, session)


@router.get(
    "/competence-evaluations",
    response=list[CompetenceEvaluationOut],
    summary="Competence evaluations (B.1.9) you may read, newest first",
)
@paginate(Pagination)
def competence_evaluation_index(request: HttpRequest, filters: Query[EmployeeFilter]):
    evaluations = competence_evaluation_list(competence_evaluations_visible_to(request.user))
    if filters.employee is not None:
        evaluations = evaluations.filter(employee__uuid=filters.employee)
    return evaluations


@router.post(
    "/competence-evaluations",
    response={201: CompetenceEvaluationOut},
    summary="Evaluate the competences (B.1.9) of someone you assess or supervise",
)
def competence_evaluation_post(request: HttpRequest, payload: CompetenceEvaluationIn):
    person = _person(request, payload.employee)
    _require(request, "execution.evaluate_competence", person)
    evaluation = competence_evaluation_create(
        employee=person,
        evaluated_on=payload.evaluated_on,
        scores=[ScoreInput(s.competence, s.score, s.reason) for s in payload.scores],
        note=payload.note,
        actor=request.user,
    )
    return Status(201, evaluation)


# --- attendance ------------------------------------------------------------------------


class AttendanceFilter(Schema):
    employee: UUID = Field(description="The employee.")
    period: UUID | None = Field(None, description="Only this assessment period.")
    window: int | None = Field(None, ge=1, le=12, description="Only this window number.")


@router.get(
    "/attendance",
    response=list[AttendanceOut],
    summary="An employee's attendance summaries per reporting window",
    description="Input for the assessor's behaviour rating, never a score.",
)
@paginate(Pagination)
def attendance_index(request: HttpRequest, filters: Query[AttendanceFilter]):
    person = get_object_or_404(employees_visible_to(request.user), uuid=filters.employee)
    if not may(request.user, "execution.view_attendance", person):
        raise Http404
    # One summary per employee and window, so the selector's order is total.
    summaries = attendance_of(person).select_related("employee")
    if filters.period is not None:
        summaries = summaries.filter(window__period__uuid=filters.period)
    if filters.window is not None:
        summaries = summaries.filter(window__number=filters.window)
    return summaries
