"""Foundation journey: an HR admin on a desktop browses the organisation."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_hr_admin_browses_tree_and_finds_employee_by_nip(desktop, world):
    desktop.login_as("hr")
    desktop.nav("Organisation")
    desktop.see(world.agency.name)
    desktop.see(world.root.name)

    show_units = desktop.t("Show units under %(name)s", name=world.root.name)
    desktop.swap(desktop.page.get_by_role("button", name=show_units))
    desktop.click(world.health.name)
    expect(desktop.page.get_by_role("heading", level=1)).to_have_text(world.health.name)
    desktop.see(world.division.name)

    desktop.fill("Search by name or NIP", world.nurse.nip)
    desktop.submit("Search")
    found = desktop.page.get_by_role("region", name=desktop.t("Employees")).get_by_role("row")
    expect(found).to_have_count(2)  # the header and the nurse

    desktop.click(world.nurse.full_name)

    expect(desktop.page.get_by_role("heading", level=1)).to_have_text(world.nurse.full_name)
    desktop.see(world.nurse.nip)
    desktop.see("Positions over time")
