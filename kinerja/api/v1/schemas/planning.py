"""Schemas of the planning endpoints: periods, goals, SKPs and their content, the team
queue and the indicator library (PermenPAN-RB 6/2022; domain.md §1.3)."""

import datetime
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema

from kinerja.api.v1.schemas.org import EmployeeRefOut, PositionRefOut, UnitRefOut
from kinerja.org.enums import PositionKind
from kinerja.planning.enums import (
    AnnexKind,
    Approach,
    Aspect,
    CoreValue,
    Perspective,
    ResultKind,
    Rhythm,
    SkpStatus,
)
from kinerja.regulation.berakhlak import core_value

# Text a person types, line breaks allowed; no other control characters, which
# PostgreSQL cannot store (NUL) and nobody types.
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
# One line of printable text.
LINE_PATTERN = r"^[^\x00-\x1f\x7f]*$"
LONG_TEXT = 2000
# The database's numeric(14, 2), and never negative.
TARGET = {"ge": 0, "max_digits": 14, "decimal_places": 2}


def _text(description: str, *, required: bool = True, max_length: int = LONG_TEXT):
    return Field(
        ... if required else "",
        min_length=1 if required else 0,
        max_length=max_length,
        pattern=TEXT_PATTERN,
        description=description,
    )


def _line(description: str, max_length: int):
    return Field("", max_length=max_length, pattern=LINE_PATTERN, description=description)


# --- periods and goals -----------------------------------------------------------------


class WindowOut(Schema):
    """A quarter or month of the period and the date its realisations are due."""

    number: int
    label: str
    start_date: datetime.date
    end_date: datetime.date
    report_deadline: datetime.date


class PeriodOut(Schema):
    """An agency's assessment period (periode penilaian) with its deadlines."""

    uuid: UUID
    agency: UUID
    year: int
    start_date: datetime.date
    end_date: datetime.date
    approach: Approach
    rhythm: Rhythm
    planning_deadline: datetime.date
    assessment_deadline: datetime.date
    windows: list[WindowOut]

    @staticmethod
    def resolve_agency(obj) -> UUID:
        return obj.agency.uuid


class PeriodRefOut(Schema):
    uuid: UUID
    year: int


class GoalIndicatorOut(Schema):
    """A key indicator (IKU) of a goal with its annual target."""

    uuid: UUID
    text: str
    target_value: Decimal | None
    target_unit: str


class GoalOut(Schema):
    """An organisation goal (sasaran strategis) of a unit: a root of the cascade."""

    uuid: UUID
    code: str
    title: str
    source: str
    unit: UnitRefOut
    indicators: list[GoalIndicatorOut]


# --- the SKP ---------------------------------------------------------------------------


class IndicatorOut(Schema):
    """An individual performance indicator (IKI): a target number and unit for the
    quantitative approach, a narrative for the qualitative one."""

    uuid: UUID
    aspect: Aspect
    text: str
    target_value: Decimal | None
    target_unit: str
    target_text: str
    target_display: str = Field(description="The target as printed, e.g. '12 dokumen'.")


class ResultRefOut(Schema):
    uuid: UUID
    text: str
    employee: EmployeeRefOut

    @staticmethod
    def resolve_employee(obj):
        return obj.skp.employee


class GoalRefOut(Schema):
    uuid: UUID
    code: str
    title: str


class GoalIndicatorRefOut(Schema):
    uuid: UUID
    text: str


class LinkOut(Schema):
    """What a result supports (intervensi): a result of the assessor's approved SKP, or
    for a senior executive (JPT) an organisation goal and perhaps one of its IKU."""

    uuid: UUID
    supports_result: ResultRefOut | None
    supports_goal: GoalRefOut | None
    supports_indicator: GoalIndicatorRefOut | None


class ResultOut(Schema):
    """A planned work result (RHK)."""

    uuid: UUID
    kind: ResultKind
    text: str
    perspective: Perspective | None = Field(description="Senior executives (JPT) only.")
    assigned_by: str
    order: int
    indicators: list[IndicatorOut]
    links: list[LinkOut]

    @staticmethod
    def resolve_perspective(obj) -> str | None:
        return obj.perspective or None


class ExpectationOut(Schema):
    """A BerAKHLAK core value, its guide behaviours and the leader's specific expectation
    (Ekspektasi Khusus Pimpinan), empty until the assessor writes it."""

    core_value: CoreValue
    name: str
    guides: list[str]
    text: str

    @staticmethod
    def resolve_name(obj) -> str:
        return core_value(obj.core_value).name

    @staticmethod
    def resolve_guides(obj) -> list[str]:
        return list(core_value(obj.core_value).guides)


class AnnexItemOut(Schema):
    """One line of the annex (Lampiran SKP)."""

    uuid: UUID
    kind: AnnexKind
    text: str
    order: int


