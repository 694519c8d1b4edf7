"""The cascade screens: the role–result matrix (matriks peran hasil) where an assessor
hands their results to the people they assess, the cascade tree from an organisation
goal down to everyone's results, and HR's list of results that support nothing."""

import csv
import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.access.permissions import (
    actor_for,
    employees_managed_by,
    employees_visible_to,
    may,
    units_visible_to,
)
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.org.models import Employee, Unit
from kinerja.planning.enums import ResultKind
from kinerja.planning.forms_setup import MatrixCellForm
from kinerja.planning.models import (
    AssessmentPeriod,
    CascadeLink,
    OrganisationGoal,
    PlannedResult,
    Skp,
)
from kinerja.planning.selectors import (
    CASCADE_PAGE_LEVELS,
    CascadeNode,
    approved_skp_of,
    cascade_branch,
    cascade_size,
    cascade_tree,
    current_period,
    employees_without_skp,
    goals_visible_to,
    matrix_rows,
    periods_visible_to,
    skp_of,
    unit_subtree_employees,
    unlinked_results,
)
from kinerja.planning.services import link_remove, matrix_cell_assign
from kinerja.planning.views.choosing import chosen_period, default_agency, get_by_uuid


def error_text(error: Exception) -> str:
    """A refusal from a service as one sentence for the page."""
    if isinstance(error, ApplicationError):
        return error.message
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    raise error


# --- the role–result matrix ------------------------------------------------------------


@dataclass
class MatrixCell:
    superior: PlannedResult
    employee: Employee
    entries: list[tuple[PlannedResult, CascadeLink]]
    options: list[PlannedResult]
    editable: bool
    error: str = ""
    text: str = ""


@dataclass
class MatrixRow:
    employee: Employee
    skp: Skp | None
    cells: list[MatrixCell] = field(default_factory=list)

    @property
    def position(self):
        current = self.employee.current_assignments
        return current[0].position if current else None


def _matrix_date(period: AssessmentPeriod) -> datetime.date:
    return min(max(today(), period.start_date), period.end_date)


def _columns(superior_skp: Skp) -> list[PlannedResult]:
    results = superior_skp.results.prefetch_related("indicators")
    return sorted(results, key=lambda r: (r.kind != ResultKind.MAIN, r.order, r.pk))


def _row(employee: Employee, columns: list[PlannedResult]) -> MatrixRow:
    """One subordinate's row: per superior result, the subordinate's results that
    support it; the plan written into is the newest live one (see ``working_skp``)."""
    skp = employee.plans[0] if employee.plans else None
    results = list(skp.results.all()) if skp else []
    editable = skp is None or skp.is_editable
    options = [r for r in results if r.kind == ResultKind.MAIN and not r.links.all()]
    row = MatrixRow(employee=employee, skp=skp)
    for superior in columns:
        entries = [
            (result, link)
            for result in results
            for link in result.links.all()
            if link.supports_result_id == superior.pk
        ]
        row.cells.append(
            MatrixCell(
                superior=superior,
                employee=employee,
                entries=entries,
                options=options,
                editable=editable,
            )
        )
    return row


def _matrix_state(actor) -> dict:
    """Everything the matrix needs, or the reason it cannot be shown (yet)."""
    employee = actor.employee
    if employee is None:
        return {"blocked": "no_employee"}
    period = current_period(employee.agency)
    if period is None:
        return {"blocked": "no_period"}
    on = _matrix_date(period)
    state = {"period": period, "on": on}
    team = actor.assessees(on)
    if not team:
        return {**state, "blocked": "no_team"}
    superior_skp = approved_skp_of(employee, period, on)
    if superior_skp is None:
        own = skp_of(employee, period)
        return {**state, "blocked": "no_approved_skp", "own_skp": own[0] if own else None}
    columns = _columns(superior_skp)
    rows = [_row(e, columns) for e in matrix_rows(team, period, on)]
    return {**state, "superior_skp": superior_skp, "columns": columns, "rows": rows}


