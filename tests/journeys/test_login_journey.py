"""Foundation journey: wrong passwords, then the lockout."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from kinerja.accounts.forms import LoginForm

pytestmark = pytest.mark.browser


def test_login_wrong_password_then_lockout(phone, world, settings, persona_password):
    settings.AXES_FAILURE_LIMIT = 3
    with translation.override("id"):
        wrong = LoginForm.error_messages["invalid_login"] % {"limit": 3}
        locked = translation.gettext(
            "Too many failed login attempts. The account is locked for %(minutes)s minutes; "
            "try again later or ask your HR admin to unlock it."
        ) % {"minutes": int(settings.AXES_COOLOFF_TIME * 60)}
    phone.visit("/akun/login/")

    for _attempt in range(2):
        phone.fill_login(world.staff.nip, "not-the-password")
        phone.submit_login()
        expect(phone.page.get_by_role("alert")).to_have_text(wrong)

    phone.fill_login(world.staff.nip, "not-the-password")
    phone.submit_login()
    expect(phone.page.get_by_test_id("lockout")).to_have_text(locked)

    phone.fill_login(world.staff.nip, persona_password)
    phone.submit_login()
    expect(phone.page.get_by_test_id("lockout")).to_have_text(locked)
    expect(phone.page).to_have_url(f"{phone.base_url}/akun/login/")
