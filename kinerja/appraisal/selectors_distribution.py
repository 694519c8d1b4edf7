"""Reads for the organisation result, the distribution guide and calibration
(SE MenPAN-RB 3/2023; domain.md §1.8).

Which employees a unit's distribution counts: the employees whose SKP is for a post in
the unit itself (not its subunits). Each unit with a recorded organisation predicate is
checked on its own, so a Dinas and a Bidang under it are not counted twice. On the
calibration screen an assessor sees only their own assessees in the unit, because those
are the ratings they can revise; HR sees the whole unit.

Only evaluations with a predicate count (rated, draft or final); when an employee has
several SKPs in the period (a job change), the one that started last counts.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Value, When

from kinerja.access.permissions import actor_for, units_led_from_above
from kinerja.appraisal.enums import EmployeePredicate, OrganisationPredicate, Rounding
from kinerja.appraisal.models import AppraisalPolicy, Evaluation, OrganisationResult
from kinerja.core.clock import today
from kinerja.org.enums import AssignmentKind
from kinerja.org.models import Agency, Assignment, Employee, Unit
from kinerja.org.selectors import active_on, superiors_of
from kinerja.planning.models import AssessmentPeriod, ReportingWindow
from kinerja.regulation import distribution as guide
from kinerja.regulation.distribution import Finding, check_distribution, explain_guide
from kinerja.regulation.predicate import EMPLOYEE_PREDICATE_NAMES
from kinerja.regulation.predicate import EmployeePredicate as PredicateRule

# Who holds a post when several do: the definitive holder, else the Plt, else the Plh.
_HOLDER_ORDER = Case(
    When(kind=AssignmentKind.DEFINITIVE, then=Value(0)),
    When(kind=AssignmentKind.PLT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)

# --- the assessment policy ---------------------------------------------------------------


def policy_for(agency: Agency) -> AppraisalPolicy:
    """The agency's assessment policy; the regulation defaults (unsaved) until HR sets one."""
    policy = AppraisalPolicy.objects.filter(agency=agency).first()
    return policy if policy is not None else AppraisalPolicy(agency=agency)


# --- the organisation result -------------------------------------------------------------


def judged_on(period: AssessmentPeriod, window: ReportingWindow | None) -> datetime.date:
    """The date relations are judged on for a window (or the year): today, clamped to it."""
    span = window or period
    return max(span.start_date, min(today(), span.end_date))


def unit_head(unit: Unit, on: datetime.date) -> Employee | None:
    """Whoever holds the unit's head post on ``on`` (definitive before Plt before Plh)."""
    assignment = (
        Assignment.objects.filter(active_on(on), position__unit=unit, position__is_unit_head=True)
        .select_related("employee")
        .order_by(_HOLDER_ORDER, "-start_date")
        .first()
    )
    return assignment.employee if assignment is not None else None


def next_higher_leader(unit: Unit, on: datetime.date) -> Employee | None:
    """The leader one level up who fixes the unit's result: the assessor of the unit's
    head on ``on`` (SE MenPAN-RB 3/2023, step 1). None when the head post is vacant or
    the head is assessed from outside the organisation chart (the political head)."""
    head = unit_head(unit, on)
    if head is None:
        return None
    holding = superiors_of(head, on).assessor
    return holding.employee if holding is not None else None


def organisation_results_for(
    units: Iterable[Unit], period: AssessmentPeriod, window: ReportingWindow | None
) -> dict[int, OrganisationResult]:
    """The recorded results of ``units`` for the window (``None``: the year), by unit id;
    one query."""
    results = OrganisationResult.objects.filter(
        unit__in=[u.pk for u in units], period=period, window=window
    ).select_related("recorded_by")
    return {r.unit_id: r for r in results}


