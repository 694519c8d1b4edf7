"""The public survey page: no login, light, works without JavaScript.

Every refusal is counted (``rejection_record``) and answered with a friendly message;
nothing about the visitor is stored beyond what the form asks.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.surveys import guard
from kinerja.surveys.enums import RejectionReason
from kinerja.surveys.forms import HONEYPOT_FIELD, ResponseForm
from kinerja.surveys.selectors import officers_of, open_period, survey_unit_by_slug
from kinerja.surveys.services import answers_fingerprint, rejection_record, response_submit


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


def _refuse(request, survey_unit, reason, message, *, status, data=None):
    rejection_record(survey_unit=survey_unit, reason=reason)
    form = _form(survey_unit, data, on=today())
    return _page(request, survey_unit, form, status=status, problem=message)


def _screen(request, survey_unit, address):
    """The checks before the answers are read: honeypot, rate limit, one-time token.
    Returns (reason, message, status, keep the answers) for a refusal, else None."""
    if request.POST.get(HONEYPOT_FIELD):
        return (
            RejectionReason.HONEYPOT,
            _("Your answers could not be accepted. Please fill in the form again."),
            400,
            False,
        )
    if guard.rate_limited(address):
        return (
            RejectionReason.RATE_LIMITED,
            _("Many answers have come from your connection just now. Please try again later."),
            429,
            False,
        )
    try:
        guard.token_consume(request.POST.get("token", ""), survey_unit.slug)
    except guard.TokenError as error:
        if error.replayed:
            return (
                RejectionReason.TOKEN_REPLAYED,
                _(
                    "These answers were already sent. Thank you! To answer again, use this "
                    "fresh form."
                ),
                400,
                False,
            )
        return (
            RejectionReason.TOKEN_INVALID,
            _("The form had expired. Please check your answers and send them again."),
            400,
            True,
        )
    return None


@never_cache
def survey_form(request: HttpRequest, slug: str) -> HttpResponse:
    survey_unit = _survey_unit(slug)
    on = today()
    if request.method != "POST":
        return _page(request, survey_unit, _form(survey_unit, on=on), on=on)

    address = guard.address_hash(request.META.get("REMOTE_ADDR", ""))
    refusal = _screen(request, survey_unit, address)
    if refusal is not None:
        reason, message, status, keep = refusal
        return _refuse(
            request,
            survey_unit,
            reason,
            message,
            status=status,
            data=request.POST if keep else None,
        )

    form = _form(survey_unit, request.POST, on=on)
    if not form.is_valid():
        rejection_record(survey_unit=survey_unit, reason=RejectionReason.INVALID)
        return _page(
            request,
            survey_unit,
            form,
            status=400,
            problem=_("Please answer every question with one of the four answers."),
        )
    fingerprint = answers_fingerprint(form.answers(), form.profile())
    if guard.is_duplicate(address, survey_unit.slug, fingerprint):
        return _refuse(
            request,
            survey_unit,
            RejectionReason.DUPLICATE,
            _("We have already received exactly these answers from you. Thank you!"),
            status=409,
        )
    try:
        response_submit(
            survey_unit=survey_unit,
            answers=form.answers(),
            profile=form.profile(),
            service=form.cleaned_data.get("service"),
            officer=form.cleaned_data.get("officer"),
            on=on,
        )
    except ApplicationError as error:
        return _refuse(request, survey_unit, RejectionReason.CLOSED, error.message, status=400)
    guard.remember_submission(address, survey_unit.slug, fingerprint)
    return redirect("surveys:public_thanks", slug=survey_unit.slug)


def survey_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    survey_unit = _survey_unit(slug)
    return render(request, "surveys/public_thanks.html", {"survey_unit": survey_unit})
