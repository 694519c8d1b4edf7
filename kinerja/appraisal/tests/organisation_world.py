"""Fixtures for the organisation result, distribution and calibration tests, on top of
the planning ``plan`` fixture.

In the world, the next-higher leader of the Seksi Rujukan is the division head (the
assessor of its head, the section head); of the Bidang, the head of office; the
Sekretariat Daerah's head is assessed by the political head, so only HR records for it.

Import into a test module: ``from kinerja.appraisal.tests.organisation_world import
calibration, plan  # noqa: F401``.
"""

import itertools
from types import SimpleNamespace

import pytest

from kinerja.appraisal.enums import EvaluationStatus
from kinerja.appraisal.models import Evaluation
from kinerja.org.enums import PositionKind
from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory, PositionFactory
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import Skp
from kinerja.planning.tests.conftest import plan  # noqa: F401 -- a fixture
from kinerja.regulation.predicate import employee_predicate

_codes = itertools.count(1)


def approved_skp(employee, position, period) -> Skp:
    """An approved SKP made directly: these tests are about ratings, not planning."""
    return Skp.objects.create(
        employee=employee,
        period=period,
        position=position,
        start_date=period.start_date,
        end_date=period.end_date,
        approach=period.approach,
        status=SkpStatus.APPROVED,
    )


def rate(skp, window, results: str, behaviour: str, *, final: bool = False) -> Evaluation:
    return Evaluation.objects.create(
        skp=skp,
        window=window,
        results_rating=results,
        behaviour_rating=behaviour,
        predicate=str(employee_predicate(results, behaviour)),
        status=EvaluationStatus.FINAL if final else EvaluationStatus.DRAFT,
    )


def add_rated(world, period, window, n: int, *, unit=None, reports_to=None, ratings=None):
    """``n`` more employees in the unit (default the section, reporting to its head), each
    with an approved SKP and an evaluation for ``window`` (``ratings`` cycles)."""
    unit = unit or world.section
    reports_to = reports_to or world.positions["kasi"]
    ratings = ratings or [("as_expected", "as_expected")]
    made = []
    for i in range(n):
        code = next(_codes)
        position = PositionFactory(
            unit=unit,
            code=f"CAL{code}",
            name=f"Analis {code}",
            kind=PositionKind.PELAKSANA,
            reports_to=reports_to,
        )
        employee = EmployeeFactory(agency=world.agency, name=f"Pegawai Kalibrasi {code:03d}")
        AssignmentFactory(employee=employee, position=position, start_date=period.start_date)
        skp = approved_skp(employee, position, period)
        results, behaviour = ratings[i % len(ratings)]
        made.append(rate(skp, window, results, behaviour))
    return made


@pytest.fixture
def calibration(world, plan):  # noqa: F811
    """Staff and peer with approved SKPs in the section, rated for the first window by
    the section head: staff Baik (as expected × as expected), peer Sangat Baik."""
    period = plan.period
    window = period.windows.order_by("number").first()
    staff_skp = Skp.objects.get(pk=plan.staff.pk)
    staff_skp.status = SkpStatus.APPROVED
    staff_skp.save(update_fields=["status"])
    peer_skp = approved_skp(world.peer, world.positions["peer"], period)
    staff = rate(staff_skp, window, "as_expected", "as_expected")
    peer = rate(peer_skp, window, "above", "above")
    return SimpleNamespace(
        period=period, window=window, staff=staff, peer=peer, plan=plan, world=world
    )
