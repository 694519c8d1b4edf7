"""Reads for periodic and annual evaluations: the recommendation's inputs, the assessor's
queue and the evaluation page, each in a fixed number of queries.

The recommendation itself is the ``regulation.achievement`` rule applied to the
window's cumulative realisations; a unit head's results rating is the unit's
organisation result (SE MenPAN-RB 3/2023, step 3).
"""

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from kinerja.access.permissions import Actor
from kinerja.appraisal.enums import EvaluationStatus, OrganisationPredicate, Rating, Rounding
from kinerja.appraisal.models import AppraisalPolicy, Evaluation, OrganisationResult
from kinerja.core.clock import today
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import AttendanceSummary, PeriodReport, Realisation
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import (
    AssessmentPeriod,
    Indicator,
    PlannedResult,
    ReportingWindow,
    Skp,
)
from kinerja.regulation.achievement import (
    DEFAULT_THRESHOLDS,
    Recommendation,
    Thresholds,
    indicator_achievement,
    is_lower_better,
    recommend_results_rating,
    window_target,
)
from kinerja.regulation.predicate import unit_head_results_rating

ASSESSABLE_SKP_STATUSES = (SkpStatus.APPROVED,)
"""Only an approved (ditetapkan) SKP is evaluated; a superseded version's windows are
evaluated on the revision that replaced it."""


# --- dates -----------------------------------------------------------------------------


def evaluation_date(skp: Skp, window: ReportingWindow | None) -> datetime.date:
    """The date the assessor of an evaluation is derived on: the end of the window (or
    of the period, for the annual evaluation), clamped to the SKP's span, as
    ``access.permissions`` does for plans."""
    end = window.end_date if window is not None else skp.period.end_date
    return max(skp.start_date, min(end, skp.end_date))


def _thresholds(policy: AppraisalPolicy | None) -> Thresholds:
    return policy.thresholds if policy is not None else DEFAULT_THRESHOLDS


def thresholds_for(agency_id: int) -> Thresholds:
    """The agency's recommendation thresholds, or the house defaults."""
    return _thresholds(AppraisalPolicy.objects.filter(agency_id=agency_id).first())


def organisation_result_for(skp: Skp, window: ReportingWindow | None) -> OrganisationResult | None:
    """The result of the unit of the SKP's post for the window (``None``: the year)."""
    return OrganisationResult.objects.filter(
        unit_id=skp.position.unit_id, period_id=skp.period_id, window=window
    ).first()


# --- the recommendation ----------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator as the recommendation saw it."""

    indicator: Indicator
    realisation: Realisation | None
    window_target: Decimal | None
    achievement: Decimal | None
    lower_is_better: bool
    source_window: ReportingWindow | None = None

    @property
    def counted(self) -> bool:
        return self.achievement is not None

    @property
    def value(self) -> Decimal | None:
        return self.realisation.value if self.realisation is not None else None


@dataclass(frozen=True)
class EvaluationRecommendation(Recommendation):
    """The regulation's recommendation with what it was computed from. For a unit head
    with an organisation result, ``rating`` is that result's rating and is enforced."""

    rows: tuple[IndicatorRow, ...] = ()
    organisation_result: OrganisationResult | None = None
    is_unit_head: bool = False
    window_number: int = 0
    window_count: int = 0

    @property
    def enforced(self) -> bool:
        """The results rating is fixed by the unit's result (SE MenPAN-RB 3/2023)."""
        return self.is_unit_head and self.organisation_result is not None

    @property
    def explanation(self) -> str:
        if self.enforced:
            assert self.organisation_result is not None and self.rating is not None
            return _(
                "This employee leads the unit %(unit)s. The unit's organisation result for "
                "this period is %(predicate)s, so the results rating is %(rating)s: under "
                "SE MenPAN-RB 3/2023 (step 3) the result of the unit becomes the results "
                "rating of the person who leads it. Reading used: only Istimewa is above "
                "expectation, Baik is as expected, the others are below expectation."
            ) % {
                "unit": self.organisation_result.unit.name,
                "predicate": OrganisationPredicate(self.organisation_result.predicate).label,
                "rating": Rating(self.rating).label,
            }
        return super().explanation

    @property
    def rule_text(self) -> str:
        """How each indicator's achievement was computed, in plain words."""
        return _(
            "Realisations are reported cumulatively (up to the end of the period). Quantity "
            "and cost targets build up over the year, so by window %(number)s of %(count)s "
            "the target is %(number)s/%(count)s of the annual target; quality and time "
            "targets hold all year. For time and cost less is better, so achievement is the "
            "target divided by the realisation; otherwise it is the realisation divided by "
            "the target. Indicators without a target number or a realised number are not "
            "counted. The annual evaluation compares the latest reported realisation with "
            "the full target."
        ) % {"number": self.window_number, "count": self.window_count}


