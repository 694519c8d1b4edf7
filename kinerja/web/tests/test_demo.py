"""The demo agency of ``manage.py load_demo`` and its logins.

The agency is built once for the module inside a transaction that is rolled back at the
end; each test runs in a savepoint within it, as usual.
"""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from kinerja.access.demo import DEMO_PASSWORD
from kinerja.access.models import RoleKind, ScopedRole
from kinerja.core.clock import today
from kinerja.org.demo import PERSONA_POSTS, PLT_POSTS, TRANSFER_FROM, TRANSFER_TO, transfer_date
from kinerja.org.enums import (
    GRADES_BY_TYPE,
    AssignmentKind,
    PositionKind,
    UnitKind,
)
from kinerja.org.models import Agency, Assignment, Employee, Position, Unit
from kinerja.org.selectors import active_on, superiors_of
from kinerja.regulation.nip import EmploymentType as NipType
from kinerja.regulation.nip import parse_nip

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        call_command("load_demo", stdout=StringIO())
        yield Agency.objects.get(code="makassar")
        transaction.set_rollback(True)


def holder(agency, code, on=None, kind=AssignmentKind.DEFINITIVE):
    return (
        Assignment.objects.get(
            active_on(on or today()), position__agency=agency, position__code=code, kind=kind
        )
    ).employee


def test_demo_agency_has_the_offices_of_the_articles(db, demo):
    top_level = set(Unit.objects.filter(agency=demo, parent=None).values_list("name", flat=True))

    assert demo.head_title == "Wali Kota Makassar"
    assert demo.city == "Makassar"
    assert top_level == {
        "Sekretariat Daerah",
        "Dinas Kesehatan",
        "Dinas Pendidikan",
        "Dinas Perhubungan",
        "Dinas Lingkungan Hidup",
        "Dinas Pariwisata",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    }
    health_centres = Unit.objects.filter(agency=demo, kind=UnitKind.HEALTH_CENTRE)
    schools = Unit.objects.filter(agency=demo, kind=UnitKind.SCHOOL)
    assert health_centres.count() == 10
    assert set(health_centres.values_list("parent__code", flat=True)) == {"DINKES"}
    assert schools.count() == 15
    assert schools.filter(name__startswith="SD ").count() == 9
    assert schools.filter(name__startswith="SMP Negeri").count() == 6


def test_demo_agency_has_1500_employees_with_valid_nips(db, demo):
    employees = list(Employee.objects.filter(agency=demo).select_related("user"))
    on = today()

    assert len(employees) == 1500
    for employee in employees:
        info = parse_nip(employee.nip, employment_type=NipType(employee.employment_type), today=on)
        assert (info.birth_date, info.sex) == (employee.birth_date, employee.sex)
        assert employee.grade in GRADES_BY_TYPE[employee.employment_type]
        assert employee.user.username == employee.nip
        assert employee.email.endswith("@makassarkota.example")
    assert len({e.uuid for e in employees}) == 1500
    assert all(e.created_at is not None for e in employees)
    types = Counter(e.employment_type for e in employees)
    assert 150 < types["PPPK"] < 600


def test_demo_unit_paths_are_parent_path_plus_own_id(db, demo):
    units = {unit.pk: unit for unit in Unit.objects.filter(agency=demo)}

    for unit in units.values():
        parent_path = units[unit.parent_id].path if unit.parent_id else "/"
        assert unit.path == f"{parent_path}{unit.pk}/"
        assert unit.depth == unit.path.count("/") - 2


def test_demo_every_employee_holds_exactly_one_definitive_post_today(db, demo):
    held = Counter(
        Assignment.objects.filter(
            active_on(today()), employee__agency=demo, kind=AssignmentKind.DEFINITIVE
        ).values_list("employee_id", flat=True)
    )

    assert len(held) == Employee.objects.filter(agency=demo).count()
    assert set(held.values()) == {1}


def test_demo_reporting_line_has_one_top_and_heads_that_may_assess(db, demo):
    positions = Position.objects.filter(agency=demo)

    top = positions.get(reports_to=None)
    assert (top.name, top.kind) == ("Sekretaris Daerah", PositionKind.JPT_PRATAMA)
    assert set(positions.filter(reports_to=top).values_list("kind", flat=True)) == {
        PositionKind.JPT_PRATAMA
    }
    health_centre_head = positions.get(code="DINKES-PKM01-KEPALA")
    assert health_centre_head.kind == PositionKind.FUNGSIONAL
    assert health_centre_head.is_unit_head
    assert health_centre_head.may_assess
    assert not positions.filter(kind=PositionKind.FUNGSIONAL, level="").exists()
    assert positions.filter(name__startswith="Guru Kelas Ahli").exists()
    assert not positions.exclude(reports_to=None).exclude(reports_to__agency=demo).exists()


