"""The agency's org chart on one date, read in a few queries, with every employee's
assessor derived in memory.

The derivation is ``kinerja.org.supervision.superiors_of`` done for everyone at once:
the post held first (definitive, then Plt, then Plh; the latest start first), then up
the reporting line to the first post held by someone else that may assess. Employees
with an explicit override are asked of ``superiors_of`` itself. The tests compare
the two on a sample.
"""

import datetime
from dataclasses import dataclass, field

from kinerja.org.enums import AssignmentKind, PositionKind
from kinerja.org.models import Agency, Assignment, Employee, Position, SupervisionOverride, Unit
from kinerja.org.selectors import active_on, superiors_of

MAX_CHAIN = 30
HOLDER_ORDER = {AssignmentKind.DEFINITIVE: 0, AssignmentKind.PLT: 1, AssignmentKind.PLH: 2}


@dataclass(frozen=True, slots=True)
class UnitRow:
    pk: int
    code: str
    name: str
    kind: str
    path: str


@dataclass(frozen=True, slots=True)
class PostRow:
    pk: int
    code: str
    name: str
    kind: str
    unit_id: int
    reports_to_id: int | None
    is_unit_head: bool

    @property
    def may_assess(self) -> bool:
        return self.kind in PositionKind.structural() or self.is_unit_head

    @property
    def is_senior(self) -> bool:
        return self.kind in PositionKind.jpt()


@dataclass(frozen=True, slots=True)
class Holding:
    employee_id: int
    position_id: int
    kind: str
    start_date: datetime.date


@dataclass
class Chart:
    """Units, posts, holders and employees of an agency on ``on``."""

    on: datetime.date
    units: dict[int, UnitRow]
    posts: dict[int, PostRow]
    employees: dict[int, Employee]
    holders: dict[int, list[Holding]]
    held: dict[int, list[Holding]]
    overridden: set[int]
    _superiors: dict[int, tuple[Holding | None, Holding | None]] = field(default_factory=dict)

    @classmethod
    def load(cls, agency: Agency, on: datetime.date) -> "Chart":
        units = {
            u.pk: UnitRow(u.pk, u.code, u.name, u.kind, u.path)
            for u in Unit.objects.filter(agency=agency).only("code", "name", "kind", "path")
        }
        posts = {
            pk: PostRow(pk, *rest)
            for pk, *rest in Position.objects.filter(agency=agency).values_list(
                "pk", "code", "name", "kind", "unit_id", "reports_to_id", "is_unit_head"
            )
        }
        employees = {
            e.pk: e
            for e in Employee.objects.filter(agency=agency, is_active=True).select_related("user")
        }
        holders: dict[int, list[Holding]] = {}
        by_employee: dict[int, list[Holding]] = {}
        for row in Assignment.objects.filter(active_on(on), position__agency=agency).values_list(
            "employee_id", "position_id", "kind", "start_date"
        ):
            holding = Holding(*row)
            holders.setdefault(holding.position_id, []).append(holding)
            by_employee.setdefault(holding.employee_id, []).append(holding)
        for rows in [*holders.values(), *by_employee.values()]:
            rows.sort(key=_holder_key)
        overridden = set(
            SupervisionOverride.objects.filter(active_on(on), employee__agency=agency).values_list(
                "employee_id", flat=True
            )
        )
        return cls(on, units, posts, employees, holders, by_employee, overridden)

    def primary(self, employee_id: int) -> Holding | None:
        """The post the employee is assessed in (``primary_holding``)."""
        rows = self.held.get(employee_id)
        return rows[0] if rows else None

    def holder(self, position_id: int, *, exclude: int) -> Holding | None:
        for holding in self.holders.get(position_id, ()):
            if holding.employee_id != exclude:
                return holding
        return None

    def first_assessor_above(self, position_id: int, *, exclude: int) -> Holding | None:
        """The first holder above ``position_id`` whose post may assess."""
        parent = self.posts[position_id].reports_to_id
        for _step in range(MAX_CHAIN):
            if parent is None:
                return None
            post = self.posts[parent]
            holding = self.holder(parent, exclude=exclude)
            if holding is not None and post.may_assess:
                return holding
            parent = post.reports_to_id
        return None

    def superiors(self, employee_id: int) -> tuple[Holding | None, Holding | None]:
        """The derived assessor (pejabat penilai kinerja) and the assessor's superior on
        ``on``; None where the line ends and the agency's political head takes over."""
        if employee_id not in self._superiors:
            self._superiors[employee_id] = self._derive(employee_id)
        return self._superiors[employee_id]

    def assessor_of(self, employee_id: int) -> Holding | None:
        return self.superiors(employee_id)[0]

    def _derive(self, employee_id: int) -> tuple[Holding | None, Holding | None]:
        if employee_id in self.overridden:
            found = superiors_of(self.employees[employee_id], self.on)
            return _holding(found.assessor, self.on), _holding(found.assessor_superior, self.on)
        holding = self.primary(employee_id)
        if holding is None:
            return None, None
        assessor = self.first_assessor_above(holding.position_id, exclude=employee_id)
        if assessor is None:
            return None, None
        superior = self.first_assessor_above(assessor.position_id, exclude=assessor.employee_id)
        return assessor, superior

    def acting(self, employee_id: int) -> list[Holding]:
        """Posts the employee holds as Plt or Plh besides their primary post."""
        return [
            h for h in self.held.get(employee_id, [])[1:] if h.kind != AssignmentKind.DEFINITIVE
        ]


def _holding(found, on: datetime.date) -> Holding | None:
    if found is None:
        return None
    return Holding(found.employee.pk, found.position.pk, found.kind, on)


def _holder_key(holding: Holding) -> tuple[int, int]:
    return (HOLDER_ORDER.get(holding.kind, 3), -holding.start_date.toordinal())
