import pytest
from django.conf import settings
from django.test import Client

from kinerja.accounts.services import api_token_create

# The public survey tests (test_surveys_api.py) share the survey app's fixtures.
from kinerja.surveys.tests.conftest import _fresh_cache, survey  # noqa: F401

API = "/api/v1"
PROBLEM = "application/problem+json"
# Any 32 alphanumeric characters make a valid CSRF secret: the cookie and the header
# only have to agree.
CSRF_TOKEN = "csrf" * 8


@pytest.fixture
def bearer(world):
    """A test client sending a fresh personal token of the given persona."""

    def make(persona: str) -> Client:
        _token, raw = api_token_create(user=world.users[persona], name="tests")
        return Client(headers={"Authorization": f"Bearer {raw}", "Accept-Language": "en"})

    return make


@pytest.fixture
def browser(world):
    """A test client logged in as the persona that, like a browser, enforces CSRF."""

    def make(persona: str, *, csrf: bool = True) -> Client:
        client = Client(enforce_csrf_checks=True, headers={"Accept-Language": "en"})
        client.force_login(world.users[persona])
        if csrf:
            client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_TOKEN
            client.defaults["HTTP_X_CSRFTOKEN"] = CSRF_TOKEN
        return client

    return make


@pytest.fixture
def anonymous():
    return Client(headers={"Accept-Language": "en"})
