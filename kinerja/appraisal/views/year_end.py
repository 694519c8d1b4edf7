"""HR screens of the year's end: an employee's activity log (who changed what, when,
before → after, why) with CSV export; credit points per unit with a "why" per row and
XLSX/CSV export; and the bulk finalisation of a period's annual evaluations, run in the
background with a progress bar."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.access.permissions import actor_for, may
from kinerja.appraisal.enums import EvaluationStatus
from kinerja.appraisal.forms_objection import YearEndForm
from kinerja.appraisal.models import FinalisationRun
from kinerja.appraisal.selectors_objection import (
    activity_of,
    credit_points_of_unit,
    credit_points_visible_to,
)
from kinerja.appraisal.services.credit_points import explanation
from kinerja.appraisal.services.year_end import finalisable, finalisation_run_create
from kinerja.core.exceptions import ApplicationError
from kinerja.core.spreadsheets import XLSX, csv_lines, xlsx_bytes
from kinerja.org.models import Agency, Employee, Unit
from kinerja.planning.models import AssessmentPeriod

PAGE_SIZE = 50


def _values(data) -> str:
    """A before/after dict as "field: value; …" for a table cell or a CSV column."""
    if not data:
        return ""
    if isinstance(data, dict):
        return "; ".join(
            f"{key}: {value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}"
            for key, value in data.items()
        )
    return json.dumps(data, ensure_ascii=False)


def _actor_name(user) -> str:
    """The actor's employee name, else the login name (the employee link is fetched with
    ``select_related("actor__employee")``)."""
    try:
        return user.employee.full_name
    except Employee.DoesNotExist:
        return user.username


def _employee_for_log(request: HttpRequest, uuid) -> Employee:
    employee = get_object_or_404(Employee.objects.select_related("agency"), uuid=uuid)
    if not may(request.user, "core.view_activity_log", employee):
        raise Http404
    return employee


# --- the activity log of one employee -----------------------------------------------------


@login_required
def activity_log(request: HttpRequest, uuid) -> HttpResponse:
    """Jejak perubahan: everything the activity log holds about one employee, newest
    first, 50 a page."""
    employee = _employee_for_log(request, uuid)
    page = Paginator(activity_of(employee).select_related("actor__employee"), PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
    rows = [
        {"entry": entry, "before": _values(entry.before), "after": _values(entry.after)}
        for entry in page.object_list
    ]
    return render(
        request,
        "appraisal/activity_log.html",
        {"employee": employee, "page": page, "rows": rows},
    )


def _download(response: HttpResponse, filename: str) -> HttpResponse:
    """An export as an attachment; personal data, so no shared cache may keep it."""
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def activity_log_csv(request: HttpRequest, uuid) -> HttpResponse:
    """The whole activity log of the employee as CSV, streamed."""
    employee = _employee_for_log(request, uuid)
    entries = activity_of(employee).select_related("actor__employee").iterator(2000)
    rows = (
        [
            timezone.localtime(entry.occurred_at).isoformat(timespec="seconds"),
            _actor_name(entry.actor) if entry.actor is not None else "",
            entry.action,
            entry.object_type,
            _values(entry.before),
            _values(entry.after),
            entry.reason,
        ]
        for entry in entries
    )
    header = [_("When"), _("Who"), _("Action"), _("Object"), _("Before"), _("After"), _("Reason")]
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    return _download(response, f"jejak-{employee.nip}.csv")


# --- credit points per unit ---------------------------------------------------------------


def _hr_units(user) -> QuerySet[Unit]:
    """The units inside the user's HR admin scopes."""
    actor = actor_for(user)
    if actor.is_superuser:
        return Unit.objects.all()
    condition = Q(pk__in=[])
    for scope in actor.hr_scopes:
        part = Q(agency_id=scope.agency_id)
        if scope.path is not None:
            part &= Q(path__startswith=scope.path)
        condition |= part
    return Unit.objects.filter(condition).order_by("path")


def _chosen_scope(request: HttpRequest, action: str) -> Unit | Agency:
    """The unit asked for (``?unit=<uuid>``), else the user's first HR scope; 403 when
    the user may not do ``action`` there."""
    units = _hr_units(request.user)
    uuid = request.GET.get("unit") or request.POST.get("unit")
    scope: Unit | Agency | None = None
    if uuid:
        try:
            scope = Unit.objects.select_related("agency").get(uuid=uuid)
        except (Unit.DoesNotExist, ValidationError):
            raise Http404 from None
    else:
        actor = actor_for(request.user)
        for hr_scope in actor.hr_scopes:
            if hr_scope.path is None:
                scope = Agency.objects.get(pk=hr_scope.agency_id)
            else:
                scope = units.filter(agency_id=hr_scope.agency_id, path=hr_scope.path).first()
            break
    if scope is None and actor_for(request.user).is_superuser:
        scope = Agency.objects.order_by("name").first()
    if scope is None or not may(request.user, action, scope):
        raise PermissionDenied
    return scope


