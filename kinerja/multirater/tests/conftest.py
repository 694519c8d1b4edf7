"""A section with enough staff for peer groups: four more executors (pelaksana) beside
the world's staff and peer, all assessed by the section head (Dewi Kasi)."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from kinerja.multirater.services import answer_submit, round_close, round_open
from kinerja.org.enums import PositionKind
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning.tests.conftest import plan  # noqa: F401 -- the planned period
from kinerja.regulation.berakhlak import CORE_VALUE_CODES

START = datetime.date(2024, 1, 1)  # as the world's own posts (root conftest.py)


def login_user(employee):
    """A login for an employee (journeys import this module, so the root conftest's
    helper, shadowed there, is not used)."""
    user = get_user_model().objects.create_user(username=employee.nip, password=None)
    employee.user = user
    employee.save(update_fields=["user"])
    return user


EXTRA_NAMES = ["Kiki Pelaksana", "Lina Pelaksana", "Mira Pelaksana", "Nanda Pelaksana"]


def scores(value=4, **overrides):
    result = dict.fromkeys(CORE_VALUE_CODES, value)
    result.update(overrides)
    return result


@pytest.fixture
def team(world, plan):  # noqa: F811 -- the imported fixture
    extras = []
    for index, name in enumerate(EXTRA_NAMES):
        position = PositionFactory(
            unit=world.section,
            code=f"EXTRA{index}",
            name=f"Pengadministrasi {index}",
            kind=PositionKind.PELAKSANA,
            reports_to=world.positions["kasi"],
        )
        employee = EmployeeFactory(agency=world.agency, name=name)
        AssignmentFactory(employee=employee, position=position, start_date=START)
        login_user(employee)
        extras.append(employee)
    return SimpleNamespace(world=world, plan=plan, extras=extras, period=plan.period)


@pytest.fixture
def open_round(team, world):
    return round_open(root_unit=world.division, period=team.period, actor=world.users["hr"])


def assignment_of(round_, subject_employee, rater):
    from kinerja.multirater.models import RaterAssignment

    return RaterAssignment.objects.get(
        subject__round=round_, subject__employee=subject_employee, rater=rater
    )


def answer_as(round_, subject_employee, rater, value=4, comments=None):
    answer_submit(
        assignment=assignment_of(round_, subject_employee, rater),
        scores=scores(value),
        comments=comments or {},
        actor=rater.user,
    )


@pytest.fixture
def closed_round(open_round, team, world):
    """Staff (Eka) rated by the assessor, four peers (one silent) and herself; the
    section head (Dewi) rated by five subordinates but only two answer."""
    staff_peers = [
        a.rater
        for a in open_round.subjects.get(employee=world.staff).assignments.filter(relation="peer")
    ]
    answer_as(open_round, world.staff, world.section_head, 3, {"overall": "Teliti"})
    for index, rater in enumerate(staff_peers[:3]):
        answer_as(open_round, world.staff, rater, 3 + index % 3, {"overall": f"Rekan {index}"})
    answer_as(open_round, world.staff, world.staff, 5)
    for rater in [world.staff, world.peer]:
        answer_as(open_round, world.section_head, rater, 2, {"overall": "Bawahan bicara"})
    return round_close(round=open_round, actor=world.users["hr"])
