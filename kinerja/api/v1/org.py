"""Me, units, positions and employees."""

import datetime
from uuid import UUID

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from kinerja.access.permissions import (
    actor_for,
    employees_visible_to,
    may,
    units_visible_to,
)
from kinerja.core.clock import today
from kinerja.org.models import Position
from kinerja.org.selectors import employee_list, superiors_of

router = Router(tags=["organisation"])


class PersonRefOut(Schema):
    uuid: UUID
    nip: str
    name: str
    position: str


class UnitOut(Schema):
    uuid: UUID
    name: str
    code: str
    kind: str
    depth: int
    parent_uuid: UUID | None
    agency: str

    @staticmethod
    def resolve_parent_uuid(obj) -> UUID | None:
        return obj.parent.uuid if obj.parent_id else None

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.agency.name


class PositionOut(Schema):
    uuid: UUID
    code: str
    name: str
    kind: str
    level: str
    is_unit_head: bool
    unit_uuid: UUID
    reports_to_uuid: UUID | None

    @staticmethod
    def resolve_unit_uuid(obj) -> UUID:
        return obj.unit.uuid

    @staticmethod
    def resolve_reports_to_uuid(obj) -> UUID | None:
        return obj.reports_to.uuid if obj.reports_to_id else None


class CurrentPostOut(Schema):
    position_uuid: UUID
    position: str
    unit: str
    kind: str


class EmployeeOut(Schema):
    uuid: UUID
    nip: str
    name: str
    full_name: str
    employment_type: str
    grade: str
    agency: str
    posts: list[CurrentPostOut]

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.agency.name

    @staticmethod
    def resolve_posts(obj) -> list[dict]:
        return [
            {
                "position_uuid": a.position.uuid,
                "position": a.position.name,
                "unit": a.position.unit.name,
                "kind": a.kind,
            }
            for a in obj.current_assignments
        ]


class SuperiorsOut(Schema):
    on: datetime.date
    supervisor: PersonRefOut | None
    assessor: PersonRefOut | None
    assessor_superior: PersonRefOut | None
    external_assessor: str
    notes: list[str]


class MeOut(Schema):
    username: str
    is_superuser: bool
    is_hr_admin: bool
    is_leader: bool
    employee: EmployeeOut | None
    superiors: SuperiorsOut | None


def _person(holding) -> dict | None:
    if holding is None:
        return None
    e = holding.employee
    return {"uuid": e.uuid, "nip": e.nip, "name": e.full_name, "position": holding.position.name}


def _superiors(employee) -> dict:
    s = superiors_of(employee, today())
    return {
        "on": s.on,
        "supervisor": _person(s.supervisor),
        "assessor": _person(s.assessor),
        "assessor_superior": _person(s.assessor_superior),
        "external_assessor": s.external_assessor,
        "notes": s.notes,
    }


@router.get("/me", response=MeOut, summary="The logged-in user, their post and assessor")
def me(request):
    actor = actor_for(request.user)
    employee = None
    if actor.employee is not None:
        employee = employee_list(
            visible=employees_visible_to(request.user).filter(pk=actor.employee.pk), on=today()
        ).first()
    return {
        "username": request.user.get_username(),
        "is_superuser": actor.is_superuser,
        "is_hr_admin": actor.is_hr_admin,
        "is_leader": actor.is_leader,
        "employee": employee,
        "superiors": _superiors(actor.employee) if actor.employee else None,
    }


@router.get("/units", response=list[UnitOut], summary="Units the user may see")
@paginate(LimitOffsetPagination)
def unit_list(request):
    return units_visible_to(request.user).select_related("agency", "parent")


@router.get("/units/{uuid}", response=UnitOut)
def unit_get(request, uuid: UUID):
    unit = get_object_or_404(units_visible_to(request.user).select_related("agency", "parent"), uuid=uuid)
    if not may(request.user, "org.view_unit", unit):
        raise Http404
    return unit


@router.get("/positions", response=list[PositionOut], summary="Positions the user may see")
@paginate(LimitOffsetPagination)
def position_list(request, unit: UUID | None = None):
    units = units_visible_to(request.user)
    positions = Position.objects.filter(unit__in=units).select_related("unit", "reports_to")
    if unit is not None:
        positions = positions.filter(unit__uuid=unit)
    return positions.order_by("unit__path", "code")


@router.get("/employees", response=list[EmployeeOut], summary="Employees the user may see")
@paginate(LimitOffsetPagination)
def employee_list_endpoint(request, q: str = ""):
    return employee_list(visible=employees_visible_to(request.user), on=today(), search=q)


@router.get("/employees/{uuid}", response=EmployeeOut)
def employee_get(request, uuid: UUID):
    employee = get_object_or_404(
        employee_list(visible=employees_visible_to(request.user), on=today()), uuid=uuid
    )
    if not may(request.user, "org.view_employee", employee):
        raise Http404
    return employee


@router.get("/employees/{uuid}/superiors", response=SuperiorsOut)
def employee_superiors(request, uuid: UUID):
    employee = get_object_or_404(employees_visible_to(request.user), uuid=uuid)
    if not may(request.user, "org.view_employee", employee):
        raise Http404
    return _superiors(employee)
