"""Write a ``Plan`` set-based: ids reserved up front, rows inserted in bulk.

The ORM's ``bulk_create`` prepares every value of every row through the field API,
which costs minutes at 100,000 employees; here each column's conversion is chosen once
and the rows go to COPY (PostgreSQL) or ``executemany`` (SQLite). Ids are reserved
before inserting (the sequence on PostgreSQL, the current maximum under SQLite's write
lock), so a unit's materialised path — its parent's path plus its own id — and every
foreign key are known in memory and nothing is updated afterwards. Foreign keys are
checked at commit (Django creates them deferrable), so the order of the inserts does
not matter.
"""

import itertools
import secrets
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db import connection, models
from django.utils import timezone

from kinerja.core.clock import now
from kinerja.org.demo.plan import Plan
from kinerja.org.models import Agency, Assignment, Employee, Position, Unit

BATCH_SIZE = 5000

# Defaults that must differ per row, and how to make one in the database's format.
FRESH_DEFAULTS: dict[Callable[[], Any], Callable[[], Any]] = {
    uuid.uuid4: lambda: uuid.uuid4().hex if connection.vendor == "sqlite" else uuid.uuid4(),
}


def plan_write(*, agency: Agency, plan: Plan) -> None:
    unit_ids = _write_units(agency, plan)
    position_ids = dict(
        zip(plan.positions, reserve_ids(Position, len(plan.positions)), strict=True)
    )
    insert_rows(
        Position,
        ("id", "agency_id", "unit_id", "code", "name", "kind", "level", "reports_to_id",
         "is_unit_head"),
        (
            (position_ids[row.code], agency.pk, unit_ids[row.unit], row.code, row.name,
             row.kind, row.level, position_ids[row.reports_to] if row.reports_to else None,
             row.is_unit_head)
            for row in plan.positions.values()
        ),
    )  # fmt: skip
    employee_ids = _write_people(agency, plan)
    insert_rows(
        Assignment,
        ("employee_id", "position_id", "kind", "start_date", "end_date", "decree_number"),
        (
            (employee_ids[row.person], position_ids[row.position], row.kind, row.start_date,
             row.end_date, row.decree_number)
            for row in plan.assignments
        ),
    )  # fmt: skip


def _write_units(agency: Agency, plan: Plan) -> dict[str, int]:
    ids = dict(zip(plan.units, reserve_ids(Unit, len(plan.units)), strict=True))
    paths: dict[str, str] = {}
    rows = []
    for row in plan.units.values():  # a parent is always planned before its children
        parent_path = paths[row.parent] if row.parent else "/"
        path = paths[row.code] = f"{parent_path}{ids[row.code]}/"
        parent_id = ids[row.parent] if row.parent else None
        rows.append(
            (ids[row.code], agency.pk, parent_id, row.name, row.code, row.kind, path,
             path.count("/") - 2, row.address)
        )  # fmt: skip
    insert_rows(
        Unit,
        ("id", "agency_id", "parent_id", "name", "code", "kind", "path", "depth", "address"),
        rows,
    )
    return ids


def _write_people(agency: Agency, plan: Plan) -> Sequence[int]:
    """Employees with their logins (username = NIP, no usable password, as
    ``employee_create`` makes them), in plan order."""
    User = get_user_model()
    user_ids = reserve_ids(User, len(plan.people))
    employee_ids = reserve_ids(Employee, len(plan.people))
    insert_rows(
        User,
        ("id", "username", "email", "password"),
        (
            (user_id, row.nip, row.email, UNUSABLE_PASSWORD_PREFIX + secrets.token_hex(20))
            for row, user_id in zip(plan.people, user_ids, strict=True)
        ),
    )
    insert_rows(
        Employee,
        ("id", "agency_id", "user_id", "nip", "name", "front_title", "back_title",
         "employment_type", "grade", "sex", "birth_date", "email", "phone"),
        (
            (employee_id, agency.pk, user_id, row.nip, row.name, row.front_title,
             row.back_title, row.employment_type, row.grade, row.sex, row.birth_date,
             row.email, row.phone)
            for row, user_id, employee_id in zip(plan.people, user_ids, employee_ids, strict=True)
        ),
    )  # fmt: skip
    return employee_ids


def reserve_ids(model: type[models.Model], count: int) -> Sequence[int]:
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


def insert_rows(
    model: type[models.Model], names: Sequence[str], rows: Iterable[tuple[Any, ...]]
) -> None:
    """Insert rows whose values are given for the columns ``names`` (attnames); every
    other column takes its default, ``auto_now`` columns the current time, the id (when
    not given) its next value.

    PostgreSQL gets one COPY per table (one round trip instead of one per row);
    SQLite, which has no network to cross, a prepared INSERT per batch.
    """
    meta = model._meta
    given = [meta.get_field(name) for name in names]
    others = [f for f in meta.concrete_fields if f.attname not in names and not f.primary_key]
    fresh = [f for f in others if f.has_default() and f.default in FRESH_DEFAULTS]
    constant = [f for f in others if f not in fresh]
    adapters = [(i, adapt) for i, f in enumerate(given) if (adapt := _adapter(f)) is not None]
    constants = tuple(_constant(f) for f in constant)
    makers = [FRESH_DEFAULTS[f.default] for f in fresh]

    def values(row: tuple[Any, ...]) -> tuple[Any, ...]:
        if adapters:
            cells = list(row)
            for i, adapt in adapters:
                if cells[i] is not None:
                    cells[i] = adapt(cells[i])
            row = tuple(cells)
        return (*row, *constants, *(make() for make in makers))

    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(quote(f.column) for f in [*given, *constant, *fresh])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(values(row))
            return
        placeholders = ", ".join(["%s"] * (len(given) + len(constant) + len(fresh)))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608 -- names from model meta
        iterator = iter(rows)
        while batch := [values(row) for row in itertools.islice(iterator, BATCH_SIZE)]:
            cursor.executemany(sql, batch)


def _constant(field: models.Field) -> Any:
    """The value every row gets in a column not given: ``auto_now`` columns and
    ``timezone.now`` defaults the time of the build, others their default."""
    automatic = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    if automatic or (field.has_default() and field.default is timezone.now):
        value = now()
    else:
        value = field.get_default()
    adapt = _adapter(field)
    return adapt(value) if adapt is not None and value is not None else value


def _adapter(field: models.Field) -> Callable[[Any], Any] | None:
    """The conversion a value needs on this database, or None. PostgreSQL takes
    Python's dates and UUIDs as they are; SQLite stores text."""
    if connection.vendor != "sqlite":
        return None
    if isinstance(field, models.UUIDField):
        return lambda value: value.hex
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    return None
