"""The public survey page: no login, light, works without JavaScript.

Every refusal is counted (``rejection_record``) and answered with a friendly message;
nothing about the visitor is stored beyond what the form asks.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from kinerja.core.clock import today
from kinerja.surveys import guard
from kinerja.surveys.enums import RejectionReason
from kinerja.surveys.forms import HONEYPOT_FIELD, ResponseForm
from kinerja.surveys.selectors import officers_of, open_period, survey_unit_by_slug
from kinerja.surveys.services import (
    Refused,
    submission_complete,
    submission_invalid,
    submission_screen,
)


def _survey_unit(slug: str):
    survey_unit = survey_unit_by_slug(slug)
    if survey_unit is None:
        raise Http404
    return survey_unit


def _form(survey_unit, data=None, *, on):
    services = survey_unit.services.filter(is_active=True)
    officers = officers_of(survey_unit, on) if survey_unit.ask_officer else None
    initial = {"token": guard.token_issue(survey_unit.slug)}
    form = ResponseForm(
        data,
        initial=initial,
        services=services if services.exists() else None,
        officers=officers,
    )
    if data is not None:
        # A re-shown form gets a fresh token: the one it came with is spent.
        form.data = form.data.copy()
        form.data["token"] = initial["token"]
    return form


def _page(request, survey_unit, form, *, status=200, problem="", on=None):
    on = on or today()
    period = open_period(survey_unit, on) if survey_unit.is_active else None
    return render(
        request,
        "surveys/public_form.html",
        {
            "survey_unit": survey_unit,
            "form": form,
            "period": period,
            "problem": problem,
            "honeypot": HONEYPOT_FIELD,
        },
        status=status,
    )


def _refused(request, survey_unit, refusal: Refused, data=None):
    form = _form(survey_unit, data if refusal.keep_answers else None, on=today())
    return _page(request, survey_unit, form, status=refusal.status, problem=refusal.message)


@never_cache
def survey_form(request: HttpRequest, slug: str) -> HttpResponse:
    survey_unit = _survey_unit(slug)
    on = today()
    if request.method != "POST":
        return _page(request, survey_unit, _form(survey_unit, on=on), on=on)
    address = guard.address_hash(request.META.get("REMOTE_ADDR", ""))
    form = None
    try:
        submission_screen(
            survey_unit=survey_unit,
            address=address,
            token=request.POST.get("token", ""),
            honeypot=request.POST.get(HONEYPOT_FIELD, ""),
        )
        form = _form(survey_unit, request.POST, on=on)
        if not form.is_valid():
            raise submission_invalid(survey_unit=survey_unit)
        submission_complete(
            survey_unit=survey_unit,
            address=address,
            answers=form.answers(),
            profile=form.profile(),
            service=form.cleaned_data.get("service"),
            officer=form.cleaned_data.get("officer"),
        )
    except Refused as refusal:
        if refusal.reason == RejectionReason.INVALID and form is not None:
            # The bound form keeps the answers and shows what is missing.
            return _page(request, survey_unit, form, status=400, problem=refusal.message)
        return _refused(request, survey_unit, refusal, request.POST)
    return redirect("surveys:public_thanks", slug=survey_unit.slug)


def survey_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    survey_unit = _survey_unit(slug)
    return render(request, "surveys/public_thanks.html", {"survey_unit": survey_unit})
