"""What the database already holds that an import may resolve against or update.

Every read is one query per kind (or per chunk of NIPs), never one per row.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from kinerja.org.enums import AssignmentKind
from kinerja.org.models import Agency, Assignment, Employee, Position, Unit

# SQLite allows 999 parameters per statement in older builds.
CHUNK = 900

EMPLOYEE_FIELDS = (
    "id",
    "agency_id",
    "user_id",
    "nip",
    "name",
    "front_title",
    "back_title",
    "employment_type",
    "grade",
    "email",
    "phone",
)


@dataclass
class AgencyState:
    agency_id: int = 0
    units: dict[str, dict] = field(default_factory=dict)
    unit_codes: dict[int, str] = field(default_factory=dict)
    positions: dict[str, dict] = field(default_factory=dict)
    position_codes: dict[int, str] = field(default_factory=dict)
    employees: dict[str, dict] = field(default_factory=dict)
    assignments: dict[int, list[dict]] = field(default_factory=dict)
    # username → (user id, id of the employee already linked to it or None)
    logins: dict[str, tuple[int, int | None]] = field(default_factory=dict)


def chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def load_state(agency: Agency, nips: list[str]) -> AgencyState:
    state = AgencyState(agency_id=agency.pk)
    for unit in Unit.objects.filter(agency=agency).values(
        "id", "code", "parent_id", "name", "kind", "address"
    ):
        state.units[unit["code"]] = unit
        state.unit_codes[unit["id"]] = unit["code"]
    for position in Position.objects.filter(agency=agency).values(
        "id", "code", "unit_id", "name", "kind", "level", "reports_to_id", "is_unit_head"
    ):
        state.positions[position["code"]] = position
        state.position_codes[position["id"]] = position["code"]
    User = get_user_model()
    for employee in _matching(Employee.objects.values(*EMPLOYEE_FIELDS), "nip", nips):
        state.employees[employee["nip"]] = employee
    users = User.objects.values_list("id", "username", "employee__id")
    for user_id, username, employee_id in _matching(users, "username", nips):
        state.logins[username] = (user_id, employee_id)
    ids = [e["id"] for e in state.employees.values() if e["agency_id"] == agency.pk]
    relevant = Q(kind=AssignmentKind.DEFINITIVE) | Q(end_date__isnull=True)
    assignments = Assignment.objects.filter(relevant).values(
        "id", "employee_id", "position_id", "kind", "start_date", "end_date"
    )
    for assignment in _matching(assignments, "employee_id", ids):
        state.assignments.setdefault(assignment["employee_id"], []).append(assignment)
    return state


def _matching(queryset: QuerySet, name: str, values: list) -> Iterator:
    """The rows whose ``name`` is one of ``values``. PostgreSQL takes the whole list
    as one array parameter; a 20,000-item IN list costs more to build and parse than
    the query costs to run. Other databases get IN lists in chunks."""
    if not values:
        return
    if connection.vendor == "postgresql":
        column = queryset.model._meta.get_field(name).column
        table = connection.ops.quote_name(queryset.model._meta.db_table)
        # Only the model's own table and column names are interpolated; values are bound.
        condition = RawSQL(  # noqa: S611
            f"{table}.{connection.ops.quote_name(column)} = ANY(%s)",
            (list(values),),
            output_field=BooleanField(),
        )
        yield from queryset.filter(condition)
        return
    for part in chunks(values):
        yield from queryset.filter(**{f"{name}__in": part})
