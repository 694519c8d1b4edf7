"""No N+1: a page of 30 rows costs the same queries as a page of 1."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.api.tests.conftest import API
from kinerja.org.tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    PositionFactory,
    UnitFactory,
)


def _grow(world, count: int) -> None:
    """``count`` more units under the section, each with a post and its holder."""
    for _ in range(count):
        unit = UnitFactory(agency=world.agency, parent=world.section)
        position = PositionFactory(unit=unit, reports_to=world.positions["kasi"])
        AssignmentFactory(employee=EmployeeFactory(agency=world.agency), position=position)


def _measure(client, path: str) -> tuple[int, int]:
    """(queries, items) for one request, after a first one that warmed the token."""
    client.get(f"{API}{path}")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{API}{path}")
    assert response.status_code == 200
    return len(queries), len(response.json()["items"])


@pytest.mark.parametrize("collection", ["employees", "units", "positions"])
def test_list_queries_do_not_grow_with_rows(bearer, world, collection):
    client = bearer("staff")
    path = f"/{collection}?limit=200"
    _grow(world, 1)
    few_queries, few_items = _measure(client, path)

    _grow(world, 29)
    many_queries, many_items = _measure(client, path)

    assert many_items == few_items + 29
    assert many_queries == few_queries


def test_employee_list_queries_do_not_grow_with_rows_in_a_unit_filter(bearer, world):
    client = bearer("staff")
    path = f"/employees?limit=200&unit={world.section.uuid}"
    _grow(world, 1)
    few_queries, few_items = _measure(client, path)

    _grow(world, 29)
    many_queries, many_items = _measure(client, path)

    assert many_items == few_items + 29
    assert many_queries == few_queries
