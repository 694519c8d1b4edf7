"""Schemas of the 360° feedback endpoints.

No output schema carries a rater of a peer or subordinate answer: progress is counts per
rater group; the summary is figures per group, released only at the threshold; a
rater's own tasks name the person they rate, never other raters.
"""

import datetime
from uuid import UUID

from ninja import Field, Schema

from kinerja.multirater.enums import AssignmentStatus, RaterRelation, RaterSource, RoundStatus
from kinerja.multirater.services import COMMENT_MAX, OVERALL
from kinerja.regulation.berakhlak import CORE_VALUE_CODES
from kinerja.regulation.multirater import MIN_GROUP, SCALE_MAX, SCALE_MIN


class RoundIn(Schema):
    root_unit: UUID = Field(description="The unit; its whole subtree is rated.")
    period: UUID = Field(description="The assessment period of the unit's agency.")
    on: datetime.date | None = Field(
        None, description="The org chart's date for proposing raters (default: today)."
    )
    deadline: datetime.date | None = Field(None, description="When answers are due.")
    min_group: int = Field(
        MIN_GROUP,
        ge=MIN_GROUP,
        le=50,
        description="Fewest answers for a peer or subordinate group to be shown (≥ 3).",
    )
    include_self: bool = Field(True, description="Ask each employee for a self-assessment.")
    draft: bool = Field(False, description="Keep as a draft to review raters first.")


class RoundOut(Schema):
    uuid: UUID
    root_unit: UUID
    root_unit_name: str
    period: UUID
    year: int
    reference_date: datetime.date
    deadline: datetime.date | None
    status: RoundStatus
    min_group: int
    include_self: bool
    subject_count: int = 0
    assigned_count: int = 0
    answered_count: int = 0

    @staticmethod
    def resolve_root_unit(obj) -> UUID:
        return obj.root_unit.uuid

    @staticmethod
    def resolve_root_unit_name(obj) -> str:
        return obj.root_unit.name

    @staticmethod
    def resolve_period(obj) -> UUID:
        return obj.period.uuid

    @staticmethod
    def resolve_year(obj) -> int:
        return obj.period.year


class GroupCountOut(Schema):
    relation: RaterRelation
    answered: int
    assigned: int


class SubjectProgressOut(Schema):
    subject: UUID
    employee: UUID
    name: str
    groups: list[GroupCountOut]

    @staticmethod
    def resolve_subject(obj) -> UUID:
        return obj.subject.uuid

    @staticmethod
    def resolve_employee(obj) -> UUID:
        return obj.subject.employee.uuid

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.subject.employee.full_name


class ProgressOut(Schema):
    round: RoundOut
    answered: int
    assigned: int
    groups: list[GroupCountOut]
    subjects: list[SubjectProgressOut]


class TaskOut(Schema):
    """A form the caller is asked to fill in: whom they rate and in which group."""

    uuid: UUID
    round: UUID
    subject_name: str
    subject_position: str
    relation: RaterRelation
    status: AssignmentStatus
    round_status: RoundStatus
    deadline: datetime.date | None

    @staticmethod
    def resolve_round(obj) -> UUID:
        return obj.subject.round.uuid

    @staticmethod
    def resolve_subject_name(obj) -> str:
        return obj.subject.employee.full_name

    @staticmethod
    def resolve_subject_position(obj) -> str:
        return obj.subject.position.name if obj.subject.position else ""

    @staticmethod
    def resolve_round_status(obj) -> str:
        return obj.subject.round.status

    @staticmethod
    def resolve_deadline(obj):
        return obj.subject.round.deadline


class AnswerIn(Schema):
    scores: dict[str, int] = Field(
        description=(
            f"A score {SCALE_MIN}–{SCALE_MAX} for each of the seven BerAKHLAK values, keyed "
            f"by code: {', '.join(CORE_VALUE_CODES)}."
        ),
    )
    comments: dict[str, str] = Field(
        default_factory=dict,
        description=(
            f"Optional comments keyed by value code or '{OVERALL}' (≤ {COMMENT_MAX} characters)."
        ),
    )


class ValueFigureOut(Schema):
    code: str
    name: str
    count: int
    mean: float
    distribution: dict[int, int] = Field(description="Answers per score 1–5.")


class GroupFigureOut(Schema):
    relation: RaterRelation
    anonymous: bool
    shown: bool
    count: int | None = Field(description="Answers in the group; null when not shown.")
    explanation: str
    values: list[ValueFigureOut]
    comments: list[str] = Field(description="Without names, in a fresh random order.")


class SummaryOut(Schema):
    subject: UUID
    employee: UUID
    round: UUID
    closed: bool
    min_group: int
    scale_explanation: str
    groups: list[GroupFigureOut]


class RemindOut(Schema):
    reminded: int = Field(description="How many raters were told (in-app and by email).")


class RaterIn(Schema):
    nip: str = Field(max_length=18, description="The NIP or NI PPPK of the rater.")
    relation: RaterRelation = Field(description="The rater group.")


class RaterOut(Schema):
    """Who is asked to rate the person (HR's rater editing): never what they answered."""

    uuid: UUID
    employee: UUID
    name: str
    nip: str
    relation: RaterRelation
    source: RaterSource
    status: AssignmentStatus = Field(
        description="Whether the rater has answered; an answered rater cannot be removed."
    )

    @staticmethod
    def resolve_employee(obj) -> UUID:
        return obj.rater.uuid

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.rater.full_name

    @staticmethod
    def resolve_nip(obj) -> str:
        return obj.rater.nip or ""
