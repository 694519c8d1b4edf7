"""The authorization matrix: every URL pattern and every API operation, for every persona
and ownership case, against the table in ``expectations.py``.

One test per route, so a new route fails on its own, with the entry to add. Each cell is
one request inside a savepoint that is rolled back, so cells cannot disturb each other.
"""

import json
from urllib.parse import urlencode, urlsplit

import pytest
from authz_kit import (
    ALLOWING,
    EXPECTATIONS_FILE,
    PERSONA_USERS,
    PERSONAS,
    SAFE_METHODS,
    CaseDoesNotApply,
    Rule,
    Target,
    api_operations,
    missing_rule_message,
    parse_grid,
    url_routes,
)
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse
from expectations import RULES

from kinerja.org.models import Employee

# Rows that a request may write whatever it is allowed to do: sessions and the login
# failure records of django-axes.
UNTRACKED_TABLES = {"django_session", "axes_accessattempt", "axes_accesslog"}


def _all_routes() -> dict[str, str]:
    routes = url_routes()
    routes.update({key: key.split(" ", 1)[1] for key in api_operations()})
    return routes


ROUTES = _all_routes()


def _rules_of(key: str) -> tuple[Rule, ...]:
    declared = RULES[key]
    return declared if isinstance(declared, tuple) else (declared,)


def test_every_route_has_a_rule():
    missing = sorted(set(ROUTES) - set(RULES))
    assert not missing, "\n\n".join(missing_rule_message(k, ROUTES[k]) for k in missing)


def test_every_rule_has_a_route():
    stale = sorted(set(RULES) - set(ROUTES))
    assert not stale, f"{EXPECTATIONS_FILE} has rules for routes that no longer exist: {stale}"


def test_every_grid_reads():
    for key in RULES:
        for rule in _rules_of(key):
            parse_grid(key, rule)


@pytest.mark.parametrize("key", sorted(set(ROUTES) | set(RULES)))
def test_route_follows_its_rule(key, matrix_world):
    if key not in RULES:
        pytest.fail(missing_rule_message(key, ROUTES[key]), pytrace=False)
    if key not in ROUTES:
        pytest.fail(f"{key!r} is in {EXPECTATIONS_FILE} but is no route any more: remove it")
    problems = []
    for rule in _rules_of(key):
        parse_grid(key, rule)
        for persona in PERSONAS:
            client = _client_for(persona, matrix_world)
            for case in rule.columns:
                expected = rule.expected[persona, case]
                if expected == "-":
                    continue
                target = _target(case, persona, matrix_world)
                got = _check_cell(client, key, rule, target, expected)
                if got:
                    problems.append(f"  {persona:<5}{case:<7} expected {expected:<6}{got}")
    assert not problems, f"{key} differs from {EXPECTATIONS_FILE}:\n" + "\n".join(problems)


# --- the cells -------------------------------------------------------------------------


def _client_for(persona: str, world) -> Client:
    client = Client()
    if PERSONA_USERS[persona] is not None:
        client.force_login(world.users[PERSONA_USERS[persona]])
    return client


def _target(case: str, persona: str, world) -> Target:
    if case == "any":
        return Target(case, None, None, world)
    if case == "own":
        user = world.users.get(PERSONA_USERS[persona] or "")
        employee = Employee.objects.filter(user=user).first() if user else None
        return Target(case, employee, user, world)
    employee = {"sub": world.staff, "unit": world.nurse, "agency": world.other_employee}[case]
    if persona == "emp" and employee == world.staff:
        employee = None  # an employee has no subordinate: the case is theirs, as 'own'
    return Target(case, employee, employee.user if employee else None, world)


