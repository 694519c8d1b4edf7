"""Synthetic agencies of ``manage.py load_demo --employees N`` and several demo agencies
in one database."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from kinerja.org.models import Agency, Employee, Unit


def build_nips(**options) -> list[str]:
    """The NIPs of a fresh build, in creation order; the build is rolled back after."""
    with transaction.atomic():
        call_command("load_demo", stdout=StringIO(), **options)
        nips = list(Employee.objects.order_by("pk").values_list("nip", flat=True))
        transaction.set_rollback(True)
    return nips


def test_synthetic_agency_is_deterministic_by_seed(db):
    first = build_nips(employees=2000, seed=1)
    second = build_nips(employees=2000, seed=1)
    other_seed = build_nips(employees=2000, seed=2)

    assert len(first) == 2000
    assert first == second
    assert first != other_seed


def test_synthetic_agency_has_exactly_the_requested_size(db):
    call_command("load_demo", employees=3000, seed=7, stdout=StringIO())

    agency = Agency.objects.get(code="sintetis-3000-7")
    assert agency.employees.count() == 3000
    assert Unit.objects.filter(agency=agency, code="DINKES").exists()
    assert agency.employees.filter(email__endswith=".example.org").count() == 3000


def test_synthetic_agency_too_small_is_refused(db):
    with pytest.raises(CommandError):
        call_command("load_demo", employees=10, stdout=StringIO())

    assert not Agency.objects.exists()
    assert not Employee.objects.exists()


def test_second_demo_agency_with_the_same_seed_gets_other_nips(db):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", agency_code="makassar-2", stdout=StringIO())

    assert Agency.objects.count() == 2
    assert Employee.objects.count() == 3000
    assert Employee.objects.values("nip").distinct().count() == 3000
