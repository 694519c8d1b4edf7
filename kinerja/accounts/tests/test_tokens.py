from django.urls import reverse

from kinerja.accounts.models import ApiToken, hash_token
from kinerja.accounts.services import api_token_authenticate


def test_api_token_page_creates_token_shown_once_and_stores_only_hash(client, world):
    client.force_login(world.users["staff"])

    response = client.post(reverse("accounts:api_tokens"), {"name": "laptop"})

    raw = response.context["raw_token"]
    token = ApiToken.objects.get(user=world.users["staff"])
    assert raw.startswith("knj_")
    assert token.key_hash == hash_token(raw)
    assert raw not in (token.key_hash, token.prefix)
    assert api_token_authenticate(raw) == world.users["staff"]
    assert client.get(reverse("accounts:api_tokens")).context["raw_token"] is None


def test_api_token_revoke_refuses_someone_elses_token(client, world):
    client.force_login(world.users["staff"])
    client.post(reverse("accounts:api_tokens"), {"name": "laptop"})
    token = ApiToken.objects.get(user=world.users["staff"])
    client.force_login(world.users["peer"])

    response = client.post(reverse("accounts:api_token_revoke", args=[token.uuid]))

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_api_token_revoked_no_longer_authenticates(client, world):
    client.force_login(world.users["staff"])
    raw = client.post(reverse("accounts:api_tokens"), {"name": "x"}).context["raw_token"]
    token = ApiToken.objects.get(user=world.users["staff"])

    client.post(reverse("accounts:api_token_revoke", args=[token.uuid]))

    assert api_token_authenticate(raw) is None
