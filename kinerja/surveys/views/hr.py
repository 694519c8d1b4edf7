"""The HR and leaders' side of the survey: list, set-up, results, poster and exports."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kinerja.access.permissions import actor_for, may
from kinerja.core.exceptions import ApplicationError
from kinerja.surveys import documents
from kinerja.surveys.forms import (
    ServiceOptionForm,
    SurveyPeriodForm,
    SurveyUnitCreateForm,
    SurveyUnitForm,
)
from kinerja.surveys.selectors import (
    default_period,
    periods_of,
    survey_results,
    survey_trend,
    survey_unit_list_rows,
    survey_units_visible_to,
    units_manageable_by,
)
from kinerja.surveys.services import (
    service_option_add,
    survey_period_create,
    survey_unit_create,
    survey_unit_update,
)

TREND_PERIODS = 8


def _get(queryset, uuid):
    try:
        return queryset.get(uuid=uuid)
    except (queryset.model.DoesNotExist, ValidationError) as error:
        raise Http404 from error


def _visible(request, uuid, action="surveys.view_results"):
    survey_unit = _get(survey_units_visible_to(request.user), uuid)
    if not may(request.user, action, survey_unit):
        raise PermissionDenied
    return survey_unit


def _apply_errors(form, error) -> None:
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, getattr(error, "message", str(error)))


def public_url(request: HttpRequest, survey_unit) -> str:
    """The address printed on the poster (absolute, for the QR code)."""
    return request.build_absolute_uri(reverse("surveys:public_form", args=[survey_unit.slug]))


@login_required
def survey_list(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    if not (actor.is_superuser or actor.read_scopes):
        raise PermissionDenied
    rows = survey_unit_list_rows(request.user)
    may_create = actor.is_superuser or bool(actor.hr_scopes)
    return render(request, "surveys/list.html", {"rows": rows, "may_create": may_create})


@login_required
def survey_create(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    if not (actor.is_superuser or actor.hr_scopes):
        raise PermissionDenied
    units = units_manageable_by(request.user).filter(survey_settings__isnull=True)
    form = SurveyUnitCreateForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        if not may(request.user, "surveys.manage_survey", unit):
            raise PermissionDenied
        try:
            survey_unit = survey_unit_create(
                unit=unit,
                slug=form.cleaned_data["slug"] or slugify(unit.name),
                population_served=form.cleaned_data["population_served"],
                is_active=form.cleaned_data["is_active"],
                ask_officer=form.cleaned_data["ask_officer"],
                officer_threshold=form.cleaned_data["officer_threshold"],
                actor=request.user,
            )
        except (ApplicationError, ValidationError) as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The survey is set up. Print its poster."))
            return redirect("surveys:results", uuid=survey_unit.uuid)
    return render(request, "surveys/form.html", {"form": form, "title": _("Set up a survey")})


@login_required
def survey_edit(request: HttpRequest, uuid) -> HttpResponse:
    survey_unit = _visible(request, uuid, "surveys.manage_survey")
    form = SurveyUnitForm(instance=survey_unit)
    service_form = ServiceOptionForm()
    if request.method == "POST" and "name" in request.POST:
        service_form = ServiceOptionForm(request.POST)
        if service_form.is_valid():
            try:
                service_option_add(
                    survey_unit=survey_unit,
                    name=service_form.cleaned_data["name"],
                    actor=request.user,
                )
            except ValidationError as error:
                _apply_errors(service_form, error)
            else:
                return redirect("surveys:edit", uuid=survey_unit.uuid)
    elif request.method == "POST":
        data_form = SurveyUnitForm(request.POST, instance=copy.copy(survey_unit))
        if data_form.is_valid():
            values = {name: data_form.cleaned_data[name] for name in SurveyUnitForm.Meta.fields}
            try:
                survey_unit_update(survey_unit=survey_unit, values=values, actor=request.user)
            except ValidationError as error:
                _apply_errors(data_form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("surveys:results", uuid=survey_unit.uuid)
        form = data_form
    return render(
        request,
        "surveys/edit.html",
        {
            "survey_unit": survey_unit,
            "form": form,
            "service_form": service_form,
            "services": survey_unit.services.all(),
        },
    )


@login_required
def period_create(request: HttpRequest, uuid) -> HttpResponse:
    survey_unit = _visible(request, uuid, "surveys.manage_survey")
    agency = survey_unit.unit.agency
    form = SurveyPeriodForm(
        request.POST or None,
        agency_wide_allowed=may(request.user, "surveys.open_agency_period", agency),
    )
    if request.method == "POST" and form.is_valid():
        try:
            survey_period_create(
                agency=agency,
                unit=None if form.cleaned_data.get("agency_wide") else survey_unit.unit,
                name=form.cleaned_data["name"],
                start_date=form.cleaned_data["start_date"],
                end_date=form.cleaned_data["end_date"],
                actor=request.user,
            )
        except (ApplicationError, ValidationError) as error:
            _apply_errors(form, error)
        else:
            return redirect("surveys:results", uuid=survey_unit.uuid)
    return render(
        request,
        "surveys/form.html",
        {"form": form, "title": _("Open a survey period"), "survey_unit": survey_unit},
    )


def _chosen_period(request, survey_unit, periods):
    chosen = request.GET.get("periode")
    if chosen:
        for period in periods:
            if str(period.uuid) == chosen:
                return period
        raise Http404
    return default_period(survey_unit, periods)


@login_required
def results(request: HttpRequest, uuid) -> HttpResponse:
    """IKM, grade, intervals, sample adequacy, warnings, trend, breakdowns, refusals."""
    survey_unit = _visible(request, uuid)
    periods = list(periods_of(survey_unit))
    period = _chosen_period(request, survey_unit, periods)
    context = {
        "survey_unit": survey_unit,
        "periods": periods,
        "period": period,
        "public_url": public_url(request, survey_unit),
        "may_manage": may(request.user, "surveys.manage_survey", survey_unit),
    }
    if period is not None:
        context["results"] = survey_results(survey_unit, period)
        context["trend"] = survey_trend(survey_unit, periods[:TREND_PERIODS])
    return render(request, "surveys/results.html", context)


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def poster(request: HttpRequest, uuid, fmt: str) -> HttpResponse:
    survey_unit = _visible(request, uuid)
    url = public_url(request, survey_unit)
    if fmt == "png":
        return _attachment(
            documents.poster_png(survey_unit, url), "image/png", f"poster-{survey_unit.slug}.png"
        )
    if fmt == "pdf":
        return _attachment(
            documents.poster_pdf(survey_unit, url),
            "application/pdf",
            f"poster-{survey_unit.slug}.pdf",
        )
    raise Http404


def _period_for_export(request, survey_unit):
    periods = list(periods_of(survey_unit))
    period = _chosen_period(request, survey_unit, periods)
    if period is None:
        raise Http404
    return period, periods


def _export(request: HttpRequest, uuid, fmt: str, name: str, build) -> HttpResponse:
    """A CSV or XLSX download of the chosen period: ``build(survey_unit, period, fmt)``."""
    survey_unit = _visible(request, uuid)
    if fmt not in CONTENT_TYPES:
        raise Http404
    period, _periods = _period_for_export(request, survey_unit)
    return _attachment(
        build(survey_unit, period, fmt),
        CONTENT_TYPES[fmt],
        f"skm-{name}-{survey_unit.slug}-{period.start_date:%Y%m%d}.{fmt}",
    )


@login_required
def export_answers(request: HttpRequest, uuid, fmt: str) -> HttpResponse:
    return _export(request, uuid, fmt, "jawaban", documents.answers_export)


@login_required
def export_results(request: HttpRequest, uuid, fmt: str) -> HttpResponse:
    return _export(request, uuid, fmt, "hasil", documents.results_export)


@login_required
def report(request: HttpRequest, uuid) -> HttpResponse:
    survey_unit = _visible(request, uuid)
    period, periods = _period_for_export(request, survey_unit)
    pdf = documents.report_pdf(
        survey_results(survey_unit, period), survey_trend(survey_unit, periods[:TREND_PERIODS])
    )
    return _attachment(
        pdf, "application/pdf", f"laporan-skm-{survey_unit.slug}-{period.start_date:%Y%m%d}.pdf"
    )