def test_demo_vacant_posts_with_an_acting_official(db, demo):
    acting = Assignment.objects.filter(
        active_on(today()), position__agency=demo, kind=AssignmentKind.PLT
    )

    assert set(acting.values_list("position__code", flat=True)) == set(PLT_POSTS)
    assert not Assignment.objects.filter(
        position__code__in=PLT_POSTS, kind=AssignmentKind.DEFINITIVE
    ).exists()


@pytest.mark.parametrize(
    ("assessee_post", "acting_post"),
    [
        ("DINKES-YANKES-S2-KEPALA", "DINKES-YANKES-KEPALA"),  # a Kasi under a Plt Kabid
        ("DINKES-PKM02-002", "DINKES-PKM02-KEPALA"),  # puskesmas staff under a Plt head
        ("DISDIK-SD05-002", "DISDIK-SD05-KEPALA"),  # a teacher under a Plt school head
        ("DISPAR-PEMASARAN-KEPALA", "DISPAR-KEPALA"),  # a Kabid under a Plt Kepala Dinas
    ],
)
def test_demo_acting_official_is_the_assessor(db, demo, assessee_post, acting_post):
    on = today()
    assessee = holder(demo, assessee_post)
    acting = holder(demo, acting_post, kind=AssignmentKind.PLT)

    superiors = superiors_of(assessee, on)

    assert superiors.assessor.employee == acting
    assert superiors.assessor.kind == AssignmentKind.PLT
    assert superiors.assessor.position.code == acting_post


def test_demo_transfer_this_year_changes_the_supervisor(db, demo):
    moved_on = transfer_date(today())
    mover = holder(demo, f"{TRANSFER_TO}-001")
    before = superiors_of(mover, moved_on - datetime.timedelta(days=1))
    after = superiors_of(mover, moved_on)

    assert moved_on <= today()
    # Only in the first half of January does the transfer fall in the previous year.
    assert moved_on.year == today().year or today() < datetime.date(today().year, 1, 16)
    assignments = list(mover.assignments.order_by("start_date"))
    assert [(a.kind, a.end_date) for a in assignments] == [
        (AssignmentKind.DEFINITIVE, moved_on - datetime.timedelta(days=1)),
        (AssignmentKind.DEFINITIVE, None),
    ]
    assert assignments[0].position.unit.code == TRANSFER_FROM
    assert assignments[1].start_date == moved_on
    assert before.holding.position.unit.code == TRANSFER_FROM
    assert before.assessor.position.code == f"{TRANSFER_FROM}-KEPALA"
    assert after.holding.position.unit.code == TRANSFER_TO
    assert after.assessor.position.code == f"{TRANSFER_TO}-KEPALA"


def test_demo_personas_form_one_assessment_chain(db, demo):
    on = today()
    people = {persona: holder(demo, code) for persona, code in PERSONA_POSTS.items()}

    employee = superiors_of(people["employee"], on)
    teacher = superiors_of(people["teacher"], on)

    assert employee.assessor.employee == people["assessor"]
    assert employee.assessor_superior.employee == people["assessor_superior"]
    assert teacher.assessor.employee == people["school_head"]
    assert people["teacher"].employment_type == "PPPK"
    assert ScopedRole.objects.get(role=RoleKind.HR_ADMIN, agency=demo).user == (
        people["hr_admin"].user
    )
    leader_role = ScopedRole.objects.get(role=RoleKind.LEADER, agency=demo)
    assert (leader_role.user, leader_role.unit.code) == (people["leader"].user, "DINKES")


def test_load_demo_twice_does_not_duplicate(db, demo):
    counts = (Unit.objects.count(), Position.objects.count(), Employee.objects.count())
    out = StringIO()

    call_command("load_demo", stdout=out)

    assert "makassar" in out.getvalue()
    assert (Unit.objects.count(), Position.objects.count(), Employee.objects.count()) == counts
    assert Agency.objects.filter(code="makassar").count() == 1


def test_demo_logins_authenticate_with_the_printed_password(client, db, demo):
    out = StringIO()
    call_command("demo_logins", stdout=out)
    usernames = [holder(demo, code).nip for code in PERSONA_POSTS.values()] + ["admin"]

    for username in usernames:
        assert username in out.getvalue()
        response = client.post(
            reverse("accounts:login"), {"username": username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, username
        client.logout()
    assert out.getvalue().count(DEMO_PASSWORD) == len(usernames)
