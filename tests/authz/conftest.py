"""The matrix's world: the personas of conftest.py, each with a private record (email,
phone) so that a page leaking it to someone who may only see the directory is caught."""

import dataclasses

import pytest

from kinerja.org.models import Employee


@pytest.fixture
def matrix_world(world):
    for employee in Employee.objects.all():
        employee.email = f"rahasia.{employee.nip}@mail.example"
        employee.phone = f"+62 812 {employee.pk:04d} 7788"
        employee.save(update_fields=["email", "phone"])
    for field in dataclasses.fields(world):
        value = getattr(world, field.name)
        if isinstance(value, Employee):
            value.refresh_from_db()
    return world
