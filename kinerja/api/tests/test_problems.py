"""Every error is an RFC 9457 problem with ``application/problem+json``."""

import logging

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError

from kinerja.accounts.models import ApiToken
from kinerja.api.tests.conftest import API, PROBLEM
from kinerja.core.exceptions import ApplicationError

UNKNOWN = "00000000-0000-4000-8000-000000000000"


def _problem(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["type"] == "about:blank"
    assert body["status"] == status
    assert body["title"]
    return body


def test_problem_401_unauthenticated(anonymous, world):
    body = _problem(anonymous.get(f"{API}/units"), 401)

    assert body["title"] == "Authentication required"


def test_problem_403_csrf(browser, world):
    client = browser("staff", csrf=False)

    body = _problem(
        client.post(f"{API}/tokens", {"name": "x"}, content_type="application/json"), 403
    )

    assert body == {
        "type": "about:blank",
        "title": "Forbidden",
        "status": 403,
        "detail": "The CSRF token is missing or incorrect.",
    }


def test_problem_404_unknown_object(bearer, world):
    body = _problem(bearer("staff").get(f"{API}/employees/{UNKNOWN}"), 404)

    assert body == {
        "type": "about:blank",
        "title": "Not found",
        "status": 404,
        "detail": "There is nothing here, or you may not see it.",
    }


@pytest.mark.parametrize("path", ["/nothing-here", "/", "/me/"])
def test_problem_404_unknown_path(bearer, world, path):
    _problem(bearer("staff").get(f"{API}{path}"), 404)


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("post", "/me", "GET"),
        ("put", "/employees", "GET"),
        ("patch", "/tokens", "GET, POST"),
        ("post", "/openapi.json", "GET, HEAD, OPTIONS"),
    ],
)
def test_problem_405_wrong_method(bearer, world, method, path, allowed):
    response = getattr(bearer("staff"), method)(f"{API}{path}")

    body = _problem(response, 405)
    assert response["Allow"] == allowed
    assert body["detail"] == f"This address accepts only: {allowed}."


def test_problem_422_invalid_query(bearer, world):
    body = _problem(bearer("staff").get(f"{API}/employees?limit=0&unit=nope"), 422)

    assert body["title"] == "The request is not valid"
    assert sorted((e["loc"], e["type"]) for e in body["errors"]) == [
        (["query", "limit"], "greater_than_equal"),
        (["query", "unit"], "uuid_parsing"),
    ]


def test_problem_422_field_messages_are_translated(bearer, world):
    query = f"{API}/employees?limit=0&unit=nope"
    english = bearer("staff").get(query).json()["errors"]
    indonesian = bearer("staff").get(query, headers={"Accept-Language": "id"}).json()["errors"]

    assert sorted(e["msg"] for e in english) == [
        "Enter a valid identifier (UUID).",
        "Enter a value of at least 1.",
    ]
    assert sorted(e["msg"] for e in indonesian) == [
        "Isikan nilai paling sedikit 1.",
        "Isikan pengenal yang sah (UUID).",
    ]


@pytest.mark.parametrize(
    ("error", "message"),
    [
        ({"type": "missing", "msg": "Field required"}, "This field is required."),
        (
            {"type": "string_too_long", "msg": "…", "ctx": {"max_length": 18}},
            "Enter at most 18 characters.",
        ),
        ({"type": "value_error", "msg": "Value error, Pilih unit."}, "Pilih unit."),
        ({"type": "some_new_kind", "msg": "Pydantic's own words"}, "Pydantic's own words"),
        ({"type": "greater_than", "msg": "Pydantic's words", "ctx": {}}, "Pydantic's words"),
    ],
)
def test_field_message_per_error_type(error, message):
    from django.utils import translation

    from kinerja.api.field_messages import field_message

    with translation.override("en"):
        assert field_message(error) == message


def test_problem_422_invalid_path_uuid(bearer, world):
    body = _problem(bearer("staff").get(f"{API}/employees/12345"), 422)

    assert [e["loc"] for e in body["errors"]] == [["path", "uuid"]]


def test_problem_422_invalid_body(browser, world):
    response = browser("staff").post(f"{API}/tokens", {"name": ""}, content_type="application/json")

    body = _problem(response, 422)
    assert [e["loc"] for e in body["errors"]] == [["body", "payload", "name"]]
    assert not ApiToken.objects.exists()


def test_problem_400_malformed_json(browser, world):
    response = browser("staff").post(f"{API}/tokens", "{not json", content_type="application/json")

    assert _problem(response, 400)["detail"] == "The request cannot be read."
    assert not ApiToken.objects.exists()


def test_problem_422_model_validation(browser, world, monkeypatch):
    def refuse(**kwargs):
        raise DjangoValidationError({"name": ["Too similar to another token."]})

    monkeypatch.setattr("kinerja.api.v1.tokens.api_token_create", refuse)

    response = browser("staff").post(
        f"{API}/tokens", {"name": "x"}, content_type="application/json"
    )

    body = _problem(response, 422)
    assert body["errors"] == [
        {"loc": ["body", "name"], "msg": "Too similar to another token.", "type": "invalid"}
    ]


def test_problem_400_domain_rule_keeps_its_details(browser, world, monkeypatch):
    def refuse(**kwargs):
        raise ApplicationError("Too many tokens.", extra={"limit": 10})

    monkeypatch.setattr("kinerja.api.v1.tokens.api_token_create", refuse)

    response = browser("staff").post(
        f"{API}/tokens", {"name": "x"}, content_type="application/json"
    )

    assert _problem(response, 400) == {
        "type": "about:blank",
        "title": "Bad request",
        "status": 400,
        "detail": "Too many tokens.",
        "limit": 10,
    }


def test_problem_400_unreadable_body(browser, world):
    response = browser("staff").generic(
        "POST", f"{API}/tokens", b"x", content_type="multipart/form-data"
    )

    assert _problem(response, 400)["detail"] == "The request cannot be read."
    assert not ApiToken.objects.exists()


def test_problem_500_hides_the_error_and_logs_it(bearer, world, monkeypatch, caplog):
    def explode(user):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("kinerja.api.v1.org.agencies_visible_to", explode)
    client = bearer("staff")

    with caplog.at_level(logging.ERROR, logger="kinerja.api"):
        response = client.get(f"{API}/agencies")

    assert _problem(response, 500) == {
        "type": "about:blank",
        "title": "Server error",
        "status": 500,
        "detail": "Something went wrong on our side. Please try again later.",
    }
    assert b"secret internals" not in response.content
    assert b"Traceback" not in response.content
    [logged] = [r for r in caplog.records if r.name == "kinerja.api"]
    assert logged.exc_info[1].args == ("secret internals",)


def test_problem_title_is_translated(anonymous, world):
    response = anonymous.get(f"{API}/units", headers={"Accept-Language": "id"})

    assert response.json()["title"] == "Perlu autentikasi"


@pytest.mark.parametrize(
    "case",
    [
        (PermissionDenied, 403, "You may not do this."),
        (SuspiciousOperation, 400, "The request cannot be read."),
    ],
)
def test_problem_for_django_exceptions(bearer, world, monkeypatch, case):
    exception, status, detail = case

    def refuse(user):
        raise exception("internal reason")

    monkeypatch.setattr("kinerja.api.v1.org.agencies_visible_to", refuse)

    response = bearer("staff").get(f"{API}/agencies")

    assert _problem(response, status)["detail"] == detail
    assert b"internal reason" not in response.content
