"""Schemas of the organisation endpoints: agencies, units, positions, employees."""

import datetime
from uuid import UUID

from ninja import Field, Schema

from kinerja.org.enums import (
    AssignmentKind,
    EmploymentType,
    FunctionalLevel,
    PositionKind,
    UnitKind,
)

# Printable text only: PostgreSQL cannot compare with a NUL character, and no name or
# NIP has control characters.
SEARCH_PATTERN = r"^[^\x00-\x1f\x7f]*$"


class UnitListIn(Schema):
    agency: UUID | None = Field(None, description="Only units of this agency.")
    parent: UUID | None = Field(None, description="Only the direct children of this unit.")


class PositionListIn(Schema):
    unit: UUID | None = Field(None, description="Only the positions of this unit.")


class EmployeeListIn(Schema):
    agency: UUID | None = Field(None, description="Only employees of this agency.")
    unit: UUID | None = Field(
        None, description="Only employees holding a post in this unit or any unit below it."
    )
    q: str = Field(
        "",
        max_length=100,
        pattern=SEARCH_PATTERN,
        description="Part of the name, or the start of the NIP.",
    )


class AgencyRefOut(Schema):
    uuid: UUID
    code: str
    name: str


class AgencyOut(Schema):
    """An instansi."""

    uuid: UUID
    code: str
    name: str
    short_name: str
    head_title: str
    head_name: str
    city: str


class UnitRefOut(Schema):
    uuid: UUID
    code: str
    name: str


class UnitOut(Schema):
    """A work unit (unit kerja); ``depth`` is 0 for the top of the agency's tree."""

    uuid: UUID
    code: str
    name: str
    kind: UnitKind
    depth: int
    parent: UnitRefOut | None
    agency: AgencyRefOut


class PositionRefOut(Schema):
    uuid: UUID
    code: str
    name: str


class EmployeeRefOut(Schema):
    uuid: UUID
    nip: str
    full_name: str


class HolderOut(Schema):
    """Someone holding a position today, definitively or as acting official (Plt/Plh)."""

    employee: EmployeeRefOut
    kind: AssignmentKind


class PositionOut(Schema):
    """A jabatan; ``reports_to`` is the post whose holder supervises this one."""

    uuid: UUID
    code: str
    name: str
    kind: PositionKind
    level: FunctionalLevel | None
    is_unit_head: bool
    unit: UnitRefOut
    reports_to: PositionRefOut | None
    holders: list[HolderOut]

    @staticmethod
    def resolve_level(obj) -> str | None:
        return obj.level or None

    @staticmethod
    def resolve_holders(obj) -> list:
        return obj.current_holders


class EmployeePostOut(Schema):
    """A post the employee holds today."""

    position: PositionRefOut
    unit: UnitRefOut
    kind: AssignmentKind
    start_date: datetime.date

    @staticmethod
    def resolve_unit(obj):
        return obj.position.unit


class EmployeeOut(Schema):
    """A civil servant's directory entry (pegawai), with the posts held today."""

    uuid: UUID
    nip: str
    name: str
    full_name: str
    employment_type: EmploymentType
    grade: str
    agency: AgencyRefOut
    posts: list[EmployeePostOut]

    @staticmethod
    def resolve_posts(obj) -> list:
        return obj.current_assignments


class HoldingOut(Schema):
    employee: EmployeeRefOut
    position: PositionRefOut
    kind: AssignmentKind


class EmployeeSuperiorsOut(Schema):
    """Who supervises and who assesses the employee on ``on`` (derived, never stored).

    ``external_assessor`` names the political head (Wali Kota, Bupati…) where the line
    ends above the top official; ``notes`` explain every empty answer.
    """

    on: datetime.date
    supervisor: HoldingOut | None
    assessor: HoldingOut | None
    assessor_superior: HoldingOut | None
    external_assessor: str
    external_assessor_superior: str
    overridden: bool
    notes: list[str]


class MeOut(Schema):
    username: str
    is_superuser: bool
    is_hr_admin: bool
    is_leader: bool
    employee: EmployeeOut | None
    superiors: EmployeeSuperiorsOut | None
