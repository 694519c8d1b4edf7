"""Foundation journey: an employee on a phone finds their assessor."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_employee_on_phone_logs_in_by_nip_and_finds_assessor(phone, world):
    assert world.users["staff"].username == world.staff.nip

    phone.login_as("staff")
    phone.see("Welcome, %(name)s", name=world.staff.full_name)

    phone.nav("My profile")
    expect(phone.page.get_by_role("heading", level=1)).to_have_text(world.staff.full_name)
    expect(phone.page.get_by_test_id("assessor")).to_contain_text(world.section_head.full_name)

    phone.switch_language("en")
    expect(phone.page.locator("html")).to_have_attribute("lang", "en")
    phone.see("Assessor (pejabat penilai kinerja)")
    phone.open_menu()
    expect(phone.page.locator("#nav").get_by_role("link", name="My profile")).to_be_visible()

    phone.logout()
    expect(phone.page).to_have_url(f"{phone.base_url}/akun/login/")
    phone.see("Log in to Kinerja")