@login_required
def matrix(request: HttpRequest) -> HttpResponse:
    """Matriks peran hasil (domain.md §1.4): columns are the user's approved results,
    rows the people they assess today; each cell holds the results that deliver it."""
    return render(request, "planning/matrix.html", _matrix_state(actor_for(request.user)))


def _cell_request(request: HttpRequest, superior_uuid, employee_uuid):
    """The user's own approved result and an employee they assess, or 404/403."""
    actor = actor_for(request.user)
    if actor.employee is None:
        raise Http404
    superior = get_by_uuid(
        PlannedResult.objects.select_related("skp__period", "skp__employee").filter(
            skp__employee=actor.employee
        ),
        superior_uuid,
    )
    subordinate = get_by_uuid(employees_visible_to(request.user), employee_uuid)
    if not may(request.user, "planning.distribute_results", subordinate):
        raise PermissionDenied
    return superior, subordinate


def _render_cell(
    request: HttpRequest, superior: PlannedResult, subordinate: Employee, **extra
) -> HttpResponse:
    period = superior.skp.period
    employee = matrix_rows({subordinate.pk}, period, _matrix_date(period)).get()
    cell = _row(employee, [superior]).cells[0]
    for key, value in extra.items():
        setattr(cell, key, value)
    return render(request, "planning/_matrix_cell.html", {"cell": cell})


def _after_cell_write(request, superior, subordinate, error: str, text: str = ""):
    if request.htmx:
        return _render_cell(request, superior, subordinate, error=error, text=text)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The matrix has been updated."))
    return redirect("planning:matrix")


@login_required
@require_POST
def matrix_cell(request: HttpRequest, superior_uuid, employee_uuid) -> HttpResponse:
    """Fill a cell: a new draft result for the subordinate linked to the user's result
    (their SKP is started if need be), or one of their unlinked results linked to it."""
    superior, subordinate = _cell_request(request, superior_uuid, employee_uuid)
    period = superior.skp.period
    employee = matrix_rows({subordinate.pk}, period, _matrix_date(period)).get()
    options = _row(employee, [superior]).cells[0].options
    form = MatrixCellForm(request.POST, options=options)
    error = ""
    if not form.is_valid():
        error = " ".join(e for errors in form.errors.values() for e in errors)
    else:
        try:
            matrix_cell_assign(
                superior_result=superior,
                subordinate=subordinate,
                text=form.cleaned_data["text"],
                result=form.cleaned_data["result"],
                actor=request.user,
            )
        except (ApplicationError, ValidationError) as refusal:
            error = error_text(refusal)
    return _after_cell_write(
        request, superior, subordinate, error, request.POST.get("text", "") if error else ""
    )


@login_required
@require_POST
def matrix_unlink(request: HttpRequest, uuid) -> HttpResponse:
    """Empty a cell again: the subordinate's result stays in their draft, unlinked."""
    actor = actor_for(request.user)
    if actor.employee is None:
        raise Http404
    link = get_object_or_404(
        CascadeLink.objects.select_related("result__skp__employee", "supports_result__skp"),
        uuid=uuid,
        supports_result__skp__employee=actor.employee,
    )
    subordinate = link.result.skp.employee
    if not may(request.user, "planning.distribute_results", subordinate):
        raise PermissionDenied
    superior = PlannedResult.objects.select_related("skp__period", "skp__employee").get(
        pk=link.supports_result_id
    )
    error = ""
    try:
        link_remove(link=link, actor=request.user)
    except ApplicationError as refusal:
        error = error_text(refusal)
    return _after_cell_write(request, superior, subordinate, error)


# --- the cascade tree ------------------------------------------------------------------


