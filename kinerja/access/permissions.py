"""THE permission module: may user U do action A on object O, and which rows may U see.

Views, templates, the API and exports all ask here; nothing else decides who. Services
still decide *whether now* (an SKP must be submitted before it is approved).

Roles:
* superadmin — ``user.is_superuser``;
* HR admin (pengelola kinerja) and leader — ``ScopedRole`` over an agency or a subtree;
  the leader only reads;
* assessor and assessor's superior — derived from the org chart on the date, never
  granted (``org.supervision``);
* employee — the ``Employee`` linked to the login.

Every action name has the form ``"<app>.<verb>_<model>"`` and is declared in ``RULES``;
asking about an undeclared action is a programming error, not a silent "no".
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from kinerja.access.models import RoleKind, ScopedRole
from kinerja.core.clock import today
from kinerja.org.models import Agency, Assignment, Employee, Unit
from kinerja.org.selectors import (
    Superiors,
    active_on,
    assessees_of,
    employee_in_subtree,
    superiors_of,
)


@dataclass(frozen=True)
class Scope:
    agency_id: int
    path: str | None  # None: the whole agency

    def covers_unit(self, unit: Unit) -> bool:
        return unit.agency_id == self.agency_id and (
            self.path is None or unit.path.startswith(self.path)
        )


@dataclass
class Actor:
    """What the permission rules need to know about a user, computed once per request."""

    user: Any
    employee: Employee | None
    is_superuser: bool
    hr_scopes: tuple[Scope, ...]
    leader_scopes: tuple[Scope, ...]
    _assessees: dict[datetime.date, set[int]] = field(default_factory=dict)
    _in_subtree: dict[tuple[int, str, datetime.date], bool] = field(default_factory=dict)
    _superiors: dict[tuple[int, datetime.date], Superiors] = field(default_factory=dict)
    _assessee_units: dict[datetime.date, dict[int, bool]] = field(default_factory=dict)

    @property
    def is_authenticated(self) -> bool:
        return bool(getattr(self.user, "is_authenticated", False))

    @property
    def is_hr_admin(self) -> bool:
        return bool(self.hr_scopes)

    @property
    def is_leader(self) -> bool:
        return bool(self.leader_scopes)

    @property
    def read_scopes(self) -> tuple[Scope, ...]:
        return self.hr_scopes + self.leader_scopes

    def assessees(self, on: datetime.date) -> set[int]:
        """Ids of the employees this actor assesses on ``on``."""
        if self.employee is None:
            return set()
        if on not in self._assessees:
            self._assessees[on] = assessees_of(self.employee, on)
        return self._assessees[on]

    def superiors(self, employee: Employee, on: datetime.date) -> Superiors:
        """The employee's supervisor, assessor and assessor's superior on ``on``, asked of
        the org chart once per request: one page checks several rules about one person."""
        key = (employee.pk, on)
        if key not in self._superiors:
            self._superiors[key] = superiors_of(employee, on)
        return self._superiors[key]

    def assessee_units(self, on: datetime.date) -> dict[int, bool]:
        """The units where people this actor assesses hold a post on ``on``, each with
        whether one of those posts heads the unit: one query per date and request, for
        the rules and menus that ask it unit by unit."""
        if on not in self._assessee_units:
            units: dict[int, bool] = {}
            assessees = self.assessees(on)
            if assessees:
                for unit_id, heads in Assignment.objects.filter(
                    active_on(on), employee_id__in=assessees
                ).values_list("position__unit_id", "position__is_unit_head"):
                    units[unit_id] = units.get(unit_id, False) or heads
            self._assessee_units[on] = units
        return self._assessee_units[on]

    def scope_covers_employee(self, scope: Scope, employee: Employee, on: datetime.date) -> bool:
        if employee.agency_id != scope.agency_id:
            return False
        if scope.path is None:
            return True
        key = (employee.pk, scope.path, on)
        if key not in self._in_subtree:
            self._in_subtree[key] = Employee.objects.filter(
                employee_in_subtree(scope.path, on), pk=employee.pk
            ).exists()
        return self._in_subtree[key]


def actor_for(user: Any) -> Actor:
    """The ``Actor`` for a user, cached on the user object for the request."""
    cached: Actor | None = getattr(user, "_kinerja_actor", None)
    if cached is not None:
        return cached
    if not getattr(user, "is_authenticated", False):
        return Actor(user=user, employee=None, is_superuser=False, hr_scopes=(), leader_scopes=())
    employee = Employee.objects.filter(user=user, is_active=True).first()
    hr: list[Scope] = []
    leader: list[Scope] = []
    for role, agency_id, path in ScopedRole.objects.filter(user=user).values_list(
        "role", "agency_id", "unit__path"
    ):
        (hr if role == RoleKind.HR_ADMIN else leader).append(Scope(agency_id, path))
    actor = Actor(
        user=user,
        employee=employee,
        is_superuser=user.is_superuser,
        hr_scopes=tuple(hr),
        leader_scopes=tuple(leader),
    )
    user._kinerja_actor = actor
    return actor


# --- relations -------------------------------------------------------------------------


def _same_agency(actor: Actor, agency_id: int) -> bool:
    return actor.employee is not None and actor.employee.agency_id == agency_id


def _is_employee(actor: Actor, employee_id: int | None) -> bool:
    """The actor is the employee with this id (a rater, a coach, a decider, …)."""
    return actor.employee is not None and actor.employee.pk == employee_id


def _is_self(actor: Actor, employee: Employee) -> bool:
    return _is_employee(actor, employee.pk)


def _owns(actor: Actor, skp: Any) -> bool:
    return _is_employee(actor, skp.employee_id)


def _owns_skp_of(actor: Actor, obj: Any) -> bool:
    """The actor owns the SKP of ``obj`` (a period report, an evaluation)."""
    return _owns(actor, obj.skp)


def _skp_date(skp: Any, on: datetime.date | None = None) -> datetime.date:
    """The date an SKP's relations are judged on: ``on`` (default today), clamped to
    the SKP's span."""
    start: datetime.date = skp.start_date
    end: datetime.date = skp.end_date
    return max(start, min(on or today(), end))