def _check_cell(client: Client, key: str, rule: Rule, target: Target, expected: str) -> str:
    """What went against the rule, or '' when the cell is as declared."""
    with transaction.atomic():
        try:
            url = rule.build_url(key, target)
            query = rule.build_query(target)
            data = rule.build_data(target)
            marker = rule.marker(target) if rule.marker else None
        except CaseDoesNotApply as why:
            transaction.set_rollback(True)
            return f"but {why}: write '-'"
        method = key.split(" ", 1)[0] if rule.is_api else rule.method
        writes = method not in SAFE_METHODS
        before = _fingerprint() if writes else None
        try:
            response = _request(client, method, url, query, data, is_api=rule.is_api)
        except Exception as error:  # an unhandled error is what the matrix reports
            transaction.set_rollback(True)
            return f"got a server error {type(error).__name__}: {error}  [{method} {url}]"
        asked = url + json.dumps(query)
        problem = _judge(
            response, expected, target=target, marker=marker, asked=asked, is_api=rule.is_api
        )
        if not problem and writes and expected not in ALLOWING and _fingerprint() != before:
            problem = "but the refused request changed the database"
        transaction.set_rollback(True)
    return f"{problem}  [{method} {url}]" if problem else ""


def _request(client: Client, method: str, url: str, query: dict, data, *, is_api: bool):
    if method == "GET":
        return client.get(url, query)
    if is_api:
        body = json.dumps(data) if data is not None else ""
        return client.generic(method, url, body, content_type="application/json")
    form = urlencode(data or {})
    return client.generic(method, url, form, content_type="application/x-www-form-urlencoded")


def _is_login_redirect(response) -> bool:
    if response.status_code not in (301, 302, 303):
        return False
    path = urlsplit(response["Location"]).path
    return path in {resolve_url(settings.LOGIN_URL), reverse("admin:login")}


def _judge(response, expected: str, *, target: Target, marker, asked: str, is_api: bool) -> str:
    """'' when the response is what ``expected`` promises, else what it was instead."""
    status = response.status_code
    body = b"".join(response) if response.streaming else response.content
    text = body.decode(errors="replace")
    # What the request itself carried (a NIP searched for) is no leak when echoed back.
    watched = dict.fromkeys([*target.secrets(), marker or ""])
    leaked = [s for s in watched if s and s not in asked and s in text]
    where = f" → {response['Location']}" if response.has_header("Location") else ""
    if status >= 400 and "json" in response.get("Content-Type", ""):
        where = f" ({text[:160]})"
    got = f"got {status}{where}"
    if status >= 500:
        return f"{got}: a server error"
    if expected in REFUSALS:
        if not REFUSALS[expected](response):
            return got
        return f"{got} but the body shows {leaked}" if leaked else ""
    if is_api and expected == "ok" and status in DOMAIN_REFUSALS:
        return f"{got} but the body shows {leaked}" if leaked else ""
    if _is_login_redirect(response) or not 200 <= status < 400:
        return got
    return _judge_content(expected, target=target, marker=marker, text=text, leaked=leaked, got=got)


# An API request that passed the permission check may still be refused by a domain rule
# (400, e.g. submitting an empty SKP) or by validation (422): that is no authorization
# outcome, and the matrix sends valid payloads so a 422 cannot hide a missing check.
DOMAIN_REFUSALS = (400, 422)
REFUSALS = {
    "no": lambda response: response.status_code in (403, 404),
    "login": _is_login_redirect,
    "401": lambda response: response.status_code == 401,
}


def _judge_content(expected: str, *, target: Target, marker, text: str, leaked, got) -> str:
    problem = ""
    if expected == "rec":
        absent = [s for s in target.private() if s not in text]
        problem = f"without the private record {absent}" if absent else ""
    elif expected == "dir":
        shown = [s for s in target.private() if s in text]
        if target.emp.full_name not in text:
            problem = f"without the name {target.emp.full_name!r}"
        elif shown:
            problem = f"showing the private record {shown}"
    elif expected == "hit":
        problem = "" if marker in text else f"without the target ({marker})"
    elif expected == "miss":
        problem = f"showing {leaked}" if leaked else ""
    return f"{got} {problem}" if problem else ""


def _fingerprint() -> dict:
    """Every row the application keeps, to prove a refused write changed nothing."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.db_table not in UNTRACKED_TABLES
    }
