# ruff: noqa: F811 -- pytest fixtures imported from evaluation_setup
"""Evaluation journey: the assessor opens the queue on a phone, reads the recommendation,
departs from it with a justification, sees the predicate and finalises; the employee
then reads the final result with its "why" panels. Every page is checked with axe-core."""

import pytest

from kinerja.appraisal.selectors_evaluation import default_window
from kinerja.appraisal.tests.evaluation_setup import (  # noqa: F401 -- fixtures
    indicators_of,
    plan,
    report,
    team,
)

pytestmark = pytest.mark.browser


def test_assessor_rates_on_phone_and_employee_reads_result(phone, desktop, world, team):
    window = default_window(team.plan.period)
    (indicator,) = indicators_of(team.staff)
    report(team.staff, window, {indicator: 12})

    phone.login_as("section_head")
    phone.nav("Evaluations")
    phone.click(phone.page.get_by_test_id("filter-waiting"), step="only those waiting")
    evaluate = f"{phone.t('Evaluate')} — {world.staff.full_name}"
    phone.click(phone.page.get_by_role("link", name=evaluate), step="open the evaluation")
    phone.click(phone.page.get_by_test_id("recommendation-why").locator("summary"), step="why")
    phone.swap(phone.page.locator("input[name=results_rating][value=below]"), step="choose below")
    phone.see("Your results rating departs from the recommendation: a justification is required.")
    phone.page.locator("input[name=behaviour_rating][value=as_expected]").check()
    phone.submit("Save ratings")
    # Refused without a justification; nothing typed is lost.
    phone.page.get_by_test_id("justification-error").wait_for()
    phone.page.locator("textarea[name=justification]").fill("Bukti dukung belum lengkap")
    phone.submit("Save ratings")
    phone.see("The ratings are saved; the predicate is shown below.")
    predicate = phone.page.get_by_test_id("predicate-panel").get_by_test_id("predicate")
    assert predicate.get_attribute("data-predicate") == "butuh_perbaikan"
    assert phone.page.get_by_test_id("matrix-hit").count() == 1
    phone.submit("Make final and deliver to the employee")
    phone.see("The evaluation is final; the employee has been notified.")

    desktop.login_as("staff")
    desktop.nav("My results")
    desktop.click(desktop.page.get_by_test_id("my-evaluation").get_by_role("link"), step="open")
    desktop.click(desktop.page.get_by_test_id("predicate-why").locator("summary"), step="why")
    assert desktop.page.get_by_test_id("matrix-hit").count() == 1
    desktop.see("Bukti dukung belum lengkap")