def _evaluation_date(evaluation: Any) -> datetime.date:
    """The end of the evaluation's window (of the period, for the year), clamped to the
    SKP's span: the assessor and the other parties are those of that date."""
    skp = evaluation.skp
    window = evaluation.window
    return _skp_date(skp, window.end_date if window is not None else skp.period.end_date)


def _holds(actor: Actor, holding: Any) -> bool:
    return holding is not None and _is_employee(actor, holding.employee.pk)


def is_assessor_of(actor: Actor, employee: Employee, on: datetime.date | None = None) -> bool:
    """The actor is the employee's pejabat penilai kinerja on the date."""
    return employee.pk in actor.assessees(on or today())


def is_assessor_superior_of(
    actor: Actor, employee: Employee, on: datetime.date | None = None
) -> bool:
    """The actor is the employee's atasan pejabat penilai on the date."""
    if actor.employee is None:
        return False
    return _holds(actor, actor.superiors(employee, on or today()).assessor_superior)


def _supervises(actor: Actor, employee: Employee, on: datetime.date | None = None) -> bool:
    """The actor is the employee's direct supervisor (atasan langsung) on the date."""
    if actor.employee is None:
        return False
    return _holds(actor, actor.superiors(employee, on or today()).supervisor)


def _assessor_or_superior(
    actor: Actor, employee: Employee, on: datetime.date | None = None
) -> bool:
    """The employee's assessor or assessor's superior on the date (default today)."""
    return is_assessor_of(actor, employee, on) or is_assessor_superior_of(actor, employee, on)


def _hr_covers(actor: Actor, employee: Employee) -> bool:
    on = today()
    return any(actor.scope_covers_employee(s, employee, on) for s in actor.hr_scopes)


def _reader_covers(actor: Actor, employee: Employee) -> bool:
    on = today()
    return any(actor.scope_covers_employee(s, employee, on) for s in actor.read_scopes)


def _oversees(actor: Actor, employee: Employee, on: datetime.date | None = None) -> bool:
    """An HR admin or leader over the employee (today), or the employee's assessor or
    assessor's superior on the date: who reads an employee's plans, results and record."""
    return _reader_covers(actor, employee) or _assessor_or_superior(actor, employee, on)


def _agency_id(obj: Any) -> int:
    return obj.pk if isinstance(obj, Agency) else obj.agency_id


def _agency_wide(scopes: tuple[Scope, ...], agency_id: int) -> bool:
    return any(s.agency_id == agency_id and s.path is None for s in scopes)


