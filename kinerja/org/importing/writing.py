"""Executing a plan, set-based: bulk inserts (COPY on PostgreSQL), bulk updates and one
path recomputation for the unit tree. Runs inside the caller's transaction."""

import os
import secrets
from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import connection

from kinerja.core.clock import now
from kinerja.org.importing.planning import CREATE, UPDATE, Plan
from kinerja.org.models import Agency, Assignment, Employee, Position, Unit

BATCH = 1000

Progress = Callable[[int], None]


def random_uuids(count: int) -> list[str]:
    """``count`` random (version 4) UUIDs as text, from one read of the system's random
    source; building ``uuid.UUID`` objects one by one costs more than the insert."""
    hexes = os.urandom(16 * count).hex()
    uuids = []
    for start in range(0, 32 * count, 32):
        h = hexes[start : start + 32]
        variant = "89ab"[int(h[16], 16) & 3]
        uuids.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}")
    return uuids


def insert_rows(model, columns: list[str], rows: list[tuple]) -> list[int]:
    """Insert ``rows`` (values for ``columns``, without the id) and return the new ids,
    in order. PostgreSQL gets COPY with ids drawn from the table's sequence beforehand,
    which is several times faster than INSERT; other databases get ``bulk_create``."""
    if not rows:
        return []
    if connection.vendor != "postgresql":
        objects = [model(**dict(zip(columns, row, strict=True))) for row in rows]
        model.objects.bulk_create(objects, batch_size=BATCH)
        return [obj.pk for obj in objects]
    table = model._meta.db_table
    quote = connection.ops.quote_name
    names = ", ".join(quote(model._meta.get_field(c).column) for c in ["id", *columns])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [table, len(rows)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
            for pk, row in zip(ids, rows, strict=True):
                copy.write_row((pk, *row))
    return ids


def write_plan(plan: Plan, agency: Agency, progress: Progress) -> None:
    stamp = now()
    unit_ids = _write_units(plan, agency, stamp)
    progress(55)
    position_ids = _write_positions(plan, agency, stamp, unit_ids)
    progress(60)
    user_ids = _write_logins(plan, stamp)
    progress(70)
    employee_ids = _write_employees(plan, agency, stamp, user_ids)
    progress(85)
    _write_assignments(plan, stamp, employee_ids, position_ids)


def _write_units(plan: Plan, agency: Agency, stamp) -> dict[str, int]:
    rows = plan.checked.units
    ids = {code: unit["id"] for code, unit in plan.state.units.items()}
    new = [u for u in rows if plan.units[u.code][0] == CREATE]
    columns = ["uuid", "created_at", "updated_at", "agency_id", "parent_id", "name", "code"]
    columns += ["kind", "path", "depth", "address"]
    values = [
        (
            key,
            stamp,
            stamp,
            agency.pk,
            None,
            u.name,
            u.code,
            u.kind,
            "",
            0,
            u.address or "",
        )
        for key, u in zip(random_uuids(len(new)), new, strict=True)
    ]
    ids.update(zip([u.code for u in new], insert_rows(Unit, columns, values), strict=True))
    changed = [
        Unit(
            pk=ids[u.code],
            parent_id=ids[u.parent_code] if u.parent_code else None,
            name=u.name,
            kind=u.kind,
            address=_keep(u.address, plan.state.units.get(u.code, {"address": ""}), "address"),
            updated_at=stamp,
        )
        for u in rows
        if plan.units[u.code][0] == UPDATE or (plan.units[u.code][0] == CREATE and u.parent_code)
    ]
    Unit.objects.bulk_update(
        changed, ["parent", "name", "kind", "address", "updated_at"], batch_size=BATCH
    )
    if new or any("KODE_UNOR_INDUK" in plan.units[u.code][1] for u in rows):
        _rebuild_paths(agency)
    return ids


def _rebuild_paths(agency: Agency) -> None:
    """Recompute the materialised paths of the agency's tree in memory (a few thousand
    units at most) and store only the ones that changed."""
    units = list(Unit.objects.filter(agency=agency).values_list("id", "parent_id", "path", "depth"))
    children: dict[int | None, list[int]] = {}
    for pk, parent_id, _path, _depth in units:
        children.setdefault(parent_id, []).append(pk)
    computed: dict[int, tuple[str, int]] = {}
    stack = [(pk, "/", 0) for pk in children.get(None, [])]
    while stack:
        pk, prefix, depth = stack.pop()
        path = f"{prefix}{pk}/"
        computed[pk] = (path, depth)
        stack.extend((child, path, depth + 1) for child in children.get(pk, []))
    changed = [
        Unit(pk=pk, path=computed[pk][0], depth=computed[pk][1])
        for pk, _parent, path, depth in units
        if computed[pk] != (path, depth)
    ]
    Unit.objects.bulk_update(changed, ["path", "depth"], batch_size=BATCH)


def _write_positions(plan: Plan, agency: Agency, stamp, unit_ids: dict[str, int]) -> dict[str, int]:
    rows = plan.checked.positions
    ids = {code: position["id"] for code, position in plan.state.positions.items()}
    new = [p for p in rows if plan.positions[p.code][0] == CREATE]
    columns = ["uuid", "created_at", "updated_at", "agency_id", "unit_id", "code", "name", "kind"]
    columns += ["level", "reports_to_id", "is_unit_head"]
    values = [
        (
            key,
            stamp,
            stamp,
            agency.pk,
            unit_ids[p.unit_code],
            p.code,
            p.name,
            p.kind,
            p.level,
            None,
            bool(p.is_unit_head),
        )
        for key, p in zip(random_uuids(len(new)), new, strict=True)
    ]
    ids.update(zip([p.code for p in new], insert_rows(Position, columns, values), strict=True))
    changed = []
    for p in rows:
        action = plan.positions[p.code][0]
        if action == UPDATE or (action == CREATE and p.reports_to_code):
            head = p.is_unit_head
            if head is None:
                head = plan.state.positions[p.code]["is_unit_head"]
            changed.append(
                Position(
                    pk=ids[p.code],
                    unit_id=unit_ids[p.unit_code],
                    name=p.name,
                    kind=p.kind,
                    level=p.level,
                    reports_to_id=ids[p.reports_to_code] if p.reports_to_code else None,
                    is_unit_head=head,
                    updated_at=stamp,
                )
            )
    fields = ["unit", "name", "kind", "level", "reports_to", "is_unit_head", "updated_at"]
    Position.objects.bulk_update(changed, fields, batch_size=BATCH)
    return ids


def _write_logins(plan: Plan, stamp) -> dict[str, int]:
    """Logins whose username is the NIP, without a usable password (as ``_login_for``
    makes them); the random suffix keeps every unusable password distinct."""
    emails = {p.nip: p.email or "" for p in plan.checked.people}
    columns = ["password", "last_login", "is_superuser", "username", "first_name", "last_name"]
    columns += ["email", "is_staff", "is_active", "date_joined", "uuid"]
    values = [
        (
            UNUSABLE_PASSWORD_PREFIX + secrets.token_urlsafe(30),
            None,
            False,
            nip,
            "",
            "",
            emails[nip],
            False,
            True,
            stamp,
            key,
        )
        for key, nip in zip(
            random_uuids(len(plan.logins_to_create)), plan.logins_to_create, strict=True
        )
    ]
    created = insert_rows(get_user_model(), columns, values)
    return dict(plan.logins_to_link) | dict(zip(plan.logins_to_create, created, strict=True))


def _write_employees(plan: Plan, agency: Agency, stamp, user_ids: dict[str, int]) -> dict[str, int]:
    people = plan.checked.people
    stored = plan.state.employees
    ids = {nip: employee["id"] for nip, employee in stored.items()}
    new = [p for p in people if plan.people[p.nip][0] == CREATE]
    columns = ["uuid", "created_at", "updated_at", "agency_id", "user_id", "nip", "name"]
    columns += ["front_title", "back_title", "employment_type", "grade", "sex", "birth_date"]
    columns += ["email", "phone", "is_active"]
    values = [
        (
            key,
            stamp,
            stamp,
            agency.pk,
            user_ids[p.nip],
            p.nip,
            p.name,
            p.front_title or "",
            p.back_title or "",
            p.employment_type,
            p.grade or "",
            p.sex,
            p.birth_date,
            p.email or "",
            p.phone or "",
            True,
        )
        for key, p in zip(random_uuids(len(new)), new, strict=True)
    ]
    ids.update(zip([p.nip for p in new], insert_rows(Employee, columns, values), strict=True))
    changed = []
    for p in people:
        if plan.people[p.nip][0] == CREATE:
            continue
        old = stored[p.nip]
        if plan.people[p.nip][0] == UPDATE or p.nip in user_ids:
            changed.append(
                Employee(
                    pk=old["id"],
                    user_id=user_ids.get(p.nip, old["user_id"]),
                    name=p.name,
                    front_title=_keep(p.front_title, old, "front_title"),
                    back_title=_keep(p.back_title, old, "back_title"),
                    employment_type=p.employment_type,
                    grade=_keep(p.grade, old, "grade"),
                    email=_keep(p.email, old, "email"),
                    phone=_keep(p.phone, old, "phone"),
                    updated_at=stamp,
                )
            )
    fields = ["user", "name", "front_title", "back_title", "employment_type", "grade", "email"]
    Employee.objects.bulk_update(changed, [*fields, "phone", "updated_at"], batch_size=BATCH)
    return ids


def _keep(value: str | None, stored: dict, name: str) -> str:
    """The file's value, or the stored one when the file has no such column."""
    return stored[name] if value is None else value


def _write_assignments(plan: Plan, stamp, employee_ids, position_ids) -> None:
    ended = [Assignment(pk=pk, end_date=end, updated_at=stamp) for pk, end in plan.endings.items()]
    Assignment.objects.bulk_update(ended, ["end_date", "updated_at"], batch_size=BATCH)
    columns = ["uuid", "created_at", "updated_at", "employee_id", "position_id", "kind"]
    columns += ["start_date", "end_date", "decree_number"]
    values = [
        (
            key,
            stamp,
            stamp,
            employee_ids[p.nip],
            position_ids[p.position_code],
            p.kind,
            p.start_date,
            None,
            "",
        )
        for key, p in zip(random_uuids(len(plan.new_postings)), plan.new_postings, strict=True)
    ]
    insert_rows(Assignment, columns, values)
