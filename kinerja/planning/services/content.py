"""The content of an SKP: starting it, its results (RHK), indicators (IKI), the
leader's expectations and the annex. Content changes only while the SKP is editable."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.org.enums import AssignmentKind, PositionKind
from kinerja.org.models import Employee, Position
from kinerja.org.selectors import primary_holding
from kinerja.planning.enums import (
    ResultKind,
    SkpStatus,
)
from kinerja.planning.models import (
    AnnexItem,
    AssessmentPeriod,
    BehaviourExpectation,
    Indicator,
    PlannedResult,
    Skp,
)
from kinerja.regulation.berakhlak import CORE_VALUE_CODES

# --- SKP creation and content ----------------------------------------------------------


def is_senior_executive(position: Position) -> bool:
    """JPT posts plan against organisation goals, with a perspective (domain.md §1.10)."""
    return position.kind in PositionKind.jpt()


@transaction.atomic
def skp_create(
    *,
    employee: Employee,
    period: AssessmentPeriod,
    on: datetime.date | None = None,
    actor=None,
) -> Skp:
    """Start a draft SKP for the post the employee holds on ``on`` (default: today,
    clamped to the period). The seven BerAKHLAK values are created empty."""
    on = min(max(on or today(), period.start_date), period.end_date)
    holding = primary_holding(employee, on)
    if holding is None:
        raise ApplicationError(
            _("%(name)s holds no position on %(date)s, so no SKP can be made.")
            % {"name": employee.full_name, "date": on.strftime("%d-%m-%Y")}
        )
    if Skp.objects.filter(
        employee=employee,
        period=period,
        position=holding.position,
        status__in=[SkpStatus.DRAFT, SkpStatus.SUBMITTED, SkpStatus.RETURNED, SkpStatus.APPROVED],
        end_date__gte=on,
    ).exists():
        raise ApplicationError(_("There is already an SKP for this position and period."))
    skp = Skp(
        employee=employee,
        period=period,
        position=holding.position,
        is_acting=holding.kind != AssignmentKind.DEFINITIVE,
        start_date=on,
        end_date=period.end_date,
        approach=period.approach,
    )
    skp.full_clean()
    skp.save()
    BehaviourExpectation.objects.bulk_create(
        BehaviourExpectation(skp=skp, core_value=code) for code in CORE_VALUE_CODES
    )
    log_action(
        actor=actor,
        action="planning.skp_create",
        obj=skp,
        subject_employee_id=employee.pk,
        after={"position": holding.position.code, "start_date": str(on)},
    )
    return skp


def require_editable(skp: Skp) -> None:
    if not skp.is_editable:
        raise ApplicationError(
            _("This SKP is %(status)s and can no longer be changed; start a revision instead.")
            % {"status": skp.get_status_display().lower()}
        )


@transaction.atomic
def result_add(
    *,
    skp: Skp,
    text: str,
    kind: str = ResultKind.MAIN,
    perspective: str = "",
    assigned_by: str = "",
    actor=None,
) -> PlannedResult:
    require_editable(skp)
    if perspective and not is_senior_executive(skp.position):
        raise ApplicationError(_("Only senior executive (JPT) results carry a perspective."))
    order = (skp.results.aggregate(m=Max("order"))["m"] or 0) + 1
    result = PlannedResult(
        skp=skp, text=text, kind=kind, perspective=perspective, assigned_by=assigned_by, order=order
    )
    result.full_clean()
    result.save()
    log_action(
        actor=actor,
        action="planning.result_add",
        obj=result,
        subject_employee_id=skp.employee_id,
        after={"text": text, "kind": kind},
    )
    return result


@transaction.atomic
def result_update(*, result: PlannedResult, actor=None, **values) -> PlannedResult:
    require_editable(result.skp)
    allowed = {"text", "kind", "perspective", "assigned_by"}
    before = {k: getattr(result, k) for k in values if k in allowed}
    for key, value in values.items():
        if key in allowed:
            setattr(result, key, value)
    result.full_clean()
    result.save(update_fields=[*before, "updated_at"])
    log_action(
        actor=actor,
        action="planning.result_update",
        obj=result,
        subject_employee_id=result.skp.employee_id,
        before=before,
        after={k: getattr(result, k) for k in before},
    )
    return result


@transaction.atomic
def result_delete(*, result: PlannedResult, actor=None) -> None:
    require_editable(result.skp)
    if result.supported_by.exists():
        raise ApplicationError(
            _("Subordinates' results support this result; unlink them before deleting it.")
        )
    log_action(
        actor=actor,
        action="planning.result_delete",
        obj=result,
        subject_employee_id=result.skp.employee_id,
        before={"text": result.text},
    )
    result.delete()


@transaction.atomic
def indicator_add(
    *,
    result: PlannedResult,
    aspect: str,
    text: str,
    target_value: Decimal | None = None,
    target_unit: str = "",
    target_text: str = "",
    actor=None,
) -> Indicator:
    require_editable(result.skp)
    order = (result.indicators.aggregate(m=Max("order"))["m"] or 0) + 1
    indicator = Indicator(
        result=result,
        aspect=aspect,
        text=text,
        target_value=target_value,
        target_unit=target_unit,
        target_text=target_text,
        order=order,
    )
    indicator.full_clean()
    indicator.save()
    log_action(
        actor=actor,
        action="planning.indicator_add",
        obj=indicator,
        subject_employee_id=result.skp.employee_id,
        after={"text": text, "target": indicator.target_display},
    )
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator, actor=None) -> None:
    require_editable(indicator.result.skp)
    log_action(
        actor=actor,
        action="planning.indicator_delete",
        obj=indicator,
        subject_employee_id=indicator.result.skp.employee_id,
        before={"text": indicator.text},
    )
    indicator.delete()


@transaction.atomic
def annex_item_add(*, skp: Skp, kind: str, text: str, actor=None) -> AnnexItem:
    require_editable(skp)
    order = (skp.annex_items.filter(kind=kind).aggregate(m=Max("order"))["m"] or 0) + 1
    item = AnnexItem(skp=skp, kind=kind, text=text, order=order)
    item.full_clean()
    item.save()
    log_action(actor=actor, action="planning.annex_item_add", obj=item, after={"text": text})
    return item


@transaction.atomic
def expectation_set(*, skp: Skp, core_value: str, text: str, actor=None) -> BehaviourExpectation:
    """The assessor writes the leader's specific expectation for one value. Allowed
    while the plan is a draft, submitted or returned — not once approved."""
    if skp.status not in {SkpStatus.DRAFT, SkpStatus.SUBMITTED, SkpStatus.RETURNED}:
        raise ApplicationError(_("Expectations of an approved SKP change only by revision."))
    expectation = skp.expectations.get(core_value=core_value)
    before = expectation.text
    expectation.text = text.strip()
    expectation.save(update_fields=["text", "updated_at"])
    log_action(
        actor=actor,
        action="planning.expectation_set",
        obj=expectation,
        subject_employee_id=skp.employee_id,
        before={"text": before},
        after={"text": expectation.text},
    )
    return expectation


@transaction.atomic
def result_add_with_indicator(
    *,
    skp: Skp,
    text: str,
    kind: str = ResultKind.MAIN,
    perspective: str = "",
    assigned_by: str = "",
    indicator: dict | None = None,
    actor=None,
) -> PlannedResult:
    """A result and, when given, its first indicator in one step: how the SKP page and
    the indicator library add results, since a result without an indicator is
    incomplete. ``indicator`` holds the keyword arguments of ``indicator_add``."""
    result = result_add(
        skp=skp,
        text=text,
        kind=kind,
        perspective=perspective,
        assigned_by=assigned_by,
        actor=actor,
    )
    if indicator:
        indicator_add(result=result, actor=actor, **indicator)
    return result


@transaction.atomic
def indicator_update(*, indicator: Indicator, actor=None, **values) -> Indicator:
    require_editable(indicator.result.skp)
    allowed = {"aspect", "text", "target_value", "target_unit", "target_text"}
    before = {k: getattr(indicator, k) for k in values if k in allowed}
    for key in before:
        setattr(indicator, key, values[key])
    indicator.full_clean()
    indicator.save(update_fields=[*before, "updated_at"])
    log_action(
        actor=actor,
        action="planning.indicator_update",
        obj=indicator,
        subject_employee_id=indicator.result.skp.employee_id,
        before={k: str(v) for k, v in before.items()},
        after={k: str(getattr(indicator, k)) for k in before},
    )
    return indicator


@transaction.atomic
def annex_item_update(*, item: AnnexItem, text: str, actor=None) -> AnnexItem:
    require_editable(item.skp)
    before = item.text
    item.text = text
    item.full_clean()
    item.save(update_fields=["text", "updated_at"])
    log_action(
        actor=actor,
        action="planning.annex_item_update",
        obj=item,
        subject_employee_id=item.skp.employee_id,
        before={"text": before},
        after={"text": text},
    )
    return item


@transaction.atomic
def annex_item_delete(*, item: AnnexItem, actor=None) -> None:
    require_editable(item.skp)
    log_action(
        actor=actor,
        action="planning.annex_item_delete",
        obj=item,
        subject_employee_id=item.skp.employee_id,
        before={"text": item.text},
    )
    item.delete()


@transaction.atomic
def expectations_set(*, skp: Skp, texts: dict[str, str], actor=None) -> None:
    """The assessor writes several values' expectations at once; only the values whose
    text changed are written and logged."""
    current = {e.core_value: e.text for e in skp.expectations.all()}
    for code, text in texts.items():
        if code in current and current[code] != text.strip():
            expectation_set(skp=skp, core_value=code, text=text, actor=actor)
