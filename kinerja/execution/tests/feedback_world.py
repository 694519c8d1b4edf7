"""Fixtures of the feedback, coaching and attendance tests: the planning ``plan``
(kadis → kabid → kasi approved) with the staff's SKP approved too, and its first window.

Import into a test module: ``from kinerja.execution.tests.feedback_world import fw, plan``.
"""

from types import SimpleNamespace

import pytest

from kinerja.planning.tests.conftest import approved, complete_result, plan

__all__ = ["fw", "plan"]


@pytest.fixture
def fw(world, plan):
    result = complete_result(plan.staff, "Berkas rujukan lengkap", supports=plan.kasi_result)
    approved(plan.staff, approver=world.section_head)
    window = plan.period.windows.order_by("number").first()
    return SimpleNamespace(
        world=world, plan=plan, skp=plan.staff, result=result, window=window, period=plan.period
    )
