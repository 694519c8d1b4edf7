"""Who supervises and who assesses an employee on a given date.

Nothing here is stored: the answer is derived from positions and assignments at the
date, so a transfer, an acting appointment (Plt/Plh) or a vacancy changes it the day it
takes effect. The rules (domain.md §1.5):

* the direct supervisor (atasan langsung) is the holder of the first position up the
  reporting line that someone holds on that date; a vacant post is skipped;
* the assessor (pejabat penilai kinerja) is the first holder up the line whose post
  may assess: a JPT, administrator or supervisor post, or the head of a unit such as a
  school head;
* the assessor's superior (atasan pejabat penilai) is found the same way, starting from
  the post through which the assessor assesses (so a Plt answers to the superior of
  the post they act in);
* where the line ends (the top official), the agency's political head assesses;
* an explicit ``SupervisionOverride`` replaces the assessor for its date range.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from kinerja.org.enums import AssignmentKind, PositionKind
from kinerja.org.models import Assignment, Employee, Position, SupervisionOverride

# Who holds a post when several do: the definitive holder, else the Plt, else the Plh.
_HOLDER_ORDER = Case(
    When(kind=AssignmentKind.DEFINITIVE, then=Value(0)),
    When(kind=AssignmentKind.PLT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)

MAX_CHAIN = 30  # deeper than any real reporting line; stops a malformed cycle


def active_on(on: datetime.date, prefix: str = "") -> Q:
    """Rows with start/end dates (inclusive, open end) in force on ``on``."""
    return Q(**{f"{prefix}start_date__lte": on}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": on})
    )


@dataclass(frozen=True)
class Holding:
    """One person holding one post on the date, and how (definitive, Plt, Plh)."""

    employee: Employee
    position: Position
    kind: str


@dataclass
class Superiors:
    """The answer for one employee and date; every ``None`` is explained in ``notes``."""

    on: datetime.date
    holding: Holding | None = None
    supervisor: Holding | None = None
    assessor: Holding | None = None
    assessor_superior: Holding | None = None
    external_assessor: str = ""
    external_assessor_superior: str = ""
    overridden: bool = False
    notes: list[str] = field(default_factory=list)


def primary_holding(employee: Employee, on: datetime.date) -> Holding | None:
    """The post an employee is assessed in on ``on``: the definitive one if any."""
    assignment = (
        Assignment.objects.filter(active_on(on), employee=employee)
        .select_related("position__unit", "position__agency")
        .order_by(_HOLDER_ORDER, "-start_date")
        .first()
    )
    if assignment is None:
        return None
    return Holding(employee=employee, position=assignment.position, kind=assignment.kind)


def holder_of(position: Position, on: datetime.date, *, exclude: Employee) -> Holding | None:
    assignment = (
        Assignment.objects.filter(active_on(on), position=position)
        .exclude(employee=exclude)
        .select_related("employee")
        .order_by(_HOLDER_ORDER, "-start_date")
        .first()
    )
    if assignment is None:
        return None
    return Holding(employee=assignment.employee, position=position, kind=assignment.kind)


def _parent(position: Position) -> Position | None:
    if position.reports_to_id is None:
        return None
    return Position.objects.select_related("unit").get(pk=position.reports_to_id)


def _walk_up(
    start: Position, on: datetime.date, *, exclude: Employee, need_assessor_only: bool
) -> tuple[Holding | None, Holding | None]:
    """First holder above ``start``, and first holder above it who may assess."""
    supervisor = None
    position = _parent(start)
    for _step in range(MAX_CHAIN):
        if position is None:
            break
        holder = holder_of(position, on, exclude=exclude)
        if holder is not None:
            if supervisor is None and not need_assessor_only:
                supervisor = holder
            if position.may_assess:
                return supervisor, holder
        position = _parent(position)
    return supervisor, None


def superiors_of(employee: Employee, on: datetime.date) -> Superiors:
    """Direct supervisor, assessor and assessor's superior of ``employee`` on ``on``."""
    result = Superiors(on=on)
    holding = primary_holding(employee, on)
    result.holding = holding
    if holding is None:
        result.notes.append(_("The employee holds no position on this date."))
        return result

    head_title = holding.position.agency.head_title or _("the head of the agency")
    result.supervisor, result.assessor = _walk_up(
        holding.position, on, exclude=employee, need_assessor_only=False
    )
    if result.supervisor is None:
        result.notes.append(
            _("Nobody holds a post above %(position)s on this date.")
            % {"position": holding.position.name}
        )

    override = (
        SupervisionOverride.objects.filter(active_on(on), employee=employee)
        .select_related("assessor", "assessor_superior")
        .order_by("-start_date")
        .first()
    )
    if override is not None:
        assessor_holding = primary_holding(override.assessor, on)
        result.overridden = True
        result.notes.append(
            _("Assessor set by an explicit exception: %(reason)s") % {"reason": override.reason}
        )
        if assessor_holding is not None:
            result.assessor = Holding(
                employee=override.assessor,
                position=assessor_holding.position,
                kind=assessor_holding.kind,
            )
        if override.assessor_superior is not None:
            superior = primary_holding(override.assessor_superior, on)
            if superior is not None:
                result.assessor_superior = Holding(
                    employee=override.assessor_superior,
                    position=superior.position,
                    kind=superior.kind,
                )
            return result

    if result.assessor is None:
        result.external_assessor = head_title
        result.external_assessor_superior = head_title
        result.notes.append(
            _("No post above may assess on this date, so %(head)s assesses.") % {"head": head_title}
        )
        return result

    _ignored, result.assessor_superior = _walk_up(
        result.assessor.position, on, exclude=result.assessor.employee, need_assessor_only=True
    )
    if result.assessor_superior is None:
        result.external_assessor_superior = head_title
    return result


