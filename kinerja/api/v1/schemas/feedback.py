"""Schemas of continuous feedback, performance guidance (B.1.8, B.1.9) and attendance
summaries (PermenPAN-RB 6/2022; domain.md §1.6)."""

import datetime
from uuid import UUID

from ninja import Field, Schema

from kinerja.api.v1.schemas.org import EmployeeRefOut
from kinerja.execution.enums import COACHING_FEEDBACK_STATEMENTS, CoachingKind
from kinerja.execution.services.feedback import MAX_LENGTH as FEEDBACK_MAX_LENGTH
from kinerja.planning.enums import CoreValue
from kinerja.regulation.competences import COMPETENCE_SCALE

STATEMENT_COUNT = len(COACHING_FEEDBACK_STATEMENTS)

TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
LINE_PATTERN = r"^[^\x00-\x1f\x7f]*$"


class FeedbackMessageOut(Schema):
    uuid: UUID
    author: EmployeeRefOut
    text: str
    created_at: datetime.datetime


class FeedbackThreadOut(Schema):
    """The messages about one result (RHK) or one BerAKHLAK value, oldest first."""

    key: str = Field(description="``r-<result uuid>`` or ``v-<core value>``.")
    label: str
    result: UUID | None = None
    core_value: CoreValue | None = None
    can_write: bool = Field(description="Whether you may post in this thread now.")
    messages: list[FeedbackMessageOut]


class FeedbackIn(Schema):
    """Give either ``result`` (a result of this SKP) or ``core_value``."""

    result: UUID | None = None
    core_value: CoreValue | None = None
    text: str = Field(..., min_length=1, max_length=FEEDBACK_MAX_LENGTH, pattern=TEXT_PATTERN)


class CoachingAnswersOut(Schema):
    answers: list[int] = Field(description="The nine B.1.8 answers, 1–4, in statement order.")
    comment: str


class CoachingSessionOut(Schema):
    uuid: UUID
    employee: EmployeeRefOut
    coach: EmployeeRefOut
    held_on: datetime.date
    kind: CoachingKind
    topic: str
    notes: str
    agreed_actions: str
    follow_up_on: datetime.date | None
    employee_feedback: CoachingAnswersOut | None = None

    @staticmethod
    def resolve_employee_feedback(obj):
        feedback = getattr(obj, "employee_feedback", None)
        if feedback is None:
            return None
        return {"answers": feedback.answers, "comment": feedback.comment}


class CoachingSessionIn(Schema):
    employee: UUID
    held_on: datetime.date
    kind: CoachingKind
    topic: str = Field(..., min_length=1, max_length=200, pattern=LINE_PATTERN)
    notes: str = Field("", max_length=5000, pattern=TEXT_PATTERN)
    agreed_actions: str = Field("", max_length=5000, pattern=TEXT_PATTERN)
    follow_up_on: datetime.date | None = None


class CoachingFeedbackIn(Schema):
    answers: list[int] = Field(
        ...,
        min_length=STATEMENT_COUNT,
        max_length=STATEMENT_COUNT,
        description="Nine answers, each 1 to 4 (format B.1.8).",
    )
    comment: str = Field("", max_length=2000, pattern=TEXT_PATTERN)


class CompetenceScoreIO(Schema):
    competence: str = Field(..., min_length=1, max_length=200, pattern=LINE_PATTERN)
    score: int = Field(..., ge=min(COMPETENCE_SCALE), le=max(COMPETENCE_SCALE))
    reason: str = Field(..., min_length=1, max_length=2000, pattern=TEXT_PATTERN)


class CompetenceEvaluationIn(Schema):
    employee: UUID
    evaluated_on: datetime.date
    note: str = Field("", max_length=2000, pattern=TEXT_PATTERN)
    scores: list[CompetenceScoreIO] = Field(..., min_length=1, max_length=50)


class CompetenceEvaluationOut(Schema):
    uuid: UUID
    employee: EmployeeRefOut
    evaluator: EmployeeRefOut
    evaluated_on: datetime.date
    note: str
    scores: list[CompetenceScoreIO]


class AttendanceOut(Schema):
    """An attendance summary: input for the assessor's behaviour rating, never a score."""

    uuid: UUID
    employee: EmployeeRefOut
    period_year: int
    window_number: int
    window_label: str
    working_days: int
    present_days: int
    late_count: int
    early_leave_count: int
    leave_days: int
    absent_days: int
    discipline_note: str

    @staticmethod
    def resolve_period_year(obj) -> int:
        return obj.window.period.year

    @staticmethod
    def resolve_window_number(obj) -> int:
        return obj.window.number

    @staticmethod
    def resolve_window_label(obj) -> str:
        return obj.window.label
