"""The machinery of the authorization matrix: what a rule looks like, how its grid is
read, which routes exist, and what each outcome means. The rules themselves live in
``expectations.py``."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from kinerja.accounts.models import ApiToken
from kinerja.accounts.services import api_token_create
from kinerja.api.api import api
from kinerja.org.models import Agency, Employee, Position, Unit

PERSONAS = ("anon", "emp", "asr", "sup", "hr", "ohr", "lead", "su")
# The persona's key in ``world.users`` (conftest.py).
PERSONA_USERS = {
    "anon": None,
    "emp": "staff",
    "asr": "section_head",
    "sup": "division_head",
    "hr": "hr",
    "ohr": "other_hr",
    "lead": "leader",
    "su": "superadmin",
}
CASES = ("own", "sub", "unit", "agency")
OUTCOMES = {
    "ok": "allowed: 2xx, or a redirect that is not to a login page; on the API also a 400 "
    "or 422 problem, a domain rule or validation refusing after the permission check",
    "rec": "allowed with the private record: 2xx showing the target's email",
    "dir": "directory only: 2xx with the target's name but not their email or phone",
    "hit": "a list or search that includes the target",
    "miss": "a list or search (2xx) that does not include the target, nor their data",
    "no": "denied: 403 or 404 without the target's data; a write changed nothing",
    "login": "redirected to a login page, without data; a write changed nothing",
    "401": "API without credentials: 401 without data; a write changed nothing",
    "-": "the case does not apply (the persona has no such object)",
}
ALLOWING = frozenset({"ok", "rec", "dir", "hit", "miss"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
EXPECTATIONS_FILE = "tests/authz/expectations.py"


# --- targets ---------------------------------------------------------------------------


@dataclass
class Target:
    """The object one cell of the grid is about, reached from an employee or a login."""

    case: str
    employee: Employee | None
    user: Any
    world: Any
    made: dict = field(default_factory=dict, repr=False)

    def once(self, name: str, make: Callable[[], Any]):
        """An object made for this cell, the same one for its URL, data and marker."""
        if name not in self.made:
            self.made[name] = make()
        return self.made[name]

    def require(self, value, what: str):
        if value is None:
            raise CaseDoesNotApply(f"the {self.case!r} target has no {what}")
        return value

    @cached_property
    def holding(self):
        employee = self.require(self.employee, "employee")
        assignment = employee.assignments.select_related("position__unit").first()
        return self.require(assignment, "post")

    @property
    def emp(self) -> Employee:
        return self.require(self.employee, "employee")

    @property
    def unit(self) -> Unit:
        return self.holding.position.unit

    @property
    def position(self) -> Position:
        return self.holding.position

    @property
    def agency(self) -> Agency:
        return self.emp.agency

    @cached_property
    def token(self) -> ApiToken:
        """A fresh personal API token of the target's login."""
        token, _raw = api_token_create(user=self.require(self.user, "login"), name="matrix")
        return token

    def secrets(self) -> list[str]:
        """What must never reach someone denied: who the target is and how to reach them."""
        values = []
        if self.employee is not None:
            e = self.employee
            values += [str(e.uuid), e.nip, e.full_name, e.email, e.phone]
        return [v for v in values if v]

    def private(self) -> list[str]:
        """The private record beyond the directory entry (the matrix's fixture fills it)."""
        values = [v for v in (self.emp.email, self.emp.phone) if v]
        assert values, f"{self.emp} has no email or phone to look for"
        return values


class CaseDoesNotApply(Exception):
    """The grid names a case for which the persona has no object: it should say '-'."""


# --- rules -----------------------------------------------------------------------------


def _as_callable(value):
    return value if callable(value) else (lambda t: value)


@dataclass
class Rule:
    """One route or API operation: how to call it for a target, and the expected grid."""

    grid: str
    url: Callable[[Target], str] | str = ""
    method: str = "GET"
    data: Callable[[Target], dict] | dict | None = None
    marker: Callable[[Target], str] | None = None
    api_params: Callable[[Target], dict] | None = None
    query: Callable[[Target], dict] | dict | None = None
    is_api: bool = False
    expected: dict[tuple[str, str], str] = field(default_factory=dict)
    columns: tuple[str, ...] = ()

    def build_url(self, key: str, target: Target) -> str:
        if self.is_api:
            path = key.split(" ", 1)[1]
            params = self.api_params(target) if self.api_params else {}
            return path.format(**{k: str(v) for k, v in params.items()})
        return _as_callable(self.url)(target)

    def build_data(self, target: Target):
        return _as_callable(self.data)(target) if self.data is not None else None

    def build_query(self, target: Target) -> dict:
        return _as_callable(self.query)(target) if self.query is not None else {}