def build_recommendation(
    *,
    skp: Skp,
    window: ReportingWindow | None,
    indicators: list[Indicator],
    realisations: dict[int, Realisation],
    window_count: int,
    thresholds: Thresholds,
    organisation_result: OrganisationResult | None,
) -> EvaluationRecommendation:
    """The recommendation from already-loaded inputs (no queries)."""
    count = max(window_count, 1)
    number = window.number if window is not None else count
    number = min(max(number, 1), count)
    rows = []
    for indicator in indicators:
        realisation = realisations.get(indicator.pk)
        lower = is_lower_better(indicator.aspect)
        target = indicator.target_value
        due = (
            window_target(target, aspect=indicator.aspect, number=number, count=count)
            if target is not None
            else None
        )
        achievement = None
        if due is not None and realisation is not None and realisation.value is not None:
            achievement = indicator_achievement(
                due, realisation.value, lower_is_better=lower, cap=thresholds.cap
            )
        rows.append(
            IndicatorRow(
                indicator=indicator,
                realisation=realisation,
                window_target=due,
                achievement=achievement,
                lower_is_better=lower,
                source_window=getattr(realisation, "source_window", None),
            )
        )
    base = recommend_results_rating(
        [row.achievement for row in rows if row.achievement is not None], thresholds
    )
    is_head = bool(skp.position.is_unit_head)
    rating = base.rating
    if is_head and organisation_result is not None:
        rating = unit_head_results_rating(organisation_result.predicate)
    return EvaluationRecommendation(
        rating=rating,
        mean_achievement=base.mean_achievement,
        counted=base.counted,
        thresholds=thresholds,
        rows=tuple(rows),
        organisation_result=organisation_result,
        is_unit_head=is_head,
        window_number=number,
        window_count=count,
    )


def _realisations_query(skp: Skp, window: ReportingWindow | None) -> QuerySet[Realisation]:
    query = Realisation.objects.filter(report__skp=skp).select_related("report__window")
    if window is not None:
        query = query.filter(report__window=window)
    return query.prefetch_related("evidence").order_by("report__window__number", "pk")


def latest_realisations(rows: list[Realisation]) -> dict[int, Realisation]:
    """Per indicator, the realisation of the latest window that has one (cumulative
    figures: the latest is the year's so far); each carries ``source_window``."""
    found: dict[int, Realisation] = {}
    for realisation in rows:
        realisation.source_window = realisation.report.window
        current = found.get(realisation.indicator_id)
        if current is None or realisation.value is not None or current.value is None:
            found[realisation.indicator_id] = realisation
    return found


def recommendation_inputs(skp: Skp, window: ReportingWindow | None) -> dict[str, Any]:
    """Everything ``build_recommendation`` needs, loaded in a fixed number of queries,
    with the SKP's results and the agency's distribution rounding for the page."""
    results = list(
        PlannedResult.objects.filter(skp=skp).prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.order_by("order", "id"))
        )
    )
    indicators = [i for result in results for i in result.indicators.all()]
    policy = AppraisalPolicy.objects.filter(agency_id=skp.period.agency_id).first()
    return {
        "results": results,
        "indicators": indicators,
        "realisations": latest_realisations(list(_realisations_query(skp, window))),
        "window_count": len(period_windows(skp.period)),
        "thresholds": _thresholds(policy),
        "rounding": policy.rounding if policy is not None else Rounding.FAVOURABLE,
        "organisation_result": organisation_result_for(skp, window),
    }