class SkpOut(Schema):
    """An SKP: one employee's plan for one position within a period."""

    uuid: UUID
    employee: EmployeeRefOut
    period: PeriodRefOut
    position: PositionRefOut
    unit: UnitRefOut
    is_acting: bool = Field(description="Planned for an acting post (Plt/Plh).")
    start_date: datetime.date
    end_date: datetime.date
    approach: Approach
    status: SkpStatus
    version: int
    revises: UUID | None = Field(description="The approved version this one revises.")
    submitted_at: datetime.datetime | None
    approved_at: datetime.datetime | None
    adopted_by_hr: bool
    review_comment: str = Field(description="The assessor's comment when returning it.")

    @staticmethod
    def resolve_unit(obj):
        return obj.position.unit

    @staticmethod
    def resolve_revises(obj) -> UUID | None:
        return obj.previous.uuid if obj.previous_id else None


class SkpDetailOut(SkpOut):
    """An SKP with everything the printed form shows, and what still stops it."""

    approved_by: EmployeeRefOut | None
    assessor_superior_at_approval: EmployeeRefOut | None
    results: list[ResultOut]
    expectations: list[ExpectationOut]
    annex: list[AnnexItemOut]
    problems: list[str] = Field(
        description="What still stops this SKP from being submitted (or, for its "
        "assessor, approved), in plain words; empty once it is approved."
    )

    @staticmethod
    def resolve_results(obj) -> list:
        results = sorted(obj.results.all(), key=lambda r: (r.kind != ResultKind.MAIN, r.order))
        return results

    @staticmethod
    def resolve_annex(obj) -> list:
        return list(obj.annex_items.all())


class SkpCreateIn(Schema):
    period: UUID | None = Field(
        None, description="The period; by default your agency's current one."
    )


class IndicatorIn(Schema):
    aspect: Aspect
    text: str = _text("The indicator (IKI).")
    target_value: Decimal | None = Field(
        None, description="The target number (quantitative approach).", **TARGET
    )
    target_unit: str = _line("The unit of measure, e.g. 'dokumen', '%'.", 40)
    target_text: str = _text("The target as a narrative (qualitative approach).", required=False)


class IndicatorUpdateIn(Schema):
    """Only the fields sent change."""

    aspect: Aspect | None = None
    text: str | None = Field(None, min_length=1, max_length=LONG_TEXT, pattern=TEXT_PATTERN)
    target_value: Decimal | None = Field(None, **TARGET)
    target_unit: str | None = Field(None, max_length=40, pattern=LINE_PATTERN)
    target_text: str | None = Field(None, max_length=LONG_TEXT, pattern=TEXT_PATTERN)


class ResultCreateIn(Schema):
    kind: ResultKind = ResultKind.MAIN
    text: str = _text("The planned result (RHK).")
    perspective: Perspective | None = Field(None, description="Senior executives (JPT) only.")
    assigned_by: str = _line("Who assigned it (penugasan dari), for JPT results.", 200)
    indicator: IndicatorIn | None = Field(
        None, description="Its first indicator, added in the same step."
    )


class ResultUpdateIn(Schema):
    """Only the fields sent change."""

    kind: ResultKind | None = None
    text: str | None = Field(None, min_length=1, max_length=LONG_TEXT, pattern=TEXT_PATTERN)
    perspective: Perspective | None = None
    assigned_by: str | None = Field(None, max_length=200, pattern=LINE_PATTERN)


class LinkCreateIn(Schema):
    """Either ``supports_result`` (a result of your assessor's approved SKP) or, for a
    senior executive (JPT), ``supports_goal`` with an optional ``supports_indicator``."""

    supports_result: UUID | None = None
    supports_goal: UUID | None = None
    supports_indicator: UUID | None = None


class AnnexItemIn(Schema):
    kind: AnnexKind
    text: str = _text("The annex line.")


class AnnexItemUpdateIn(Schema):
    text: str = _text("The annex line.")


class ExpectationIn(Schema):
    core_value: CoreValue
    text: str = _text("The leader's specific expectation.", required=False)


class ExpectationsIn(Schema):
    expectations: list[ExpectationIn] = Field(max_length=7)


class ReturnIn(Schema):
    comment: str = _text("What should change.")


class AdoptIn(Schema):
    reason: str = _text("Why the plan is adopted by default.")


class LinkTargetsOut(Schema):
    """What a result of this SKP may support. ``explanation`` says why the lists are
    empty (e.g. the assessor's own SKP is not approved yet) and what to do."""

    results: list[ResultRefOut]
    goals: list[GoalOut]
    explanation: str


# --- the team and the library ----------------------------------------------------------


class TeamMemberOut(Schema):
    """Someone the user assesses today, with their live SKPs in the period."""

    employee: EmployeeRefOut
    plans: list[SkpOut]

    @staticmethod
    def resolve_employee(obj):
        return obj

    @staticmethod
    def resolve_plans(obj) -> list:
        return obj.plans


class TemplateOut(Schema):
    """A suggested result with one indicator from the indicator library."""

    uuid: UUID
    national: bool = Field(description="Shared by every agency.")
    field: str
    position_kind: PositionKind | None
    result_text: str
    indicator_text: str
    aspect: Aspect
    target_unit: str
    suggested_target: Decimal | None

    @staticmethod
    def resolve_national(obj) -> bool:
        return obj.agency_id is None

    @staticmethod
    def resolve_position_kind(obj) -> str | None:
        return obj.position_kind or None
