"""The journey kit's own guarantees: the accessibility gate bites, and no page slips
past it."""

import pytest
from journey_kit import AccessibilityError

pytestmark = pytest.mark.browser


def test_accessibility_check_fails_on_a_serious_violation(phone):
    phone.page.set_content(
        "<html lang='id'><title>Uji</title><main><h1>Uji</h1><img src='x.png'></main></html>"
    )

    with pytest.raises(AccessibilityError, match=r"\[critical\] image-alt"):
        phone.check_accessibility()


def test_pages_left_before_their_check_fail_the_journey(phone):
    phone.page.goto(f"{phone.base_url}/panduan/")
    phone.page.goto(f"{phone.base_url}/akun/login/")

    with pytest.raises(AssertionError, match=r"/panduan/'\] were left before"):
        phone.see("Log in to Kinerja")
