"""Periodic and annual evaluations: the assessor's queue, one evaluation with its
recommendation and predicate explained, rating, finalising, and the employee's own
final results.

The same rules as the pages: ``appraisal.view_evaluation`` to read (404 otherwise),
``appraisal.rate_evaluation`` / ``finalise_evaluation`` to act (403 when readable but
not the user's to rate); one service per write, whose refusals become 400 problems.
``{window}`` is a reporting window's UUID, or ``annual`` for the year.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from kinerja.access.permissions import actor_for, may
from kinerja.api.pagination import Pagination
from kinerja.api.v1.schemas.evaluation import (
    EvaluationDetailOut,
    EvaluationOut,
    QueueRowOut,
    RateIn,
)
from kinerja.appraisal.models import Evaluation
from kinerja.appraisal.selectors_evaluation import (
    API_ANNUAL,
    UnknownWindow,
    assessor_queue,
    compute_recommendation,
    evaluation_of,
    evaluations_of_employee,
    window_from_key,
)
from kinerja.appraisal.services.evaluation import evaluation_finalise, evaluation_rate
from kinerja.planning.models import AssessmentPeriod, ReportingWindow, Skp
from kinerja.planning.selectors import current_period
from kinerja.regulation.predicate import explain_predicate

router = Router(tags=["evaluations"])


class QueueFilter(Schema):
    window: str = Field(
        "",
        max_length=36,
        pattern=r"^([0-9a-fA-F-]{32,36}|annual)?$",
        description="A window's UUID or 'annual'; by default the latest window that ended.",
    )
    waiting: bool = Field(False, description="Only those waiting for you.")


def _window(period: AssessmentPeriod, key: str) -> ReportingWindow | None:
    """The window ``key`` names in ``period`` (``annual``: the year); 404 otherwise."""
    try:
        return window_from_key(period, key, annual=API_ANNUAL)
    except UnknownWindow:
        raise Http404 from None


def _evaluation(request: HttpRequest, uuid: UUID, key: str) -> Evaluation:
    skp = get_object_or_404(
        Skp.objects.select_related("employee", "period", "position__unit"), uuid=uuid
    )
    evaluation = evaluation_of(skp, _window(skp.period, key))
    if not may(request.user, "appraisal.view_evaluation", evaluation):
        raise Http404
    return evaluation


def _out(evaluation: Evaluation, *, with_recommendation: bool) -> dict:
    skp = evaluation.skp
    window = evaluation.window
    data = {
        "skp": skp.uuid,
        "employee": skp.employee,
        "window": window,
        "year": skp.period.year,
        "status": evaluation.status,
        "results_rating": evaluation.results_rating or None,
        "behaviour_rating": evaluation.behaviour_rating or None,
        "predicate": evaluation.predicate or None,
        "recommended_results_rating": evaluation.recommended_results_rating or None,
        "justification": evaluation.justification,
        "notes": evaluation.notes,
        "rated_at": evaluation.rated_at,
        "finalised_at": evaluation.finalised_at,
    }
    if not with_recommendation:
        return data
    recommendation = compute_recommendation(skp, window)
    data["recommendation"] = {
        "rating": recommendation.rating,
        "mean_achievement": recommendation.mean_achievement,
        "counted": recommendation.counted,
        "enforced": recommendation.enforced,
        "explanation": recommendation.explanation,
        "rule": recommendation.rule_text,
        "indicators": [
            {
                "indicator": row.indicator.uuid,
                "text": row.indicator.text,
                "aspect": row.indicator.aspect,
                "target": row.indicator.target_value,
                "window_target": row.window_target,
                "realisation": row.value,
                "achievement": row.achievement,
                "lower_is_better": row.lower_is_better,
                "counted": row.counted,
            }
            for row in recommendation.rows
        ],
    }
    data["predicate_explanation"] = (
        explain_predicate(evaluation.results_rating, evaluation.behaviour_rating)
        if evaluation.predicate
        else ""
    )
    return data


@router.get(
    "/evaluations/queue",
    response=list[QueueRowOut],
    summary="The people you evaluate for a window (or the year)",
    description="Everyone you assess with an approved SKP, in name order, with their report "
    "and evaluation status; ``waiting`` keeps those whose report is in and not final.",
)
@paginate(Pagination)
def queue(request: HttpRequest, filters: Query[QueueFilter]):
    actor = actor_for(request.user)
    if not may(request.user, "appraisal.view_queue") or actor.employee is None:
        return []
    period: AssessmentPeriod | None = current_period(actor.employee.agency)
    if period is None:
        return []
    found = assessor_queue(actor, period, _window(period, filters.window))
    return found.waiting if filters.waiting else found.rows


@router.get(
    "/evaluations/mine",
    response=list[EvaluationOut],
    summary="Your final evaluations",
)
@paginate(Pagination)
def mine(request: HttpRequest):
    employee = actor_for(request.user).employee
    if employee is None:
        return []
    return [_out(e, with_recommendation=False) for e in evaluations_of_employee(employee.pk)]


@router.get(
    "/skps/{uuid}/evaluations/{window}",
    response=EvaluationDetailOut,
    summary="One evaluation with its recommendation and predicate explained",
    description="``window`` is a reporting window's UUID or ``annual``. An evaluation not "
    "rated yet answers with empty ratings; the employee sees it once it is final.",
)
def evaluation_get(request: HttpRequest, uuid: UUID, window: str):
    return _out(_evaluation(request, uuid, window), with_recommendation=True)


@router.post(
    "/skps/{uuid}/evaluations/{window}/rate",
    response=EvaluationDetailOut,
    summary="Give the results and behaviour ratings (the assessor)",
    description="The predicate follows from the official matrix. A results rating other "
    "than the recommendation needs a justification; a final evaluation refuses changes.",
)
def evaluation_rate_api(request: HttpRequest, uuid: UUID, window: str, payload: RateIn):
    evaluation = _evaluation(request, uuid, window)
    if not may(request.user, "appraisal.rate_evaluation", evaluation):
        raise PermissionDenied
    evaluation_rate(
        evaluation=evaluation,
        results_rating=payload.results_rating,
        behaviour_rating=payload.behaviour_rating,
        justification=payload.justification,
        notes=payload.notes,
        actor=request.user,
    )
    return _out(_evaluation(request, uuid, window), with_recommendation=True)


@router.post(
    "/skps/{uuid}/evaluations/{window}/finalise",
    response=EvaluationDetailOut,
    summary="Make a rated evaluation final and deliver it to the employee",
)
def evaluation_finalise_api(request: HttpRequest, uuid: UUID, window: str):
    evaluation = _evaluation(request, uuid, window)
    if not may(request.user, "appraisal.finalise_evaluation", evaluation):
        raise PermissionDenied
    evaluation_finalise(evaluation=evaluation, actor=request.user)
    return _out(_evaluation(request, uuid, window), with_recommendation=True)
