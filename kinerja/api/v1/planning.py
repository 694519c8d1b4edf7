"""Performance planning: periods, goals, SKPs with their content and workflow, the
assessor's queue and the indicator library.

The same rules as the SKP pages: every read starts from ``skp_visible_to`` (404
outside it), every write asks ``access`` with the action the page asks (403 when the
SKP is visible but not the user's to change) and calls one service, whose refusals
become 400 problems with their ``problems`` list.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, Model, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from kinerja.access.permissions import actor_for, agencies_visible_to, may
from kinerja.api.pagination import Pagination
from kinerja.api.v1.schemas.planning import (
    AdoptIn,
    AnnexItemIn,
    AnnexItemOut,
    AnnexItemUpdateIn,
    ExpectationsIn,
    GoalOut,
    IndicatorIn,
    IndicatorOut,
    IndicatorUpdateIn,
    LinkCreateIn,
    LinkOut,
    LinkTargetsOut,
    PeriodOut,
    ResultCreateIn,
    ResultOut,
    ResultUpdateIn,
    ReturnIn,
    SkpCreateIn,
    SkpDetailOut,
    SkpOut,
    TeamMemberOut,
    TemplateOut,
)
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.org.enums import PositionKind
from kinerja.org.models import Employee
from kinerja.org.selectors import superiors_of
from kinerja.planning import services
from kinerja.planning.enums import EDITABLE_STATUSES, SkpStatus
from kinerja.planning.models import (
    AnnexItem,
    AssessmentPeriod,
    CascadeLink,
    Indicator,
    IndicatorTemplate,
    OrganisationGoal,
    OrganisationIndicator,
    PlannedResult,
    Skp,
)
from kinerja.planning.selectors import (
    LIVE_STATUSES,
    assessor_results,
    current_period,
    goals_for,
    skp_detail,
    skp_visible_to,
)

router = Router(tags=["planning"])

SEARCH_PATTERN = r"^[^\x00-\x1f\x7f]*$"
SKP_LIST_RELATED = ("employee", "period", "position__unit", "previous")


class PeriodFilter(Schema):
    agency: UUID | None = Field(None, description="Only this agency's periods.")


class SkpFilter(Schema):
    mine: bool = Field(False, description="Only your own SKPs.")
    period: UUID | None = Field(None, description="Only SKPs of this period.")
    employee: UUID | None = Field(None, description="Only this employee's SKPs.")
    status: SkpStatus | None = Field(None, description="Only SKPs in this status.")


class TeamFilter(Schema):
    period: UUID | None = Field(
        None, description="The period; by default your agency's current one."
    )
    waiting: bool = Field(False, description="Only people whose SKP awaits your approval.")


class LibraryFilter(Schema):
    agency: UUID | None = Field(None, description="This agency's templates and the national ones.")
    position_kind: PositionKind | None = Field(
        None, description="Templates for this kind of position and those for any."
    )
    q: str = Field(
        "",
        max_length=100,
        pattern=SEARCH_PATTERN,
        description="Part of the field, the result or the indicator.",
    )


# --- finding what is read or changed ---------------------------------------------------


def _visible_periods(request: HttpRequest) -> QuerySet[AssessmentPeriod]:
    return AssessmentPeriod.objects.filter(agency__in=agencies_visible_to(request.user))


def _skp(request: HttpRequest, uuid: UUID) -> Skp:
    """An SKP the user may read, with everything its detail shows; else 404."""
    try:
        skp = skp_detail(skp_visible_to(request.user), uuid)
    except Skp.DoesNotExist:
        raise Http404 from None
    if not may(request.user, "planning.view_skp", skp):
        raise Http404
    return skp


def _require(request: HttpRequest, action: str, obj) -> None:
    if not may(request.user, action, obj):
        raise PermissionDenied


def _part(request: HttpRequest, queryset: QuerySet, uuid: UUID, skp_path: str) -> Model:
    """A result, indicator, link or annex item of an SKP the user may change: 404 when
    the SKP is invisible, 403 when it is visible but not theirs to change."""
    obj = get_object_or_404(
        queryset.select_related(f"{skp_path}__employee", f"{skp_path}__position").filter(
            **{f"{skp_path}__in": skp_visible_to(request.user)}
        ),
        uuid=uuid,
    )
    skp = obj
    for name in skp_path.split("__"):
        skp = getattr(skp, name)
    if not may(request.user, "planning.view_skp", skp):
        raise Http404
    _require(request, "planning.change_skp", skp)
    return obj


def _detail(request: HttpRequest, skp: Skp) -> Skp:
    """The SKP reloaded as its detail shows it, with what still stops it."""
    fresh = _skp(request, skp.uuid)
    if fresh.status in EDITABLE_STATUSES | {SkpStatus.SUBMITTED}:
        fresh.problems = services.skp_problems(
            fresh, for_approval=may(request.user, "planning.approve_skp", fresh)
        )
    else:
        fresh.problems = []
    return fresh


def _result_out(result: PlannedResult) -> PlannedResult:
    return (
        PlannedResult.objects.select_related("skp__employee")
        .prefetch_related(
            "indicators",
            Prefetch(
                "links",
                queryset=CascadeLink.objects.select_related(
                    "supports_result__skp__employee", "supports_goal", "supports_indicator"
                ),
            ),
        )
        .get(pk=result.pk)
    )


# --- periods and goals -----------------------------------------------------------------


@router.get("/periods", response=list[PeriodOut], summary="Assessment periods, newest first")
@paginate(Pagination)
def period_list(request: HttpRequest, filters: Query[PeriodFilter]):
    periods = _visible_periods(request).select_related("agency").prefetch_related("windows")
    if filters.agency is not None:
        periods = periods.filter(agency__uuid=filters.agency)
    return periods.order_by("-year", "agency__name", "pk")


@router.get(
    "/periods/{uuid}/goals",
    response=list[GoalOut],
    summary="A period's organisation goals (sasaran) and key indicators (IKU)",
)
@paginate(Pagination)
def goal_list(request: HttpRequest, uuid: UUID):
    period = get_object_or_404(_visible_periods(request), uuid=uuid)
    return (
        OrganisationGoal.objects.filter(period=period)
        .select_related("unit")
        .prefetch_related("indicators")
        .order_by("unit__path", "code", "pk")
    )


# --- SKPs ------------------------------------------------------------------------------


@router.get("/skps", response=list[SkpOut], summary="SKPs you may read")
@paginate(Pagination)
def skp_list(request: HttpRequest, filters: Query[SkpFilter]):
    skps = skp_visible_to(request.user).select_related(*SKP_LIST_RELATED)
    if filters.mine:
        employee = actor_for(request.user).employee
        skps = skps.filter(employee=employee) if employee else skps.none()
    if filters.period is not None:
        skps = skps.filter(period__uuid=filters.period)
    if filters.employee is not None:
        skps = skps.filter(employee__uuid=filters.employee)
    if filters.status is not None:
        skps = skps.filter(status=filters.status)
    return skps.order_by("-period__year", "employee__name", "-start_date", "-version", "pk")


@router.post(
    "/skps",
    response={201: SkpDetailOut},
    summary="Start your SKP for the post you hold today",
    description="A draft with the seven BerAKHLAK values, for your post in the period.",
)
def skp_create(request: HttpRequest, payload: SkpCreateIn):
    employee = actor_for(request.user).employee
    if employee is None:
        raise ApplicationError(_("Only an employee can start an SKP."))
    if payload.period is None:
        period = current_period(employee.agency)
    else:
        period = AssessmentPeriod.objects.filter(
            agency=employee.agency, uuid=payload.period
        ).first()
    if period is None:
        raise ApplicationError(_("Your agency has no such assessment period."))
    skp = services.skp_create(employee=employee, period=period, actor=request.user)
    return Status(201, _detail(request, skp))


@router.get("/skps/{uuid}", response=SkpDetailOut, summary="One SKP with its content")
def skp_get(request: HttpRequest, uuid: UUID):
    return _detail(request, _skp(request, uuid))


@router.get(
    "/skps/{uuid}/link-targets",
    response=LinkTargetsOut,
    summary="What this SKP's results may support",
    description=(
        "For most employees, the results of their assessor's approved SKP; for senior "
        "executives (JPT), the period's organisation goals. When there is nothing yet, "
        "``explanation`` says why and what to do."
    ),
)
def skp_link_targets(request: HttpRequest, uuid: UUID):
    skp = _skp(request, uuid)
    if services.is_senior_executive(skp.position):
        goals = list(goals_for(skp).select_related("unit"))
        explanation = "" if goals else _("The period has no organisation goals yet; ask HR.")
        return {"results": [], "goals": goals, "explanation": explanation}
    on = max(skp.start_date, min(today(), skp.end_date))
    holding = superiors_of(skp.employee, on).assessor
    assessor = holding.employee if holding else None
    results = assessor_results(skp, assessor)
    explanation = ""
    if assessor is None:
        explanation = _("You have no assessor on this date; ask HR to check the org chart.")
    elif not results:
        explanation = _(
            "%(assessor)s has no approved SKP for this period yet. Results can be linked "
            "once it is approved; ask them to finish it."
        ) % {"assessor": assessor.full_name}
    return {"results": results, "goals": [], "explanation": explanation}


# --- content ---------------------------------------------------------------------------


@router.post("/skps/{uuid}/results", response={201: ResultOut}, summary="Add a result (RHK)")
def result_create(request: HttpRequest, uuid: UUID, payload: ResultCreateIn):
    skp = _skp(request, uuid)
    _require(request, "planning.change_skp", skp)
    result = services.result_add_with_indicator(
        skp=skp,
        text=payload.text,
        kind=payload.kind,
        perspective=payload.perspective or "",
        assigned_by=payload.assigned_by,
        indicator=payload.indicator.dict() if payload.indicator else None,
        actor=request.user,
    )
    return Status(201, _result_out(result))


@router.patch("/results/{uuid}", response=ResultOut, summary="Change a result")
def result_update(request: HttpRequest, uuid: UUID, payload: ResultUpdateIn):
    result = _part(request, PlannedResult.objects.all(), uuid, "skp")
    values = payload.dict(exclude_unset=True)
    if "perspective" in values:
        values["perspective"] = values["perspective"] or ""
    values = {key: value for key, value in values.items() if value is not None}
    services.result_update(result=result, actor=request.user, **values)
    return _result_out(result)


@router.delete("/results/{uuid}", response={204: None}, summary="Delete a result")
def result_delete(request: HttpRequest, uuid: UUID):
    result = _part(request, PlannedResult.objects.all(), uuid, "skp")
    services.result_delete(result=result, actor=request.user)
    return Status(204, None)


@router.post(
    "/results/{uuid}/indicators", response={201: IndicatorOut}, summary="Add an indicator (IKI)"
)
def indicator_create(request: HttpRequest, uuid: UUID, payload: IndicatorIn):
    result = _part(request, PlannedResult.objects.all(), uuid, "skp")
    indicator = services.indicator_add(result=result, actor=request.user, **payload.dict())
    return Status(201, indicator)


@router.patch("/indicators/{uuid}", response=IndicatorOut, summary="Change an indicator")
def indicator_update(request: HttpRequest, uuid: UUID, payload: IndicatorUpdateIn):
    indicator = _part(request, Indicator.objects.all(), uuid, "result__skp")
    values = payload.dict(exclude_unset=True)
    # A target number may be cleared (null); the texts only replaced.
    values = {k: v for k, v in values.items() if v is not None or k == "target_value"}
    return services.indicator_update(indicator=indicator, actor=request.user, **values)


@router.delete("/indicators/{uuid}", response={204: None}, summary="Delete an indicator")
def indicator_delete(request: HttpRequest, uuid: UUID):
    indicator = _part(request, Indicator.objects.all(), uuid, "result__skp")
    services.indicator_delete(indicator=indicator, actor=request.user)
    return Status(204, None)


@router.post(
    "/results/{uuid}/links",
    response={201: LinkOut},
    summary="Say what a result supports (intervensi)",
    description=(
        "A result of your assessor's approved SKP (see ``GET /skps/{uuid}/link-targets``) "
        "or, for a senior executive, an organisation goal of the period."
    ),
)
def link_create(request: HttpRequest, uuid: UUID, payload: LinkCreateIn):
    result = _part(request, PlannedResult.objects.all(), uuid, "skp")
    if (payload.supports_result is None) == (payload.supports_goal is None):
        raise ApplicationError(_("Name either a superior's result or an organisation goal."))
    if payload.supports_result is not None:
        # Any result may be named: the service refuses all but the assessor's, with a
        # message that says whose results these must be.
        target = (
            PlannedResult.objects.select_related("skp").filter(uuid=payload.supports_result).first()
        )
        if target is None:
            raise ApplicationError(_("There is no such result."))
        link = services.link_to_result(result=result, target=target, actor=request.user)
    else:
        goal = OrganisationGoal.objects.filter(
            uuid=payload.supports_goal, period=result.skp.period
        ).first()
        if goal is None:
            raise ApplicationError(_("The period has no such organisation goal."))
        indicator = None
        if payload.supports_indicator is not None:
            indicator = OrganisationIndicator.objects.filter(
                uuid=payload.supports_indicator, goal=goal
            ).first()
            if indicator is None:
                raise ApplicationError(_("The goal has no such key indicator."))
        link = services.link_to_goal(
            result=result, goal=goal, indicator=indicator, actor=request.user
        )
    return Status(
        201,
        CascadeLink.objects.select_related(
            "supports_result__skp__employee", "supports_goal", "supports_indicator"
        ).get(pk=link.pk),
    )


@router.delete("/links/{uuid}", response={204: None}, summary="Remove what a result supports")
def link_delete(request: HttpRequest, uuid: UUID):
    link = _part(request, CascadeLink.objects.all(), uuid, "result__skp")
    services.link_remove(link=link, actor=request.user)
    return Status(204, None)


@router.post("/skps/{uuid}/annex", response={201: AnnexItemOut}, summary="Add a line to the annex")
def annex_create(request: HttpRequest, uuid: UUID, payload: AnnexItemIn):
    skp = _skp(request, uuid)
    _require(request, "planning.change_skp", skp)
    item = services.annex_item_add(
        skp=skp, kind=payload.kind, text=payload.text, actor=request.user
    )
    return Status(201, item)


@router.patch("/annex/{uuid}", response=AnnexItemOut, summary="Change an annex line")
def annex_update(request: HttpRequest, uuid: UUID, payload: AnnexItemUpdateIn):
    item = _part(request, AnnexItem.objects.all(), uuid, "skp")
    return services.annex_item_update(item=item, text=payload.text, actor=request.user)


@router.delete("/annex/{uuid}", response={204: None}, summary="Delete an annex line")
def annex_delete(request: HttpRequest, uuid: UUID):
    item = _part(request, AnnexItem.objects.all(), uuid, "skp")
    services.annex_item_delete(item=item, actor=request.user)
    return Status(204, None)


@router.put(
    "/skps/{uuid}/expectations",
    response=SkpDetailOut,
    summary="Write the leader's expectations (assessor)",
    description="Per BerAKHLAK value; values not sent keep their text.",
)
def expectations_set(request: HttpRequest, uuid: UUID, payload: ExpectationsIn):
    skp = _skp(request, uuid)
    _require(request, "planning.approve_skp", skp)
    if skp.status not in EDITABLE_STATUSES | {SkpStatus.SUBMITTED}:
        raise ApplicationError(_("Expectations of an approved SKP change only by revision."))
    texts = {item.core_value: item.text for item in payload.expectations}
    services.expectations_set(skp=skp, texts=texts, actor=request.user)
    return _detail(request, skp)


# --- workflow --------------------------------------------------------------------------


@router.post("/skps/{uuid}/submit", response=SkpDetailOut, summary="Submit your SKP")
def skp_submit(request: HttpRequest, uuid: UUID):
    skp = _skp(request, uuid)
    _require(request, "planning.submit_skp", skp)
    services.skp_submit(skp=skp, actor=request.user)
    return _detail(request, skp)


@router.post("/skps/{uuid}/approve", response=SkpDetailOut, summary="Approve an SKP (assessor)")
def skp_approve(request: HttpRequest, uuid: UUID):
    skp = _skp(request, uuid)
    _require(request, "planning.approve_skp", skp)
    services.skp_approve(skp=skp, actor=request.user, approver=actor_for(request.user).employee)
    return _detail(request, skp)


@router.post("/skps/{uuid}/return", response=SkpDetailOut, summary="Return an SKP with a comment")
def skp_return(request: HttpRequest, uuid: UUID, payload: ReturnIn):
    skp = _skp(request, uuid)
    _require(request, "planning.approve_skp", skp)
    services.skp_return(skp=skp, comment=payload.comment, actor=request.user)
    return _detail(request, skp)


@router.post(
    "/skps/{uuid}/adopt",
    response=SkpDetailOut,
    summary="Adopt an SKP by default (HR, after the planning deadline)",
)
def skp_adopt(request: HttpRequest, uuid: UUID, payload: AdoptIn):
    skp = _skp(request, uuid)
    _require(request, "planning.adopt_skp", skp)
    services.skp_adopt_by_default(skp=skp, reason=payload.reason, actor=request.user)
    return _detail(request, skp)


@router.post(
    "/skps/{uuid}/revise",
    response={201: SkpDetailOut},
    summary="Start a revision of your approved SKP",
    description="A new draft version; the approved one stays in force until it is approved.",
)
def skp_revise(request: HttpRequest, uuid: UUID):
    skp = _skp(request, uuid)
    _require(request, "planning.revise_skp", skp)
    revision = services.skp_revise(skp=skp, actor=request.user)
    return Status(201, _detail(request, revision))


# --- the assessor's queue and the library ----------------------------------------------


@router.get(
    "/team",
    response=list[TeamMemberOut],
    summary="The people you assess today, with their SKPs",
)
@paginate(Pagination)
def team(request: HttpRequest, filters: Query[TeamFilter]):
    actor = actor_for(request.user)
    if actor.employee is None:
        return []
    if filters.period is None:
        period = current_period(actor.employee.agency)
    else:
        period = _visible_periods(request).filter(uuid=filters.period).first()
    ids = actor.assessees(today())
    if period is None or not ids:
        return []
    plans = (
        Skp.objects.filter(period=period, status__in=LIVE_STATUSES)
        .select_related(*SKP_LIST_RELATED)
        .order_by("-start_date", "pk")
    )
    people = Employee.objects.filter(pk__in=ids).prefetch_related(
        Prefetch("skps", queryset=plans, to_attr="plans")
    )
    if filters.waiting:
        people = people.filter(
            Exists(plans.filter(employee=OuterRef("pk"), status=SkpStatus.SUBMITTED))
        )
    return people.order_by("name", "nip")


@router.get("/library", response=list[TemplateOut], summary="The indicator library")
@paginate(Pagination)
def library(request: HttpRequest, filters: Query[LibraryFilter]):
    agencies = agencies_visible_to(request.user)
    if filters.agency is not None:
        agencies = agencies.filter(uuid=filters.agency)
    templates = IndicatorTemplate.objects.filter(
        Q(agency__in=agencies) | Q(agency__isnull=True), is_active=True
    )
    if filters.position_kind is not None:
        templates = templates.filter(Q(position_kind=filters.position_kind) | Q(position_kind=""))
    if filters.q:
        term = filters.q.strip()
        templates = templates.filter(
            Q(field__icontains=term)
            | Q(result_text__icontains=term)
            | Q(indicator_text__icontains=term)
        )
    return templates.order_by("field", "result_text", "pk")
