"""Reads of the public satisfaction survey: which survey units a user may see, the open
period, the unit's officers, and the results with their honest statistics."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from kinerja.access.permissions import actor_for, scope_condition
from kinerja.core.clock import today
from kinerja.org.models import Employee, Unit
from kinerja.org.selectors import employee_in_subtree
from kinerja.regulation.ikm import (
    ELEMENT_CODES,
    INDEX_MAX,
    INDEX_MIN,
    Band,
    IndexResult,
    band_for_index,
    index_from_total,
    index_result,
)
from kinerja.regulation.sampling import SampleAssessment, assess_sample, round_half_up
from kinerja.surveys.enums import PROFILE_FIELDS
from kinerja.surveys.models import (
    OFFICER_THRESHOLD_MIN,
    RejectedSubmission,
    Response,
    SurveyPeriod,
    SurveyUnit,
)

OFFICER_SUMMARY_DAYS = 365


def survey_units_visible_to(user: Any) -> QuerySet[SurveyUnit]:
    """Survey units whose results the user may read (HR and leaders over the unit)."""
    actor = actor_for(user)
    units = SurveyUnit.objects.select_related("unit__agency")
    if actor.is_superuser:
        return units
    return units.filter(scope_condition(actor.read_scopes, "unit__"))


def units_manageable_by(user: Any) -> QuerySet[Unit]:
    """Units for which the user may set up a survey."""
    actor = actor_for(user)
    units = Unit.objects.select_related("agency")
    if actor.is_superuser:
        return units
    return units.filter(scope_condition(actor.hr_scopes, ""))


def survey_unit_by_slug(slug: str) -> SurveyUnit | None:
    return SurveyUnit.objects.select_related("unit__agency").filter(slug=slug).first()


def periods_of(survey_unit: SurveyUnit) -> QuerySet[SurveyPeriod]:
    """The unit's own periods and the agency-wide ones, latest first."""
    return SurveyPeriod.objects.filter(
        Q(unit_id=survey_unit.unit_id) | Q(unit__isnull=True, agency_id=survey_unit.unit.agency_id)
    ).order_by("-start_date", "name")


def default_period(
    survey_unit: SurveyUnit, periods: list[SurveyPeriod], on: datetime.date | None = None
) -> SurveyPeriod | None:
    """The period a results page opens on (``periods`` latest first): the latest ended
    period with answers — a finished survey's result —, else the latest with answers
    (the one running), else the latest."""
    on = on or today()
    answered = set(
        Response.objects.filter(survey_unit=survey_unit)
        .values_list("period_id", flat=True)
        .distinct()
        .order_by()
    )
    with_answers = [p for p in periods if p.pk in answered]
    ended = [p for p in with_answers if p.end_date < on]
    return next(iter(ended or with_answers or periods), None)


def open_period(survey_unit: SurveyUnit, on: datetime.date) -> SurveyPeriod | None:
    """The period answers given on ``on`` belong to: the unit's own before the agency's."""
    candidates = periods_of(survey_unit).filter(start_date__lte=on, end_date__gte=on)
    return min(
        candidates, key=lambda p: (p.unit_id is None, -p.start_date.toordinal()), default=None
    )


def officers_of(survey_unit: SurveyUnit, on: datetime.date) -> QuerySet[Employee]:
    """Employees holding a post in the unit's subtree on ``on``: the officers a
    respondent may name."""
    return Employee.objects.filter(
        employee_in_subtree(survey_unit.unit.path, on),
        agency_id=survey_unit.unit.agency_id,
        is_active=True,
    ).order_by("name")


# --- results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupRow:
    value: str
    label: str
    count: int
    share: Fraction
    index: Fraction | None
    band: Band | None

    @property
    def index_display(self):
        return None if self.index is None else round_half_up(self.index, 2)

    @property
    def percent(self):
        return round_half_up(self.share * 100, 0)


@dataclass(frozen=True)
class Breakdown:
    field: str
    label: str
    rows: tuple[GroupRow, ...]
    unanswered: int


@dataclass(frozen=True)
class TrendPoint:
    period: SurveyPeriod
    respondents: int
    index: Fraction | None
    band: Band | None

    @property
    def index_display(self):
        return None if self.index is None else round_half_up(self.index, 2)

    @property
    def bar_percent(self) -> int:
        """Width of the trend bar: the index's place on the 25–100 scale."""
        if self.index is None:
            return 0
        return int((self.index - INDEX_MIN) * 100 / (INDEX_MAX - INDEX_MIN))


@dataclass(frozen=True)
class SurveyResults:
    survey_unit: SurveyUnit
    period: SurveyPeriod
    index: IndexResult
    sample: SampleAssessment
    breakdowns: tuple[Breakdown, ...]
    rejections: tuple[tuple[str, str, int], ...]  # (reason, label, count)
    rejected_total: int
    answers_per_day: dict[datetime.date, int]


def _group_index(rows: list[tuple[int, ...]]) -> Fraction | None:
    """The index of a group of stored responses (each answers all nine elements)."""
    if not rows:
        return None
    return index_from_total(sum(sum(r) for r in rows), len(rows))


