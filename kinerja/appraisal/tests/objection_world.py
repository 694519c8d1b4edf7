"""A finished year for the objection, credit point and year-end tests: approved SKPs for
the cascade (Kadis → Kabid → Kasi → staff, peer) and for the Puskesmas (Kapus → nurse),
and helpers to give annual evaluations their ratings and make them final.

Import the ``year`` fixture into a test module: ``from ...objection_world import year``.
"""

import datetime
from types import SimpleNamespace

import pytest

from kinerja.appraisal.enums import EvaluationStatus
from kinerja.appraisal.models import Evaluation
from kinerja.core.clock import now, today
from kinerja.planning.services import goal_create, period_create, skp_create
from kinerja.planning.tests.conftest import approved, complete_result
from kinerja.regulation.predicate import employee_predicate


@pytest.fixture
def year(world):
    """This year's period with approved SKPs for everyone in the Dinas Kesehatan."""
    period = period_create(
        agency=world.agency,
        year=today().year,
        planning_deadline=today() - datetime.timedelta(days=1),
    )
    goal = goal_create(period=period, unit=world.health, code="S1", title="Derajat kesehatan")

    def make(employee, supports=None, approver=None, goal=None, perspective=""):
        skp = skp_create(employee=employee, period=period, on=period.start_date)
        result = complete_result(
            skp, f"Hasil {employee.name}", supports=supports, goal=goal, perspective=perspective
        )
        approved(skp, approver=approver)
        return skp, result

    kadis, kadis_result = make(world.head_of_office, goal=goal, perspective="service_recipients")
    kabid, kabid_result = make(world.division_head, kadis_result, world.head_of_office)
    kasi, kasi_result = make(world.section_head, kabid_result, world.division_head)
    staff, _ = make(world.staff, kasi_result, world.section_head)
    peer, _ = make(world.peer, kasi_result, world.section_head)
    kapus, kapus_result = make(world.puskesmas_head, kadis_result, world.head_of_office)
    nurse, _ = make(world.nurse, kapus_result, world.puskesmas_head)
    return SimpleNamespace(
        period=period,
        kadis=kadis,
        kabid=kabid,
        kasi=kasi,
        staff=staff,
        peer=peer,
        kapus=kapus,
        nurse=nurse,
    )


def rated(skp, assessor, results="as_expected", behaviour="as_expected") -> Evaluation:
    """An annual evaluation with both ratings, not final yet."""
    return Evaluation.objects.create(
        skp=skp,
        window=None,
        results_rating=results,
        behaviour_rating=behaviour,
        predicate=employee_predicate(results, behaviour).value,
        assessor=assessor,
        rated_at=now(),
    )


def final(skp, assessor, results="as_expected", behaviour="as_expected", days_ago=0):
    """A FINAL annual evaluation, made final ``days_ago`` days ago."""
    evaluation = rated(skp, assessor, results, behaviour)
    evaluation.status = EvaluationStatus.FINAL
    evaluation.finalised_at = now() - datetime.timedelta(days=days_ago)
    evaluation.finalised_by = assessor
    evaluation.save()
    return evaluation
