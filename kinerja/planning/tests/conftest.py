import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from kinerja.core.clock import today
from kinerja.planning.enums import Aspect
from kinerja.planning.services import (
    expectation_set,
    goal_create,
    goal_indicator_add,
    indicator_add,
    link_to_goal,
    link_to_result,
    period_create,
    result_add,
    skp_approve,
    skp_create,
    skp_submit,
)
from kinerja.regulation.berakhlak import CORE_VALUE_CODES


def fill_expectations(skp):
    for code in CORE_VALUE_CODES:
        expectation_set(skp=skp, core_value=code, text=f"Harapan {code}")


def complete_result(skp, text, supports=None, goal=None, perspective=""):
    result = result_add(skp=skp, text=text, perspective=perspective)
    indicator_add(
        result=result,
        aspect=Aspect.QUANTITY,
        text=f"Jumlah {text}",
        target_value=Decimal(12),
        target_unit="dokumen",
    )
    if supports is not None:
        link_to_result(result=result, target=supports)
    if goal is not None:
        link_to_goal(result=result, goal=goal)
    return result


def approved(skp, approver=None):
    skp_submit(skp=skp)
    fill_expectations(skp)
    return skp_approve(skp=skp, approver=approver)


@pytest.fixture
def plan(world):
    """A period with an approved cascade: goal → Kadis → Kabid → Kasi; staff drafts."""
    year = today().year
    period = period_create(
        agency=world.agency, year=year, planning_deadline=today() - datetime.timedelta(days=1)
    )
    goal = goal_create(
        period=period, unit=world.health, code="S1", title="Meningkatnya derajat kesehatan"
    )
    goal_indicator_add(
        goal=goal, text="Angka kematian ibu", target_value=Decimal(80), target_unit="per 100.000"
    )
    kadis = skp_create(employee=world.head_of_office, period=period, on=period.start_date)
    kadis_result = complete_result(
        kadis, "Pelayanan kesehatan rujukan meningkat", goal=goal, perspective="service_recipients"
    )
    approved(kadis)
    kabid = skp_create(employee=world.division_head, period=period, on=period.start_date)
    kabid_result = complete_result(kabid, "Layanan rujukan tepat waktu", supports=kadis_result)
    approved(kabid, approver=world.head_of_office)
    kasi = skp_create(employee=world.section_head, period=period, on=period.start_date)
    kasi_result = complete_result(kasi, "Rujukan terverifikasi", supports=kabid_result)
    approved(kasi, approver=world.division_head)
    staff = skp_create(employee=world.staff, period=period, on=period.start_date)
    return SimpleNamespace(
        period=period,
        goal=goal,
        kadis=kadis,
        kabid=kabid,
        kasi=kasi,
        staff=staff,
        kasi_result=kasi_result,
        kabid_result=kabid_result,
        kadis_result=kadis_result,
    )
