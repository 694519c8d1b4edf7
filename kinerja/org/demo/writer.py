"""Write a ``Plan`` set-based: ids reserved up front, rows inserted in batches.

The ORM's ``bulk_create`` prepares every value of every row through the field API,
which costs minutes at 100,000 employees; here each column's conversion is chosen once
and the rows go to ``executemany``. Ids are reserved before inserting (the sequence
on PostgreSQL, the current maximum under SQLite's write lock), so a unit's materialised
path — its parent's path plus its own id — and every foreign key are known in memory
and nothing is updated afterwards. Foreign keys are checked at commit (Django creates
them deferrable), so the order of the inserts does not matter.
"""

import secrets
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import connection, models

from kinerja.core.clock import now
from kinerja.org.demo.plan import Plan
from kinerja.org.models import Agency, Assignment, Employee, Position, Unit

BATCH_SIZE = 5000


def plan_write(*, agency: Agency, plan: Plan) -> None:
    unit_ids = _write_units(agency, plan)
    position_ids = dict(
        zip(plan.positions, _reserve_ids(Position, len(plan.positions)), strict=True)
    )
    _insert(
        Position,
        (
            {
                "id": position_ids[row.code],
                "agency_id": agency.pk,
                "unit_id": unit_ids[row.unit],
                "code": row.code,
                "name": row.name,
                "kind": row.kind,
                "level": row.level,
                "reports_to_id": position_ids[row.reports_to] if row.reports_to else None,
                "is_unit_head": row.is_unit_head,
            }
            for row in plan.positions.values()
        ),
    )
    employee_ids = _write_people(agency, plan)
    _insert(
        Assignment,
        (
            {
                "employee_id": employee_ids[row.person],
                "position_id": position_ids[row.position],
                "kind": row.kind,
                "start_date": row.start_date,
                "end_date": row.end_date,
                "decree_number": row.decree_number,
            }
            for row in plan.assignments
        ),
    )


def _write_units(agency: Agency, plan: Plan) -> dict[str, int]:
    ids = dict(zip(plan.units, _reserve_ids(Unit, len(plan.units)), strict=True))
    paths: dict[str, str] = {}
    rows = []
    for row in plan.units.values():  # a parent is always planned before its children
        parent_path = paths[row.parent] if row.parent else "/"
        paths[row.code] = f"{parent_path}{ids[row.code]}/"
        rows.append(
            {
                "id": ids[row.code],
                "agency_id": agency.pk,
                "parent_id": ids[row.parent] if row.parent else None,
                "name": row.name,
                "code": row.code,
                "kind": row.kind,
                "path": paths[row.code],
                "depth": paths[row.code].count("/") - 2,
                "address": row.address,
            }
        )
    _insert(Unit, rows)
    return ids


def _write_people(agency: Agency, plan: Plan) -> list[int]:
    """Employees with their logins (username = NIP, no usable password, as
    ``employee_create`` makes them), in plan order."""
    User = get_user_model()
    user_ids = _reserve_ids(User, len(plan.people))
    employee_ids = _reserve_ids(Employee, len(plan.people))
    _insert(
        User,
        (
            {
                "id": user_id,
                "username": row.nip,
                "email": row.email,
                "password": UNUSABLE_PASSWORD_PREFIX + secrets.token_hex(20),
            }
            for row, user_id in zip(plan.people, user_ids, strict=True)
        ),
    )
    _insert(
        Employee,
        (
            {
                "id": employee_id,
                "agency_id": agency.pk,
                "user_id": user_id,
                "nip": row.nip,
                "name": row.name,
                "front_title": row.front_title,
                "back_title": row.back_title,
                "employment_type": row.employment_type,
                "grade": row.grade,
                "sex": row.sex,
                "birth_date": row.birth_date,
                "email": row.email,
                "phone": row.phone,
            }
            for row, user_id, employee_id in zip(plan.people, user_ids, employee_ids, strict=True)
        ),
    )
    return list(employee_ids)


def _reserve_ids(model: type[models.Model], count: int) -> Sequence[int]:
    """``count`` primary keys nobody else will use."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: the build runs in one write transaction (BEGIN IMMEDIATE), so nobody
        # else inserts meanwhile; AUTOINCREMENT's high-water mark is respected too.
        quoted = connection.ops.quote_name(table)
        cursor.execute(
            f"SELECT MAX(COALESCE((SELECT MAX(id) FROM {quoted}), 0),"  # noqa: S608 -- table name from model meta
            " COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0))",
            [table],
        )
        first = cursor.fetchone()[0] + 1
        return range(first, first + count)


def _insert(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> None:
    """Insert rows given as ``{attname: python value}``; a missing column takes its
    default (``auto_now`` columns: the current time), and the id its next value."""
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return
    fields = [
        field
        for field in model._meta.concrete_fields
        if field.attname in first or not field.primary_key
    ]
    getters = [_getter(field, field.attname in first) for field in fields]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 -- names from model meta
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    batch = [tuple(get(first) for get in getters)]
    with connection.cursor() as cursor:
        for row in iterator:
            batch.append(tuple(get(row) for get in getters))
            if len(batch) == BATCH_SIZE:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def _getter(field: models.Field, given: bool) -> Callable[[dict[str, Any]], Any]:
    """How to get one column's database value from a row, decided once per column."""
    adapt = _adapter(field)
    if given:
        name = field.attname
        if adapt is None:
            return lambda row: row[name]
        return lambda row: None if row[name] is None else adapt(row[name])
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        constant = adapt(now()) if adapt else now()
        return lambda row: constant
    if field.has_default() and callable(field.default):
        default = field.default
        if adapt is None:
            return lambda row: default()
        return lambda row: adapt(default())
    value = field.get_default()
    constant = adapt(value) if adapt and value is not None else value
    return lambda row: constant


def _adapter(field: models.Field) -> Callable[[Any], Any] | None:
    if isinstance(field, models.UUIDField) and not connection.features.has_native_uuid_field:
        return lambda value: value.hex
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    return None