def organisation_result_list(
    *, units: Iterable[Unit], period: AssessmentPeriod
) -> list[OrganisationResult]:
    """Every recorded result of ``units`` in the period (windows and the year); one query."""
    return list(
        OrganisationResult.objects.filter(unit__in=units, period=period)
        .select_related("unit", "period", "window", "recorded_by")
        .order_by("unit__path", "window__number")
    )


# --- the distribution ----------------------------------------------------------------------


def evaluations_in_units(
    *,
    units: Iterable[Unit] | None,
    period: AssessmentPeriod,
    window: ReportingWindow | None,
    employee_ids: set[int] | None = None,
) -> list[Evaluation]:
    """The rated evaluations of employees whose SKP is for a post in one of ``units``
    (``None``: any unit), one per employee (the latest SKP), optionally only
    ``employee_ids``; one query."""
    evaluations = Evaluation.objects.filter(skp__period=period, window=window)
    if units is not None:
        evaluations = evaluations.filter(skp__position__unit__in=[u.pk for u in units])
    evaluations = (
        evaluations.exclude(predicate="")
        .select_related("skp__employee", "skp__position__unit", "window")
        .order_by("skp__employee__name", "skp__employee_id", "-skp__start_date")
    )
    if employee_ids is not None:
        evaluations = evaluations.filter(skp__employee_id__in=employee_ids)
    seen: set[int] = set()
    rows = []
    for evaluation in evaluations:
        if evaluation.skp.employee_id in seen:
            continue
        seen.add(evaluation.skp.employee_id)
        rows.append(evaluation)
    return rows


@dataclass
class RuleRow:
    """One rule of the guide, ready for the warning partial."""

    finding: Finding
    label: str
    explanation: str
    ok: bool
    count: int
    percent: float

    @property
    def minimum(self) -> int | None:
        return self.finding.minimum

    @property
    def maximum(self) -> int | None:
        return self.finding.maximum


@dataclass
class Distribution:
    """A unit's (or an assessor's group's) employee predicates against the guide."""

    unit: Unit
    evaluations: list[Evaluation]
    counts: dict[str, int]
    result: OrganisationResult | None
    rounding: str
    findings: list[RuleRow] = field(default_factory=list)
    guide_text: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def all_ok(self) -> bool:
        return all(row.ok for row in self.findings)

    @property
    def bars(self) -> list[dict]:
        """Each employee predicate with its count and share, best first, for the chart."""
        total = self.total
        return [
            {
                "value": value,
                "label": label,
                "count": self.counts.get(value, 0),
                "percent": round(100 * self.counts.get(value, 0) / total, 1) if total else 0.0,
            }
            for value, label in EmployeePredicate.choices
        ]


def predicate_counts(evaluations: Iterable[Evaluation]) -> dict[str, int]:
    counts = dict.fromkeys(EmployeePredicate.values, 0)
    for evaluation in evaluations:
        if evaluation.predicate:
            counts[evaluation.predicate] += 1
    return counts


def distribution_check(
    *,
    unit: Unit,
    evaluations: list[Evaluation],
    result: OrganisationResult | None,
    rounding: str,
) -> Distribution:
    """Count ``evaluations`` by predicate and check them against the guide for the unit's
    organisation predicate with the agency's rounding; no queries."""
    counts = predicate_counts(evaluations)
    distribution = Distribution(
        unit=unit, evaluations=evaluations, counts=counts, result=result, rounding=rounding
    )
    if result is None:
        return distribution
    for finding in check_distribution(result.predicate, counts, rounding):
        distribution.findings.append(
            RuleRow(
                finding=finding,
                label=" + ".join(
                    EMPLOYEE_PREDICATE_NAMES[PredicateRule(p)] for p in finding.rule.predicates
                ),
                explanation=finding.explanation,
                ok=finding.ok,
                count=finding.count,
                percent=finding.share_percent,
            )
        )
    distribution.guide_text = explain_guide(result.predicate, rounding)
    return distribution


