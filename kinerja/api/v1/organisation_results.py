"""Organisation results (capaian kinerja organisasi), the distribution check and the
assessment policy (SE MenPAN-RB 3/2023; domain.md §1.8).

The same rules as the pages: a unit outside ``units_visible_to`` is 404; recording
asks ``appraisal.record_organisation_result`` (the unit's next-higher leader, agency-wide
HR), reading a unit's results and distribution ``appraisal.view_distribution``, and the
policy ``appraisal.manage_policy`` to change (403 when visible but not allowed).
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from kinerja.access.permissions import agencies_visible_to, may, units_visible_to
from kinerja.api.v1.schemas.organisation_results import (
    DistributionOut,
    OrganisationResultIn,
    OrganisationResultOut,
    PolicyIn,
    PolicyOut,
)
from kinerja.appraisal.models import OrganisationResult
from kinerja.appraisal.selectors_distribution import (
    distribution_employee_ids,
    judged_on,
    organisation_results_for,
    policy_for,
    unit_distribution,
)
from kinerja.appraisal.selectors_distribution import (
    organisation_result_list as recorded_results,
)
from kinerja.appraisal.services.organisation import organisation_result_record, policy_update
from kinerja.core.exceptions import ApplicationError
from kinerja.org.models import Unit
from kinerja.planning.models import AssessmentPeriod, ReportingWindow

router = Router(tags=["organisation results"])


class PeriodQuery(Schema):
    period: UUID


class DistributionQuery(Schema):
    period: UUID
    window: UUID | None = None


def _unit(request: HttpRequest, uuid: UUID) -> Unit:
    return get_object_or_404(units_visible_to(request.user).select_related("agency"), uuid=uuid)


def _require(request: HttpRequest, action: str, obj) -> None:
    if not may(request.user, action, obj):
        raise PermissionDenied


def _period(unit: Unit, uuid: UUID) -> AssessmentPeriod:
    period = AssessmentPeriod.objects.filter(agency_id=unit.agency_id, uuid=uuid).first()
    if period is None:
        raise ApplicationError(_("The unit's agency has no such assessment period."))
    return period


def _window(period: AssessmentPeriod, uuid: UUID | None) -> ReportingWindow | None:
    if uuid is None:
        return None
    window = ReportingWindow.objects.filter(period=period, uuid=uuid).first()
    if window is None:
        raise ApplicationError(_("The period has no such reporting window."))
    return window


@router.get(
    "/units/{uuid}/organisation-results",
    response=list[OrganisationResultOut],
    summary="A unit's recorded organisation results in a period (windows and the year)",
)
def organisation_result_list(request: HttpRequest, uuid: UUID, filters: Query[PeriodQuery]):
    unit = _unit(request, uuid)
    if not (
        may(request.user, "appraisal.view_distribution", unit)
        or may(request.user, "appraisal.record_organisation_result", unit)
    ):
        raise PermissionDenied
    return recorded_results(units=[unit], period=_period(unit, filters.period))


@router.post(
    "/units/{uuid}/organisation-results",
    response={200: OrganisationResultOut, 201: OrganisationResultOut},
    summary="Record or change a unit's organisation predicate",
    description=(
        "By the unit's next-higher leader (the assessor of its head) or an agency-wide HR "
        "admin on their behalf. 201 when recorded, 200 when an existing result changed "
        "(a ``reason`` is then required and kept in the activity log)."
    ),
)
def organisation_result_create(request: HttpRequest, uuid: UUID, payload: OrganisationResultIn):
    unit = _unit(request, uuid)
    _require(request, "appraisal.record_organisation_result", unit)
    period = _period(unit, payload.period)
    window = _window(period, payload.window)
    existed = bool(organisation_results_for([unit], period, window))
    result = organisation_result_record(
        unit=unit,
        period=period,
        window=window,
        predicate=payload.predicate.value,
        basis=payload.basis,
        reason=payload.reason,
        actor=request.user,
    )
    result = OrganisationResult.objects.select_related(
        "unit", "period", "window", "recorded_by"
    ).get(pk=result.pk)
    return Status(200 if existed else 201, result)


@router.get(
    "/units/{uuid}/distribution",
    response=DistributionOut,
    summary="A unit's employee predicates checked against the distribution guide",
    description=(
        "For a reporting window, or the year when ``window`` is omitted. HR over the unit "
        "and its next-higher leader see everyone rated in it; an assessor sees their own "
        "assessees there. The findings are a consideration, never a block."
    ),
)
def distribution(request: HttpRequest, uuid: UUID, filters: Query[DistributionQuery]):
    unit = _unit(request, uuid)
    _require(request, "appraisal.view_distribution", unit)
    period = _period(unit, filters.period)
    window = _window(period, filters.window)
    employee_ids = distribution_employee_ids(request.user, unit, judged_on(period, window))
    checked = unit_distribution(unit=unit, period=period, window=window, employee_ids=employee_ids)
    return {
        "unit": unit,
        "window": window,
        "organisation_predicate": checked.result.predicate if checked.result else None,
        "rounding": checked.rounding,
        "total": checked.total,
        "counts": checked.counts,
        "findings": [
            {
                "predicates": [str(p) for p in row.finding.rule.predicates],
                "bound": str(row.finding.rule.bound),
                "share_percent": float(row.finding.rule.share * 100),
                "minimum": row.finding.minimum,
                "maximum": row.finding.maximum,
                "count": row.count,
                "percent": row.percent,
                "ok": row.ok,
                "explanation": row.explanation,
            }
            for row in checked.findings
        ],
        "all_ok": checked.all_ok,
        "guide_text": checked.guide_text,
        "whole_unit": employee_ids is None,
    }


def _policy_out(agency) -> dict:
    policy = policy_for(agency)
    return {
        "agency": agency,
        "is_default": policy.pk is None,
        "as_expected_from": policy.as_expected_from,
        "above_from": policy.above_from,
        "achievement_cap": policy.achievement_cap,
        "rounding": policy.rounding,
        "objection_days": policy.objection_days,
        "decision_days": policy.decision_days,
    }


@router.get(
    "/agencies/{uuid}/assessment-policy",
    response=PolicyOut,
    summary="An agency's assessment policy (thresholds, rounding, objection days)",
)
def policy_get(request: HttpRequest, uuid: UUID):
    agency = get_object_or_404(agencies_visible_to(request.user), uuid=uuid)
    _require(request, "org.view_agency", agency)
    return _policy_out(agency)


@router.put(
    "/agencies/{uuid}/assessment-policy",
    response=PolicyOut,
    summary="Change an agency's assessment policy (agency-wide HR admins)",
    description="The thresholds must satisfy 0 < as_expected_from ≤ above_from ≤ cap.",
)
def policy_put(request: HttpRequest, uuid: UUID, payload: PolicyIn):
    agency = get_object_or_404(agencies_visible_to(request.user), uuid=uuid)
    _require(request, "appraisal.manage_policy", agency)
    values = payload.dict()
    values["rounding"] = payload.rounding.value
    policy_update(agency=agency, actor=request.user, **values)
    return _policy_out(agency)
