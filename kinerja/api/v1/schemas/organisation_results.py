"""Schemas of the organisation result, distribution and assessment policy endpoints
(SE MenPAN-RB 3/2023; domain.md §1.8)."""

import datetime
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema

from kinerja.api.v1.schemas.org import AgencyRefOut, EmployeeRefOut, UnitRefOut
from kinerja.api.v1.schemas.realisation import WindowRefOut
from kinerja.appraisal.enums import EmployeePredicate, OrganisationPredicate, Rounding

TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"


class OrganisationResultOut(Schema):
    """A unit's predicate for a window, or for the year when ``window`` is null."""

    uuid: UUID
    unit: UnitRefOut
    period_year: int = Field(..., alias="period.year")
    window: WindowRefOut | None
    predicate: OrganisationPredicate
    basis: str
    recorded_by: EmployeeRefOut | None
    updated_at: datetime.datetime


class OrganisationResultIn(Schema):
    period: UUID = Field(..., description="The assessment period.")
    window: UUID | None = Field(
        None, description="The reporting window; omit or null for the annual result."
    )
    predicate: OrganisationPredicate
    basis: str = Field(
        "", max_length=4000, pattern=TEXT_PATTERN, description="What the result rests on."
    )
    reason: str = Field(
        "",
        max_length=2000,
        pattern=TEXT_PATTERN,
        description="Required when changing a result already recorded.",
    )


class FindingOut(Schema):
    """One rule of the distribution guide checked against the unit's predicates."""

    predicates: list[EmployeePredicate]
    bound: str = Field(..., description="at_most, at_least, majority_at_most, at_least_one, none")
    share_percent: float = Field(..., description="The guide's share of the unit, in per cent.")
    minimum: int | None = Field(None, description="Fewest people allowed, after rounding.")
    maximum: int | None = Field(None, description="Most people allowed, after rounding.")
    count: int
    percent: float = Field(..., description="The unit's actual share, in per cent.")
    ok: bool
    explanation: str


class DistributionOut(Schema):
    """The unit's employee predicates against the guide for its organisation predicate:
    a consideration for the assessor, never a block."""

    unit: UnitRefOut
    window: WindowRefOut | None
    organisation_predicate: OrganisationPredicate | None = Field(
        None, description="Null when no result is recorded for the unit and window."
    )
    rounding: Rounding
    total: int
    counts: dict[str, int]
    findings: list[FindingOut]
    all_ok: bool
    guide_text: str
    whole_unit: bool = Field(
        ..., description="False when only your own assessees in the unit are counted."
    )


class PolicyOut(Schema):
    agency: AgencyRefOut
    is_default: bool = Field(..., description="True until HR saves a policy.")
    as_expected_from: Decimal
    above_from: Decimal
    achievement_cap: Decimal
    rounding: Rounding
    objection_days: int
    decision_days: int


class PolicyIn(Schema):
    as_expected_from: Decimal = Field(..., gt=0, max_digits=5, decimal_places=2)
    above_from: Decimal = Field(..., gt=0, max_digits=5, decimal_places=2)
    achievement_cap: Decimal = Field(..., gt=0, max_digits=5, decimal_places=2)
    rounding: Rounding
    objection_days: int = Field(..., ge=1, le=365)
    decision_days: int = Field(..., ge=1, le=365)
    reason: str = Field("", max_length=2000, pattern=TEXT_PATTERN)