def _agency_wide_hr(actor: Actor, obj: Any) -> bool:
    """HR admin over the whole agency of ``obj`` (an agency or anything in one)."""
    return _agency_wide(actor.hr_scopes, _agency_id(obj))


def _in_agency(scopes: tuple[Scope, ...], obj: Any) -> bool:
    """Some scope lies in the agency of ``obj`` (an agency or anything in one)."""
    agency_id = _agency_id(obj)
    return any(s.agency_id == agency_id for s in scopes)


def _hr_over_unit(actor: Actor, unit: Any) -> bool:
    """HR admins whose scope covers the unit (an agency means the whole agency)."""
    if unit is None:
        return False
    if isinstance(unit, Agency):
        return _agency_wide(actor.hr_scopes, unit.pk)
    return any(s.covers_unit(unit) for s in actor.hr_scopes)


# --- rules -----------------------------------------------------------------------------

Rule = Callable[[Actor, Any], bool]


def _view_directory(actor: Actor, obj: Any) -> bool:
    """The agency's directory (units, posts, names): its own staff, its HR and leaders."""
    return _same_agency(actor, _agency_id(obj)) or _in_agency(actor.read_scopes, obj)


def _view_employee_record(actor: Actor, employee: Employee) -> bool:
    """Contact details, history, attendance and later the performance record."""
    return _is_self(actor, employee) or _oversees(actor, employee)


def _hr_of_agency(actor: Actor, obj: Any) -> bool:
    return _in_agency(actor.hr_scopes, obj)


def _assesses_plan(actor: Actor, skp: Any) -> bool:
    return is_assessor_of(actor, skp.employee, _skp_date(skp))


def _view_skp(actor: Actor, skp: Any) -> bool:
    return _owns(actor, skp) or _oversees(actor, skp.employee, _skp_date(skp))


def _manage_goal(actor: Actor, unit: Unit) -> bool:
    """HR admins of the agency, and leaders over the goal's unit."""
    return _agency_wide(actor.hr_scopes, unit.agency_id) or any(
        s.covers_unit(unit) for s in actor.leader_scopes
    )


# --- appraisal: organisation results, distribution, calibration, policy ----------------


def units_led_from_above(actor: Actor, on: datetime.date | None = None) -> set[int]:
    """Ids of the units whose head the actor assesses on ``on``: the actor is those
    units' next-higher leader, who fixes their organisation result (SE MenPAN-RB 3/2023,
    step 1). A unit whose head post is vacant has no such leader; HR records for it."""
    units = actor.assessee_units(on or today())
    return {unit_id for unit_id, heads in units.items() if heads}


def _record_organisation_result(actor: Actor, unit: Unit) -> bool:
    return _agency_wide(actor.hr_scopes, unit.agency_id) or unit.pk in units_led_from_above(actor)


def assesses_in_unit(actor: Actor, unit: Unit, on: datetime.date | None = None) -> bool:
    """The actor assesses someone who holds a post in ``unit`` on ``on``."""
    return unit.pk in actor.assessee_units(on or today())


def _view_distribution(actor: Actor, unit: Unit) -> bool:
    """A unit's predicate distribution: HR over the unit, the unit's next-higher leader,
    and assessors of people in it (who see their own assessees there)."""
    return (
        _hr_over_unit(actor, unit)
        or assesses_in_unit(actor, unit)
        or _record_organisation_result(actor, unit)
    )


def _calibrate(actor: Actor, evaluation: Any) -> bool:
    """Revise an evaluation's ratings in calibration: the employee's assessor, or HR
    over the unit of the post the SKP is for (recording what the meeting agreed), but
    never one's own evaluation."""
    skp = evaluation.skp
    if _owns(actor, skp):
        return False
    return _assesses_plan(actor, skp) or _hr_over_unit(actor, skp.position.unit)


# --- execution: feedback, coaching, attendance -----------------------------


def _give_feedback(actor: Actor, skp: Any) -> bool:
    """The SKP's assessor on the plan's date, or the assessor's superior (domain.md §1.6)."""
    return _assessor_or_superior(actor, skp.employee, _skp_date(skp))


def _leads(actor: Actor, employee: Employee) -> bool:
    """Assessor or direct supervisor today: who holds guidance sessions and evaluates
    competence (bimbingan kinerja, formats B.1.8 and B.1.9)."""
    return is_assessor_of(actor, employee) or _supervises(actor, employee)


