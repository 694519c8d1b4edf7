"""Project-wide fixtures: fast test settings and the personas of the authorization
matrix, living in a small but realistic organisation (the "world")."""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model

from kinerja.access.models import RoleKind, ScopedRole
from kinerja.org.enums import AssignmentKind, FunctionalLevel, PositionKind, UnitKind
from kinerja.org.models import Agency, Employee, Position, Unit
from kinerja.org.tests.factories import (
    AgencyFactory,
    AssignmentFactory,
    EmployeeFactory,
    PositionFactory,
    UnitFactory,
)

PASSWORD = "kinerja-test-Pa55"  # noqa: S105 -- test personas only


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.PRERENDER_FINAL_DOCUMENTS = False  # no PDF per finalisation; tests turn it on
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.LANGUAGE_CODE = "id"


def login_user(employee: Employee | None = None, username: str | None = None):
    """A login with the shared test password, linked to ``employee`` when given."""
    User = get_user_model()
    user = User.objects.create_user(username=username or employee.nip, password=PASSWORD, email="")
    if employee is not None:
        employee.user = user
        employee.save(update_fields=["user"])
    return user


@dataclass
class World:
    """Two agencies. In agency A (Kota Contoh):

    Sekretariat Daerah: Sekda (JPT Pratama, top)
      Dinas Kesehatan: Kadis (JPT Pratama) → Sekda
        Bidang Pelayanan: Kabid (Administrator) → Kadis
          Seksi Rujukan: Kasi (Pengawas) → Kabid
            staff (Pelaksana) → Kasi; peer (Pelaksana) → Kasi
        Puskesmas: Kepala Puskesmas (Fungsional, unit head) → Kadis; nurse → Kepala
      BKPSDM: HR admin's own post (Pelaksana)
    Agency B (Kabupaten Lain): its own HR admin and an employee.
    """

    agency: Agency
    other_agency: Agency
    root: Unit
    health: Unit
    division: Unit
    section: Unit
    puskesmas: Unit
    bkpsdm: Unit
    sekda: Employee
    head_of_office: Employee
    division_head: Employee
    section_head: Employee
    staff: Employee
    peer: Employee
    puskesmas_head: Employee
    nurse: Employee
    hr: Employee
    other_employee: Employee
    positions: dict[str, Position]
    users: dict[str, object]


START = datetime.date(2024, 1, 1)