def survey_results(survey_unit: SurveyUnit, period: SurveyPeriod) -> SurveyResults:
    """NRR and IKM with intervals, sample adequacy, breakdowns and refusals (3 queries)."""
    fields = [*ELEMENT_CODES, *(name for name, _c in PROFILE_FIELDS), "submitted_on"]
    rows = list(
        Response.objects.filter(survey_unit=survey_unit, period=period).values_list(*fields)
    )
    answers = [row[: len(ELEMENT_CODES)] for row in rows]
    result = index_result(answers)
    per_day: Counter[datetime.date] = Counter(row[-1] for row in rows)
    breakdowns = []
    groups: dict[str, dict[str, int]] = {}
    for offset, (name, choices) in enumerate(PROFILE_FIELDS):
        position = len(ELEMENT_CODES) + offset
        by_value: dict[str, list[tuple[int, ...]]] = defaultdict(list)
        for row, answer in zip(rows, answers, strict=True):
            if row[position]:
                by_value[row[position]].append(answer)
        answered = sum(len(v) for v in by_value.values())
        groups[str(Response._meta.get_field(name).verbose_name)] = {
            str(choices(value).label): len(v) for value, v in by_value.items()
        }
        breakdown_rows = []
        for value, label in choices.choices:
            members = by_value.get(value, [])
            index = _group_index(members)
            breakdown_rows.append(
                GroupRow(
                    value,
                    str(label),
                    len(members),
                    Fraction(len(members), answered) if answered else Fraction(0),
                    index,
                    band_for_index(index) if index is not None else None,
                )
            )
        breakdowns.append(
            Breakdown(
                name,
                str(Response._meta.get_field(name).verbose_name),
                tuple(breakdown_rows),
                len(rows) - answered,
            )
        )
    sample = assess_sample(
        actual=len(rows),
        population=survey_unit.population_served,
        answers_per_day=per_day,
        days_open=period.days,
        groups=groups,
    )
    rejections = list(
        RejectedSubmission.objects.filter(
            survey_unit=survey_unit, day__gte=period.start_date, day__lte=period.end_date
        )
        .values("reason")
        .annotate(total=Sum("count"))
        .order_by("reason")
    )
    reason_field = RejectedSubmission._meta.get_field("reason")
    labels = dict(reason_field.choices)
    return SurveyResults(
        survey_unit=survey_unit,
        period=period,
        index=result,
        sample=sample,
        breakdowns=tuple(breakdowns),
        rejections=tuple(
            (r["reason"], str(labels.get(r["reason"], r["reason"])), r["total"]) for r in rejections
        ),
        rejected_total=sum(r["total"] for r in rejections),
        answers_per_day=dict(sorted(per_day.items())),
    )


def survey_trend(survey_unit: SurveyUnit, periods: list[SurveyPeriod]) -> list[TrendPoint]:
    """The index per period, oldest first, from sums per element (one query). Every
    stored response answers all nine elements, so sums give the exact index."""
    sums = {
        row["period_id"]: row
        for row in Response.objects.filter(survey_unit=survey_unit, period__in=periods)
        .values("period_id")
        .annotate(n=Count("id"), **{code: Sum(code) for code in ELEMENT_CODES})
        .order_by()
    }
    points = []
    for period in sorted(periods, key=lambda p: p.start_date):
        row = sums.get(period.pk)
        if not row or not row["n"]:
            points.append(TrendPoint(period, 0, None, None))
            continue
        index = index_from_total(sum(row[code] for code in ELEMENT_CODES), row["n"])
        points.append(TrendPoint(period, row["n"], index, band_for_index(index)))
    return points


def survey_unit_list_rows(user: Any) -> list[dict]:
    """The survey units a user may see, with their answer count this year (2 queries)."""
    units = list(survey_units_visible_to(user).order_by("unit__agency__name", "unit__path"))
    year_start = today().replace(month=1, day=1)
    counts = dict(
        Response.objects.filter(survey_unit__in=units, submitted_on__gte=year_start)
        .values("survey_unit_id")
        .annotate(n=Count("id"))
        .values_list("survey_unit_id", "n")
    )
    return [{"survey_unit": u, "answers_this_year": counts.get(u.pk, 0)} for u in units]


# --- officers --------------------------------------------------------------------------


@dataclass(frozen=True)
class OfficerSummary:
    survey_unit: SurveyUnit
    respondents: int
    threshold: int
    index: IndexResult | None  # None below the threshold: nothing is shown

    @property
    def shown(self) -> bool:
        return self.index is not None


def officer_summaries(employee: Employee, on: datetime.date | None = None) -> list[OfficerSummary]:
    """Aggregated answers naming ``employee`` over the last year, per survey unit; below
    the unit's threshold (never under three) only the fact that too few answered."""
    on = on or today()
    since = on - datetime.timedelta(days=OFFICER_SUMMARY_DAYS)
    rows = list(
        Response.objects.filter(officer=employee, submitted_on__gt=since, submitted_on__lte=on)
        .values_list("survey_unit_id", *ELEMENT_CODES)
        .order_by("survey_unit_id")
    )
    by_unit: dict[int, list[tuple[int, ...]]] = defaultdict(list)
    for row in rows:
        by_unit[row[0]].append(row[1:])
    units = SurveyUnit.objects.select_related("unit").in_bulk(list(by_unit))
    summaries = []
    for unit_id, answers in by_unit.items():
        survey_unit = units[unit_id]
        threshold = max(OFFICER_THRESHOLD_MIN, survey_unit.officer_threshold)
        summaries.append(
            OfficerSummary(
                survey_unit,
                len(answers),
                threshold,
                index_result(answers) if len(answers) >= threshold else None,
            )
        )
    return sorted(summaries, key=lambda s: s.survey_unit.unit.name)