def compute_recommendation(
    skp: Skp, window: ReportingWindow | None, inputs: dict[str, Any] | None = None
) -> EvaluationRecommendation:
    """The recommendation for ``skp`` and ``window``, from ``recommendation_inputs``
    already loaded by the caller or loaded here."""
    if inputs is None:
        inputs = recommendation_inputs(skp, window)
    return build_recommendation(
        skp=skp,
        window=window,
        indicators=inputs["indicators"],
        realisations=inputs["realisations"],
        window_count=inputs["window_count"],
        thresholds=inputs["thresholds"],
        organisation_result=inputs["organisation_result"],
    )


# --- windows ---------------------------------------------------------------------------


ANNUAL = "tahunan"
"""How page URLs name the year (the annual evaluation or result) instead of a window."""
API_ANNUAL = "annual"
"""How the API names the year."""


class UnknownWindow(LookupError):
    """A window key that names no reporting window of the period."""


def period_windows(period: AssessmentPeriod) -> list[ReportingWindow]:
    """The period's windows in order, read once per period object: a page that picks
    the default window also lists them all."""
    windows: list[ReportingWindow] | None = getattr(period, "_ordered_windows", None)
    if windows is None:
        windows = list(period.windows.order_by("number"))
        period._ordered_windows = windows  # type: ignore[attr-defined]
    return windows


def default_window(period: AssessmentPeriod, on: datetime.date | None = None):
    """The latest window that has ended, else the first one."""
    on = on or today()
    windows = period_windows(period)
    past = [w for w in windows if w.end_date < on]
    if past:
        return past[-1]
    return windows[0] if windows else None


def window_key(window: ReportingWindow | None, *, annual: str = ANNUAL) -> str:
    """The key a URL names ``window`` by: its UUID, or ``annual`` for the year."""
    return str(window.uuid) if window is not None else annual


def window_from_key(
    period: AssessmentPeriod, key: str, *, annual: str = ANNUAL
) -> ReportingWindow | None:
    """The window of ``period`` that ``key`` names: ``None`` for ``annual`` (the year),
    ``default_window`` for an empty key; ``UnknownWindow`` for anything else."""
    if key == annual:
        return None
    if not key:
        return default_window(period)
    try:
        wanted = uuid.UUID(key)
    except ValueError:
        raise UnknownWindow(key) from None
    found = next((w for w in period_windows(period) if w.uuid == wanted), None)
    if found is None:
        raise UnknownWindow(key)
    return found


# --- the queue -------------------------------------------------------------------------


@dataclass
class QueueRow:
    skp: Skp
    report: PeriodReport | None
    evaluation: Evaluation | None
    annual: bool = False

    @property
    def employee(self):
        return self.skp.employee

    @property
    def report_submitted(self) -> bool:
        return self.report is not None and self.report.status == ReportStatus.SUBMITTED

    @property
    def is_rated(self) -> bool:
        return self.evaluation is not None and bool(self.evaluation.predicate)

    @property
    def is_final(self) -> bool:
        return self.evaluation is not None and self.evaluation.is_final

    @property
    def is_waiting(self) -> bool:
        """Waiting for the assessor: not final and, for a window, the report is in."""
        if self.is_final:
            return False
        return self.annual or self.report_submitted


@dataclass
class Queue:
    period: AssessmentPeriod | None
    window: ReportingWindow | None
    annual: bool
    rows: list[QueueRow] = field(default_factory=list)

    @property
    def waiting(self) -> list[QueueRow]:
        return [row for row in self.rows if row.is_waiting]

    def row_of(self, skp: Skp) -> QueueRow | None:
        return next((row for row in self.rows if row.skp.pk == skp.pk), None)

    def neighbours(self, skp: Skp, *, waiting_only: bool) -> tuple[Skp | None, Skp | None]:
        """The SKPs before and after ``skp`` in the queue (or its "waiting" filter). When
        ``skp`` has just left the filter (finalised), its place in the full queue counts."""
        full = [row.skp.pk for row in self.rows]
        if skp.pk not in full:
            return None, None
        position = full.index(skp.pk)
        keep = (lambda row: row.is_waiting) if waiting_only else (lambda row: True)
        before = [row for row in self.rows[:position] if keep(row)]
        after = [row for row in self.rows[position + 1 :] if keep(row)]
        return (before[-1].skp if before else None, after[0].skp if after else None)