@pytest.fixture
def world(db) -> World:
    agency = AgencyFactory(
        name="Pemerintah Kota Contoh", code="kota-contoh", head_title="Wali Kota Contoh"
    )
    other = AgencyFactory(
        name="Pemerintah Kabupaten Lain", code="kab-lain", head_title="Bupati Lain"
    )
    root = UnitFactory(
        agency=agency, name="Sekretariat Daerah", code="SETDA", kind=UnitKind.SECRETARIAT
    )
    health = UnitFactory(agency=agency, parent=root, name="Dinas Kesehatan", code="DINKES")
    division = UnitFactory(
        agency=agency,
        parent=health,
        name="Bidang Pelayanan",
        code="DINKES-YAN",
        kind=UnitKind.DIVISION,
    )
    section = UnitFactory(
        agency=agency,
        parent=division,
        name="Seksi Rujukan",
        code="DINKES-YAN-RUJ",
        kind=UnitKind.SECTION,
    )
    puskesmas = UnitFactory(
        agency=agency,
        parent=health,
        name="Puskesmas Kassi-Kassi",
        code="PKM-KK",
        kind=UnitKind.HEALTH_CENTRE,
    )
    bkpsdm = UnitFactory(
        agency=agency, parent=root, name="BKPSDM", code="BKPSDM", kind=UnitKind.BOARD
    )
    other_root = UnitFactory(
        agency=other, name="Sekretariat Daerah Lain", code="SETDA", kind=UnitKind.SECRETARIAT
    )

    p = {}
    p["sekda"] = PositionFactory(
        unit=root,
        code="SEKDA",
        name="Sekretaris Daerah",
        kind=PositionKind.JPT_PRATAMA,
        is_unit_head=True,
    )
    p["kadis"] = PositionFactory(
        unit=health,
        code="KADIS",
        name="Kepala Dinas Kesehatan",
        kind=PositionKind.JPT_PRATAMA,
        is_unit_head=True,
        reports_to=p["sekda"],
    )
    p["kabid"] = PositionFactory(
        unit=division,
        code="KABID",
        name="Kepala Bidang Pelayanan",
        kind=PositionKind.ADMINISTRATOR,
        is_unit_head=True,
        reports_to=p["kadis"],
    )
    p["kasi"] = PositionFactory(
        unit=section,
        code="KASI",
        name="Kepala Seksi Rujukan",
        kind=PositionKind.PENGAWAS,
        is_unit_head=True,
        reports_to=p["kabid"],
    )
    p["staff"] = PositionFactory(
        unit=section,
        code="STAFF",
        name="Pengadministrasi Rujukan",
        kind=PositionKind.PELAKSANA,
        reports_to=p["kasi"],
    )
    p["peer"] = PositionFactory(
        unit=section,
        code="PEER",
        name="Pengolah Data Rujukan",
        kind=PositionKind.PELAKSANA,
        reports_to=p["kasi"],
    )
    p["kapus"] = PositionFactory(
        unit=puskesmas,
        code="KAPUS",
        name="Kepala Puskesmas Kassi-Kassi",
        kind=PositionKind.FUNGSIONAL,
        level=FunctionalLevel.AHLI_MUDA,
        is_unit_head=True,
        reports_to=p["kadis"],
    )
    p["nurse"] = PositionFactory(
        unit=puskesmas,
        code="PERAWAT",
        name="Perawat Ahli Pertama",
        kind=PositionKind.FUNGSIONAL,
        level=FunctionalLevel.AHLI_PERTAMA,
        reports_to=p["kapus"],
    )
    p["hr"] = PositionFactory(
        unit=bkpsdm,
        code="HR",
        name="Analis SDM Aparatur",
        kind=PositionKind.PELAKSANA,
        reports_to=p["sekda"],
    )
    p["other"] = PositionFactory(
        unit=other_root, code="OTHER", name="Staf Lain", kind=PositionKind.PELAKSANA
    )

    def person(name, key, agency=agency, grade="III/a"):
        employee = EmployeeFactory(agency=agency, name=name, grade=grade)
        AssignmentFactory(employee=employee, position=p[key], start_date=START)
        return employee

    w = World(
        agency=agency,
        other_agency=other,
        root=root,
        health=health,
        division=division,
        section=section,
        puskesmas=puskesmas,
        bkpsdm=bkpsdm,
        sekda=person("Andi Sekda", "sekda", grade="IV/c"),
        head_of_office=person("Budi Kadis", "kadis", grade="IV/b"),
        division_head=person("Citra Kabid", "kabid", grade="IV/a"),
        section_head=person("Dewi Kasi", "kasi", grade="III/d"),
        staff=person("Eka Staf", "staff"),
        peer=person("Fajar Rekan", "peer"),
        puskesmas_head=person("Gita Kapus", "kapus"),
        nurse=person("Hadi Perawat", "nurse"),
        hr=person("Indah Pengelola", "hr"),
        other_employee=person("Joko Lain", "other", agency=other),
        positions=p,
        users={},
    )
    for key in [
        "staff",
        "peer",
        "section_head",
        "division_head",
        "head_of_office",
        "sekda",
        "nurse",
        "puskesmas_head",
        "hr",
        "other_employee",
    ]:
        w.users[key] = login_user(getattr(w, key))
    ScopedRole.objects.create(user=w.users["hr"], role=RoleKind.HR_ADMIN, agency=agency)
    other_hr_employee = EmployeeFactory(agency=other, name="Kurnia HR Lain")
    AssignmentFactory(
        employee=other_hr_employee,
        position=PositionFactory(unit=other_root, code="OTHER-HR", name="Analis SDM Lain"),
        start_date=START,
    )
    w.users["other_hr"] = login_user(other_hr_employee)
    ScopedRole.objects.create(user=w.users["other_hr"], role=RoleKind.HR_ADMIN, agency=other)
    w.users["leader"] = login_user(username="pimpinan.dinkes")
    ScopedRole.objects.create(
        user=w.users["leader"], role=RoleKind.LEADER, agency=agency, unit=health
    )
    admin = login_user(username="superadmin")
    admin.is_superuser = admin.is_staff = True
    admin.save()
    w.users["superadmin"] = admin
    return w


@pytest.fixture
def acting(world):
    """Helper to give someone an acting (Plt) post."""

    def make(employee, position_key, start=START, end=None):
        return AssignmentFactory(
            employee=employee,
            position=world.positions[position_key],
            kind=AssignmentKind.PLT,
            start_date=start,
            end_date=end,
        )

    return make


@pytest.fixture
def persona_password() -> str:
    """The personas' shared password, for suites whose own conftest.py would shadow
    ``from conftest import PASSWORD`` (tests/journeys, tests/authz)."""
    return PASSWORD
