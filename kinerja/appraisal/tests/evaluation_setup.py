"""Fixtures for the evaluation tests, on top of the planning ``plan`` fixture: the staff
and the peer with approved SKPs assessed by the section head, and reports per window.

Import the fixtures into a test module: ``from kinerja.appraisal.tests.evaluation_setup
import plan, team  # noqa: F401``.
"""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from kinerja.core.clock import now
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import PeriodReport, Realisation
from kinerja.planning.enums import Aspect
from kinerja.planning.services import indicator_add, link_to_result, result_add
from kinerja.planning.tests.conftest import approved, plan  # noqa: F401 -- a fixture


def fill(skp, *, supports, indicators: int = 1, aspect: str = Aspect.QUANTITY):
    """Give a draft SKP one result with ``indicators`` indicators (target 12 each)."""
    result = result_add(skp=skp, text=f"Hasil kerja {skp.employee.name}")
    for number in range(indicators):
        indicator_add(
            result=result,
            aspect=aspect,
            text=f"Jumlah dokumen {number + 1}",
            target_value=Decimal(12),
            target_unit="dokumen",
        )
    link_to_result(result=result, target=supports)
    return result


def report(skp, window, values, *, submitted: bool = True) -> PeriodReport:
    """A report for the window with one realisation per indicator (value or None)."""
    made = PeriodReport.objects.create(
        skp=skp,
        window=window,
        status=ReportStatus.SUBMITTED if submitted else ReportStatus.DRAFT,
        submitted_at=now() if submitted else None,
    )
    for indicator, value in values.items():
        Realisation.objects.create(
            report=made,
            indicator=indicator,
            value=None if value is None else Decimal(value),
            narrative="Sudah dikerjakan",
        )
    return made


def indicators_of(skp):
    from kinerja.planning.models import Indicator

    return list(Indicator.objects.filter(result__skp=skp).order_by("result__order", "order", "pk"))


def approved_for(plan, employee, *, approver, indicators: int = 1):  # noqa: F811
    from kinerja.planning.services import skp_create

    skp = skp_create(employee=employee, period=plan.period, on=plan.period.start_date)
    fill(skp, supports=plan.kasi_result, indicators=indicators)
    return approved(skp, approver=approver)


@pytest.fixture
def team(plan, world):  # noqa: F811
    """Staff and peer with approved SKPs (one indicator, target 12 dokumen) assessed by
    the section head; the windows of the period."""
    fill(plan.staff, supports=plan.kasi_result)
    staff = approved(plan.staff, approver=world.section_head)
    peer = approved_for(plan, world.peer, approver=world.section_head)
    windows = list(plan.period.windows.order_by("number"))
    return SimpleNamespace(
        plan=plan,
        staff=staff,
        peer=peer,
        windows=windows,
        q1=windows[0],
        assessor=world.users["section_head"],
    )
