"""The public satisfaction survey (IKM): the public form and submission without login,
and for HR and leaders the survey units, their periods and results.

The public operations take no credentials and apply the page's checks: a one-time token
from ``GET …/form``, the honeypot, the per-address rate limit and duplicate detection;
every refusal is counted. The others ask ``access`` like the pages do.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.errors import HttpError

from kinerja.access.permissions import may
from kinerja.api.v1.schemas.surveys import (
    SurveyElementOut,
    SurveyPeriodIn,
    SurveyPeriodOut,
    SurveyPublicFormOut,
    SurveyReceivedOut,
    SurveyResultsOut,
    SurveySubmissionIn,
    SurveyUnitCreateIn,
    SurveyUnitOut,
    SurveyUnitUpdateIn,
)
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.regulation.ikm import ELEMENT_CODES, ELEMENTS_2017, SCALE_MAX, SCALE_MIN
from kinerja.surveys import guard, services
from kinerja.surveys.enums import PROFILE_FIELDS
from kinerja.surveys.models import SurveyPeriod, SurveyUnit
from kinerja.surveys.selectors import (
    default_period,
    officers_of,
    open_period,
    periods_of,
    survey_results,
    survey_unit_by_slug,
    survey_units_visible_to,
    units_manageable_by,
)

router = Router(tags=["surveys"])


def _public_unit(slug: str) -> SurveyUnit:
    survey_unit = survey_unit_by_slug(slug)
    if survey_unit is None:
        raise Http404
    return survey_unit


@router.get(
    "/surveys/form",
    response=SurveyPublicFormOut,
    auth=None,
    summary="The public survey form with a one-time token (no login)",
    description="``slug`` is the last part of the survey's public address (its QR code).",
)
def public_form(request: HttpRequest, slug: str):
    survey_unit = _public_unit(slug)
    language = get_language() or "id"
    return {
        "unit": survey_unit.unit.name,
        "agency": survey_unit.unit.agency.name,
        "open": survey_unit.is_active and open_period(survey_unit, today()) is not None,
        "token": guard.token_issue(survey_unit.slug),
        "elements": [
            SurveyElementOut(
                code=e.code,
                name=e.name(language),
                question=e.question(language),
                answers=list(e.answers(language)),
            )
            for e in ELEMENTS_2017
        ],
    }


def _valid_submission(survey_unit: SurveyUnit, payload: SurveySubmissionIn):
    answers = {}
    for code in ELEMENT_CODES:
        value = payload.answers.get(code)
        if not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
            return None
        answers[code] = value
    if set(payload.answers) - set(ELEMENT_CODES):
        return None
    profile = {}
    for name, choices in PROFILE_FIELDS:
        value = getattr(payload, name)
        if value and value not in choices.values:
            return None
        profile[name] = value
    service = officer = None
    if payload.service is not None:
        service = survey_unit.services.filter(uuid=payload.service, is_active=True).first()
        if service is None:
            return None
    if payload.officer is not None:
        officer = officers_of(survey_unit, today()).filter(uuid=payload.officer).first()
        if officer is None or not survey_unit.ask_officer:
            return None
    return answers, profile, service, officer


@router.post(
    "/surveys/responses",
    response={201: SurveyReceivedOut},
    auth=None,
    summary="Submit answers to a public survey (no login)",
    description=(
        "Take ``token`` from ``GET /surveys/form`` (one submission per token). Refusals are "
        "counted and answered with a problem: 400 (token, honeypot, answers, closed), 409 "
        "(the same answers again), 429 (too many from one address)."
    ),
)
def public_submit(request: HttpRequest, payload: SurveySubmissionIn):
    survey_unit = _public_unit(payload.slug)
    address = guard.address_hash(request.META.get("REMOTE_ADDR", ""))
    try:
        services.submission_screen(
            survey_unit=survey_unit, address=address, token=payload.token, honeypot=payload.website
        )
        cleaned = _valid_submission(survey_unit, payload)
        if cleaned is None:
            raise services.submission_invalid(survey_unit=survey_unit)
        answers, profile, service, officer = cleaned
        services.submission_complete(
            survey_unit=survey_unit,
            address=address,
            answers=answers,
            profile=profile,
            service=service,
            officer=officer,
        )
    except services.Refused as refusal:
        raise HttpError(refusal.status, refusal.message) from refusal
    return Status(201, {"received": True})


# --- HR and leaders ----------------------------------------------------------------------


def _out(request: HttpRequest, survey_unit: SurveyUnit) -> dict:
    return {
        "uuid": survey_unit.uuid,
        "unit": survey_unit.unit.uuid,
        "unit_name": survey_unit.unit.name,
        "slug": survey_unit.slug,
        "public_url": request.build_absolute_uri(
            reverse("surveys:public_form", args=[survey_unit.slug])
        ),
        "population_served": survey_unit.population_served,
        "is_active": survey_unit.is_active,
        "ask_officer": survey_unit.ask_officer,
        "officer_threshold": survey_unit.officer_threshold,
    }


def _survey_unit(request: HttpRequest, uuid: UUID, action: str = "surveys.view_results"):
    survey_unit = survey_units_visible_to(request.user).filter(uuid=uuid).first()
    if survey_unit is None:
        raise Http404
    if not may(request.user, action, survey_unit):
        raise PermissionDenied
    return survey_unit


@router.get("/survey-units", response=list[SurveyUnitOut], summary="Survey units you may read")
def survey_unit_list(request: HttpRequest):
    units = survey_units_visible_to(request.user).order_by("unit__path")
    return [_out(request, u) for u in units]


@router.post("/survey-units", response={201: SurveyUnitOut}, summary="Set up a unit's survey")
def survey_unit_create(request: HttpRequest, payload: SurveyUnitCreateIn):
    unit = units_manageable_by(request.user).filter(uuid=payload.unit).first()
    if unit is None or not may(request.user, "surveys.manage_survey", unit):
        raise Http404
    survey_unit = services.survey_unit_create(
        unit=unit,
        slug=payload.slug,
        population_served=payload.population_served,
        is_active=payload.is_active,
        ask_officer=payload.ask_officer,
        officer_threshold=payload.officer_threshold,
        actor=request.user,
    )
    return Status(201, _out(request, survey_unit))


@router.get("/survey-units/{uuid}", response=SurveyUnitOut, summary="One survey unit")
def survey_unit_get(request: HttpRequest, uuid: UUID):
    return _out(request, _survey_unit(request, uuid))


@router.patch("/survey-units/{uuid}", response=SurveyUnitOut, summary="Change survey settings")
def survey_unit_update(request: HttpRequest, uuid: UUID, payload: SurveyUnitUpdateIn):
    survey_unit = _survey_unit(request, uuid, "surveys.manage_survey")
    values = payload.dict(exclude_unset=True)
    if values.get("slug") is None:
        values.pop("slug", None)
    services.survey_unit_update(survey_unit=survey_unit, values=values, actor=request.user)
    return _out(request, survey_unit)


def _period_out(period: SurveyPeriod) -> dict:
    return {
        "uuid": period.uuid,
        "name": period.name,
        "start_date": period.start_date,
        "end_date": period.end_date,
        "agency_wide": period.unit_id is None,
    }


@router.get(
    "/survey-units/{uuid}/periods",
    response=list[SurveyPeriodOut],
    summary="A survey unit's periods, latest first",
)
def survey_period_list(request: HttpRequest, uuid: UUID):
    return [_period_out(p) for p in periods_of(_survey_unit(request, uuid))]


@router.post(
    "/survey-units/{uuid}/periods",
    response={201: SurveyPeriodOut},
    summary="Open a survey period for the unit",
)
def survey_period_create(request: HttpRequest, uuid: UUID, payload: SurveyPeriodIn):
    survey_unit = _survey_unit(request, uuid, "surveys.manage_survey")
    agency = survey_unit.unit.agency
    if payload.agency_wide and not may(request.user, "surveys.open_agency_period", agency):
        raise PermissionDenied
    try:
        period = services.survey_period_create(
            agency=agency,
            unit=None if payload.agency_wide else survey_unit.unit,
            name=payload.name,
            start_date=payload.start_date,
            end_date=payload.end_date,
            actor=request.user,
        )
    except ValidationError as error:
        raise ApplicationError(" ".join(error.messages)) from error
    return Status(201, _period_out(period))


def _interval(interval):
    if interval is None:
        return None
    return {"low": interval.low, "high": interval.high, "explanation": interval.explanation}


@router.get(
    "/survey-units/{uuid}/results",
    response=SurveyResultsOut,
    summary="IKM, NRR per element with confidence intervals, grade and sample adequacy",
)
def survey_results_get(request: HttpRequest, uuid: UUID, period: UUID | None = None):
    survey_unit = _survey_unit(request, uuid)
    periods = list(periods_of(survey_unit))
    if period is None:
        chosen = default_period(survey_unit, periods)
    else:
        chosen = next((p for p in periods if p.uuid == period), None)
    if chosen is None:
        raise Http404(_("No such survey period."))
    results = survey_results(survey_unit, chosen)
    index, sample = results.index, results.sample
    language = get_language() or "id"
    return {
        "period": _period_out(chosen),
        "respondents": index.respondents,
        "ikm": index.index_display,
        "ikm_interval": _interval(index.interval),
        "grade": index.band.grade if index.band else None,
        "grade_label": index.band.label(language) if index.band else None,
        "provisional": sample.provisional,
        "required_sample": sample.required,
        "warnings": [{"code": f.code, "explanation": f.explanation} for f in sample.findings],
        "elements": [
            {
                "code": e.element.code,
                "name": e.element.name(language),
                "answered": e.answered,
                "nrr": e.nrr_display,
                "interval": _interval(e.interval),
                "explanation": e.explanation,
            }
            for e in index.elements
        ],
        "rejected": {reason: count for reason, _label, count in results.rejections},
        "explanation": index.explanation,
        "grade_explanation": index.grade_explanation,
        "sample_explanation": sample.explanation,
    }
