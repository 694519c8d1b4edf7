"""The SKP workflow. Every status change goes through ``_transition``, which checks
``SKP_TRANSITIONS`` and writes the activity log; notifications go out after the
transaction commits."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.core.clock import now, today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.notifications.services import notify
from kinerja.org.models import Employee
from kinerja.org.selectors import superiors_of
from kinerja.planning.enums import (
    SKP_TRANSITIONS,
    Approach,
    ResultKind,
    SkpStatus,
)
from kinerja.planning.models import (
    AnnexItem,
    BehaviourExpectation,
    CascadeLink,
    Indicator,
    PlannedResult,
    Skp,
)
from kinerja.planning.services.cascade import assessor_on
from kinerja.planning.services.content import is_senior_executive

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
    if "results" in getattr(skp, "_prefetched_objects_cache", {}):
        # The SKP page loaded them with their indicators and links (selectors.skp_detail).
        results = list(skp.results.all())
    else:
        results = list(skp.results.prefetch_related("indicators", "links"))
    if not any(r.kind == ResultKind.MAIN for r in results):
        problems.append(_("Add at least one main result (RHK utama)."))
    senior = is_senior_executive(skp.position)
    for result in results:
        problems += _result_problems(result, senior=senior, approach=skp.approach)
    if for_approval:
        missing = sum(1 for expectation in skp.expectations.all() if not expectation.text)
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
    assessor = assessor_on(skp)
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
