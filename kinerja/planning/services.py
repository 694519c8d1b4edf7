"""Writes of performance planning: periods, goals, SKPs and their workflow.

Every status change goes through ``_transition``, which checks ``SKP_TRANSITIONS`` and
writes the activity log; notifications go out after the transaction commits.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError, Q
from django.utils.translation import gettext as _

from kinerja.core.clock import now, today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.notifications.services import notify
from kinerja.org.enums import AssignmentKind, PositionKind
from kinerja.org.models import Agency, Employee, Position
from kinerja.org.selectors import primary_holding, superiors_of
from kinerja.planning.enums import (
    SKP_TRANSITIONS,
    Approach,
    ResultKind,
    Rhythm,
    SkpStatus,
)
from kinerja.planning.models import (
    AnnexItem,
    AssessmentPeriod,
    BehaviourExpectation,
    CascadeLink,
    Indicator,
    IndicatorTemplate,
    OrganisationGoal,
    OrganisationIndicator,
    PlannedResult,
    ReportingWindow,
    Skp,
)
from kinerja.planning.windows import window_spans
from kinerja.regulation.berakhlak import CORE_VALUE_CODES

# --- periods and goals -----------------------------------------------------------------


@transaction.atomic
def period_create(
    *,
    agency: Agency,
    year: int,
    approach: str = Approach.QUANTITATIVE,
    rhythm: str = Rhythm.QUARTERLY,
    planning_deadline: datetime.date | None = None,
    assessment_deadline: datetime.date | None = None,
    actor=None,
) -> AssessmentPeriod:
    """A calendar-year period with its reporting windows (quarters or months).

    Defaults follow PermenPAN-RB 8/2021 (SKP by the end of January) and give each
    window's reports ten days after it closes; all dates can be edited afterwards.
    """
    period = AssessmentPeriod(
        agency=agency,
        year=year,
        start_date=datetime.date(year, 1, 1),
        end_date=datetime.date(year, 12, 31),
        approach=approach,
        rhythm=rhythm,
        planning_deadline=planning_deadline or datetime.date(year, 1, 31),
        assessment_deadline=assessment_deadline or datetime.date(year + 1, 1, 31),
    )
    period.full_clean()
    period.save()
    ReportingWindow.objects.bulk_create(
        ReportingWindow(
            period=period,
            number=span.number,
            label=span.label,
            start_date=span.start,
            end_date=span.end,
            report_deadline=span.end + datetime.timedelta(days=10),
        )
        for span in window_spans(year, rhythm)
    )
    log_action(actor=actor, action="planning.period_create", obj=period, after={"year": year})
    return period


@transaction.atomic
def goal_create(
    *, period: AssessmentPeriod, unit, code: str, title: str, source: str = "", actor=None
) -> OrganisationGoal:
    if unit.agency_id != period.agency_id:
        raise ApplicationError(_("The unit belongs to another agency."))
    goal = OrganisationGoal(period=period, unit=unit, code=code, title=title, source=source)
    goal.full_clean()
    goal.save()
    log_action(actor=actor, action="planning.goal_create", obj=goal, after={"code": code})
    return goal


@transaction.atomic
def goal_indicator_add(
    *,
    goal: OrganisationGoal,
    text: str,
    target_value: Decimal | None = None,
    target_unit: str = "",
    actor=None,
) -> OrganisationIndicator:
    order = (goal.indicators.aggregate(m=Max("order"))["m"] or 0) + 1
    indicator = OrganisationIndicator(
        goal=goal, text=text, target_value=target_value, target_unit=target_unit, order=order
    )
    indicator.full_clean()
    indicator.save()
    log_action(actor=actor, action="planning.goal_indicator_add", obj=indicator)
    return indicator


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


def _require_editable(skp: Skp) -> None:
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
    _require_editable(skp)
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
    _require_editable(result.skp)
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
    _require_editable(result.skp)
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
    _require_editable(result.skp)
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
    _require_editable(indicator.result.skp)
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
    _require_editable(skp)
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
    _require_editable(indicator.result.skp)
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
    _require_editable(item.skp)
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
    _require_editable(item.skp)
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


# --- the cascade -----------------------------------------------------------------------


def _assessor_on(skp: Skp) -> Employee | None:
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
    _require_editable(skp)
    assessor = _assessor_on(skp)
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
    _require_editable(skp)
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
    _require_editable(link.result.skp)
    log_action(
        actor=actor,
        action="planning.link_remove",
        obj=link,
        subject_employee_id=link.result.skp.employee_id,
    )
    link.delete()


# --- workflow --------------------------------------------------------------------------


def _transition(skp: Skp, new: str, *, actor, reason: str = "", fields=()) -> None:
    if new not in SKP_TRANSITIONS[skp.status]:
        raise ApplicationError(
            _("An SKP that is %(old)s cannot become %(new)s.")
            % {"old": skp.get_status_display().lower(), "new": SkpStatus(new).label.lower()}
        )
    old = skp.status
    skp.status = new
    skp.save(update_fields=["status", "updated_at", *fields])
    log_action(
        actor=actor,
        action=f"planning.skp_{new}",
        obj=skp,
        subject_employee_id=skp.employee_id,
        before={"status": old},
        after={"status": new},
        reason=reason,
    )


def _result_problems(result: PlannedResult, *, senior: bool, approach: str) -> list[str]:
    label = result.text[:60]
    problems = []
    indicators = list(result.indicators.all())
    if not indicators:
        problems.append(_("“%(result)s” has no indicator.") % {"result": label})
    if result.kind == ResultKind.MAIN and not result.links.all():
        message = (
            _("“%(result)s” does not support an organisation goal yet.")
            if senior
            else _("“%(result)s” does not support a result of your assessor yet.")
        )
        problems.append(message % {"result": label})
    if senior and not result.perspective:
        problems.append(_("“%(result)s” needs a perspective.") % {"result": label})
    for indicator in indicators:
        name = {"indicator": indicator.text[:60]}
        if approach == Approach.QUANTITATIVE:
            if indicator.target_value is None or not indicator.target_unit:
                problems.append(
                    _("Indicator “%(indicator)s” needs a target number and unit.") % name
                )
        elif not (indicator.target_text or indicator.target_value is not None):
            problems.append(_("Indicator “%(indicator)s” needs a target narrative.") % name)
    return problems


def skp_problems(skp: Skp, *, for_approval: bool) -> list[str]:
    """What still stops this SKP from being submitted (or approved), in plain words."""
    problems = []
    results = list(skp.results.prefetch_related("indicators", "links"))
    if not any(r.kind == ResultKind.MAIN for r in results):
        problems.append(_("Add at least one main result (RHK utama)."))
    senior = is_senior_executive(skp.position)
    for result in results:
        problems += _result_problems(result, senior=senior, approach=skp.approach)
    if for_approval:
        missing = skp.expectations.filter(text="").count()
        if missing:
            problems.append(
                _("Write the leader's expectation for all seven BerAKHLAK values (%(n)s missing).")
                % {"n": missing}
            )
    return problems


def _notify_employee(skp: Skp, title: str, body: str = "") -> None:
    user = skp.employee.user
    if user is not None:
        transaction.on_commit(
            lambda: notify(recipient=user, title=title, body=body, link=f"/rencana/skp/{skp.uuid}/")
        )


@transaction.atomic
def skp_submit(*, skp: Skp, actor=None) -> Skp:
    """Employee submits the plan (Ajukan SKP); the assessor is notified."""
    problems = skp_problems(skp, for_approval=False)
    if problems:
        raise ApplicationError(_("The SKP cannot be submitted yet."), extra={"problems": problems})
    skp.submitted_at = now()
    _transition(skp, SkpStatus.SUBMITTED, actor=actor, fields=["submitted_at"])
    assessor = _assessor_on(skp)
    if assessor is not None and assessor.user is not None:
        user = assessor.user
        name = skp.employee.full_name
        transaction.on_commit(
            lambda: notify(
                recipient=user,
                title=_("%(name)s submitted an SKP for approval") % {"name": name},
                link=f"/rencana/skp/{skp.uuid}/",
            )
        )
    return skp


def _snapshot_approval(skp: Skp, approver: Employee | None) -> list[str]:
    superiors = superiors_of(skp.employee, max(skp.start_date, min(today(), skp.end_date)))
    skp.approved_at = now()
    skp.approved_by = approver
    skp.assessor_superior_at_approval = (
        superiors.assessor_superior.employee if superiors.assessor_superior else None
    )
    return ["approved_at", "approved_by", "assessor_superior_at_approval"]


def _supersede_previous(skp: Skp, actor) -> None:
    if skp.previous_id is not None:
        previous = Skp.objects.select_for_update().get(pk=skp.previous_id)
        if previous.status == SkpStatus.APPROVED:
            _transition(previous, SkpStatus.SUPERSEDED, actor=actor)


@transaction.atomic
def skp_approve(*, skp: Skp, actor=None, approver: Employee | None = None) -> Skp:
    """The assessor adopts the plan (ditetapkan). Who may approve is decided by
    ``access``; here only whether the plan is complete."""
    problems = skp_problems(skp, for_approval=True)
    if problems:
        raise ApplicationError(_("The SKP cannot be approved yet."), extra={"problems": problems})
    fields = _snapshot_approval(skp, approver)
    _transition(skp, SkpStatus.APPROVED, actor=actor, fields=fields)
    _supersede_previous(skp, actor)
    _notify_employee(skp, _("Your SKP has been approved"))
    return skp


@transaction.atomic
def skp_return(*, skp: Skp, comment: str, actor=None) -> Skp:
    """The assessor sends the plan back with comments."""
    if not comment.strip():
        raise ApplicationError(_("Say what should change when returning an SKP."))
    skp.review_comment = comment.strip()
    _transition(skp, SkpStatus.RETURNED, actor=actor, reason=comment, fields=["review_comment"])
    _notify_employee(skp, _("Your SKP was returned for changes"), comment)
    return skp


@transaction.atomic
def skp_adopt_by_default(*, skp: Skp, reason: str, actor=None) -> Skp:
    """HR adopts a plan after the planning deadline (domain.md §1.2: if the employee and
    assessor have not agreed it in time, the performance manager adopts it)."""
    if today() <= skp.period.planning_deadline:
        raise ApplicationError(
            _("HR can adopt a plan by default only after the planning deadline (%(date)s).")
            % {"date": skp.period.planning_deadline.strftime("%d-%m-%Y")}
        )
    if not reason.strip():
        raise ApplicationError(_("Give the reason for adopting this plan by default."))
    problems = skp_problems(skp, for_approval=False)
    if problems:
        raise ApplicationError(_("The SKP cannot be adopted yet."), extra={"problems": problems})
    skp.adopted_by_hr = True
    fields = [*_snapshot_approval(skp, None), "adopted_by_hr"]
    _transition(skp, SkpStatus.APPROVED, actor=actor, reason=reason, fields=fields)
    _supersede_previous(skp, actor)
    _notify_employee(skp, _("Your SKP was adopted by the performance manager"), reason)
    return skp


@transaction.atomic
def skp_revise(*, skp: Skp, actor=None) -> Skp:
    """Start a revision of an approved SKP: a new draft copying everything; the approved
    version stays in force until the revision is approved, then it is superseded."""
    if skp.status != SkpStatus.APPROVED:
        raise ApplicationError(_("Only an approved SKP is revised; edit the draft instead."))
    if hasattr(skp, "revision"):
        raise ApplicationError(_("A revision of this SKP is already in progress."))
    copy = Skp.objects.create(
        employee=skp.employee,
        period=skp.period,
        position=skp.position,
        is_acting=skp.is_acting,
        start_date=skp.start_date,
        end_date=skp.end_date,
        approach=skp.approach,
        version=skp.version + 1,
        previous=skp,
    )
    for result in skp.results.prefetch_related("indicators", "links"):
        new_result = PlannedResult.objects.create(
            skp=copy,
            kind=result.kind,
            text=result.text,
            perspective=result.perspective,
            assigned_by=result.assigned_by,
            order=result.order,
        )
        Indicator.objects.bulk_create(
            Indicator(
                result=new_result,
                aspect=i.aspect,
                text=i.text,
                target_value=i.target_value,
                target_unit=i.target_unit,
                target_text=i.target_text,
                order=i.order,
            )
            for i in result.indicators.all()
        )
        CascadeLink.objects.bulk_create(
            CascadeLink(
                result=new_result,
                supports_result_id=link.supports_result_id,
                supports_goal_id=link.supports_goal_id,
                supports_indicator_id=link.supports_indicator_id,
            )
            for link in result.links.all()
        )
    BehaviourExpectation.objects.bulk_create(
        BehaviourExpectation(skp=copy, core_value=e.core_value, text=e.text)
        for e in skp.expectations.all()
    )
    AnnexItem.objects.bulk_create(
        AnnexItem(skp=copy, kind=a.kind, text=a.text, order=a.order) for a in skp.annex_items.all()
    )
    log_action(
        actor=actor,
        action="planning.skp_revise",
        obj=copy,
        subject_employee_id=skp.employee_id,
        after={"version": copy.version, "revises": str(skp.uuid)},
    )
    return copy


@transaction.atomic
def skp_close_for_job_change(*, skp: Skp, last_day: datetime.date, actor=None) -> Skp:
    """End an SKP on the last day in the old post; the employee then starts a new SKP
    for the new post. Both are kept."""
    if not skp.start_date <= last_day <= skp.end_date:
        raise ApplicationError(_("The last day must fall within the SKP."))
    before = str(skp.end_date)
    skp.end_date = last_day
    skp.save(update_fields=["end_date", "updated_at"])
    log_action(
        actor=actor,
        action="planning.skp_close",
        obj=skp,
        subject_employee_id=skp.employee_id,
        before={"end_date": before},
        after={"end_date": str(last_day)},
    )
    return skp


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


# --- setting up a period: dates, goals, the indicator library ---------------------------


@transaction.atomic
def period_update(
    *,
    period: AssessmentPeriod,
    approach: str,
    rhythm: str,
    planning_deadline: datetime.date,
    assessment_deadline: datetime.date,
    window_deadlines: dict[int, datetime.date] | None = None,
    actor=None,
) -> AssessmentPeriod:
    """Change a period's approach, rhythm and deadlines, and its windows' reporting
    deadlines (keyed by window number).

    The approach applies to SKPs started afterwards: each SKP keeps the approach it was
    made with. A new rhythm replaces the windows, with default deadlines.
    """
    errors = {}
    if not period.start_date <= planning_deadline <= period.end_date:
        errors["planning_deadline"] = _("The planning deadline must fall within the period.")
    if assessment_deadline < period.end_date:
        errors["assessment_deadline"] = _(
            "The assessment deadline cannot be before the period ends."
        )
    if errors:
        raise ValidationError(errors)
    fields = ["approach", "rhythm", "planning_deadline", "assessment_deadline"]
    before = {name: str(getattr(period, name)) for name in fields}
    old_rhythm = period.rhythm
    period.approach = approach
    period.rhythm = rhythm
    period.planning_deadline = planning_deadline
    period.assessment_deadline = assessment_deadline
    period.full_clean()
    period.save(update_fields=[*fields, "updated_at"])
    if rhythm != old_rhythm:
        _windows_replace(period)
    elif window_deadlines:
        _windows_set_deadlines(period, window_deadlines)
    log_action(
        actor=actor,
        action="planning.period_update",
        obj=period,
        before=before,
        after={name: str(getattr(period, name)) for name in fields},
    )
    return period


def _windows_replace(period: AssessmentPeriod) -> None:
    try:
        period.windows.all().delete()
    except ProtectedError as error:
        raise ApplicationError(
            _("Reports already refer to this period's windows, so its rhythm cannot change.")
        ) from error
    ReportingWindow.objects.bulk_create(
        ReportingWindow(
            period=period,
            number=span.number,
            label=span.label,
            start_date=span.start,
            end_date=span.end,
            report_deadline=span.end + datetime.timedelta(days=10),
        )
        for span in window_spans(period.year, period.rhythm)
    )


def _windows_set_deadlines(period: AssessmentPeriod, deadlines: dict[int, datetime.date]) -> None:
    changed = []
    for window in period.windows.all():
        deadline = deadlines.get(window.number)
        if deadline is None or deadline == window.report_deadline:
            continue
        if deadline < window.end_date:
            raise ValidationError(
                {
                    f"window_{window.number}": _(
                        "Reports of %(window)s cannot be due before it ends (%(date)s)."
                    )
                    % {"window": window.label, "date": window.end_date.strftime("%d-%m-%Y")}
                }
            )
        window.report_deadline = deadline
        changed.append(window)
    ReportingWindow.objects.bulk_update(changed, ["report_deadline", "updated_at"])


def _goal_supported(goal: OrganisationGoal) -> bool:
    return CascadeLink.objects.filter(
        Q(supports_goal=goal) | Q(supports_indicator__goal=goal)
    ).exists()


@transaction.atomic
def goal_update(
    *, goal: OrganisationGoal, unit, code: str, title: str, source: str = "", actor=None
) -> OrganisationGoal:
    if unit.agency_id != goal.period.agency_id:
        raise ApplicationError(_("The unit belongs to another agency."))
    fields = ["unit", "code", "title", "source"]
    before = {name: str(getattr(goal, name)) for name in fields}
    goal.unit = unit
    goal.code = code
    goal.title = title
    goal.source = source
    goal.full_clean()
    goal.save(update_fields=[*fields, "updated_at"])
    log_action(
        actor=actor,
        action="planning.goal_update",
        obj=goal,
        before=before,
        after={name: str(getattr(goal, name)) for name in fields},
    )
    return goal


@transaction.atomic
def goal_indicators_set(*, goal: OrganisationGoal, rows: list[dict], actor=None) -> None:
    """Write a goal's key indicators (IKU) as edited on its form. Each row holds
    ``indicator`` (None for a new one), ``text``, ``target_value``, ``target_unit`` and
    ``delete``; an IKU that results already support cannot be deleted."""
    for row in rows:
        indicator = row.get("indicator")
        if indicator is not None and indicator.goal_id != goal.pk:
            raise ApplicationError(_("The key indicator belongs to another goal."))
        if indicator is None:
            if not row.get("delete") and row.get("text"):
                goal_indicator_add(
                    goal=goal,
                    text=row["text"],
                    target_value=row.get("target_value"),
                    target_unit=row.get("target_unit", ""),
                    actor=actor,
                )
            continue
        if row.get("delete"):
            if indicator.supported_by.exists():
                raise ApplicationError(
                    _("Results support the key indicator “%(text)s”, so it cannot be deleted.")
                    % {"text": indicator.text[:60]}
                )
            log_action(
                actor=actor,
                action="planning.goal_indicator_delete",
                obj=indicator,
                before={"text": indicator.text},
            )
            indicator.delete()
            continue
        values = {
            "text": row["text"],
            "target_value": row.get("target_value"),
            "target_unit": row.get("target_unit", ""),
        }
        before = {
            k: str(getattr(indicator, k)) for k, v in values.items() if getattr(indicator, k) != v
        }
        if not before:
            continue
        for key, value in values.items():
            setattr(indicator, key, value)
        indicator.full_clean()
        indicator.save(update_fields=[*values, "updated_at"])
        log_action(
            actor=actor,
            action="planning.goal_indicator_update",
            obj=indicator,
            before=before,
            after={k: str(getattr(indicator, k)) for k in before},
        )


@transaction.atomic
def goal_delete(*, goal: OrganisationGoal, actor=None) -> None:
    """Delete a goal with its key indicators, unless results already support it."""
    if _goal_supported(goal):
        raise ApplicationError(_("Results support this goal; unlink them before deleting it."))
    log_action(
        actor=actor,
        action="planning.goal_delete",
        obj=goal,
        before={"code": goal.code, "title": goal.title},
    )
    goal.delete()


TEMPLATE_FIELDS = (
    "field",
    "position_kind",
    "result_text",
    "indicator_text",
    "aspect",
    "target_unit",
    "suggested_target",
)


@transaction.atomic
def template_create(*, agency: Agency | None, actor=None, **values) -> IndicatorTemplate:
    """Add a suggestion to the indicator library; ``agency`` None makes it national."""
    template = IndicatorTemplate(
        agency=agency, **{k: v for k, v in values.items() if k in TEMPLATE_FIELDS}
    )
    template.full_clean()
    template.save()
    log_action(
        actor=actor,
        action="planning.template_create",
        obj=template,
        after={"field": template.field, "indicator": template.indicator_text},
    )
    return template


@transaction.atomic
def template_update(*, template: IndicatorTemplate, actor=None, **values) -> IndicatorTemplate:
    before = {
        k: str(getattr(template, k))
        for k, v in values.items()
        if k in TEMPLATE_FIELDS and getattr(template, k) != v
    }
    for key in before:
        setattr(template, key, values[key])
    template.full_clean()
    template.save(update_fields=[*before, "updated_at"])
    log_action(
        actor=actor,
        action="planning.template_update",
        obj=template,
        before=before,
        after={k: str(getattr(template, k)) for k in before},
    )
    return template


@transaction.atomic
def template_set_active(
    *, template: IndicatorTemplate, active: bool, actor=None
) -> IndicatorTemplate:
    """Withdraw a suggestion from the library (or bring it back). Results already made
    from it are copies and stay as they are."""
    if template.is_active != active:
        template.is_active = active
        template.save(update_fields=["is_active", "updated_at"])
        log_action(
            actor=actor,
            action="planning.template_activate" if active else "planning.template_deactivate",
            obj=template,
        )
    return template