def _view_coaching(actor: Actor, obj: Any) -> bool:
    """A guidance session (anything with ``coach_id``) or an employee's coaching log: the
    employee, the coach, the assessor and supervisor, the assessor's superior, HR over them."""
    if hasattr(obj, "coach_id"):
        if _is_employee(actor, obj.coach_id):
            return True
        employee = obj.employee
    else:
        employee = obj
    return (
        _is_self(actor, employee)
        or _leads(actor, employee)
        or is_assessor_superior_of(actor, employee)
        or _hr_covers(actor, employee)
    )


# --- execution: realisations and evidence ----------------------------------
# Rules take a period report (anything with ``skp``) or a piece of evidence (anything
# with ``realisation.report.skp``), duck-typed: access cannot import execution.


def _view_report(actor: Actor, report: Any) -> bool:
    """The same people who read the report's SKP."""
    return _view_skp(actor, report.skp)


def _change_report(actor: Actor, report: Any) -> bool:
    """The employee fills in their report; HR over them may help."""
    return _owns(actor, report.skp) or _hr_covers(actor, report.skp.employee)


def _reopen_report(actor: Actor, report: Any) -> bool:
    """The SKP's assessor sends a submitted report back."""
    return _assesses_plan(actor, report.skp)


def _view_evidence(actor: Actor, evidence: Any) -> bool:
    return _view_skp(actor, evidence.realisation.report.skp)


# --- appraisal: periodic and annual evaluations -----------------------------
# Rules take an evaluation (anything with ``skp``, ``window`` and ``status``), duck-typed:
# access cannot import appraisal. It may be unsaved (a draft not yet rated).


def _rate_evaluation(actor: Actor, evaluation: Any) -> bool:
    return is_assessor_of(actor, evaluation.skp.employee, _evaluation_date(evaluation))


def _view_evaluation(actor: Actor, evaluation: Any) -> bool:
    """The employee once it is final; the assessor and the assessor's superior on the
    evaluation's date; HR admins and leaders over the employee."""
    skp = evaluation.skp
    return (_owns(actor, skp) and evaluation.status == "final") or _oversees(
        actor, skp.employee, _evaluation_date(evaluation)
    )


# --- multirater: 360° feedback rounds ---------------------------------------
# Rules take a unit, a round (anything with ``root_unit``), a rater assignment (anything
# with ``rater_id``) or a subject (anything with ``employee`` and ``round``), duck-typed:
# access cannot import multirater.


def _hr_covers_round(actor: Actor, obj: Any) -> bool:
    """HR admins whose scope covers the round's root unit (or the unit a round is for)."""
    return _hr_over_unit(actor, getattr(obj, "root_unit", obj))


def _view_multirater_summary(actor: Actor, subject: Any) -> bool:
    """The employee rated, their assessor and the assessor's superior (on the round's
    date or today), and HR admins over the employee or the round's unit."""
    employee = subject.employee
    return (
        _is_self(actor, employee)
        or _hr_covers_round(actor, subject.round)
        or _hr_covers(actor, employee)
        or _assessor_or_superior(actor, employee, subject.round.reference_date)
        or _assessor_or_superior(actor, employee)
    )


# --- appraisal: objections, activity log, credit points, year end ----------
# Rules take an objection (``evaluation``, ``filed_by_id``, ``decider_id``), an
# evaluation, an employee or a unit, duck-typed: access cannot import appraisal.


def _objection_assessor(actor: Actor, objection: Any) -> bool:
    """The assessor who gave the result, or the assessor at the year's end if none is
    recorded on the evaluation."""
    evaluation = objection.evaluation
    if evaluation.assessor_id is not None:
        return _is_employee(actor, evaluation.assessor_id)
    return is_assessor_of(actor, evaluation.skp.employee, _evaluation_date(evaluation))


def _decide_objection(actor: Actor, objection: Any) -> bool:
    """The assessor's superior at the end of the evaluated year, fixed at filing."""
    return _is_employee(actor, objection.decider_id)


def _view_objection(actor: Actor, objection: Any) -> bool:
    return (
        _is_employee(actor, objection.filed_by_id)
        or _objection_assessor(actor, objection)
        or _decide_objection(actor, objection)
        or _hr_covers(actor, objection.evaluation.skp.employee)
    )


def _view_credit_points(actor: Actor, employee: Employee) -> bool:
    """An employee's credit points: the employee, their assessor, HR and leaders over
    them."""
    return (
        _is_self(actor, employee)
        or _reader_covers(actor, employee)
        or is_assessor_of(actor, employee)
    )


