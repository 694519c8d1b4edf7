"""Who supervises and assesses whom, on a date: the edge cases of domain.md §1.5."""

import datetime

import pytest

from kinerja.org.enums import AssignmentKind, FunctionalLevel, PositionKind, UnitKind
from kinerja.org.models import SupervisionOverride
from kinerja.org.selectors import assessees_of, superiors_of
from kinerja.org.services import assignment_start
from kinerja.org.tests.factories import (
    AssignmentFactory,
    EmployeeFactory,
    PositionFactory,
    UnitFactory,
)

ON = datetime.date(2026, 6, 15)


def names(s):
    who = lambda h: h.employee.name if h else None  # noqa: E731
    return who(s.supervisor), who(s.assessor), who(s.assessor_superior)


def test_superiors_of_staff_follow_the_reporting_line(world):
    result = superiors_of(world.staff, ON)

    assert names(result) == ("Dewi Kasi", "Dewi Kasi", "Citra Kabid")
    assert result.holding.position == world.positions["staff"]
    assert not result.overridden


def test_superiors_of_vacant_supervisor_post_goes_up_the_tree(world):
    world.section_head.assignments.update(end_date=ON - datetime.timedelta(days=1))

    result = superiors_of(world.staff, ON)

    assert names(result) == ("Citra Kabid", "Citra Kabid", "Budi Kadis")


def test_superiors_of_acting_official_assesses_in_the_vacant_post(world, acting):
    world.section_head.assignments.update(end_date=ON - datetime.timedelta(days=1))
    acting(world.peer, "kasi", start=ON - datetime.timedelta(days=10))

    staff = superiors_of(world.staff, ON)
    peer = superiors_of(world.peer, ON)

    assert names(staff) == ("Fajar Rekan", "Fajar Rekan", "Citra Kabid")
    assert staff.assessor.kind == AssignmentKind.PLT
    # The Plt is assessed in their own definitive post, and never by themselves.
    assert names(peer) == ("Citra Kabid", "Citra Kabid", "Budi Kadis")


def test_superiors_of_definitive_holder_wins_over_plt(world, acting):
    acting(world.division_head, "kasi")

    assert names(superiors_of(world.staff, ON))[1] == "Dewi Kasi"


def test_superiors_of_transfer_in_the_middle_of_a_month(world):
    new_unit = UnitFactory(agency=world.agency, parent=world.health, name="Bidang P2P", code="P2P")
    new_head = EmployeeFactory(agency=world.agency, name="Lina Kabid P2P")
    head_post = PositionFactory(
        unit=new_unit,
        kind=PositionKind.ADMINISTRATOR,
        is_unit_head=True,
        reports_to=world.positions["kadis"],
    )
    AssignmentFactory(employee=new_head, position=head_post, start_date=datetime.date(2024, 1, 1))
    new_post = PositionFactory(unit=new_unit, kind=PositionKind.PELAKSANA, reports_to=head_post)

    assignment_start(employee=world.staff, position=new_post, start_date=datetime.date(2026, 3, 16))

    assert names(superiors_of(world.staff, datetime.date(2026, 3, 15)))[1] == "Dewi Kasi"
    assert names(superiors_of(world.staff, datetime.date(2026, 3, 16)))[1] == "Lina Kabid P2P"
    old = world.staff.assignments.get(position=world.positions["staff"])
    assert old.end_date == datetime.date(2026, 3, 15)


def test_superiors_of_head_of_agency_is_assessed_by_the_political_head(world):
    result = superiors_of(world.sekda, ON)

    assert names(result) == (None, None, None)
    assert result.external_assessor == "Wali Kota Contoh"


def test_superiors_of_head_of_office_answers_to_sekda_then_regional_head(world):
    result = superiors_of(world.head_of_office, ON)

    assert names(result) == ("Andi Sekda", "Andi Sekda", None)
    assert result.external_assessor_superior == "Wali Kota Contoh"


