"""Objections (keberatan) to a final annual result, PP 30/2019 Pasal 59 (domain.md §3.3).

The employee objects in writing within the objection window (``AppraisalPolicy
.objection_days``, calendar days after the result became final); the assessor's
superior at the end of the evaluated year decides, after hearing the assessor; the
decision is final. Deciding to change the ratings is the only path that changes a
FINAL evaluation.

Who may act is decided by ``access`` (``appraisal.*_objection``); these services decide
whether now, and check again that the actor is the person the rule names.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.appraisal.enums import ObjectionStatus, Rating
from kinerja.appraisal.models import AppraisalPolicy, Evaluation, Objection
from kinerja.appraisal.selectors_distribution import policy_for
from kinerja.appraisal.selectors_evaluation import evaluation_date
from kinerja.appraisal.services.credit_points import credit_points_award
from kinerja.appraisal.signals import evaluations_finalised_send
from kinerja.core.clock import now, today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.notifications.services import notify
from kinerja.org.models import Employee
from kinerja.org.selectors import superiors_of
from kinerja.regulation import objections as rules
from kinerja.regulation.predicate import employee_predicate

UPHOLD, CHANGE = "uphold", "change"


def final_date(evaluation: Evaluation) -> datetime.date | None:
    if evaluation.finalised_at is None:
        return None
    return timezone.localdate(evaluation.finalised_at)


def objection_deadline(
    evaluation: Evaluation, policy: AppraisalPolicy | None = None
) -> datetime.date | None:
    """The last day to object (``regulation.objections``), or None before the result
    is final."""
    final = final_date(evaluation)
    if final is None:
        return None
    policy = policy or policy_for(evaluation.skp.employee.agency)
    return rules.objection_deadline(final, policy.objection_days)


def _actor_employee(actor) -> Employee | None:
    return Employee.objects.filter(user=actor).first() if actor is not None else None


def _is_superuser(actor) -> bool:
    return bool(getattr(actor, "is_superuser", False))


def _notify(employee: Employee | None, title: str, body: str, objection: Objection) -> None:
    if employee is None or employee.user_id is None:
        return
    user = employee.user
    link = f"/penilaian/keberatan/{objection.uuid}/"
    transaction.on_commit(lambda: notify(recipient=user, title=title, body=body, link=link))


def _log(objection: Objection, action: str, *, actor, before=None, after=None, reason="") -> None:
    log_action(
        actor=actor,
        action=f"appraisal.objection_{action}",
        obj=objection,
        subject_employee_id=objection.filed_by_id,
        before=before,
        after=after,
        reason=reason,
    )


def objection_filing_problem(
    evaluation: Evaluation, on: datetime.date | None = None, policy: AppraisalPolicy | None = None
) -> str:
    """Why this evaluation cannot be objected to now, or "" when it can. Reads the
    evaluation's objections through ``evaluation.objections.all()``, so a list that
    prefetched them asks nothing more."""
    on = on or today()
    if not evaluation.is_annual:
        return _("Only the annual result can be objected to.")
    if not evaluation.is_final:
        return _("The result is not final yet; an objection can be filed once it is.")
    existing = next(
        (o for o in evaluation.objections.all() if o.status != ObjectionStatus.WITHDRAWN), None
    )
    if existing is not None:
        if existing.status == ObjectionStatus.FILED:
            return _("An objection to this result is already waiting for a decision.")
        return _("The objection to this result has been decided, and the decision is final.")
    final = final_date(evaluation)
    policy = policy or policy_for(evaluation.skp.employee.agency)
    if final is not None and not rules.objection_open(final, policy.objection_days, on):
        return _(
            "The time to object has passed: objections to this result were possible until "
            "%(date)s (%(days)s calendar days after it became final)."
        ) % {
            "date": rules.objection_deadline(final, policy.objection_days).strftime("%d-%m-%Y"),
            "days": policy.objection_days,
        }
    return ""


@transaction.atomic
def objection_file(*, evaluation: Evaluation, reasons: str, actor) -> Objection:
    """The employee objects to their final annual result, with reasons."""
    evaluation = (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("skp__employee__agency", "skp__period", "assessor")
        .get(pk=evaluation.pk)
    )
    employee = evaluation.skp.employee
    if not _is_superuser(actor):
        filer = _actor_employee(actor)
        if filer is None or filer.pk != employee.pk:
            raise ApplicationError(_("Only the employee can object to their own result."))
    reasons = (reasons or "").strip()
    if not reasons:
        raise ApplicationError(_("Write the reasons for the objection."))
    policy = policy_for(employee.agency)
    problem = objection_filing_problem(evaluation, policy=policy)
    if problem:
        raise ApplicationError(problem)
    superiors = superiors_of(employee, evaluation_date(evaluation.skp, None))
    decider = superiors.assessor_superior.employee if superiors.assessor_superior else None
    assessor = evaluation.assessor or (superiors.assessor.employee if superiors.assessor else None)
    objection = Objection(
        evaluation=evaluation,
        filed_by=employee,
        reasons=reasons,
        decide_by=rules.decision_deadline(today(), policy.decision_days),
        decider=decider,
        previous_results_rating=evaluation.results_rating,
        previous_behaviour_rating=evaluation.behaviour_rating,
        previous_predicate=evaluation.predicate,
    )
    objection.full_clean()
    objection.save()
    _log(
        objection,
        "file",
        actor=actor,
        after={"status": objection.status, "decide_by": objection.decide_by.isoformat()},
        reason=reasons,
    )
    name = employee.full_name
    title = _("%(name)s objects to their annual result") % {"name": name}
    _notify(decider, title, reasons, objection)
    _notify(
        assessor, title, _("Please explain your assessment to the assessor's superior."), objection
    )
    return objection


def _open(objection: Objection) -> Objection:
    objection = (
        Objection.objects.select_for_update(of=("self",))
        .select_related("evaluation__skp__employee", "evaluation__assessor", "decider", "filed_by")
        .get(pk=objection.pk)
    )
    if objection.status == ObjectionStatus.WITHDRAWN:
        raise ApplicationError(_("This objection was withdrawn."))
    if objection.status != ObjectionStatus.FILED:
        raise ApplicationError(_("This objection has been decided, and the decision is final."))
    return objection


@transaction.atomic
def objection_assessor_statement(*, objection: Objection, statement: str, actor) -> Objection:
    """The assessor explains the assessment to the deciding superior (the superior
    examines the case by asking both sides, PP 30/2019 Pasal 59(3))."""
    objection = _open(objection)
    statement = (statement or "").strip()
    if not statement:
        raise ApplicationError(_("Write your explanation."))
    before = {"assessor_statement": objection.assessor_statement}
    objection.assessor_statement = statement
    objection.full_clean()
    objection.save(update_fields=["assessor_statement", "updated_at"])
    _log(
        objection,
        "statement",
        actor=actor,
        before=before,
        after={"assessor_statement": statement},
    )
    _notify(
        objection.decider,
        _("The assessor explained the result %(name)s objects to")
        % {"name": objection.filed_by.full_name},
        statement,
        objection,
    )
    return objection


@transaction.atomic
def objection_decide(
    *,
    objection: Objection,
    decision: str,
    reason: str,
    actor,
    results_rating: str = "",
    behaviour_rating: str = "",
) -> Objection:
    """The assessor's superior decides, finally: the result stands (``uphold``) or the
    ratings change (``change``), and with them the predicate and credit points."""
    objection = _open(objection)
    decider = _actor_employee(actor)
    if not _is_superuser(actor) and (decider is None or decider.pk != objection.decider_id):
        raise ApplicationError(_("Only the assessor's superior can decide this objection."))
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError(_("Give the reasons for the decision."))
    if decision not in (UPHOLD, CHANGE):
        raise ApplicationError(_("Choose whether the result stands or changes."))
    evaluation = Evaluation.objects.select_for_update().get(pk=objection.evaluation_id)
    previous = {
        "results_rating": evaluation.results_rating,
        "behaviour_rating": evaluation.behaviour_rating,
        "predicate": evaluation.predicate,
    }
    if decision == CHANGE:
        valid = set(Rating.values)
        if results_rating not in valid or behaviour_rating not in valid:
            raise ApplicationError(_("Choose both ratings to change the result."))
        if (results_rating, behaviour_rating) == (
            evaluation.results_rating,
            evaluation.behaviour_rating,
        ):
            raise ApplicationError(
                _("The ratings chosen are the current ones; decide that the result stands.")
            )
        new = {
            "results_rating": results_rating,
            "behaviour_rating": behaviour_rating,
            "predicate": employee_predicate(results_rating, behaviour_rating).value,
        }
    else:
        new = dict(previous)

    objection.status = ObjectionStatus.CHANGED if decision == CHANGE else ObjectionStatus.UPHELD
    objection.decided_by = decider
    objection.decided_at = now()
    objection.decision_reason = reason
    objection.new_results_rating = new["results_rating"]
    objection.new_behaviour_rating = new["behaviour_rating"]
    objection.new_predicate = new["predicate"]
    objection.full_clean()
    objection.save()
    _log(
        objection,
        "decide",
        actor=actor,
        before={"status": ObjectionStatus.FILED, **previous},
        after={"status": objection.status, **new},
        reason=reason,
    )

    if decision == CHANGE:
        # The one place a final evaluation changes (the decision is final, Pasal 59(4)).
        evaluation.results_rating = new["results_rating"]
        evaluation.behaviour_rating = new["behaviour_rating"]
        evaluation.predicate = new["predicate"]
        evaluation.save(
            update_fields=["results_rating", "behaviour_rating", "predicate", "updated_at"]
        )
        log_action(
            actor=actor,
            action="appraisal.evaluation_change_by_objection",
            obj=evaluation,
            subject_employee_id=objection.filed_by_id,
            before=previous,
            after=new,
            reason=reason,
        )
        credit_points_award(evaluation=evaluation, actor=actor, reason=reason)
        # Its stored document no longer matches (``updated_at`` moved): render it again.
        evaluations_finalised_send(Evaluation.objects.filter(pk=evaluation.pk))

    title = (
        _("Your objection was decided: the result changed")
        if decision == CHANGE
        else _("Your objection was decided: the result stands")
    )
    _notify(objection.filed_by, title, reason, objection)
    _notify(
        objection.evaluation.assessor,
        _("The objection of %(name)s was decided") % {"name": objection.filed_by.full_name},
        reason,
        objection,
    )
    return objection


@transaction.atomic
def objection_withdraw(*, objection: Objection, actor, reason: str = "") -> Objection:
    """The employee withdraws an objection that is still waiting for a decision."""
    objection = _open(objection)
    if not _is_superuser(actor):
        employee = _actor_employee(actor)
        if employee is None or employee.pk != objection.filed_by_id:
            raise ApplicationError(_("Only the employee who objected can withdraw the objection."))
    objection.status = ObjectionStatus.WITHDRAWN
    objection.save(update_fields=["status", "updated_at"])
    _log(
        objection,
        "withdraw",
        actor=actor,
        before={"status": ObjectionStatus.FILED},
        after={"status": ObjectionStatus.WITHDRAWN},
        reason=(reason or "").strip(),
    )
    _notify(
        objection.decider,
        _("%(name)s withdrew an objection") % {"name": objection.filed_by.full_name},
        "",
        objection,
    )
    return objection


def is_overdue(objection: Objection, on: datetime.date | None = None) -> bool:
    """Still waiting for a decision after ``decide_by``: shown to HR as overdue."""
    return objection.status == ObjectionStatus.FILED and rules.decision_overdue(
        objection.decide_by, on or today()
    )
