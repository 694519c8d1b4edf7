"""The plans while they are being drafted: plain objects, not model instances.

Creating 50,000 model instances and preparing them field by field through
``bulk_create`` took most of the build's time; these carry just what the rows need.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID, uuid4

from kinerja.planning.demo.chart import Holding
from kinerja.planning.demo.goals import GoalSpec
from kinerja.planning.enums import ResultKind
from kinerja.planning.models import AssessmentPeriod, OrganisationGoal, OrganisationIndicator

SERVICE, INTERNAL = "service", "internal"


@dataclass
class GoalRow:
    spec: GoalSpec
    goal: OrganisationGoal
    ikus: list[OrganisationIndicator]

    @property
    def link(self) -> tuple[int, int | None]:
        """What a result supporting this goal points at: the goal and its first IKU."""
        return self.goal.pk, self.ikus[0].pk if self.ikus else None


@dataclass(eq=False)
class ResultDraft:
    """A planned result (RHK) with its indicators as (aspect, text, target, unit) and
    what it supports: results of the assessor's plan, or goals as (goal, IKU) ids.

    ``feeds`` (unit code prefixes) and ``theme`` steer which of these results the
    assessor's people support; ``acting_post`` marks a Plt's duty for that post."""

    skp: "SkpDraft" = field(repr=False)
    kind: str
    text: str
    order: int
    perspective: str = ""
    assigned_by: str = ""
    indicators: list[tuple[str, str, Decimal, str]] = field(default_factory=list)
    supports: list["ResultDraft"] = field(default_factory=list, repr=False)
    goals: list[tuple[int, int | None]] = field(default_factory=list)
    feeds: tuple[str, ...] = ()
    theme: str = SERVICE
    acting_post: int | None = None
    pk: int | None = None


@dataclass(eq=False)
class SkpDraft:
    employee_id: int
    position_id: int
    is_acting: bool
    start_date: datetime.date
    end_date: datetime.date
    status: str
    assessor: Holding | None
    depth: int
    pool: str = ""
    uuid: UUID = field(default_factory=uuid4)
    submitted_at: datetime.datetime | None = None
    approved_at: datetime.datetime | None = None
    approved_by_id: int | None = None
    superior_id: int | None = None
    review_comment: str = ""
    results: list[ResultDraft] = field(default_factory=list)
    annex: list[tuple[str, str]] = field(default_factory=list)
    expectations: dict[str, str] = field(default_factory=dict)
    closed_on: datetime.date | None = None
    pk: int | None = None

    def main_results(self) -> list[ResultDraft]:
        return [d for d in self.results if d.kind == ResultKind.MAIN]


@dataclass
class DemoPlans:
    """What a build made: the period, and how many SKPs and results in which status."""

    period: AssessmentPeriod
    skps: int
    results: int
    statuses: dict[str, int]
