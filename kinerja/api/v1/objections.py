"""Objections (keberatan) to final annual results and credit points (angka kredit).

The same rules as the pages: every read starts from ``objection_visible_to`` (404
outside it) and asks ``appraisal.view_objection``; the employee files
(``appraisal.file_objection``), the assessor explains (``state_objection``), the
assessor's superior decides (``decide_objection``) — 403 when visible but not the
user's to act on; one service per write, whose refusals become 400 problems.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from kinerja.access.permissions import actor_for, may
from kinerja.api.pagination import Pagination
from kinerja.api.v1.schemas.objections import (
    CreditPointsOut,
    DecisionIn,
    ObjectionFileIn,
    ObjectionOut,
    StatementIn,
    WithdrawIn,
)
from kinerja.appraisal.models import CreditPointAward, Evaluation, Objection
from kinerja.appraisal.selectors_objection import (
    credit_points_of,
    objection_get,
    objection_list,
    objection_visible_to,
)
from kinerja.appraisal.services import objection as services
from kinerja.appraisal.services.credit_points import explanation
from kinerja.org.models import Employee

router = Router(tags=["objections"])


class ObjectionFilter(Schema):
    role: str = Field(
        "all",
        pattern=r"^(all|mine|decide|assessor)$",
        description="mine: filed by you; decide: for you to decide; assessor: about your "
        "assessments; all: everything you may see (HR: the employees you administer).",
    )


def _out(objection: Objection) -> dict:
    return {
        "uuid": objection.uuid,
        "status": objection.status,
        "employee": objection.filed_by,
        "skp": objection.evaluation.skp.uuid,
        "year": objection.evaluation.skp.period.year,
        "reasons": objection.reasons,
        "assessor_statement": objection.assessor_statement,
        "decider": objection.decider,
        "decide_by": objection.decide_by,
        "overdue": services.is_overdue(objection),
        "previous_results_rating": objection.previous_results_rating,
        "previous_behaviour_rating": objection.previous_behaviour_rating,
        "previous_predicate": objection.previous_predicate,
        "new_results_rating": objection.new_results_rating or None,
        "new_behaviour_rating": objection.new_behaviour_rating or None,
        "new_predicate": objection.new_predicate or None,
        "decision_reason": objection.decision_reason,
        "decided_at": objection.decided_at,
        "filed_at": objection.created_at,
    }


def _visible(request: HttpRequest, uuid: UUID) -> Objection:
    try:
        objection = objection_get(objection_visible_to(request.user), uuid)
    except Objection.DoesNotExist:
        raise Http404 from None
    if not may(request.user, "appraisal.view_objection", objection):
        raise Http404
    return objection


@router.get("/objections", response=list[ObjectionOut], summary="Objections you may see")
@paginate(Pagination)
def objection_list_api(request: HttpRequest, filters: Query[ObjectionFilter]):
    queryset = objection_visible_to(request.user)
    me = actor_for(request.user).employee
    me_id = me.pk if me is not None else None
    if filters.role == "mine":
        queryset = queryset.filter(filed_by_id=me_id)
    elif filters.role == "decide":
        queryset = queryset.filter(decider_id=me_id)
    elif filters.role == "assessor":
        queryset = queryset.filter(evaluation__assessor_id=me_id)
    return [_out(o) for o in objection_list(queryset)]


@router.get("/objections/{uuid}", response=ObjectionOut, summary="One objection")
def objection_get_api(request: HttpRequest, uuid: UUID):
    return _out(_visible(request, uuid))


@router.post(
    "/objections",
    response={201: ObjectionOut},
    summary="Object to your final annual result",
    description="Within the agency's objection period (14 calendar days by default) after "
    "the result became final; one objection per result; the assessor's superior decides.",
)
def objection_file_api(request: HttpRequest, payload: ObjectionFileIn):
    evaluation = Evaluation.objects.filter(skp__uuid=payload.skp, window__isnull=True).first()
    if evaluation is None or not may(request.user, "appraisal.file_objection", evaluation):
        raise Http404
    objection = services.objection_file(
        evaluation=evaluation, reasons=payload.reasons, actor=request.user
    )
    return Status(201, _out(_visible(request, objection.uuid)))


@router.post(
    "/objections/{uuid}/statement",
    response=ObjectionOut,
    summary="Explain the assessment to the deciding superior (the assessor)",
)
def objection_statement_api(request: HttpRequest, uuid: UUID, payload: StatementIn):
    objection = _visible(request, uuid)
    if not may(request.user, "appraisal.state_objection", objection):
        raise PermissionDenied
    services.objection_assessor_statement(
        objection=objection, statement=payload.statement, actor=request.user
    )
    return _out(_visible(request, uuid))


@router.post(
    "/objections/{uuid}/decision",
    response=ObjectionOut,
    summary="Decide an objection, finally (the assessor's superior)",
    description="``uphold`` keeps the result; ``change`` sets both ratings, and the "
    "predicate and credit points follow. The decision cannot be changed afterwards.",
)
def objection_decide_api(request: HttpRequest, uuid: UUID, payload: DecisionIn):
    objection = _visible(request, uuid)
    if not may(request.user, "appraisal.decide_objection", objection):
        raise PermissionDenied
    services.objection_decide(
        objection=objection,
        decision=payload.decision,
        results_rating=payload.results_rating or "",
        behaviour_rating=payload.behaviour_rating or "",
        reason=payload.reason,
        actor=request.user,
    )
    return _out(_visible(request, uuid))


@router.post(
    "/objections/{uuid}/withdraw",
    response=ObjectionOut,
    summary="Withdraw your objection while it waits for a decision",
)
def objection_withdraw_api(request: HttpRequest, uuid: UUID, payload: WithdrawIn):
    objection = _visible(request, uuid)
    if not may(request.user, "appraisal.file_objection", objection.evaluation):
        raise PermissionDenied
    services.objection_withdraw(objection=objection, actor=request.user, reason=payload.reason)
    return _out(_visible(request, uuid))


def _award_out(award: CreditPointAward) -> dict:
    skp = award.evaluation.skp
    return {
        "uuid": award.uuid,
        "year": skp.period.year,
        "skp": skp.uuid,
        "position": skp.position.name,
        "level": award.level,
        "months": award.months,
        "predicate": award.predicate,
        "percentage": award.percentage,
        "coefficient": award.coefficient,
        "points": award.points,
        "explanation": explanation(award),
    }


@router.get(
    "/employees/{uuid}/credit-points",
    response=list[CreditPointsOut],
    summary="An employee's credit points, with how each was computed",
)
@paginate(Pagination)
def credit_points_api(request: HttpRequest, uuid: UUID):
    employee = get_object_or_404(Employee, uuid=uuid)
    if not may(request.user, "appraisal.view_credit_points", employee):
        raise Http404
    return [_award_out(award) for award in credit_points_of(employee)]
