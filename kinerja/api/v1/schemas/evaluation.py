"""Schemas of the evaluation endpoints: the assessor's queue, one evaluation with its
recommendation and predicate explained, rating and finalising (domain.md §1.7)."""

import datetime
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema

from kinerja.api.v1.schemas.org import EmployeeRefOut
from kinerja.api.v1.schemas.realisation import WindowRefOut
from kinerja.appraisal.enums import EmployeePredicate, EvaluationStatus, Rating
from kinerja.execution.enums import ReportStatus
from kinerja.planning.enums import Aspect

# Text a person types, line breaks allowed; no other control characters.
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"


class QueueRowOut(Schema):
    """One person the assessor evaluates, with where their evaluation stands."""

    skp: UUID
    employee: EmployeeRefOut
    position: str
    report_status: ReportStatus | None = Field(
        description="Their report for the window; null when none (and for the year)."
    )
    status: EvaluationStatus | None = Field(description="Null until it is first rated.")
    predicate: EmployeePredicate | None
    waiting: bool = Field(description="Waiting for the assessor: report in, not final.")

    @staticmethod
    def resolve_skp(obj) -> UUID:
        return obj.skp.uuid

    @staticmethod
    def resolve_position(obj) -> str:
        return obj.skp.position.name

    @staticmethod
    def resolve_report_status(obj):
        return obj.report.status if obj.report is not None else None

    @staticmethod
    def resolve_status(obj):
        return obj.evaluation.status if obj.evaluation is not None else None

    @staticmethod
    def resolve_predicate(obj):
        return (obj.evaluation.predicate or None) if obj.evaluation is not None else None

    @staticmethod
    def resolve_waiting(obj) -> bool:
        return obj.is_waiting


class IndicatorInputOut(Schema):
    """One indicator as the recommendation used it."""

    indicator: UUID
    text: str
    aspect: Aspect
    target: Decimal | None = Field(description="The annual target.")
    window_target: Decimal | None = Field(description="The target due by the window's end.")
    realisation: Decimal | None
    achievement: Decimal | None = Field(description="Per cent of the window target; capped.")
    lower_is_better: bool
    counted: bool


class RecommendationOut(Schema):
    rating: Rating | None
    mean_achievement: Decimal | None
    counted: int = Field(description="How many indicators had a number to compare.")
    enforced: bool = Field(
        description="The employee leads the unit: the unit's result is the results rating."
    )
    explanation: str = Field(description="Why, in plain words (the 'why' panel).")
    rule: str = Field(description="How each indicator's achievement is computed.")
    indicators: list[IndicatorInputOut]


class EvaluationOut(Schema):
    """An evaluation of one SKP for one window, or for the year (``window`` null)."""

    skp: UUID
    employee: EmployeeRefOut
    window: WindowRefOut | None
    year: int
    status: EvaluationStatus
    results_rating: Rating | None
    behaviour_rating: Rating | None
    predicate: EmployeePredicate | None
    recommended_results_rating: Rating | None = Field(
        description="The recommendation when the ratings were saved."
    )
    justification: str
    notes: str
    rated_at: datetime.datetime | None
    finalised_at: datetime.datetime | None


class EvaluationDetailOut(EvaluationOut):
    recommendation: RecommendationOut | None = Field(
        description="The recommendation now; shown to those who may read the evaluation."
    )
    predicate_explanation: str = Field(description="Which matrix cell gave the predicate.")


class RateIn(Schema):
    results_rating: Rating
    behaviour_rating: Rating
    justification: str = Field(
        "",
        max_length=4000,
        pattern=TEXT_PATTERN,
        description="Required when the results rating departs from the recommendation.",
    )
    notes: str = Field("", max_length=4000, pattern=TEXT_PATTERN)