def queue_skps(
    employee_ids: set[int], period: AssessmentPeriod, window: ReportingWindow | None
) -> QuerySet[Skp]:
    """The approved SKPs of these employees in force during the window (or the year)."""
    skps = Skp.objects.filter(
        employee_id__in=employee_ids, period=period, status__in=ASSESSABLE_SKP_STATUSES
    )
    if window is not None:
        skps = skps.filter(start_date__lte=window.end_date, end_date__gte=window.start_date)
    return skps


def queue_date(period: AssessmentPeriod, window: ReportingWindow | None) -> datetime.date:
    """Whom the assessor assesses is read at the end of the window (the period, for the
    year), or today while it is still running."""
    end = window.end_date if window is not None else period.end_date
    return max(period.start_date, min(end, today()))


def assessor_queue(
    actor: Actor, period: AssessmentPeriod | None, window: ReportingWindow | None
) -> Queue:
    """The queue of the people ``actor`` assesses on ``queue_date``."""
    ids = actor.assessees(queue_date(period, window)) if period is not None else set()
    return assessment_queue(assessor_ids=ids, period=period, window=window)


def assessment_queue(
    *, assessor_ids: set[int], period: AssessmentPeriod | None, window: ReportingWindow | None
) -> Queue:
    """The queue rows for the given assessees, in name order: their SKP, their report
    for the window and the evaluation, in three queries."""
    annual = window is None
    queue = Queue(period=period, window=window, annual=annual)
    if period is None or not assessor_ids:
        return queue
    report_filter = Q(window=window) if window is not None else Q(pk__in=[])
    skps = (
        queue_skps(assessor_ids, period, window)
        .select_related("employee", "position__unit", "period")
        .prefetch_related(
            Prefetch(
                "reports", queryset=PeriodReport.objects.filter(report_filter), to_attr="queue_r"
            ),
            Prefetch(
                "evaluations",
                queryset=Evaluation.objects.filter(window=window),
                to_attr="queue_e",
            ),
        )
        .order_by("employee__name", "employee__nip", "start_date", "pk")
    )
    for skp in skps:
        queue.rows.append(
            QueueRow(
                skp=skp,
                report=skp.queue_r[0] if skp.queue_r else None,
                evaluation=skp.queue_e[0] if skp.queue_e else None,
                annual=annual,
            )
        )
    return queue


# --- the evaluation page ---------------------------------------------------------------


def evaluation_of(skp: Skp, window: ReportingWindow | None) -> Evaluation:
    """The saved evaluation, or an unsaved draft (nothing is written by reading)."""
    found = (
        Evaluation.objects.filter(skp=skp, window=window)
        .select_related("assessor", "finalised_by", "organisation_result__unit")
        .first()
    )
    if found is not None:
        found.skp = skp
        found.window = window
        return found
    return Evaluation(skp=skp, window=window, status=EvaluationStatus.DRAFT)


def attendance_for(skp: Skp, window: ReportingWindow | None) -> list[AttendanceSummary]:
    """The attendance summaries the behaviour rating may take into account."""
    rows = AttendanceSummary.objects.filter(employee_id=skp.employee_id).select_related("window")
    if window is not None:
        return list(rows.filter(window=window))
    return list(rows.filter(window__period_id=skp.period_id).order_by("window__number"))


def evaluations_of_employee(employee_id: int) -> QuerySet[Evaluation]:
    """An employee's final evaluations, newest period first."""
    return (
        Evaluation.objects.filter(skp__employee_id=employee_id, status=EvaluationStatus.FINAL)
        .select_related("skp__period", "skp__position__unit", "window")
        .order_by("-skp__period__year", "window__number")
    )
