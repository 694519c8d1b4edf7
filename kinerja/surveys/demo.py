"""Demo public satisfaction surveys: a quarter of answers for a few service units.

Agency-wide periods for the last three full quarters and the current one (so the
public form is open today). Then, in the last full quarter:

* the first health centre: enough answers, spread over the working days and the
  respondent groups (adequate), with earlier quarters for the trend;
* the second health centre: too few answers for the population it serves;
* the first service unit (or the third health centre): lopsided — most answers on one
  day and almost all from one sex;

with some answers naming officers (one officer above the anonymity threshold, one
below), a few services, and refused submissions counted. Deterministic by seed and
set-based (bulk inserts; a handful of queries).
"""

import datetime
import random
from dataclasses import dataclass

from django.utils.text import slugify

from kinerja.core.clock import today
from kinerja.org.enums import UnitKind
from kinerja.org.models import Agency, Employee, Unit
from kinerja.org.selectors import employee_in_subtree
from kinerja.regulation.ikm import ELEMENT_CODES
from kinerja.surveys.enums import AgeBand, Education, Occupation, RejectionReason, RespondentSex
from kinerja.surveys.models import (
    RejectedSubmission,
    Response,
    ServiceOption,
    SurveyPeriod,
    SurveyUnit,
)

HEALTH_SERVICES = ("Pemeriksaan umum", "Kesehatan ibu dan anak", "Imunisasi", "Laboratorium")
OTHER_SERVICES = ("Permohonan layanan", "Pengambilan dokumen", "Konsultasi")


@dataclass(frozen=True)
class DemoSurveys:
    units: int
    responses: int


def _quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _previous_quarter(start: datetime.date) -> datetime.date:
    return _quarter_start(start - datetime.timedelta(days=1))


def _quarter_end(start: datetime.date) -> datetime.date:
    following = _quarter_start(start + datetime.timedelta(days=95))
    return following - datetime.timedelta(days=1)