# --- reporting: evaluation documents, bulk documents, compliance -----------
# Rules take an evaluation (anything with ``skp``, ``window`` and ``status``), a unit or an
# agency, duck-typed: access cannot import appraisal or reporting.


def _download_evaluation(actor: Actor, evaluation: Any) -> bool:
    """Those who read the evaluation, and the assessor who rated it."""
    return _is_employee(actor, getattr(evaluation, "assessor_id", None)) or _view_evaluation(
        actor, evaluation
    )


def _bulk_documents(actor: Actor, unit: Any) -> bool:
    """HR admins covering the unit; an assessor with assessees in the unit's subtree
    (their batch then holds only their assessees)."""
    if _hr_over_unit(actor, unit):
        return True
    on = today()
    assessees = actor.assessees(on)
    if not assessees or actor.employee is None or actor.employee.agency_id != unit.agency_id:
        return False
    return Employee.objects.filter(employee_in_subtree(unit.path, on), pk__in=assessees).exists()


def _view_compliance(actor: Actor, obj: Any) -> bool:
    """HR admins and leaders of the agency (an agency, or anything in one)."""
    return _in_agency(actor.read_scopes, obj)


# --- surveys: public satisfaction survey, IKM -----------------------------
# Rules take a survey unit (anything with ``unit``), a unit, or an employee, duck-typed:
# access cannot import surveys. The public form needs no permission (PUBLIC in the
# authorization matrix).


def _survey_unit(obj: Any) -> Unit:
    unit: Unit = getattr(obj, "unit", obj)
    return unit


def _manage_survey(actor: Actor, obj: Any) -> bool:
    """HR admins whose scope covers the survey's unit."""
    return _hr_over_unit(actor, _survey_unit(obj))


def _view_survey_results(actor: Actor, obj: Any) -> bool:
    """HR admins and leaders whose scope covers the survey's unit."""
    unit = _survey_unit(obj)
    return any(s.covers_unit(unit) for s in actor.read_scopes)


def _view_officer_summary(actor: Actor, employee: Employee) -> bool:
    """The officer's assessor (today) and HR admins over the officer."""
    return is_assessor_of(actor, employee) or _hr_covers(actor, employee)


