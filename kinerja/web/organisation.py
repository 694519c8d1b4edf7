"""Organisation browser, employee pages and the user's own profile and team."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kinerja.access.permissions import (
    actor_for,
    agencies_visible_to,
    employees_visible_to,
    may,
    units_visible_to,
)
from kinerja.core.clock import today
from kinerja.org.models import Employee, Unit
from kinerja.org.selectors import (
    assignment_history,
    employee_list,
    superiors_of,
    unit_children,
    unit_positions_with_holders,
)

PAGE_SIZE = 50


def _visible_unit(request: HttpRequest, uuid) -> Unit:
    unit = get_object_or_404(units_visible_to(request.user).select_related("agency"), uuid=uuid)
    if not may(request.user, "org.view_unit", unit):
        raise Http404
    return unit


def _with_child_counts(units):
    return units.annotate(child_count=Count("children"))


@login_required
def unit_tree(request: HttpRequest) -> HttpResponse:
    """Each visible agency with its top-level units; deeper levels load on demand."""
    agencies = list(agencies_visible_to(request.user))
    trees = [(agency, list(_with_child_counts(unit_children(None, agency)))) for agency in agencies]
    return render(request, "org/unit_tree.html", {"trees": trees})


@login_required
def unit_children_partial(request: HttpRequest, uuid) -> HttpResponse:
    """The children of one unit, as a fragment for the tree (htmx)."""
    unit = _visible_unit(request, uuid)
    children = list(_with_child_counts(unit_children(unit, unit.agency)))
    return render(request, "org/_unit_children.html", {"units": children})


@login_required
def unit_detail(request: HttpRequest, uuid) -> HttpResponse:
    unit = _visible_unit(request, uuid)
    on = today()
    ancestors = list(Unit.objects.filter(pk__in=unit.ancestor_ids).exclude(pk=unit.pk))
    employees = employee_list(
        visible=employees_visible_to(request.user),
        on=on,
        unit=unit,
        search=request.GET.get("q", ""),
    )
    page = Paginator(employees, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "org/unit_detail.html",
        {
            "unit": unit,
            "ancestors": ancestors,
            "children": list(_with_child_counts(unit_children(unit, unit.agency))),
            "positions": list(unit_positions_with_holders(unit, on)),
            "page": page,
            "q": request.GET.get("q", ""),
            "can_export_plans": may(request.user, "planning.view_unit_plans", unit),
        },
    )


@login_required
def employee_search(request: HttpRequest) -> HttpResponse:
    """Search the directory by name or NIP across every agency the user may see."""
    q = request.GET.get("q", "").strip()
    employees = employee_list(visible=employees_visible_to(request.user), on=today(), search=q)
    page = Paginator(employees, PAGE_SIZE).get_page(request.GET.get("page")) if q else None
    return render(request, "org/employee_search.html", {"page": page, "q": q})


def _employee_page(request: HttpRequest, employee: Employee) -> HttpResponse:
    on = today()
    show_record = may(request.user, "org.view_employee_record", employee)
    return render(
        request,
        "org/employee_detail.html",
        {
            "employee": employee,
            "superiors": superiors_of(employee, on),
            "history": list(assignment_history(employee)) if show_record else None,
            "show_record": show_record,
            "is_self": actor_for(request.user).employee == employee,
            "on": on,
            # HR admins over the employee read the per-employee activity log (jejak).
            "can_read_log": may(request.user, "core.view_activity_log", employee),
        },
    )


@login_required
def employee_detail(request: HttpRequest, uuid) -> HttpResponse:
    employee = get_object_or_404(
        employees_visible_to(request.user).select_related("agency"), uuid=uuid
    )
    if not may(request.user, "org.view_employee", employee):
        raise Http404
    return _employee_page(request, employee)


@login_required
def my_profile(request: HttpRequest) -> HttpResponse:
    employee = actor_for(request.user).employee
    if employee is None:
        raise Http404
    return _employee_page(request, employee)


@login_required
def my_team(request: HttpRequest) -> HttpResponse:
    """The employees the user assesses today, derived from the org chart."""
    actor = actor_for(request.user)
    on = today()
    team = employee_list(
        visible=Employee.objects.filter(pk__in=actor.assessees(on)), on=on
    ).order_by("name")
    page = Paginator(team, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "org/my_team.html", {"page": page, "on": on})
