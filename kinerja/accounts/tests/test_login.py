import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.urls import reverse

from conftest import PASSWORD


def test_login_by_nip_succeeds(client, world):
    response = client.post(
        reverse("accounts:login"), {"username": world.staff.nip, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == reverse("web:home")


def test_login_wrong_password_shows_translated_error(client, world):
    response = client.post(
        reverse("accounts:login"), {"username": world.staff.nip, "password": "wrong"}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors["__all__"][0].startswith("NIP/nama pengguna")


def test_login_locks_out_after_repeated_failures(client, world, settings):
    settings.AXES_FAILURE_LIMIT = 3
    url = reverse("accounts:login")
    for _ in range(3):
        client.post(url, {"username": world.staff.nip, "password": "wrong"})

    response = client.post(url, {"username": world.staff.nip, "password": PASSWORD})

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert "terkunci" in response.context["lockout_message"]


def test_login_lockout_of_one_user_does_not_lock_another(client, world, settings):
    settings.AXES_FAILURE_LIMIT = 2
    url = reverse("accounts:login")
    for _ in range(2):
        client.post(url, {"username": world.staff.nip, "password": "wrong"})

    response = client.post(url, {"username": world.peer.nip, "password": PASSWORD})

    assert response.status_code == 302


@pytest.mark.django_db
def test_password_hasher_in_production_is_argon2():
    from config import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_password_change_requires_old_password(client, world):
    client.force_login(world.users["staff"])

    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "wrong",
            "new_password1": "N3w-passw0rd!",
            "new_password2": "N3w-passw0rd!",
        },
    )

    assert response.status_code == 200
    world.users["staff"].refresh_from_db()
    assert world.users["staff"].check_password(PASSWORD)


def test_password_change_succeeds(client, world):
    client.force_login(world.users["staff"])

    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "N3w-passw0rd!",
            "new_password2": "N3w-passw0rd!",
        },
    )

    assert response.status_code == 302
    world.users["staff"].refresh_from_db()
    assert world.users["staff"].check_password("N3w-passw0rd!")
    assert identify_hasher(world.users["staff"].password).algorithm == "md5"  # test settings


def test_password_reset_reaches_account_without_password(client, world):
    user = world.users["staff"]
    user.email = "eka@contoh.go.id"
    user.set_unusable_password()
    user.save()

    client.post(reverse("accounts:password_reset"), {"email": "EKA@contoh.go.id"})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["eka@contoh.go.id"]
    assert "/akun/password/reset/" in mail.outbox[0].body


def test_password_reset_unknown_email_sends_nothing_and_reveals_nothing(client, world):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@x.id"})

    assert response.status_code == 302
    assert mail.outbox == []


def test_logout_requires_post(client, world):
    client.force_login(world.users["staff"])

    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session
