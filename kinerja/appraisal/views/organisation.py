"""Recording each unit's organisation predicate (capaian kinerja organisasi) per window
and for the year (SE MenPAN-RB 3/2023, step 1).

A leader sees the units they are the next-higher leader of (the units whose head they
assess); an agency-wide HR admin sees every unit of the agency and records on the
leader's behalf. The form posts inline (htmx) and answers with the unit's row.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kinerja.access.permissions import (
    actor_for,
    agencies_visible_to,
    may,
    units_led_from_above,
    units_visible_to,
)
from kinerja.appraisal.enums import OrganisationPredicate
from kinerja.appraisal.forms_organisation import OrganisationResultForm
from kinerja.appraisal.models import OrganisationResult
from kinerja.appraisal.selectors_distribution import organisation_results_for, policy_for
from kinerja.appraisal.selectors_evaluation import (
    ANNUAL,
    UnknownWindow,
    period_windows,
    window_from_key,
    window_key,
)
from kinerja.appraisal.services.organisation import organisation_result_record
from kinerja.core.exceptions import ApplicationError
from kinerja.org.models import Agency, Unit
from kinerja.planning.models import AssessmentPeriod, ReportingWindow
from kinerja.planning.selectors import current_period
from kinerja.regulation.distribution import explain_guide

# --- choosing the agency, period and window (shared with the calibration screen) ----------


def get_by_uuid(queryset, value):
    """The row with this UUID in ``queryset``, or 404 (also for a malformed UUID)."""
    try:
        return queryset.get(uuid=value)
    except (queryset.model.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error


def chosen_agency(request: HttpRequest) -> Agency | None:
    """``?agency=<uuid>`` among the visible agencies, else the user's own agency, else
    the first agency one of their roles covers."""
    agencies = agencies_visible_to(request.user)
    if request.GET.get("agency"):
        return get_by_uuid(agencies, request.GET["agency"])
    actor = actor_for(request.user)
    if actor.employee is not None:
        return actor.employee.agency
    if actor.read_scopes:
        return agencies.filter(pk=actor.read_scopes[0].agency_id).first()
    return agencies.order_by("name").first()


def chosen_period(request: HttpRequest, agency: Agency) -> AssessmentPeriod | None:
    periods = AssessmentPeriod.objects.filter(agency=agency).select_related("agency")
    value = request.POST.get("period") or request.GET.get("period")
    if value:
        return get_by_uuid(periods, value)
    return current_period(agency)


def chosen_window(request: HttpRequest, period: AssessmentPeriod) -> ReportingWindow | None:
    """``window=<uuid>``, or ``window=tahunan`` for the year; by default the latest window
    that has ended (the one being assessed), else the first."""
    value = request.POST.get("window", request.GET.get("window", ""))
    try:
        return window_from_key(period, value)
    except UnknownWindow:
        raise Http404 from None


# --- the unit predicates page ---------------------------------------------------------------


def _recordable_units(request: HttpRequest, agency: Agency) -> list[Unit]:
    """The agency's units the user may record a result for; a fixed number of queries."""
    units = units_visible_to(request.user).filter(agency=agency).order_by("path")
    if not may(request.user, "appraisal.manage_policy", agency):
        units = units.filter(pk__in=units_led_from_above(actor_for(request.user)))
    return list(units)


def _row(unit: Unit, result: OrganisationResult | None, rounding: str, form=None) -> dict:
    """One unit's row; ``form`` only when the row is being edited (the list renders none,
    so a large agency's page stays light: the form is fetched per row)."""
    return {
        "unit": unit,
        "result": result,
        "form": form,
        "guide": explain_guide(result.predicate, rounding) if result else "",
    }


def _blank_form(unit: Unit, result: OrganisationResult | None) -> OrganisationResultForm:
    initial = {"predicate": result.predicate, "basis": result.basis} if result else {}
    return OrganisationResultForm(initial=initial, prefix=f"u{unit.pk}")


def _context(request, agency, period, window) -> dict:
    windows = period_windows(period)
    return {
        "agency": agency,
        "period": period,
        "window": window,
        "windows": windows,
        "window_value": window_key(window),
        "annual": ANNUAL,
        "periods": list(AssessmentPeriod.objects.filter(agency=agency).order_by("-year")),
        "predicates": OrganisationPredicate.choices,
    }


@login_required
def organisation_results(request: HttpRequest) -> HttpResponse:
    """Every unit the user may record for, with its predicate for the chosen window."""
    agency = chosen_agency(request)
    if agency is None:
        raise PermissionDenied
    units = _recordable_units(request, agency)
    if not units and not may(request.user, "appraisal.manage_policy", agency):
        raise PermissionDenied
    period = chosen_period(request, agency)
    context = {"agency": agency, "period": period, "rows": []}
    if period is not None:
        window = chosen_window(request, period)
        results = organisation_results_for(units, period, window)
        context.update(_context(request, agency, period, window))
        rounding = policy_for(agency).rounding
        context["rows"] = [_row(unit, results.get(unit.pk), rounding) for unit in units]
    return render(request, "appraisal/organisation_results.html", context)


def _save(request: HttpRequest, form, unit: Unit, period, window) -> bool:
    """Call the service with the form's data; a refusal becomes the form's errors."""
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        organisation_result_record(
            unit=unit,
            period=period,
            window=window,
            predicate=data["predicate"],
            basis=data["basis"],
            reason=data["reason"],
            actor=request.user,
        )
    except ValidationError as refusal:
        for field, errors in refusal.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return False
    except ApplicationError as refusal:
        form.add_error(None, refusal.message)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def organisation_result_record_view(request: HttpRequest, uuid) -> HttpResponse:
    """GET: the unit's row with its form (htmx), or the form on its own page. POST:
    record or change the unit's predicate; answers with the unit's row for htmx."""
    unit = get_by_uuid(units_visible_to(request.user).select_related("agency"), uuid)
    if not may(request.user, "appraisal.record_organisation_result", unit):
        raise PermissionDenied
    period = chosen_period(request, unit.agency)
    if period is None:
        raise Http404
    window = chosen_window(request, period)
    context = _context(request, unit.agency, period, window)
    rounding = policy_for(unit.agency).rounding
    if request.method == "GET":
        result = organisation_results_for([unit], period, window).get(unit.pk)
        context.update(row=_row(unit, result, rounding, _blank_form(unit, result)))
        template = "appraisal/organisation_row.html"
        if not request.htmx:
            template = "appraisal/organisation_form_page.html"
        return render(request, template, context)
    form = OrganisationResultForm(request.POST, prefix=f"u{unit.pk}")
    saved = _save(request, form, unit, period, window)
    if request.htmx:
        result = organisation_results_for([unit], period, window).get(unit.pk)
        context.update(row=_row(unit, result, rounding, None if saved else form), saved=saved)
        return render(request, "appraisal/organisation_row.html", context)
    if saved:
        messages.success(
            request, _("The result of %(unit)s has been recorded.") % {"unit": unit.name}
        )
    else:
        problems = [str(m) for errors in form.errors.values() for m in errors]
        messages.error(request, " ".join(problems) or _("The organisation result was not saved."))
    query = urlencode(
        {"agency": unit.agency.uuid, "period": period.uuid, "window": window_key(window)}
    )
    return redirect(f"{reverse('appraisal:organisation_results')}?{query}")