def _awards(request: HttpRequest, scope: Unit | Agency, year: int | None):
    queryset = credit_points_visible_to(request.user)
    if isinstance(scope, Unit):
        return credit_points_of_unit(queryset, unit=scope, year=year)
    queryset = queryset.filter(employee__agency=scope)
    if year is not None:
        queryset = queryset.filter(evaluation__skp__period__year=year)
    return queryset.select_related(
        "employee", "evaluation__skp__period", "evaluation__skp__position__unit"
    ).order_by("evaluation__skp__position__unit__path", "employee__name", "employee__nip")


def _year(request: HttpRequest) -> int | None:
    value = request.GET.get("tahun", "")
    return int(value) if value.isdigit() else None


@login_required
def credit_points_list(request: HttpRequest) -> HttpResponse:
    """Angka kredit per unit: every award of the unit's functional staff, with its
    inputs and why."""
    scope = _chosen_scope(request, "appraisal.list_credit_points")
    year = _year(request)
    page = Paginator(_awards(request, scope, year), PAGE_SIZE).get_page(request.GET.get("halaman"))
    rows = [(award, explanation(award)) for award in page.object_list]
    return render(
        request,
        "appraisal/credit_points_list.html",
        {
            "scope": scope,
            "is_unit": isinstance(scope, Unit),
            "units": _hr_units(request.user).only("uuid", "name", "path"),
            "year": year,
            "page": page,
            "rows": rows,
        },
    )


def _export_header() -> list[str]:
    return [
        _("NIP"),
        _("Name"),
        _("Unit"),
        _("Position"),
        _("Year"),
        _("Level"),
        _("Months"),
        _("Predicate"),
        _("Percentage"),
        _("Coefficient"),
        _("Credit points"),
    ]


def _export_rows(awards):
    for award in awards.iterator(2000):
        skp = award.evaluation.skp
        yield [
            award.employee.nip,
            award.employee.full_name,
            skp.position.unit.name,
            skp.position.name,
            skp.period.year,
            award.level,
            award.months,
            award.get_predicate_display(),
            float(award.percentage),
            float(award.coefficient),
            float(award.points),
        ]


@login_required
def credit_points_export(request: HttpRequest) -> HttpResponse:
    """The same list as XLSX (``?format=xlsx``, the default) or CSV."""
    scope = _chosen_scope(request, "appraisal.list_credit_points")
    rows = _export_rows(_awards(request, scope, _year(request)))
    name = f"angka-kredit-{getattr(scope, 'code', '') or 'instansi'}"
    if request.GET.get("format") == "csv":
        content = "".join(csv_lines(_export_header(), rows))
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        return _download(response, f"{name}.csv")
    content = xlsx_bytes(_("Credit points"), _export_header(), rows)
    return _download(HttpResponse(content, content_type=XLSX), f"{name}.xlsx")


# --- year-end finalisation ------------------------------------------------------------------


@login_required
def year_end(request: HttpRequest) -> HttpResponse:
    """Finalisasi akhir tahun: choose the period and the unit (or the whole agency);
    the run finalises every rated annual evaluation there in the background."""
    actor = actor_for(request.user)
    agency_ids = {s.agency_id for s in actor.hr_scopes}
    if not agency_ids and not actor.is_superuser:
        raise PermissionDenied
    periods = AssessmentPeriod.objects.order_by("-year")
    if not actor.is_superuser:
        periods = periods.filter(agency_id__in=agency_ids)
    form = YearEndForm(request.POST or None, periods=periods, units=_hr_units(request.user))
    if request.method == "POST" and form.is_valid():
        period = form.cleaned_data["period"]
        scope = form.cleaned_data["unit"] or period.agency
        if not may(request.user, "appraisal.finalise_year", scope):
            raise PermissionDenied
        try:
            run = finalisation_run_create(agency_or_unit=scope, period=period, actor=request.user)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            return redirect("appraisal:year_end_run", uuid=run.uuid)
    runs = FinalisationRun.objects.select_related("period", "unit").order_by("-created_at")
    if not actor.is_superuser:
        runs = runs.filter(agency_id__in=agency_ids)
    waiting = {
        period.pk: finalisable(scope=period.agency, period=period).count()
        for period in periods.select_related("agency")[:3]
    }
    return render(
        request,
        "appraisal/year_end.html",
        {
            "form": form,
            "runs": runs[:10],
            "waiting": [(p, waiting[p.pk]) for p in periods[:3]],
            "final_status": EvaluationStatus.FINAL,
        },
    )


@login_required
def year_end_run(request: HttpRequest, uuid) -> HttpResponse:
    """One run's progress; the partial polls itself while the run is going."""
    run = get_object_or_404(
        FinalisationRun.objects.select_related("agency", "unit", "period"), uuid=uuid
    )
    if not may(request.user, "appraisal.finalise_year", run.unit or run.agency):
        raise Http404
    template = "appraisal/year_end_status.html" if request.htmx else "appraisal/year_end_run.html"
    return render(request, template, {"run": run})
