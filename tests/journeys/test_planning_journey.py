"""Planning journey: an employee drafts and submits an SKP on a phone; the assessor
writes the leader's expectations and approves it on a desktop; the PDF downloads."""

import pytest

from kinerja.core.clock import today
from kinerja.planning.services import goal_create, period_create, skp_create
from kinerja.planning.tests.conftest import approved, complete_result

pytestmark = pytest.mark.browser


def _approved_chain(world):
    """Goal → Kadis → Kabid → Kasi, each SKP approved, as the cascade requires."""
    period = period_create(agency=world.agency, year=today().year)
    goal = goal_create(period=period, unit=world.health, code="S1", title="Derajat kesehatan")
    kadis = skp_create(employee=world.head_of_office, period=period, on=period.start_date)
    kadis_result = complete_result(
        kadis, "Rujukan meningkat", goal=goal, perspective="service_recipients"
    )
    approved(kadis)
    kabid = skp_create(employee=world.division_head, period=period, on=period.start_date)
    kabid_result = complete_result(kabid, "Rujukan tepat waktu", supports=kadis_result)
    approved(kabid, approver=world.head_of_office)
    kasi = skp_create(employee=world.section_head, period=period, on=period.start_date)
    complete_result(kasi, "Rujukan terverifikasi", supports=kabid_result)
    approved(kasi, approver=world.division_head)


def test_skp_drafted_on_phone_and_approved_on_desktop(phone, desktop, world):
    _approved_chain(world)

    phone.login_as("staff")
    phone.nav("My SKP")
    phone.submit("Start my SKP")
    phone.swap("Add a result", role="link")
    phone.page.locator("#slot-results [name=text]").fill("Surat rujukan terverifikasi tepat waktu")
    phone.swap("Save")
    phone.swap("Link", role="link")
    phone.page.locator("[name=target]").select_option(label="Rujukan terverifikasi")
    phone.swap("Save")
    phone.swap("Add an indicator", role="link")
    phone.page.locator("form [name=aspect]").select_option("quantity")
    phone.page.locator("form [name=indicator_text]").fill("Jumlah surat rujukan")
    phone.page.locator("form [name=target_value]").fill("120")
    phone.page.locator("form [name=target_unit]").fill("surat")
    phone.swap("Save")
    phone.submit("Submit for approval")
    phone.see("Submitted")

    desktop.login_as("section_head")
    desktop.nav("Team SKP")
    review = f"{desktop.t('Review')} — {world.staff.full_name}"
    desktop.click(desktop.page.get_by_role("link", name=review), step="review the SKP")
    desktop.swap("Write the leader's expectations", role="link")
    for field in desktop.page.locator("#slot-behaviour textarea").all():
        field.fill("Melayani dengan ramah dan tepat waktu")
    desktop.swap("Save")
    desktop.submit("Approve")
    desktop.see("Approved (ditetapkan)")

    with desktop.page.expect_download() as download:
        desktop.page.get_by_role("link", name=desktop.t("Download PDF")).click()
    assert download.value.suggested_filename.startswith(f"SKP_{world.staff.nip}_")
