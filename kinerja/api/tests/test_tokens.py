"""/api/v1/tokens: the user's own personal tokens."""

from kinerja.accounts.models import ApiToken, hash_token
from kinerja.accounts.services import api_token_create
from kinerja.api.tests.conftest import API
from kinerja.core.models import ActivityLog


def _create(client, name="report script"):
    return client.post(f"{API}/tokens", {"name": name}, content_type="application/json")


def test_token_create_shows_the_token_once_and_keeps_only_its_hash(browser, world):
    client = browser("staff")

    response = _create(client, "  report script  ")

    assert response.status_code == 201
    body = response.json()
    token = ApiToken.objects.get(user=world.users["staff"])
    assert body["token"].startswith("knj_")
    assert token.key_hash == hash_token(body["token"])
    assert (body["uuid"], body["name"], body["prefix"]) == (
        str(token.uuid),
        "report script",
        body["token"][:12],
    )
    assert (body["is_active"], body["revoked_at"], body["last_used_at"]) == (True, None, None)
    listed = client.get(f"{API}/tokens").json()["items"]
    assert body["token"] not in str(listed)
    assert ActivityLog.objects.filter(action="accounts.api_token_create").count() == 1


def test_token_created_works_as_bearer(browser, anonymous, world):
    raw = _create(browser("staff")).json()["token"]

    response = anonymous.get(f"{API}/me", headers={"Authorization": f"Bearer {raw}"})

    assert response.status_code == 200
    assert response.json()["username"] == world.users["staff"].username


def test_token_list_shows_only_own_tokens_newest_first(bearer, world):
    api_token_create(user=world.users["peer"], name="peer's")
    client = bearer("staff")
    api_token_create(user=world.users["staff"], name="newer")

    body = client.get(f"{API}/tokens").json()

    assert [t["name"] for t in body["items"]] == ["newer", "tests"]
    assert body["count"] == 2
    assert "token" not in body["items"][0]


def test_token_revoke_stops_the_token(bearer, anonymous, world):
    token, raw = api_token_create(user=world.users["staff"], name="laptop")

    response = bearer("staff").delete(f"{API}/tokens/{token.uuid}")

    assert response.status_code == 204
    assert response.content == b""
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert anonymous.get(f"{API}/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_token_revoke_twice_changes_nothing(bearer, world):
    token, _raw = api_token_create(user=world.users["staff"], name="laptop")
    client = bearer("staff")
    client.delete(f"{API}/tokens/{token.uuid}")
    token.refresh_from_db()
    revoked_at = token.revoked_at

    response = client.delete(f"{API}/tokens/{token.uuid}")

    assert response.status_code == 204
    token.refresh_from_db()
    assert token.revoked_at == revoked_at
    assert ActivityLog.objects.filter(action="accounts.api_token_revoke").count() == 1


def test_token_revoke_someone_elses_is_404_and_changes_nothing(bearer, world):
    token, _raw = api_token_create(user=world.users["peer"], name="peer's")

    for persona in ("staff", "superadmin"):
        response = bearer(persona).delete(f"{API}/tokens/{token.uuid}")
        assert response.status_code == 404

    token.refresh_from_db()
    assert token.revoked_at is None


def test_token_revoke_itself_with_itself(anonymous, world):
    token, raw = api_token_create(user=world.users["staff"], name="leaked")
    headers = {"Authorization": f"Bearer {raw}"}

    assert anonymous.delete(f"{API}/tokens/{token.uuid}", headers=headers).status_code == 204
    assert anonymous.get(f"{API}/me", headers=headers).status_code == 401


def test_token_create_with_blank_name_is_422_and_creates_nothing(browser, world):
    client = browser("staff")

    for name in ["", "   ", "a\x00b", "x" * 101]:
        assert _create(client, name).status_code == 422

    assert not ApiToken.objects.exists()