def _openable_skps(user, tree) -> set[int]:
    """SKPs in the tree whose page the user may open, judged without a query per node:
    their own, those of people they assess, and those in units their roles cover."""
    actor = actor_for(user)
    assessees = actor.assessees(today()) if actor.employee is not None else set()
    found: set[int] = set()
    stack = list(tree)
    while stack:
        node = stack.pop()
        skp = node.result.skp
        if (
            actor.is_superuser
            or (actor.employee is not None and skp.employee_id == actor.employee.pk)
            or skp.employee_id in assessees
            or any(s.covers_unit(skp.position.unit) for s in actor.read_scopes)
        ):
            found.add(skp.pk)
        stack += node.children
    return found


@dataclass
class CascadeRow:
    """One result of the tree in page order, with what the page prints of it; ``closes``
    counts the enclosing branches that end after it (a leaf), so the page renders the
    tree in one loop with few lookups instead of one template include per node.
    ``branch_url`` loads supporters below the levels rendered."""

    text: str
    href: str
    who: str
    badge: str
    depth: int
    children: int
    branch_url: str
    closes: range = range(0)


def _cascade_rows(
    tree: list[CascadeNode], openable: set[int], goal: OrganisationGoal, start: int
) -> list[CascadeRow]:
    rows: list[CascadeRow] = []
    badges: dict[tuple[str, int], str] = {}
    page = reverse("planning:cascade")

    def walk(nodes: list[CascadeNode], depth: int) -> None:
        for node in nodes:
            result, skp = node.result, node.result.skp
            key = (skp.status, skp.version)
            if key not in badges:
                badges[key] = render_to_string("planning/_cascade_status.html", {"skp": skp})
            href = reverse("planning:skp_detail", args=[skp.uuid]) if skp.pk in openable else ""
            branch_url = (
                f"{page}?{urlencode({'goal': goal.uuid, 'branch': result.uuid})}"
                if node.child_count and not node.children
                else ""
            )
            who = f"{skp.employee.full_name} · {skp.position.name}"
            rows.append(
                CascadeRow(result.text, href, who, badges[key], depth, node.child_count, branch_url)
            )
            walk(node.children, depth + 1)
        if nodes and depth > start:
            # The last leaf below closes this branch, which its parent's row opened.
            last = rows[-1]
            last.closes = range(len(last.closes) + 1)

    walk(tree, start)
    return rows


@login_required
def cascade(request: HttpRequest) -> HttpResponse:
    """Pick an organisation goal (``?goal=``) and see who delivers it: the senior
    executives' results supporting it, then their subordinates' results, down to
    every employee's RHK. The page renders the top levels; a deeper branch
    (``&branch=<result>``) comes as rows for htmx, or as a page of its own."""
    periods = periods_visible_to(request.user)
    visible_goals = goals_visible_to(request.user)
    goal = None
    if request.GET.get("goal"):
        goal = get_by_uuid(visible_goals.select_related("period__agency"), request.GET["goal"])
        period = goal.period
    else:
        period = chosen_period(request, periods)
    size = cascade_size(goal) if goal else None
    branch, start = None, 0
    if goal and size and request.GET.get("branch"):
        branch = get_by_uuid(
            PlannedResult.objects.filter(pk__in=size.result_ids), request.GET["branch"]
        )
        if request.htmx:
            start = CASCADE_PAGE_LEVELS
        tree = cascade_branch(branch, levels=1 if request.htmx else CASCADE_PAGE_LEVELS)
    else:
        tree = cascade_tree(goal) if goal else []
    openable = _openable_skps(request.user, tree)
    rows = _cascade_rows(tree, openable, goal, start) if goal else []
    if branch is not None and request.htmx:
        response = render(request, "planning/_cascade_rows.html", {"rows": rows})
    else:
        goals = (
            list(
                visible_goals.filter(period=period)
                .select_related("unit")
                .prefetch_related("indicators")
            )
            if period
            else []
        )
        response = render(
            request,
            "planning/cascade_tree.html",
            {
                "periods": list(periods.order_by("-year", "agency__name")),
                "period": period,
                "goals": goals,
                "goal": goal,
                "branch": branch,
                "tree": tree,
                "rows": rows,
                "openable": openable,
                "result_count": size.results if size else 0,
                "people_count": size.people if size else 0,
            },
        )
    # The same address answers htmx with rows and a browser with the page.
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- results that support nothing (HR) -------------------------------------------------