RULES: dict[str, tuple[str, Rule]] = {
    "org.view_agency": ("see an agency's units, posts and staff directory", _view_directory),
    "org.view_unit": ("open a unit page", _view_directory),
    "org.view_employee": ("open an employee's directory page", _view_directory),
    "org.view_employee_record": (
        "see an employee's contact details and post history",
        _view_employee_record,
    ),
    "org.change_employee": (
        "correct an employee's data",
        _hr_covers,
    ),
    "org.import_data": (
        "import units, posts and employees into an agency",
        _agency_wide_hr,
    ),
    "org.use_hr_tools": ("open the HR admin pages of an agency", _hr_of_agency),
    "core.view_activity_log": (
        "read an employee's activity log",
        _hr_covers,
    ),
    "planning.view_skp": ("read an SKP", _view_skp),
    "planning.change_skp": (
        "edit the content of one's own SKP (HR may help)",
        lambda actor, skp: _owns(actor, skp) or _hr_covers(actor, skp.employee),
    ),
    "planning.submit_skp": ("submit one's own SKP", _owns),
    "planning.revise_skp": ("start a revision of one's own approved SKP", _owns),
    "planning.approve_skp": (
        "approve or return an SKP and write the leader's expectations",
        _assesses_plan,
    ),
    "planning.adopt_skp": (
        "adopt an SKP by default after the planning deadline",
        lambda actor, skp: _hr_covers(actor, skp.employee),
    ),
    "planning.manage_period": (
        "create and edit an agency's assessment periods",
        _agency_wide_hr,
    ),
    "planning.manage_goal": ("enter a unit's goals and key indicators", _manage_goal),
    "planning.manage_library": (
        "curate an agency's indicator library",
        lambda actor, agency: agency is not None and _hr_of_agency(actor, agency),
    ),
    "planning.view_unit_plans": (
        "see the plans and cascade of a unit's subtree",
        lambda actor, unit: any(s.covers_unit(unit) for s in actor.read_scopes),
    ),
    "planning.distribute_results": (
        "fill an assessee's row of the role–result matrix (their draft RHK)",
        is_assessor_of,
    ),
    # --- appraisal: organisation results, distribution, calibration, policy -------
    "appraisal.record_organisation_result": (
        "record or change a unit's organisation predicate (its next-higher leader; HR)",
        _record_organisation_result,
    ),
    "appraisal.view_distribution": (
        "see a unit's employee predicates against the distribution guide",
        _view_distribution,
    ),
    "appraisal.calibrate": (
        "revise an evaluation's ratings in calibration, with a reason",
        _calibrate,
    ),
    "appraisal.manage_policy": (
        "change an agency's assessment policy (thresholds, rounding, objection days)",
        _agency_wide_hr,
    ),
    # --- execution: feedback, coaching, attendance ---
    "execution.give_feedback": (
        "give continuous feedback on an SKP's results and core values",
        _give_feedback,
    ),
    "execution.reply_feedback": ("reply to feedback on one's own SKP", _owns),
    "execution.view_feedback": ("read the feedback threads of an SKP", _view_skp),
    "execution.log_coaching": (
        "log a guidance session with an employee one assesses or supervises",
        _leads,
    ),
    "execution.answer_coaching_feedback": (
        "answer the feedback form (B.1.8) on a guidance session one received",
        lambda actor, session: _is_employee(actor, session.employee_id),
    ),
    "execution.view_coaching": (
        "read guidance sessions and competence evaluations",
        _view_coaching,
    ),
    "execution.evaluate_competence": (
        "evaluate the competences (B.1.9) of an employee one assesses or supervises",
        _leads,
    ),
    "execution.import_attendance": (
        "import an agency's attendance summaries",
        _agency_wide_hr,
    ),
    "execution.view_attendance": (
        "read an employee's attendance summaries",
        _view_employee_record,
    ),
    # --- execution: realisations and evidence ---
    "execution.view_report": (
        "read a period report with its realisations (as for the SKP)",
        _view_report,
    ),
    "execution.change_report": (
        "record realisations and evidence in one's own report (HR may help)",
        _change_report,
    ),
    "execution.submit_report": ("submit one's own report to the assessor", _owns_skp_of),
    "execution.reopen_report": (
        "reopen a submitted report for corrections (the assessor)",
        _reopen_report,
    ),
    "execution.view_evidence": (
        "open or download a piece of evidence (as for the SKP)",
        _view_evidence,
    ),
    # --- appraisal: periodic and annual evaluations ---
    "appraisal.view_evaluation": (
        "read an evaluation (the employee only once it is final)",
        _view_evaluation,
    ),
    "appraisal.rate_evaluation": (
        "give the results and behaviour ratings (the assessor on the window's end date)",
        _rate_evaluation,
    ),
    "appraisal.finalise_evaluation": (
        "make an evaluation final and deliver it to the employee (the assessor)",
        _rate_evaluation,
    ),
    "appraisal.view_queue": (
        "open the assessor's evaluation queue (its rows are the people one assesses)",
        lambda actor, obj: actor.employee is not None,
    ),
    # --- multirater: 360° feedback rounds ---
    "multirater.manage_round": (
        "open, edit the raters of, remind and close a 360° round (HR over its unit)",
        _hr_covers_round,
    ),
    "multirater.view_progress": (
        "see a 360° round's progress: counts per rater group only (HR over its unit)",
        _hr_covers_round,
    ),
    "multirater.answer": (
        "answer a 360° feedback form one is asked to fill in",
        lambda actor, assignment: _is_employee(actor, assignment.rater_id),
    ),
    "multirater.view_summary": (
        "read the anonymous 360° aggregates of an employee (the employee, the assessor, "
        "the assessor's superior, HR over them)",
        _view_multirater_summary,
    ),
    # --- appraisal: objections, activity log, credit points, year end ---
    # The employee alone objects to their own annual result (PP 30/2019 Pasal 59).
    "appraisal.file_objection": (
        "object to one's own final annual result (the employee)",
        _owns_skp_of,
    ),
    "appraisal.state_objection": (
        "explain the assessment to the superior deciding an objection (the assessor)",
        _objection_assessor,
    ),
    "appraisal.decide_objection": (
        "decide an objection, finally (the assessor's superior at the year's end)",
        _decide_objection,
    ),
    "appraisal.view_objection": (
        "read an objection: the employee, the assessor, the decider, HR over the employee",
        _view_objection,
    ),
    "appraisal.view_credit_points": (
        "read an employee's credit points and how they were computed",
        _view_credit_points,
    ),
    "appraisal.list_credit_points": (
        "list and export the credit points of a unit (HR over the unit)",
        _hr_over_unit,
    ),
    "appraisal.finalise_year": (
        "finalise a unit's rated annual evaluations in bulk (HR over the unit)",
        _hr_over_unit,
    ),
    # --- reporting: evaluation documents, bulk documents, compliance --------------
    "reporting.download_evaluation": (
        "download an evaluation's official documents (PDF)",
        _download_evaluation,
    ),
    "reporting.bulk_documents": (
        "render a unit's evaluation documents in bulk (HR over it; an assessor for theirs)",
        _bulk_documents,
    ),
    "reporting.view_compliance": (
        "see and export who has not reported or assessed (HR and leaders of the agency)",
        _view_compliance,
    ),
    # --- surveys: public satisfaction survey, IKM ----------------------------------
    "surveys.manage_survey": (
        "set up a unit's public survey, its periods and poster (HR over the unit)",
        _manage_survey,
    ),
    "surveys.open_agency_period": (
        "open a survey period for every survey unit of the agency (HR over the whole agency)",
        _agency_wide_hr,
    ),
    "surveys.view_results": (
        "read and export a unit's survey results (HR and leaders over the unit)",
        _view_survey_results,
    ),
    "surveys.view_officer_summary": (
        "see the aggregated survey answers naming an officer (their assessor, HR)",
        _view_officer_summary,
    ),
}


