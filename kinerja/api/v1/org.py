"""Me, agencies, units, positions and employees.

Every read starts from an ``access`` visibility filter, so an object the user may not
see answers 404 exactly like one that does not exist.
"""

from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.pagination import paginate

from kinerja.access.permissions import (
    actor_for,
    agencies_visible_to,
    employees_visible_to,
    may,
    units_visible_to,
)
from kinerja.api.pagination import Pagination
from kinerja.api.v1.schemas.org import (
    AgencyOut,
    EmployeeListIn,
    EmployeeOut,
    EmployeeSuperiorsOut,
    MeOut,
    PositionListIn,
    PositionOut,
    UnitListIn,
    UnitOut,
)
from kinerja.core.clock import today
from kinerja.org.models import Assignment, Employee, Position, Unit
from kinerja.org.selectors import active_on, employee_list, superiors_of

router = Router(tags=["organisation"])


def _superiors(employee: Employee) -> dict:
    found = superiors_of(employee, today())
    return {
        "on": found.on,
        "supervisor": found.supervisor,
        "assessor": found.assessor,
        "assessor_superior": found.assessor_superior,
        "external_assessor": found.external_assessor,
        "external_assessor_superior": found.external_assessor_superior,
        "overridden": found.overridden,
        "notes": found.notes,
    }


def _units(request: HttpRequest) -> QuerySet[Unit]:
    return units_visible_to(request.user).select_related("agency", "parent")


def _positions(request: HttpRequest) -> QuerySet[Position]:
    holders = (
        Assignment.objects.filter(active_on(today()), employee__is_active=True)
        .select_related("employee")
        .order_by("kind", "employee__name")
    )
    return (
        Position.objects.filter(unit__in=units_visible_to(request.user))
        .select_related("unit", "reports_to")
        .prefetch_related(Prefetch("assignments", queryset=holders, to_attr="current_holders"))
        .order_by("unit__path", "code")
    )


def _employees(request: HttpRequest, *, unit: Unit | None = None, search: str = ""):
    return employee_list(
        visible=employees_visible_to(request.user), on=today(), unit=unit, search=search
    )


@router.get("/me", response=MeOut, summary="The logged-in user, their posts and assessor")
def me(request: HttpRequest):
    actor = actor_for(request.user)
    employee = None
    if actor.employee is not None:
        employee = _employees(request).filter(pk=actor.employee.pk).first()
    return {
        "username": request.user.get_username(),
        "is_superuser": actor.is_superuser,
        "is_hr_admin": actor.is_hr_admin,
        "is_leader": actor.is_leader,
        "employee": employee,
        "superiors": _superiors(actor.employee) if actor.employee else None,
    }


@router.get("/agencies", response=list[AgencyOut], summary="Agencies the user may see")
@paginate(Pagination)
def agency_list(request: HttpRequest):
    return agencies_visible_to(request.user).order_by("name", "pk")


@router.get("/units", response=list[UnitOut], summary="Units the user may see, in tree order")
@paginate(Pagination)
def unit_list(request: HttpRequest, filters: Query[UnitListIn]):
    units = _units(request)
    if filters.agency is not None:
        units = units.filter(agency__uuid=filters.agency)
    if filters.parent is not None:
        units = units.filter(parent__uuid=filters.parent)
    return units.order_by("path")


@router.get("/units/{uuid}", response=UnitOut, summary="One unit")
def unit_get(request: HttpRequest, uuid: UUID):
    unit = get_object_or_404(_units(request), uuid=uuid)
    if not may(request.user, "org.view_unit", unit):
        raise Http404
    return unit


@router.get("/positions", response=list[PositionOut], summary="Positions the user may see")
@paginate(Pagination)
def position_list(request: HttpRequest, filters: Query[PositionListIn]):
    positions = _positions(request)
    if filters.unit is not None:
        positions = positions.filter(unit__uuid=filters.unit)
    return positions


@router.get("/positions/{uuid}", response=PositionOut, summary="One position and its holders")
def position_get(request: HttpRequest, uuid: UUID):
    position = get_object_or_404(_positions(request), uuid=uuid)
    if not may(request.user, "org.view_unit", position.unit):
        raise Http404
    return position


@router.get(
    "/employees",
    response=list[EmployeeOut],
    summary="Employees the user may see, by name then NIP",
)
@paginate(Pagination)
def employee_list_endpoint(request: HttpRequest, filters: Query[EmployeeListIn]):
    unit = None
    if filters.unit is not None:
        unit = units_visible_to(request.user).filter(uuid=filters.unit).first()
        if unit is None:
            # A unit the user may not see filters out everyone, as an unknown one does.
            return Employee.objects.none()
    employees = _employees(request, unit=unit, search=filters.q)
    if filters.agency is not None:
        employees = employees.filter(agency__uuid=filters.agency)
    return employees.order_by("name", "nip")


@router.get("/employees/{uuid}", response=EmployeeOut, summary="One employee")
def employee_get(request: HttpRequest, uuid: UUID):
    employee = get_object_or_404(_employees(request), uuid=uuid)
    if not may(request.user, "org.view_employee", employee):
        raise Http404
    return employee


@router.get(
    "/employees/{uuid}/superiors",
    response=EmployeeSuperiorsOut,
    summary="Who supervises and assesses the employee today",
)
def employee_superiors(request: HttpRequest, uuid: UUID):
    employee = get_object_or_404(_employees(request), uuid=uuid)
    if not may(request.user, "org.view_employee", employee):
        raise Http404
    return _superiors(employee)
