"""Schemas of the public satisfaction survey API (IKM)."""

import datetime
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema

from kinerja.surveys.models import OFFICER_THRESHOLD_MIN


class SurveyElementOut(Schema):
    code: str
    name: str
    question: str
    answers: list[str] = Field(description="The wording of answers 1 (worst) to 4 (best).")


class SurveyPublicFormOut(Schema):
    unit: str
    agency: str
    open: bool = Field(description="Whether a survey period is open today.")
    token: str = Field(description="One-time token for one submission; expires after 2 h.")
    elements: list[SurveyElementOut]


class SurveySubmissionIn(Schema):
    slug: str = Field(description="The last part of the survey's public address.")
    token: str = ""
    website: str = Field("", description="Leave empty (a honeypot for automated forms).")
    answers: dict[str, int] = Field(description="u1 … u9, each 1–4.")
    age_band: str = ""
    sex: str = ""
    education: str = ""
    occupation: str = ""
    service: UUID | None = None
    officer: UUID | None = None


class SurveyReceivedOut(Schema):
    received: bool


class SurveyUnitOut(Schema):
    uuid: UUID
    unit: UUID
    unit_name: str
    slug: str
    public_url: str
    population_served: int | None
    is_active: bool
    ask_officer: bool
    officer_threshold: int


class SurveyUnitCreateIn(Schema):
    unit: UUID
    slug: str
    population_served: int | None = None
    is_active: bool = True
    ask_officer: bool = True
    officer_threshold: int = OFFICER_THRESHOLD_MIN


class SurveyUnitUpdateIn(Schema):
    slug: str | None = None
    population_served: int | None = None
    is_active: bool | None = None
    ask_officer: bool | None = None
    officer_threshold: int | None = None


class SurveyPeriodIn(Schema):
    name: str
    start_date: datetime.date
    end_date: datetime.date
    agency_wide: bool = Field(
        False,
        description="For every survey unit of the agency (HR over the whole agency only).",
    )


class SurveyPeriodOut(Schema):
    uuid: UUID
    name: str
    start_date: datetime.date
    end_date: datetime.date
    agency_wide: bool


class SurveyIntervalOut(Schema):
    low: float
    high: float
    explanation: str


class SurveyElementResultOut(Schema):
    code: str
    name: str
    answered: int
    nrr: Decimal | None
    interval: SurveyIntervalOut | None
    explanation: str


class SurveyWarningOut(Schema):
    code: str
    explanation: str


class SurveyResultsOut(Schema):
    period: SurveyPeriodOut
    respondents: int
    ikm: Decimal | None
    ikm_interval: SurveyIntervalOut | None
    grade: str | None
    grade_label: str | None
    provisional: bool
    required_sample: int | None
    warnings: list[SurveyWarningOut]
    elements: list[SurveyElementResultOut]
    rejected: dict[str, int]
    explanation: str
    grade_explanation: str
    sample_explanation: str
