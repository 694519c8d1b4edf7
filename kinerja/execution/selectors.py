"""Reads of realisations and evidence (domain.md §1.6).

Stable names other apps use (the evaluation page, reporting):

* ``report_visible_to(user)`` — period reports the user may read (through their SKPs);
* ``report_get(queryset, uuid)`` — one report with its SKP, employee, window, period;
* ``report_rows(report)`` — per indicator of the SKP, in SKP order: the realisation, its
  evidence, the window's target and the achievement (from ``regulation``), with the
  reasoning for the "why" panel; a constant number of queries;
* ``report_windows(employee, period)`` — the employee's approved SKPs × the period's
  windows, with the report of each pair when there is one ("My reports");
* ``skp_windows(skp)`` — the same for one SKP (the assessor's view of an assessee);
* ``evidence_visible_to(user)`` — evidence whose SKP the user may read.

Other areas add functions here additively; keep these names and their return shapes.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext as _

from kinerja.core.clock import today
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import Evidence, PeriodReport, Realisation
from kinerja.org.models import Employee
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import (
    AssessmentPeriod,
    Indicator,
    PlannedResult,
    ReportingWindow,
    Skp,
)
from kinerja.planning.selectors import skp_visible_to
from kinerja.regulation.achievement import (
    DEFAULT_THRESHOLDS,
    HUNDRED,
    PRO_RATED_ASPECTS,
    indicator_achievement,
    is_lower_better,
    window_target,
)

INDICATOR_ORDER = ("-result__kind", "result__order", "result__id", "order", "id")
"""Main results before additional ones, then as the SKP orders them."""


def window_of_skp(skp: Skp, window: ReportingWindow) -> bool:
    """The window is one the SKP reports on: of its period, and overlapping its span."""
    return (
        window.period_id == skp.period_id
        and skp.start_date <= window.end_date
        and skp.end_date >= window.start_date
    )


def report_visible_to(user) -> QuerySet[PeriodReport]:
    """Reports the user may read: those of the SKPs they may read. The per-object rule
    is ``execution.view_report``."""
    return PeriodReport.objects.filter(skp__in=skp_visible_to(user))


def report_get(queryset: QuerySet[PeriodReport], uuid) -> PeriodReport:
    """One report with what its page shows about the SKP and window (raises DoesNotExist)."""
    return queryset.select_related(
        "skp__employee__agency", "skp__period", "skp__position__unit", "window__period"
    ).get(uuid=uuid)


def evidence_visible_to(user) -> QuerySet[Evidence]:
    """Evidence of the SKPs the user may read; the per-object rule is
    ``execution.view_evidence``."""
    return Evidence.objects.filter(realisation__report__skp__in=skp_visible_to(user))


# --- one report's rows -----------------------------------------------------------------


@dataclass
class ReportRow:
    """One indicator of the SKP in one window."""

    result: PlannedResult
    indicator: Indicator
    realisation: Realisation | None
    evidence: list[Evidence]
    window_target: Decimal | None
    achievement: Decimal | None
    lower_is_better: bool
    why: str

    @property
    def value(self) -> Decimal | None:
        return self.realisation.value if self.realisation else None

    @property
    def narrative(self) -> str:
        return self.realisation.narrative if self.realisation else ""

    @property
    def tone(self) -> str:
        """``met`` (100 % or more), ``short`` (below the house threshold for "as
        expected") or "" (in between, or no figure): the colour of the figure."""
        if self.achievement is None:
            return ""
        if self.achievement >= HUNDRED:
            return "met"
        if self.achievement < DEFAULT_THRESHOLDS.as_expected_from:
            return "short"
        return ""

    @property
    def is_filled(self) -> bool:
        if self.realisation is None:
            return False
        if self.indicator.target_value is not None:
            return self.realisation.value is not None
        return bool(self.realisation.narrative)


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _why(
    indicator: Indicator,
    window: ReportingWindow,
    count: int,
    *,
    target: Decimal | None,
    value: Decimal | None,
    achievement: Decimal | None,
) -> str:
    """The reasoning behind one achievement figure, in plain words (translated)."""
    if indicator.target_value is None:
        return _(
            "This indicator has a narrative target, so no percentage is computed; the "
            "assessor judges the narrative and its evidence."
        )
    unit = indicator.target_unit
    if indicator.aspect in PRO_RATED_ASPECTS:
        target_rule = _(
            "Realisations are cumulative (up to the end of the window), so the target for "
            "window %(number)d of %(count)d is %(number)d/%(count)d of the annual target "
            "%(annual)s %(unit)s = %(target)s %(unit)s."
        ) % {
            "number": window.number,
            "count": count,
            "annual": _number(indicator.target_value),
            "unit": unit,
            "target": _number(target),
        }
    else:
        target_rule = _("For this aspect the target is the same all year: %(target)s %(unit)s.") % {
            "target": _number(target),
            "unit": unit,
        }
    if value is None or achievement is None:
        return target_rule + " " + _("No number has been reported yet.")
    if is_lower_better(indicator.aspect):
        rule = _(
            "Less is better for this aspect: achievement = target ÷ realisation × 100 = "
            "%(target)s ÷ %(value)s × 100 = %(achievement)s%%"
        )
    else:
        rule = _(
            "Achievement = realisation ÷ target × 100 = %(value)s ÷ %(target)s × 100 = "
            "%(achievement)s%%"
        )
    rule = rule % {
        "target": _number(target),
        "value": _number(value),
        "achievement": _number(achievement),
    }
    cap = _(" (capped at %(cap)s%%; a zero target counts as met).") % {
        "cap": _number(DEFAULT_THRESHOLDS.cap)
    }
    return f"{target_rule} {rule}{cap}"


def _achievement(indicator: Indicator, target: Decimal | None, value: Decimal | None):
    if target is None or value is None:
        return None
    return indicator_achievement(target, value, lower_is_better=is_lower_better(indicator.aspect))


def report_rows(report: PeriodReport, *, window_count: int | None = None) -> list[ReportRow]:
    """Every indicator of the report's SKP with its realisation, evidence, window target
    and achievement, ordered by result then indicator. Four queries (results with
    indicators, realisations with evidence), plus one when ``window_count`` (the
    number of windows in the period) is not given."""
    window = report.window
    if window_count is None:
        window_count = ReportingWindow.objects.filter(period_id=window.period_id).count()
    indicators = list(
        Indicator.objects.filter(result__skp_id=report.skp_id)
        .select_related("result")
        .order_by(*INDICATOR_ORDER)
    )
    realisations = (
        {
            r.indicator_id: r
            for r in Realisation.objects.filter(report=report).prefetch_related(
                Prefetch("evidence", queryset=Evidence.objects.order_by("created_at", "id"))
            )
        }
        if report.pk
        else {}
    )
    rows = []
    for indicator in indicators:
        realisation = realisations.get(indicator.pk)
        value = realisation.value if realisation else None
        target = (
            window_target(
                indicator.target_value,
                aspect=indicator.aspect,
                number=window.number,
                count=window_count,
            )
            if indicator.target_value is not None and 1 <= window.number <= window_count
            else indicator.target_value
        )
        achievement = _achievement(indicator, target, value)
        rows.append(
            ReportRow(
                result=indicator.result,
                indicator=indicator,
                realisation=realisation,
                evidence=list(realisation.evidence.all()) if realisation else [],
                window_target=target,
                achievement=achievement,
                lower_is_better=is_lower_better(indicator.aspect),
                why=_why(
                    indicator,
                    window,
                    window_count,
                    target=target,
                    value=value,
                    achievement=achievement,
                ),
            )
        )
    return rows


def report_row(report: PeriodReport, indicator: Indicator) -> ReportRow:
    """One row of ``report_rows`` (after an inline save)."""
    for row in report_rows(report):
        if row.indicator.pk == indicator.pk:
            return row
    raise Indicator.DoesNotExist


# --- windows of an employee's SKPs -----------------------------------------------------


@dataclass
class WindowEntry:
    """One reporting window of one approved SKP, with its report if started."""

    skp: Skp
    window: ReportingWindow
    report: PeriodReport | None
    filled: int = 0
    indicators: int = 0
    evidence: int = 0
    on: datetime.date = field(default_factory=today)

    @property
    def status(self) -> str:
        """``not_open`` (future), ``not_started``, ``draft`` or ``submitted``."""
        if self.report is not None:
            return self.report.status
        if self.window.start_date > self.on:
            return "not_open"
        return "not_started"

    @property
    def is_overdue(self) -> bool:
        return self.status != ReportStatus.SUBMITTED and self.window.report_deadline < self.on

    @property
    def days_left(self) -> int:
        return (self.window.report_deadline - self.on).days


def _entries(skps: list[Skp], windows: list[ReportingWindow]) -> list[WindowEntry]:
    on = today()
    reports = {
        (r.skp_id, r.window_id): r
        for r in PeriodReport.objects.filter(skp__in=[s.pk for s in skps]).annotate(
            filled=Count("realisations", distinct=True),
            evidence_count=Count("realisations__evidence", distinct=True),
        )
    }
    counts = dict(
        Indicator.objects.filter(result__skp__in=[s.pk for s in skps])
        .values_list("result__skp_id")
        .annotate(n=Count("id"))
        .values_list("result__skp_id", "n")
    )
    entries = []
    for skp in skps:
        for window in windows:
            if not window_of_skp(skp, window):
                continue
            report = reports.get((skp.pk, window.pk))
            entries.append(
                WindowEntry(
                    skp=skp,
                    window=window,
                    report=report,
                    filled=report.filled if report else 0,
                    evidence=report.evidence_count if report else 0,
                    indicators=counts.get(skp.pk, 0),
                    on=on,
                )
            )
    return entries


def report_windows(employee: Employee, period: AssessmentPeriod) -> list[WindowEntry]:
    """The employee's approved SKPs in the period × the windows each overlaps, in window
    order (after a job change, two SKPs may share a window). Four queries."""
    skps = list(
        Skp.objects.filter(employee=employee, period=period, status=SkpStatus.APPROVED)
        .select_related("position", "period")
        .order_by("start_date", "-version")
    )
    windows = list(ReportingWindow.objects.filter(period=period).order_by("number"))
    entries = _entries(skps, windows)
    return sorted(entries, key=lambda e: (e.window.number, e.skp.start_date))


def skp_windows(skp: Skp) -> list[WindowEntry]:
    """The windows one SKP reports on, with their reports (three queries)."""
    windows = list(ReportingWindow.objects.filter(period_id=skp.period_id).order_by("number"))
    return _entries([skp], windows)