def test_superiors_of_school_head_assesses_teachers(world):
    education = UnitFactory(
        agency=world.agency, parent=world.root, name="Dinas Pendidikan", code="DISDIK"
    )
    school = UnitFactory(
        agency=world.agency, parent=education, name="SD Negeri 1", code="SDN1", kind=UnitKind.SCHOOL
    )
    kadis = PositionFactory(
        unit=education,
        kind=PositionKind.JPT_PRATAMA,
        is_unit_head=True,
        reports_to=world.positions["sekda"],
    )
    head = PositionFactory(
        unit=school,
        kind=PositionKind.FUNGSIONAL,
        level=FunctionalLevel.AHLI_MADYA,
        is_unit_head=True,
        reports_to=kadis,
    )
    teacher = PositionFactory(
        unit=school,
        kind=PositionKind.FUNGSIONAL,
        level=FunctionalLevel.AHLI_PERTAMA,
        reports_to=head,
    )
    for name, post in [("Kadis Pendidikan", kadis), ("Kepala SD", head), ("Guru Kelas", teacher)]:
        AssignmentFactory(employee=EmployeeFactory(agency=world.agency, name=name), position=post)
    guru = teacher.assignments.get().employee

    assert names(superiors_of(guru, ON)) == ("Kepala SD", "Kepala SD", "Kadis Pendidikan")


def test_superiors_of_team_leader_supervises_but_does_not_assess(world):
    lead_post = PositionFactory(
        unit=world.section,
        kind=PositionKind.FUNGSIONAL,
        level=FunctionalLevel.AHLI_MUDA,
        reports_to=world.positions["kasi"],
    )
    member_post = PositionFactory(
        unit=world.section, kind=PositionKind.PELAKSANA, reports_to=lead_post
    )
    AssignmentFactory(
        employee=EmployeeFactory(agency=world.agency, name="Ketua Tim"), position=lead_post
    )
    member = AssignmentFactory(
        employee=EmployeeFactory(agency=world.agency, name="Anggota Tim"), position=member_post
    ).employee

    assert names(superiors_of(member, ON)) == ("Ketua Tim", "Dewi Kasi", "Citra Kabid")
    assert member.pk in assessees_of(world.section_head, ON)


def test_superiors_of_override_replaces_the_assessor(world):
    SupervisionOverride.objects.create(
        employee=world.staff,
        assessor=world.division_head,
        assessor_superior=world.head_of_office,
        start_date=datetime.date(2026, 1, 1),
        reason="Delegasi penilaian",
    )

    result = superiors_of(world.staff, ON)

    assert names(result) == ("Dewi Kasi", "Citra Kabid", "Budi Kadis")
    assert result.overridden
    assert world.staff.pk in assessees_of(world.division_head, ON)
    assert world.staff.pk not in assessees_of(world.section_head, ON)


def test_superiors_of_override_outside_its_dates_is_ignored(world):
    SupervisionOverride.objects.create(
        employee=world.staff,
        assessor=world.division_head,
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 12, 31),
        reason="Tahun lalu",
    )

    assert names(superiors_of(world.staff, ON))[1] == "Dewi Kasi"


def test_superiors_of_employee_without_post(world):
    world.staff.assignments.update(end_date=datetime.date(2025, 12, 31))

    result = superiors_of(world.staff, ON)

    assert result.holding is None
    assert names(result) == (None, None, None)
    assert result.notes


@pytest.mark.parametrize(
    ("assessor", "expected"),
    [
        ("section_head", {"staff", "peer"}),
        ("division_head", {"section_head"}),
        ("head_of_office", {"division_head", "puskesmas_head"}),
        ("puskesmas_head", {"nurse"}),
        ("sekda", {"head_of_office", "hr"}),
        ("staff", set()),
    ],
)
def test_assessees_of_matches_superiors_of(world, assessor, expected):
    found = assessees_of(getattr(world, assessor), ON)

    assert found == {getattr(world, key).pk for key in expected}
    for key in expected:
        assert superiors_of(getattr(world, key), ON).assessor.employee == getattr(world, assessor)


def test_assessees_of_reaches_below_a_vacant_post(world):
    world.section_head.assignments.update(end_date=ON - datetime.timedelta(days=1))

    assert assessees_of(world.division_head, ON) == {world.staff.pk, world.peer.pk}