def _roman(start: datetime.date) -> str:
    return ("I", "II", "III", "IV")[(start.month - 1) // 3]


def _periods(agency: Agency, on: datetime.date) -> list[SurveyPeriod]:
    """The current quarter and the three before it, oldest first."""
    starts = [_quarter_start(on)]
    for _ in range(3):
        starts.insert(0, _previous_quarter(starts[0]))
    periods = [
        SurveyPeriod(
            agency=agency,
            unit=None,
            name=f"Triwulan {_roman(start)} {start.year}",
            start_date=start,
            end_date=_quarter_end(start),
        )
        for start in starts
    ]
    return SurveyPeriod.objects.bulk_create(periods)


def _workdays(period: SurveyPeriod, until: datetime.date) -> list[datetime.date]:
    days = []
    day = period.start_date
    while day <= min(period.end_date, until):
        if day.weekday() < 5:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def _answers(rng: random.Random, mood: float) -> list[int]:
    """Nine answers around ``mood`` (1–4), cost usually free at a puskesmas."""
    values = []
    for code in ELEMENT_CODES:
        centre = 3.8 if code == "u4" else mood
        value = round(rng.gauss(centre, 0.55))
        values.append(min(4, max(1, value)))
    return values


def _profile(rng: random.Random, *, sex: str | None = None) -> dict[str, str]:
    def maybe(choices, weight=0.85):
        return rng.choice(choices.values) if rng.random() < weight else ""

    return {
        "age_band": maybe(AgeBand),
        "sex": sex if sex is not None else maybe(RespondentSex, 0.9),
        "education": maybe(Education, 0.75),
        "occupation": maybe(Occupation, 0.75),
    }


class _Builder:
    """Collects the demo responses with one seeded generator."""

    def __init__(self, rng: random.Random, services_of: dict[int, list[ServiceOption]]):
        self.rng = rng
        self.services_of = services_of
        self.responses: list[Response] = []

    def add(self, survey_unit, period, day, mood, *, sex=None, officer=None) -> None:
        rng = self.rng
        services = self.services_of.get(survey_unit.pk, [])
        self.responses.append(
            Response(
                survey_unit=survey_unit,
                period=period,
                submitted_on=day,
                officer=officer,
                service=rng.choice(services) if services and rng.random() < 0.7 else None,
                **dict(zip(ELEMENT_CODES, _answers(rng, mood), strict=True)),
                **_profile(rng, sex=sex),
            )
        )


def _past_quarter(builder: _Builder, survey_unit, period, shape, on) -> list[RejectedSubmission]:
    """One unit's answers in the last full quarter, and its refused submissions."""
    rng = builder.rng
    _population, count, mood, lopsided = shape
    officers = list(
        Employee.objects.filter(
            employee_in_subtree(survey_unit.unit.path, period.end_date), is_active=True
        ).order_by("nip")[:6]
    )
    days = _workdays(period, on)
    busy_day = days[len(days) // 2]
    for index in range(count):
        day = busy_day if lopsided and index < count * 0.65 else rng.choice(days)
        sex = None
        if lopsided:
            sex = RespondentSex.FEMALE if rng.random() < 0.92 else RespondentSex.MALE
        officer = None
        if len(officers) > 2 and rng.random() < 0.3:
            # The first officer is named often; the last never here (see below).
            officer = officers[0] if rng.random() < 0.6 else rng.choice(officers[1:-1])
        builder.add(survey_unit, period, day, mood, sex=sex, officer=officer)
    if len(officers) > 2 and not lopsided:
        # Named twice only: below the anonymity threshold, so nothing is shown for them.
        for _ in range(2):
            builder.add(survey_unit, period, rng.choice(days), mood, officer=officers[-1])
    reasons = [
        RejectionReason.HONEYPOT,
        RejectionReason.TOKEN_REPLAYED,
        RejectionReason.INVALID,
        RejectionReason.RATE_LIMITED,
    ]
    return [
        RejectedSubmission(survey_unit=survey_unit, day=day, reason=reason, count=rng.randint(1, 6))
        for day, reason in zip(rng.sample(days, k=min(4, len(days))), reasons, strict=False)
    ]


def demo_surveys_create(
    *, agency: Agency, seed: int, on: datetime.date | None = None
) -> DemoSurveys:
    on = on or today()
    if SurveyUnit.objects.filter(unit__agency=agency).exists():
        return DemoSurveys(units=0, responses=0)
    rng = random.Random(f"surveys-{seed}")  # noqa: S311 -- demo data, not secrets
    centres = list(
        Unit.objects.filter(agency=agency, kind=UnitKind.HEALTH_CENTRE).order_by("code")[:3]
    )
    services_units = list(
        Unit.objects.filter(agency=agency, kind=UnitKind.SERVICE).order_by("code")[:1]
    )
    chosen = centres[:2] + (services_units or centres[2:3])
    if len(chosen) < 3:
        return DemoSurveys(units=0, responses=0)
    periods = _periods(agency, on)
    *earlier, past, current = periods

    # (population served, answers in the past quarter, mood, lopsided)
    shapes = [(500, 236, 3.35, False), (300, 41, 3.0, False), (150, 118, 3.1, True)]
    survey_units = SurveyUnit.objects.bulk_create(
        [
            SurveyUnit(
                unit=unit,
                slug=slugify(f"{agency.code}-{unit.code}")[:60],
                population_served=shape[0],
            )
            for unit, shape in zip(chosen, shapes, strict=True)
        ]
    )
    options = ServiceOption.objects.bulk_create(
        [
            ServiceOption(survey_unit=survey_unit, name=name)
            for survey_unit in survey_units
            for name in (
                HEALTH_SERVICES
                if survey_unit.unit.kind == UnitKind.HEALTH_CENTRE
                else OTHER_SERVICES
            )
        ]
    )
    services_of: dict[int, list[ServiceOption]] = {}
    for option in options:
        services_of.setdefault(option.survey_unit_id, []).append(option)
    builder = _Builder(rng, services_of)
    rejections = []
    for survey_unit, shape in zip(survey_units, shapes, strict=True):
        rejections += _past_quarter(builder, survey_unit, past, shape, on)
    # Earlier quarters of the adequate unit, for the trend; and the current quarter so far.
    adequate = survey_units[0]
    for period, count, mood in zip(earlier[-2:], (205, 221), (3.15, 3.25), strict=False):
        days = _workdays(period, on)
        for _ in range(count):
            builder.add(adequate, period, rng.choice(days), mood)
    for day in _workdays(current, on)[:18]:
        builder.add(adequate, current, day, 3.4)
    RejectedSubmission.objects.bulk_create(rejections)
    Response.objects.bulk_create(builder.responses, batch_size=1000)
    return DemoSurveys(units=len(survey_units), responses=len(builder.responses))
