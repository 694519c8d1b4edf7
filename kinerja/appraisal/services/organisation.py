"""Writes of the organisation result (capaian kinerja organisasi) and the agency's
assessment policy (SE MenPAN-RB 3/2023; domain.md §1.8).

``access`` decides who may record a unit's result (its next-higher leader, or an
agency-wide HR admin on their behalf); these services decide whether the values hold
and keep the history: a change of a recorded result needs a reason and is logged with
the values before and after.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.access.permissions import actor_for
from kinerja.appraisal.enums import OrganisationPredicate, Rounding
from kinerja.appraisal.models import AppraisalPolicy, OrganisationResult
from kinerja.appraisal.selectors_distribution import judged_on, next_higher_leader
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.org.models import Agency, Unit
from kinerja.planning.models import AssessmentPeriod, ReportingWindow


def _recorder(unit: Unit, period: AssessmentPeriod, window: ReportingWindow | None, actor):
    """Who the result is recorded as fixed by: the actor when they are the unit's
    next-higher leader, else that leader (HR records on their behalf)."""
    on = judged_on(period, window)
    leader = next_higher_leader(unit, on)
    employee = actor_for(actor).employee if actor is not None else None
    if employee is not None and leader is not None and employee.pk == leader.pk:
        return employee
    return leader


@transaction.atomic
def organisation_result_record(
    *,
    unit: Unit,
    period: AssessmentPeriod,
    window: ReportingWindow | None,
    predicate: str,
    basis: str = "",
    reason: str = "",
    actor=None,
) -> OrganisationResult:
    """Record the unit's predicate for a window (``window=None``: the year), or change it.

    A change of an existing result requires ``reason``; the activity log keeps the
    predicate and basis before and after, so the history of the result is never lost.
    """
    if unit.agency_id != period.agency_id:
        raise ApplicationError(_("The unit belongs to another agency than the period."))
    if window is not None and window.period_id != period.pk:
        raise ApplicationError(_("The reporting window belongs to another period."))
    if predicate not in OrganisationPredicate.values:
        raise ValidationError({"predicate": _("Choose an organisation predicate.")})
    basis = basis.strip()
    reason = reason.strip()
    # No ordering: the model's default orders by the window through an outer join, which
    # PostgreSQL cannot lock.
    existing = (
        OrganisationResult.objects.select_for_update()
        .filter(unit=unit, period=period, window=window)
        .order_by()
        .first()
    )
    recorder = _recorder(unit, period, window, actor)
    if existing is None:
        result = OrganisationResult(
            unit=unit,
            period=period,
            window=window,
            predicate=predicate,
            basis=basis,
            recorded_by=recorder,
        )
        result.full_clean()
        result.save()
        log_action(
            actor=actor,
            action="appraisal.organisation_result_record",
            obj=result,
            after={"predicate": predicate, "basis": basis, "window": _window_label(window)},
            reason=reason,
        )
        return result

    before = {"predicate": existing.predicate, "basis": existing.basis}
    after = {"predicate": predicate, "basis": basis}
    changed = {k: v for k, v in after.items() if before[k] != v}
    if not changed:
        return existing
    if not reason:
        raise ValidationError({"reason": _("Say why the recorded organisation result changes.")})
    existing.predicate = predicate
    existing.basis = basis
    existing.recorded_by = recorder
    existing.full_clean()
    existing.save(update_fields=["predicate", "basis", "recorded_by", "updated_at"])
    log_action(
        actor=actor,
        action="appraisal.organisation_result_change",
        obj=existing,
        before={k: before[k] for k in changed},
        after=changed,
        reason=reason,
    )
    return existing


def _window_label(window: ReportingWindow | None) -> str:
    return window.label if window is not None else "annual"


def _differs(old, new) -> bool:
    if isinstance(new, Decimal):
        return old is None or Decimal(str(old)) != new
    return old != new


@transaction.atomic
def policy_update(
    *,
    agency: Agency,
    above_from: Decimal,
    as_expected_from: Decimal,
    achievement_cap: Decimal,
    rounding: str,
    objection_days: int,
    decision_days: int,
    reason: str = "",
    actor=None,
) -> AppraisalPolicy:
    """Set the agency's assessment policy (created with the defaults on first use).

    The recommendation thresholds must satisfy 0 < as expected ≤ above ≤ cap, so every
    achievement maps to exactly one recommended rating.
    """
    errors = {}
    if not Decimal(0) < as_expected_from:
        errors["as_expected_from"] = _("The 'as expected' threshold must be above 0%.")
    elif as_expected_from > above_from:
        errors["above_from"] = _(
            "The 'above expectation' threshold cannot be below the 'as expected' threshold."
        )
    elif above_from > achievement_cap:
        errors["achievement_cap"] = _("The cap cannot be below the 'above expectation' threshold.")
    if rounding not in Rounding.values:
        errors["rounding"] = _("Choose a rounding policy.")
    if objection_days < 1:
        errors["objection_days"] = _("Allow at least one day to object.")
    if decision_days < 1:
        errors["decision_days"] = _("Allow at least one day to decide an objection.")
    if errors:
        raise ValidationError(errors)
    policy = AppraisalPolicy.objects.select_for_update().filter(agency=agency).first()
    created = policy is None
    if created:
        policy = AppraisalPolicy(agency=agency)
    values = {
        "above_from": Decimal(above_from),
        "as_expected_from": Decimal(as_expected_from),
        "achievement_cap": Decimal(achievement_cap),
        "rounding": rounding,
        "objection_days": objection_days,
        "decision_days": decision_days,
    }
    before = {}
    after = {}
    for name, value in values.items():
        old = getattr(policy, name)
        if created or _differs(old, value):
            before[name] = str(old)
            after[name] = str(value)
        setattr(policy, name, value)
    if not created and not after:
        return policy
    policy.full_clean()
    policy.save()
    log_action(
        actor=actor,
        action="appraisal.policy_update",
        obj=policy,
        before=None if created else before,
        after=after,
        reason=reason.strip(),
    )
    return policy