def page(grid: str, url, *, method: str = "GET", data=None, marker=None, query=None) -> Rule:
    """A page or form: ``url`` is a path or a function of the target (use ``reverse``)."""
    return Rule(grid=grid, url=url, method=method, data=data, marker=marker, query=query)


def operation(grid: str, *, params=None, data=None, marker=None, query=None) -> Rule:
    """An API operation; the method and path come from its key, ``params`` fill the path."""
    return Rule(grid=grid, api_params=params, data=data, marker=marker, query=query, is_api=True)


def as_api(grid: str) -> str:
    """A page's grid for the API operation with the same rule: the API answers 401 where
    the page sends anonymous users to the login page."""
    return grid.replace("login", "401")


def parse_grid(key: str, rule: Rule) -> None:
    """Read the grid: a header of cases (or ``any``), then one row per persona."""
    lines = [line.split("#", 1)[0].split() for line in rule.grid.strip().splitlines()]
    lines = [line for line in lines if line]
    header, rows = tuple(lines[0]), lines[1:]
    problems = []
    if header != ("any",) and not set(header) <= set(CASES):
        problems.append(f"header {header}: use 'any' or columns from {CASES}")
    personas = [row[0] for row in rows]
    if personas != list(PERSONAS):
        problems.append(f"rows {personas}: need exactly {list(PERSONAS)} in this order")
    for row in rows:
        if len(row) != len(header) + 1:
            problems.append(f"row {row}: needs one outcome per column {header}")
            continue
        for case, outcome in zip(header, row[1:], strict=True):
            if outcome not in OUTCOMES:
                problems.append(f"{row[0]}/{case}: unknown outcome {outcome!r}")
            rule.expected[row[0], case] = outcome
    if problems:
        raise ValueError(f"{EXPECTATIONS_FILE}, {key!r}: " + "; ".join(problems))
    rule.columns = header


# --- what exists -----------------------------------------------------------------------


def _openapi_path(route: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def api_operations() -> dict[str, str]:
    """Every operation of the OpenAPI schema, as ``"METHOD /path"``."""
    schema = api.get_openapi_schema()
    return {
        f"{method.upper()} {path}": op.get("summary", "")
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    }


def url_routes() -> dict[str, str]:
    """Every named URL pattern (``namespace:name``; ``path:<route>`` when unnamed) with its
    route, except two families covered elsewhere:

    * the Django admin (``admin:*``): it is reserved to staff by Django itself; the
      matrix checks its root, ``admin:index``, for every persona instead of each model page;
    * API paths that are operations of the OpenAPI schema: ``api_operations`` covers them
      method by method.
    """
    api_paths = {key.split(" ", 1)[1] for key in api_operations()}
    found: dict[str, str] = {}

    def walk(patterns, prefix: str, namespaces: tuple[str, ...]) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = (*namespaces, p.namespace) if p.namespace else namespaces
                walk(p.url_patterns, prefix + str(p.pattern), ns)
                continue
            assert isinstance(p, URLPattern)
            route = prefix + str(p.pattern)
            if namespaces[:1] == ("admin",) or _openapi_path(route) in api_paths:
                continue
            key = ":".join((*namespaces, p.name)) if p.name else f"path:{route}"
            found[key] = route

    walk(get_resolver().url_patterns, "", ())
    found["admin:index"] = "admin/"
    return found


def missing_rule_message(key: str, route: str) -> str:
    """What a developer pastes into expectations.py for a new route, with the blanks."""
    grid_rows = "\n".join(f"            {p:<5} ?" for p in PERSONAS)
    if " " in key:
        path = key.split(" ", 1)[1]
        params = re.findall(r"{(\w+)}", path)
        params_line = (
            f"\n        params=lambda t: {{{', '.join(f'{p!r}: t.?' for p in params)}}},"
            if params
            else ""
        )
        constructor = f'operation({params_line}\n        grid="""'
    else:
        args = re.findall(r"<(?:\w+:)?(\w+)>", route)
        reverse_args = f", args=[{', '.join('t.?' for _ in args)}]" if args else ""
        constructor = (
            f'page(\n        url=lambda t: reverse("{key}"{reverse_args}),\n        grid="""'
        )
    return (
        f"{key!r} ({route}) has no rule in {EXPECTATIONS_FILE}. Declare who may use it: add\n\n"
        f"    {key!r}: {constructor}\n"
        f"                  any        # or: own sub unit agency\n{grid_rows}\n"
        '        """),\n\n'
        f"Outcomes: {', '.join(OUTCOMES)} (explained at the top of the file). A write "
        "(POST/PUT/PATCH/DELETE) also needs method= and data=."
    )
