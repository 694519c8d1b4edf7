"""The cascade: links from a result to the superior result it supports (intervensi)
or to an organisation goal, and the role–result matrix (matriks peran hasil)."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.org.models import Employee
from kinerja.org.selectors import superiors_of
from kinerja.planning.enums import (
    ResultKind,
    SkpStatus,
)
from kinerja.planning.models import (
    AssessmentPeriod,
    CascadeLink,
    OrganisationGoal,
    OrganisationIndicator,
    PlannedResult,
    Skp,
)
from kinerja.planning.services.content import require_editable, result_add, skp_create

# --- the cascade -----------------------------------------------------------------------


def assessor_on(skp: Skp) -> Employee | None:
    holding = superiors_of(skp.employee, max(skp.start_date, min(today(), skp.end_date))).assessor
    return holding.employee if holding else None


def _creates_cycle(result: PlannedResult, target: PlannedResult) -> bool:
    """Whether ``target`` already (transitively) supports ``result``."""
    frontier = {target.pk}
    seen: set[int] = set()
    while frontier:
        if result.pk in frontier:
            return True
        seen |= frontier
        frontier = (
            set(
                CascadeLink.objects.filter(
                    result_id__in=frontier, supports_result__isnull=False
                ).values_list("supports_result_id", flat=True)
            )
            - seen
        )
    return False


@transaction.atomic
def link_to_result(*, result: PlannedResult, target: PlannedResult, actor=None) -> CascadeLink:
    """Link a result to the superior result it supports (intervensi).

    The target must be in an approved SKP of the employee's assessor at the SKP's date,
    for the same period; links never form a cycle.
    """
    skp = result.skp
    require_editable(skp)
    assessor = assessor_on(skp)
    target_skp = target.skp
    if assessor is None or target_skp.employee_id != assessor.pk:
        raise ApplicationError(
            _("A result can only support a result of your assessor (%(assessor)s).")
            % {"assessor": assessor.full_name if assessor else _("none on this date")}
        )
    if target_skp.period_id != skp.period_id:
        raise ApplicationError(_("The superior's result belongs to another period."))
    if target_skp.status != SkpStatus.APPROVED:
        raise ApplicationError(
            _("Your assessor's SKP is not approved yet; results can be linked once it is.")
        )
    if _creates_cycle(result, target):
        raise ApplicationError(_("This link would make the results support each other."))
    link, created = CascadeLink.objects.get_or_create(result=result, supports_result=target)
    if created:
        log_action(
            actor=actor,
            action="planning.link_to_result",
            obj=link,
            subject_employee_id=skp.employee_id,
            after={"supports": str(target.uuid)},
        )
    return link


@transaction.atomic
def link_to_goal(
    *,
    result: PlannedResult,
    goal: OrganisationGoal,
    indicator: OrganisationIndicator | None = None,
    actor=None,
) -> CascadeLink:
    """Link a senior executive's result to an organisation goal (and key indicator)."""
    skp = result.skp
    require_editable(skp)
    if goal.period_id != skp.period_id:
        raise ApplicationError(_("The goal belongs to another period."))
    if indicator is not None and indicator.goal_id != goal.pk:
        raise ApplicationError(_("The key indicator belongs to another goal."))
    link, created = CascadeLink.objects.get_or_create(
        result=result, supports_goal=goal, defaults={"supports_indicator": indicator}
    )
    if created:
        log_action(
            actor=actor,
            action="planning.link_to_goal",
            obj=link,
            subject_employee_id=skp.employee_id,
            after={"goal": goal.code},
        )
    return link


@transaction.atomic
def link_remove(*, link: CascadeLink, actor=None) -> None:
    require_editable(link.result.skp)
    log_action(
        actor=actor,
        action="planning.link_remove",
        obj=link,
        subject_employee_id=link.result.skp.employee_id,
    )
    link.delete()


# --- the role–result matrix (matriks peran hasil) --------------------------------------


def _matrix_date(period: AssessmentPeriod) -> datetime.date:
    return min(max(today(), period.start_date), period.end_date)


def working_skp(employee: Employee, period: AssessmentPeriod, on: datetime.date) -> Skp | None:
    """The plan a matrix cell writes into: the newest live SKP in force on ``on`` (a
    revision in progress wins over the approved version it will replace)."""
    return (
        Skp.objects.filter(
            employee=employee,
            period=period,
            status__in=[
                SkpStatus.DRAFT,
                SkpStatus.SUBMITTED,
                SkpStatus.RETURNED,
                SkpStatus.APPROVED,
            ],
            start_date__lte=on,
            end_date__gte=on,
        )
        .order_by("-version", "-start_date")
        .first()
    )


@transaction.atomic
def matrix_cell_assign(
    *,
    superior_result: PlannedResult,
    subordinate: Employee,
    text: str = "",
    result: PlannedResult | None = None,
    actor=None,
) -> PlannedResult:
    """Fill one cell of the role–result matrix (domain.md §1.4): the assessor's result
    ``superior_result`` is delivered in part by ``subordinate``.

    Either ``text`` becomes a new main RHK in the subordinate's draft SKP (started
    here when they have none yet), or the subordinate's existing ``result`` is linked.
    Either way the link is checked by ``link_to_result`` (assessor at the date, approved,
    same period, no cycle); a refusal leaves nothing behind.
    """
    superior_skp = superior_result.skp
    period = superior_skp.period
    on = _matrix_date(period)
    if superior_skp.status != SkpStatus.APPROVED:
        raise ApplicationError(
            _("Your SKP must be approved before its results can be distributed.")
        )
    assessor = superiors_of(subordinate, on).assessor
    if assessor is None or assessor.employee.pk != superior_skp.employee_id:
        raise ApplicationError(
            _(
                "%(name)s is not assessed by %(assessor)s on %(date)s, so their results "
                "cannot support this result."
            )
            % {
                "name": subordinate.full_name,
                "assessor": superior_skp.employee.full_name,
                "date": on.strftime("%d-%m-%Y"),
            }
        )
    if result is not None:
        if result.skp.employee_id != subordinate.pk:
            raise ApplicationError(_("That result belongs to someone else's SKP."))
        link_to_result(result=result, target=superior_result, actor=actor)
        return result
    text = text.strip()
    if not text:
        raise ApplicationError(
            _("Type the result this employee delivers, or pick one of their results.")
        )
    skp = working_skp(subordinate, period, on)
    if skp is None:
        skp = skp_create(employee=subordinate, period=period, on=on, actor=actor)
    new_result = result_add(skp=skp, text=text, kind=ResultKind.MAIN, actor=actor)
    link_to_result(result=new_result, target=superior_result, actor=actor)
    return new_result
