# ruff: noqa: F811 -- pytest fixtures imported from organisation_world
"""Calibration journey on a phone: the division head records the section's predicate
for the quarter; the section head opens calibration, sees the distribution warning,
revises a rating with a reason, and the warning updates. Every page is checked with
axe-core, also after each htmx swap."""

import pytest

from kinerja.appraisal.models import OrganisationResult
from kinerja.appraisal.tests.organisation_world import calibration, plan  # noqa: F401
from kinerja.core.models import ActivityLog

pytestmark = pytest.mark.browser


def test_leader_records_and_assessor_calibrates_on_phone(phone, world, calibration):
    c = calibration
    phone.login_as("division_head")
    phone.nav("Unit results")
    phone.visit(f"/penilaian/organisasi/?window={c.window.uuid}")
    record = f"{phone.t('Record the result')} {world.section.name}"
    phone.swap(phone.page.get_by_role("link", name=record), step="open the section's form")
    phone.page.get_by_label(phone.t("Organisation predicate")).select_option("baik")
    phone.page.get_by_label(phone.t("Basis")).fill("Rencana aksi triwulan tercapai")
    phone.swap("Save", step="save the section's result")
    row = phone.page.locator(f"#org-{world.section.uuid}")
    assert row.get_attribute("data-predicate") == "baik"
    assert OrganisationResult.objects.get(unit=world.section, window=c.window).predicate == "baik"
    phone.logout()

    phone.login_as("section_head")
    phone.nav("Calibration")
    group = phone.page.locator(f"#group-{world.section.uuid}")
    assert group.locator(".distribution-rule[data-ok=false]").count() == 2
    phone.click(group.locator(".distribution-warning summary"), step="why this warning")
    peer = phone.page.locator(f"#eval-{c.peer.uuid}")
    phone.click(peer.locator("summary"), step="open the peer's revision")
    peer.get_by_label(phone.t("Results rating")).select_option("below")
    peer.get_by_label(phone.t("Reason for the revision")).fill("Kalibrasi dengan capaian unit")
    phone.swap(peer.get_by_role("button", name=phone.t("Save the revision")), step="revise")
    peer = phone.page.locator(f"#eval-{c.peer.uuid}")
    assert peer.get_attribute("data-predicate") == "butuh_perbaikan"
    group = phone.page.locator(f"#group-{world.section.uuid}")
    assert group.locator(".distribution-rule[data-ok=false]").count() == 1
    assert ActivityLog.objects.get(action="appraisal.evaluation_rate").reason == (
        "Kalibrasi dengan capaian unit"
    )


def test_hr_sets_the_rounding_and_reads_a_unit(desktop, world, calibration):
    desktop.login_as("hr")
    desktop.nav("Assessment policy")
    desktop.page.locator("input[name=rounding][value=strict]").check()
    desktop.submit("Save")
    desktop.see("The assessment policy has been saved.")
    desktop.nav("Calibration")
    desktop.page.locator("#cal-unit").select_option(str(world.section.uuid))
    desktop.submit("Show")
    group = desktop.page.locator(f"#group-{world.section.uuid}")
    assert group.locator("tbody tr[data-predicate]").count() == 2
    desktop.click(desktop.page.locator("main > details > summary").first, step="the guide")
    desktop.see("Strict (maxima down, minima up)")
