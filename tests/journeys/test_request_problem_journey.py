"""A refused htmx request says so on the page instead of doing nothing."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MESSAGES = {
    403: "You may not do this.",
    404: "There is nothing here, or you may not see it.",
}


def test_refused_htmx_request_shows_a_message(phone, world):
    phone.login_as("staff")
    phone.see("Welcome, %(name)s", name=world.staff.full_name)

    # What an htmx control would ask for: the import page, for HR admins only.
    phone.page.evaluate(
        "() => htmx.ajax('GET', '/organisasi/impor/', {target: '#main', swap: 'innerHTML'})"
    )
    problem = phone.page.locator("#request-problem")
    expect(problem).to_be_visible()
    # The kit records a failed request as a problem of the journey; here it is expected.
    refused = phone._problems.pop()
    status = int(refused.split()[0])
    assert refused == f"{status} for /organisasi/impor/" and status in MESSAGES
    expect(problem).to_have_text(phone.t(MESSAGES[status]))
    expect(phone.page.get_by_role("heading", level=1)).to_be_visible()  # the page stays
    phone.check_accessibility()

    problem.click()
    expect(problem).to_be_hidden()