def guide_table() -> list[dict]:
    """The whole guide as rows for the why panel: organisation predicate → its rules."""
    labels = dict(OrganisationPredicate.choices)
    rows = []
    for predicate, rules in guide.DISTRIBUTION_GUIDE_2023.items():
        texts = [
            (
                " + ".join(EMPLOYEE_PREDICATE_NAMES[p] for p in rule.predicates),
                _rule_wording(rule),
            )
            for rule in rules
        ]
        rows.append({"value": predicate.value, "label": labels[predicate.value], "rules": texts})
    return rows


def _rule_wording(rule: guide.Rule) -> str:
    percent = f"{float(rule.share * 100):g}%"
    return {
        guide.Bound.AT_MOST: f"paling banyak {percent}",
        guide.Bound.AT_LEAST: f"paling sedikit {percent}",
        guide.Bound.MAJORITY_AT_MOST: f"sebagian besar (lebih dari 50%), paling banyak {percent}",
        guide.Bound.AT_LEAST_ONE: "harus ada, paling sedikit 1 orang",
        guide.Bound.NONE: "tidak boleh ada (0%)",
    }[rule.bound]


def unit_distribution(
    *,
    unit: Unit,
    period: AssessmentPeriod,
    window: ReportingWindow | None,
    employee_ids: set[int] | None = None,
    rounding: str | None = None,
    results: dict[int, OrganisationResult] | None = None,
) -> Distribution:
    """The unit's employee predicates for the window (or the year) checked against the
    guide for its recorded organisation predicate, with the agency's rounding and the
    recorded results by unit id (each read here unless the caller has it); a fixed
    number of queries."""
    evaluations = evaluations_in_units(
        units=[unit], period=period, window=window, employee_ids=employee_ids
    )
    if results is None:
        results = organisation_results_for([unit], period, window)
    result = results.get(unit.pk)
    if rounding is None:
        rounding = policy_for(unit.agency).rounding if unit.agency_id else Rounding.FAVOURABLE
    return distribution_check(unit=unit, evaluations=evaluations, result=result, rounding=rounding)


def grouped_distributions(
    *,
    evaluations: list[Evaluation],
    period: AssessmentPeriod,
    window: ReportingWindow | None,
    rounding: str,
    include: Iterable[Unit] = (),
) -> list[Distribution]:
    """Evaluations grouped by the unit of their SKP's post, each group checked against its
    unit's recorded predicate; one query for the results, whatever the number of units.
    Units in ``include`` get a group even when nobody in them is rated yet."""
    by_unit: dict[int, list[Evaluation]] = {u.pk: [] for u in include}
    units: dict[int, Unit] = {u.pk: u for u in include}
    for evaluation in evaluations:
        unit = evaluation.skp.position.unit
        units[unit.pk] = unit
        by_unit.setdefault(unit.pk, []).append(evaluation)
    results = organisation_results_for(units.values(), period, window)
    ordered = sorted(units.values(), key=lambda u: u.path)
    return [
        distribution_check(
            unit=unit, evaluations=by_unit[unit.pk], result=results.get(unit.pk), rounding=rounding
        )
        for unit in ordered
    ]


def hr_covers_unit(user, unit: Unit) -> bool:
    """A superadmin, or an HR admin whose scope covers ``unit``: they see everyone's
    ratings in it."""
    actor = actor_for(user)
    return actor.is_superuser or any(s.covers_unit(unit) for s in actor.hr_scopes)


def distribution_employee_ids(user, unit: Unit, on: datetime.date) -> set[int] | None:
    """Whose ratings in ``unit`` the user's distribution counts: ``None`` (everyone in
    the unit) for HR over the unit, superadmins and the unit's next-higher leader, who
    fixes its result; otherwise the user's own assessees (their calibration)."""
    actor = actor_for(user)
    if hr_covers_unit(user, unit):
        return None
    if unit.pk in units_led_from_above(actor):
        return None
    return actor.assessees(on)
