"""Reads of the organisation. Lists start from a visibility filter given by ``access``."""

import datetime

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from kinerja.org.models import Agency, Assignment, Employee, Position, Unit
from kinerja.org.supervision import (
    Superiors,
    active_on,
    assessees_of,
    positions_held,
    primary_holding,
    superiors_of,
)

__all__ = [
    "Superiors",
    "active_on",
    "assessees_of",
    "assignment_history",
    "employee_in_subtree",
    "employee_list",
    "positions_held",
    "primary_holding",
    "superiors_of",
    "unit_children",
    "unit_positions_with_holders",
    "unit_subtree",
]


def unit_subtree(unit: Unit) -> QuerySet[Unit]:
    """The unit and every unit below it, in tree order (one indexed prefix query)."""
    return Unit.objects.filter(path__startswith=unit.path)


def unit_children(unit: Unit | None, agency: Agency) -> QuerySet[Unit]:
    return Unit.objects.filter(agency=agency, parent=unit).order_by("name")


def employee_in_subtree(path: str, on: datetime.date) -> Q:
    """Employees holding any post in the subtree at ``path`` on ``on``."""
    return Q(
        Exists(
            Assignment.objects.filter(
                active_on(on),
                employee=OuterRef("pk"),
                position__unit__path__startswith=path,
            )
        )
    )


def employee_list(
    *, visible: QuerySet[Employee], on: datetime.date, search: str = "", unit: Unit | None = None
) -> QuerySet[Employee]:
    """Employees with their current post preloaded (two queries whatever the page size)."""
    employees = visible.filter(is_active=True)
    if unit is not None:
        employees = employees.filter(employee_in_subtree(unit.path, on))
    if search:
        term = search.strip()
        employees = employees.filter(Q(nip__startswith=term) | Q(name__icontains=term))
    return employees.select_related("agency").prefetch_related(
        Prefetch(
            "assignments",
            queryset=Assignment.objects.filter(active_on(on)).select_related("position__unit"),
            to_attr="current_assignments",
        )
    )


def unit_positions_with_holders(unit: Unit, on: datetime.date) -> QuerySet[Position]:
    """A unit's positions, each with ``current_holders`` (assignments on ``on``)."""
    return (
        Position.objects.filter(unit=unit)
        .select_related("reports_to")
        .prefetch_related(
            Prefetch(
                "assignments",
                queryset=Assignment.objects.filter(active_on(on)).select_related("employee"),
                to_attr="current_holders",
            )
        )
    )


def assignment_history(employee: Employee) -> QuerySet[Assignment]:
    return employee.assignments.select_related("position__unit").order_by("-start_date")
