"""Factories for the organisation. They call no services: tests that need the audited
path call the services themselves."""

import datetime
import itertools

import factory

from kinerja.org.enums import AssignmentKind, EmploymentType, PositionKind, UnitKind
from kinerja.org.models import Agency, Assignment, Employee, Position, Unit
from kinerja.regulation.nip import EmploymentType as NipType
from kinerja.regulation.nip import build_nip

_sequence = itertools.count(1)


def make_nip(employment_type: str = EmploymentType.PNS, sex: str = "M") -> str:
    """A valid, unique NIP (the sequence and birth day vary with a counter)."""
    n = next(_sequence)
    birth = datetime.date(1970, 1, 1) + datetime.timedelta(days=n % 9000)
    return build_nip(
        employment_type=NipType(employment_type),
        birth_date=birth,
        appointment_year=birth.year + 25,
        appointment_month=3,
        sex=sex,
        sequence=n % 999 + 1,
        pppk_field=1,
    )


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Pemerintah Kota Contoh {n}")
    code = factory.Sequence(lambda n: f"kota-{n}")
    head_title = "Wali Kota"


class UnitFactory(factory.django.DjangoModelFactory):
    """A unit with a correct materialised path, built from its parent's."""

    class Meta:
        model = Unit
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    parent = None
    name = factory.Sequence(lambda n: f"Unit {n}")
    code = factory.Sequence(lambda n: f"U{n}")
    kind = UnitKind.OFFICE

    @factory.post_generation
    def set_path(obj, create, extracted, **kwargs):
        obj.path = f"{obj.parent.path if obj.parent else '/'}{obj.pk}/"
        obj.depth = obj.parent.depth + 1 if obj.parent else 0
        obj.save(update_fields=["path", "depth"])


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    unit = factory.SubFactory(UnitFactory)
    agency = factory.SelfAttribute("unit.agency")
    code = factory.Sequence(lambda n: f"P{n}")
    name = factory.Sequence(lambda n: f"Jabatan {n}")
    kind = PositionKind.PELAKSANA
    level = ""
    reports_to = None
    is_unit_head = False


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    agency = factory.SubFactory(AgencyFactory)
    employment_type = EmploymentType.PNS
    nip = factory.LazyAttribute(lambda o: make_nip(o.employment_type))
    name = factory.Sequence(lambda n: f"Pegawai {n}")
    sex = "M"
    birth_date = datetime.date(1980, 1, 1)
    grade = "III/a"


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    employee = factory.SubFactory(EmployeeFactory)
    position = factory.SubFactory(PositionFactory)
    kind = AssignmentKind.DEFINITIVE
    start_date = datetime.date(2020, 1, 1)
    end_date = None
