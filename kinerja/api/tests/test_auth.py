import datetime

from django.test import Client

from kinerja.accounts.models import ApiToken
from kinerja.accounts.services import api_token_create, api_token_revoke
from kinerja.api.tests.conftest import API, PROBLEM


def _bearer(client, raw):
    return client.get(f"{API}/me", headers={"Authorization": f"Bearer {raw}"})


def test_bearer_token_authenticates_as_its_owner(bearer, world):
    response = bearer("staff").get(f"{API}/me")

    assert response.status_code == 200
    assert response.json()["employee"]["uuid"] == str(world.staff.uuid)


def test_bearer_token_revoked_is_refused(anonymous, world):
    token, raw = api_token_create(user=world.users["staff"], name="laptop")
    api_token_revoke(token=token, actor=world.users["staff"])

    response = _bearer(anonymous, raw)

    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"] == 'Bearer realm="kinerja", error="invalid_token"'


def test_bearer_token_of_inactive_user_is_refused(anonymous, world):
    _token, raw = api_token_create(user=world.users["staff"], name="laptop")
    world.users["staff"].is_active = False
    world.users["staff"].save(update_fields=["is_active"])

    response = _bearer(anonymous, raw)

    assert response.status_code == 401
    assert response.json()["detail"] == (
        "The token is unknown, revoked, or belongs to an inactive account."
    )


def test_bearer_token_unknown_is_refused(anonymous, world):
    assert _bearer(anonymous, "knj_not-a-real-token").status_code == 401
    assert _bearer(anonymous, "").status_code == 401


def test_bearer_token_invalid_is_refused_even_with_a_valid_session(browser, world):
    client = browser("staff")

    response = client.get(f"{API}/me", headers={"Authorization": "Bearer knj_wrong"})

    assert response.status_code == 401


def test_bearer_token_records_last_use_at_most_once_a_minute(anonymous, world):
    token, raw = api_token_create(user=world.users["staff"], name="laptop")

    _bearer(anonymous, raw)
    token.refresh_from_db()
    first_use = token.last_used_at
    _bearer(anonymous, raw)
    token.refresh_from_db()

    assert first_use is not None
    assert token.last_used_at == first_use


def test_bearer_token_records_last_use_again_after_a_minute(anonymous, world):
    token, raw = api_token_create(user=world.users["staff"], name="laptop")
    long_ago = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=long_ago)

    _bearer(anonymous, raw)

    token.refresh_from_db()
    assert token.last_used_at > long_ago


def test_bearer_token_cannot_create_tokens(bearer, world):
    client = bearer("staff")

    response = client.post(f"{API}/tokens", {"name": "minted"}, content_type="application/json")

    assert response.status_code == 401
    assert not ApiToken.objects.filter(name="minted").exists()


def test_session_reads_without_csrf_token(browser, world):
    response = browser("staff", csrf=False).get(f"{API}/me")

    assert response.status_code == 200
    assert response.json()["username"] == world.users["staff"].username


def test_session_change_without_csrf_token_is_refused(browser, world):
    client = browser("staff", csrf=False)

    response = client.post(f"{API}/tokens", {"name": "cli"}, content_type="application/json")

    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    assert response.json()["detail"] == "The CSRF token is missing or incorrect."
    assert not ApiToken.objects.filter(user=world.users["staff"]).exists()


def test_session_change_with_wrong_csrf_token_is_refused(browser, world):
    client = browser("staff")

    response = client.post(
        f"{API}/tokens",
        {"name": "cli"},
        content_type="application/json",
        headers={"X-CSRFToken": "x" * 32},
    )

    assert response.status_code == 403
    assert not ApiToken.objects.filter(user=world.users["staff"]).exists()


def test_session_change_with_csrf_token_is_accepted(browser, world):
    client = browser("staff")

    response = client.post(f"{API}/tokens", {"name": "cli"}, content_type="application/json")

    assert response.status_code == 201
    assert ApiToken.objects.get(user=world.users["staff"]).name == "cli"


def test_session_of_deactivated_user_is_refused(browser, world):
    client = browser("staff")
    world.users["staff"].is_active = False
    world.users["staff"].save(update_fields=["is_active"])

    response = client.get(f"{API}/me")

    assert response.status_code == 401


def test_anonymous_read_is_refused_with_a_problem(anonymous, world):
    response = anonymous.get(f"{API}/employees")

    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"] == 'Bearer realm="kinerja"'
    assert response.json() == {
        "type": "about:blank",
        "title": "Authentication required",
        "status": 401,
        "detail": "Log in, or send a personal token as 'Authorization: Bearer <token>'.",
    }


def test_anonymous_change_is_refused_as_unauthenticated_not_as_csrf(world):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"{API}/tokens", {"name": "x"}, content_type="application/json")

    assert response.status_code == 401
    assert not ApiToken.objects.exists()
