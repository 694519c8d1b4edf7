"""Schemas of the objection (keberatan) and credit point endpoints (domain.md §3.3–3.4)."""

import datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from ninja import Field, Schema

from kinerja.api.v1.schemas.org import EmployeeRefOut
from kinerja.appraisal.enums import EmployeePredicate, ObjectionStatus, Rating

# Text a person types, line breaks allowed; no other control characters.
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"


class ObjectionFileIn(Schema):
    skp: UUID = Field(description="The SKP whose final annual result is objected to.")
    reasons: str = Field(min_length=1, max_length=5000, pattern=TEXT_PATTERN)


class StatementIn(Schema):
    statement: str = Field(min_length=1, max_length=5000, pattern=TEXT_PATTERN)


class DecisionIn(Schema):
    decision: Literal["uphold", "change"]
    results_rating: Rating | None = Field(None, description="Required to change.")
    behaviour_rating: Rating | None = Field(None, description="Required to change.")
    reason: str = Field(min_length=1, max_length=5000, pattern=TEXT_PATTERN)


class WithdrawIn(Schema):
    reason: str = Field("", max_length=2000, pattern=TEXT_PATTERN)


class ObjectionOut(Schema):
    uuid: UUID
    status: ObjectionStatus
    employee: EmployeeRefOut
    skp: UUID
    year: int
    reasons: str
    assessor_statement: str
    decider: EmployeeRefOut | None = Field(description="The assessor's superior who decides.")
    decide_by: datetime.date
    overdue: bool = Field(description="Still waiting after the decision date.")
    previous_results_rating: Rating
    previous_behaviour_rating: Rating
    previous_predicate: EmployeePredicate
    new_results_rating: Rating | None
    new_behaviour_rating: Rating | None
    new_predicate: EmployeePredicate | None
    decision_reason: str
    decided_at: datetime.datetime | None
    filed_at: datetime.datetime


class CreditPointsOut(Schema):
    uuid: UUID
    year: int
    skp: UUID
    position: str
    level: str
    months: int
    predicate: EmployeePredicate
    percentage: Decimal
    coefficient: Decimal
    points: Decimal
    explanation: str = Field(description="How the figure was computed, in Indonesian.")