def _unlinked_scope(request: HttpRequest):
    """The employees the list covers: a unit's subtree (``?unit=``) for anyone who may
    see its plans, else everyone in the user's HR scopes."""
    actor = actor_for(request.user)
    if request.GET.get("unit"):
        unit = get_by_uuid(
            units_visible_to(request.user).select_related("agency"), request.GET["unit"]
        )
        if not may(request.user, "planning.view_unit_plans", unit):
            raise PermissionDenied
        return unit, unit.agency, unit_subtree_employees(unit, today())
    if not (actor.is_hr_admin or actor.is_superuser):
        raise PermissionDenied
    return None, default_agency(request.user), employees_managed_by(request.user)


def _group_by_unit(rows, unit_of) -> list[tuple[Unit | None, list]]:
    groups: dict[int | None, tuple[Unit | None, list]] = {}
    for row in rows:
        unit = unit_of(row)
        groups.setdefault(unit.pk if unit else None, (unit, []))[1].append(row)
    return sorted(groups.values(), key=lambda g: g[0].path if g[0] else "~")


def _current_unit(employee: Employee) -> Unit | None:
    current = employee.current_assignments
    return current[0].position.unit if current else None


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value: str) -> str:
    """Spreadsheets run a cell starting with a formula sign; employees type these texts."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def _unlinked_csv(period: AssessmentPeriod, results, missing) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="rhk-belum-terhubung-{period.agency.code}-{period.year}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(
        [_("Problem"), _("Unit"), _("NIP"), _("Name"), _("Position"), _("SKP status"), _("Result")]
    )
    for result in results:
        skp = result.skp
        writer.writerow(
            _csv_safe(value)
            for value in [
                _("Result supports nothing"),
                skp.position.unit.name,
                skp.employee.nip,
                skp.employee.full_name,
                skp.position.name,
                skp.get_status_display(),
                result.text,
            ]
        )
    for employee in missing:
        position = employee.current_assignments[0].position
        writer.writerow(
            _csv_safe(value)
            for value in [
                _("No SKP yet"),
                position.unit.name,
                employee.nip,
                employee.full_name,
                position.name,
                "",
                "",
            ]
        )
    return response


@login_required
def unlinked(request: HttpRequest) -> HttpResponse:
    """Main results of live SKPs that support nothing yet, by unit, and the employees
    who have no SKP yet in the period (``?format=csv`` for a spreadsheet)."""
    unit, agency, employees = _unlinked_scope(request)
    periods = periods_visible_to(request.user)
    if agency is not None:
        periods = periods.filter(agency=agency)
    period = (
        get_by_uuid(periods, request.GET["period"])
        if request.GET.get("period")
        else (current_period(agency) if agency else None)
    )
    if period is None:
        return render(request, "planning/cascade_unlinked.html", {"period": None, "unit": unit})
    employees = employees.filter(agency=period.agency)
    on = min(max(today(), period.start_date), period.end_date)
    results = list(unlinked_results(period, employees).select_related("skp__period"))
    missing = list(employees_without_skp(employees, period, on))
    if request.GET.get("format") == "csv":
        return _unlinked_csv(period, results, missing)
    return render(
        request,
        "planning/cascade_unlinked.html",
        {
            "period": period,
            "periods": list(periods.order_by("-year")),
            "unit": unit,
            "result_groups": _group_by_unit(results, lambda r: r.skp.position.unit),
            "missing_groups": _group_by_unit(missing, _current_unit),
            "result_count": len(results),
            "missing_count": len(missing),
            "units": [
                u
                for u in Unit.objects.filter(agency=period.agency)
                if may(request.user, "planning.view_unit_plans", u)
            ],
        },
    )