def positions_held(employee: Employee, on: datetime.date) -> list[Position]:
    """Every post the employee holds on ``on``, definitive and acting."""
    return [
        a.position
        for a in Assignment.objects.filter(active_on(on), employee=employee).select_related(
            "position"
        )
    ]


def assessees_of(employee: Employee, on: datetime.date) -> set[int]:
    """Ids of the employees whose derived assessor is ``employee`` on ``on``.

    Walks down from the posts the employee holds: holders of posts reporting to them are
    assessed by them; below a post that is vacant or cannot assess, the walk continues,
    because those people's assessor is found further up (see the module docstring).
    Overrides are applied afterwards. One query per level of the tree.
    """
    frontier = [p.pk for p in positions_held(employee, on) if p.may_assess]
    found: set[int] = set()
    seen: set[int] = set(frontier)
    for _step in range(MAX_CHAIN):
        if not frontier:
            break
        children = list(
            Position.objects.filter(reports_to__in=frontier).values("pk", "kind", "is_unit_head")
        )
        child_ids = [c["pk"] for c in children if c["pk"] not in seen]
        holders: dict[int, list[int]] = {}
        for position_id, employee_id in Assignment.objects.filter(
            active_on(on), position__in=child_ids
        ).values_list("position_id", "employee_id"):
            holders.setdefault(position_id, []).append(employee_id)
        frontier = []
        for child in children:
            pid = child["pk"]
            if pid in seen:
                continue
            seen.add(pid)
            found.update(e for e in holders.get(pid, []) if e != employee.pk)
            assesses = child["kind"] in PositionKind.structural() or child["is_unit_head"]
            if not holders.get(pid) or not assesses:
                frontier.append(pid)
    # Their primary post must be one found here (a Plt's own definitive post may lie
    # elsewhere), and overrides win over the derivation.
    primary = _primary_position_ids(found, on)
    found = {pk for pk in found if primary.get(pk) in seen}
    overrides = list(
        SupervisionOverride.objects.filter(active_on(on))
        .filter(Q(assessor=employee) | Q(employee_id__in=found))
        .values_list("employee_id", "assessor_id")
    )
    found -= {subject for subject, assessor in overrides if assessor != employee.pk}
    found |= {subject for subject, assessor in overrides if assessor == employee.pk}
    return found


def _primary_position_ids(employee_ids: set[int], on: datetime.date) -> dict[int, int]:
    """Each employee's primary post on ``on``, in one query."""
    primary: dict[int, int] = {}
    rows = (
        Assignment.objects.filter(active_on(on), employee_id__in=employee_ids)
        .order_by("employee_id", _HOLDER_ORDER, "-start_date")
        .values_list("employee_id", "position_id")
    )
    for employee_id, position_id in rows:
        primary.setdefault(employee_id, position_id)
    return primary