def may(user: Any, action: str, obj: Any = None) -> bool:
    """Whether ``user`` may do ``action`` on ``obj``. Superadmins may do everything."""
    if action not in RULES:
        raise KeyError(f"Undeclared permission {action!r}: add it to access.permissions.RULES")
    actor = actor_for(user)
    if not actor.is_authenticated:
        return False
    if actor.is_superuser:
        return True
    return bool(RULES[action][1](actor, obj))


# --- row scoping -----------------------------------------------------------------------


def _directory_agency_ids(actor: Actor) -> set[int]:
    ids = {s.agency_id for s in actor.read_scopes}
    if actor.employee is not None:
        ids.add(actor.employee.agency_id)
    return ids


def agencies_visible_to(user: Any) -> QuerySet[Agency]:
    actor = actor_for(user)
    if actor.is_superuser:
        return Agency.objects.all()
    return Agency.objects.filter(pk__in=_directory_agency_ids(actor))


def units_visible_to(user: Any) -> QuerySet[Unit]:
    actor = actor_for(user)
    if actor.is_superuser:
        return Unit.objects.all()
    return Unit.objects.filter(agency_id__in=_directory_agency_ids(actor))


def employees_visible_to(user: Any) -> QuerySet[Employee]:
    """Employees whose directory entry the user may see."""
    actor = actor_for(user)
    if actor.is_superuser:
        return Employee.objects.all()
    return Employee.objects.filter(agency_id__in=_directory_agency_ids(actor))


def scope_condition(scopes: tuple[Scope, ...], prefix: str = "") -> Q:
    """Rows whose unit lies in one of ``scopes``: the unit itself, or one reached through
    ``prefix`` (``"root_unit__"``, ``"unit__"``). No scope matches nothing."""
    condition = Q(pk__in=[])
    for scope in scopes:
        part = Q(**{f"{prefix}agency_id": scope.agency_id})
        if scope.path is not None:
            part &= Q(**{f"{prefix}path__startswith": scope.path})
        condition |= part
    return condition


def units_managed_by(user: Any) -> QuerySet[Unit]:
    """Units inside the user's HR admin scopes (every unit for superadmins)."""
    actor = actor_for(user)
    if actor.is_superuser:
        return Unit.objects.all()
    return Unit.objects.filter(scope_condition(actor.hr_scopes))


def employees_managed_by(user: Any) -> QuerySet[Employee]:
    """Employees inside the user's HR admin scopes (for HR lists and exports)."""
    actor = actor_for(user)
    if actor.is_superuser:
        return Employee.objects.all()
    condition = Q(pk__in=[])
    on = today()
    for scope in actor.hr_scopes:
        part = Q(agency_id=scope.agency_id)
        if scope.path is not None:
            part &= employee_in_subtree(scope.path, on)
        condition |= part
    return Employee.objects.filter(condition)
