"""Writes of the public satisfaction survey: settings, periods, answers and refusals.

Management changes go through ``log_action``. Public answers do not: a response is
anonymous by design and its own row is the record; logging it would add a timestamp
that the response deliberately does not keep.
"""

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import changed_fields, log_action
from kinerja.org.models import Agency, Employee, Unit
from kinerja.regulation.ikm import ELEMENT_CODES
from kinerja.surveys import guard
from kinerja.surveys.enums import PROFILE_FIELDS, RejectionReason
from kinerja.surveys.models import (
    OFFICER_THRESHOLD_MIN,
    RejectedSubmission,
    Response,
    ServiceOption,
    SurveyPeriod,
    SurveyUnit,
)
from kinerja.surveys.selectors import officers_of, open_period

SETTING_FIELDS = ("slug", "population_served", "is_active", "ask_officer", "officer_threshold")


@transaction.atomic
def survey_unit_create(
    *,
    unit: Unit,
    slug: str,
    population_served: int | None = None,
    is_active: bool = True,
    ask_officer: bool = True,
    officer_threshold: int = OFFICER_THRESHOLD_MIN,
    actor: Any,
) -> SurveyUnit:
    if SurveyUnit.objects.filter(unit=unit).exists():
        raise ApplicationError(_("This unit already has a public survey."))
    survey_unit = SurveyUnit(
        unit=unit,
        slug=slug,
        population_served=population_served,
        is_active=is_active,
        ask_officer=ask_officer,
        officer_threshold=officer_threshold,
    )
    survey_unit.full_clean()
    survey_unit.save()
    log_action(
        actor=actor,
        action="surveys.survey_unit_create",
        obj=survey_unit,
        after={name: getattr(survey_unit, name) for name in SETTING_FIELDS},
    )
    return survey_unit


@transaction.atomic
def survey_unit_update(
    *, survey_unit: SurveyUnit, values: dict[str, Any], actor: Any, reason: str = ""
) -> SurveyUnit:
    unknown = set(values) - set(SETTING_FIELDS)
    if unknown:
        raise ValueError(f"not survey settings: {sorted(unknown)}")
    changes = changed_fields(survey_unit, values)
    if not changes:
        return survey_unit
    for name, (_old, new) in changes.items():
        setattr(survey_unit, name, new)
    survey_unit.full_clean()
    survey_unit.save(update_fields=[*changes, "updated_at"])
    log_action(
        actor=actor,
        action="surveys.survey_unit_update",
        obj=survey_unit,
        before={name: old for name, (old, _new) in changes.items()},
        after={name: new for name, (_old, new) in changes.items()},
        reason=reason,
    )
    return survey_unit


@transaction.atomic
def service_option_add(*, survey_unit: SurveyUnit, name: str, actor: Any) -> ServiceOption:
    option = ServiceOption(survey_unit=survey_unit, name=name.strip())
    option.full_clean()
    option.save()
    log_action(actor=actor, action="surveys.service_add", obj=option, after={"name": option.name})
    return option


@transaction.atomic
def survey_period_create(
    *,
    agency: Agency,
    unit: Unit | None,
    name: str,
    start_date: datetime.date,
    end_date: datetime.date,
    actor: Any,
) -> SurveyPeriod:
    period = SurveyPeriod(
        agency=agency, unit=unit, name=name, start_date=start_date, end_date=end_date
    )
    period.full_clean()
    overlapping = SurveyPeriod.objects.filter(
        agency=agency, unit=unit, start_date__lte=end_date, end_date__gte=start_date
    )
    if overlapping.exists():
        raise ApplicationError(_("Another survey period overlaps these dates."))
    period.save()
    log_action(
        actor=actor,
        action="surveys.period_create",
        obj=period,
        after={
            "name": name,
            "unit": unit.name if unit else None,
            "start_date": start_date.isoformat(),
            "end_date": end_date.isoformat(),
        },
    )
    return period


def answers_fingerprint(answers: dict[str, int], profile: dict[str, str]) -> str:
    """What makes two submissions the same for duplicate detection."""
    parts = [str(answers[code]) for code in ELEMENT_CODES]
    parts += [profile.get(name, "") for name, _choices in PROFILE_FIELDS]
    return "|".join(parts)


@transaction.atomic
def response_submit(
    *,
    survey_unit: SurveyUnit,
    answers: dict[str, int],
    profile: dict[str, str] | None = None,
    service: ServiceOption | None = None,
    officer: Employee | None = None,
    on: datetime.date | None = None,
) -> Response:
    """Record one public respondent's answers in the period open on ``on`` (today)."""
    on = on or today()
    if not survey_unit.is_active:
        raise ApplicationError(_("This survey is not accepting answers at the moment."))
    period = open_period(survey_unit, on)
    if period is None:
        raise ApplicationError(_("No survey period is open today for this unit."))
    if service is not None and service.survey_unit_id != survey_unit.pk:
        raise ApplicationError(_("Choose a service of this unit."))
    if officer is not None and (
        not survey_unit.ask_officer
        or not officers_of(survey_unit, on).filter(pk=officer.pk).exists()
    ):
        raise ApplicationError(_("Choose an officer of this unit."))
    profile = profile or {}
    response = Response(
        survey_unit=survey_unit,
        period=period,
        service=service,
        officer=officer,
        submitted_on=on,
        **{code: answers.get(code) for code in ELEMENT_CODES},
        **{name: profile.get(name, "") for name, _choices in PROFILE_FIELDS},
    )
    response.full_clean()
    response.save()
    return response


def rejection_record(
    *, survey_unit: SurveyUnit, reason: str, on: datetime.date | None = None
) -> None:
    """Count one refused submission (its own transaction: the refusal itself is kept)."""
    on = on or today()
    updated = RejectedSubmission.objects.filter(
        survey_unit=survey_unit, day=on, reason=reason
    ).update(count=F("count") + 1)
    if updated:
        return
    try:
        with transaction.atomic():
            RejectedSubmission.objects.create(
                survey_unit=survey_unit, day=on, reason=reason, count=1
            )
    except IntegrityError:  # another process created the row meanwhile
        RejectedSubmission.objects.filter(survey_unit=survey_unit, day=on, reason=reason).update(
            count=F("count") + 1
        )


# --- the public intake: the same checks for the page and the API ----------------------


class Refused(Exception):
    """A public submission was refused (and counted); ``message`` is translated."""

    def __init__(self, reason: str, message: str, status: int, *, keep_answers: bool = False):
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.status = status
        self.keep_answers = keep_answers


def _refuse(survey_unit: SurveyUnit, reason: str, message: str, status: int, **kw) -> Refused:
    rejection_record(survey_unit=survey_unit, reason=reason)
    return Refused(reason, message, status, **kw)


def submission_screen(*, survey_unit: SurveyUnit, address: str, token: str, honeypot: str) -> None:
    """The checks before the answers are read: honeypot, rate limit, one-time token.
    ``address`` is the hashed address (``guard.address_hash``). Raises ``Refused``."""
    if honeypot:
        raise _refuse(
            survey_unit,
            RejectionReason.HONEYPOT,
            _("Your answers could not be accepted. Please fill in the form again."),
            400,
        )
    if guard.rate_limited(address):
        raise _refuse(
            survey_unit,
            RejectionReason.RATE_LIMITED,
            _("Many answers have come from your connection just now. Please try again later."),
            429,
        )
    try:
        guard.token_consume(token, survey_unit.slug)
    except guard.TokenError as error:
        if error.replayed:
            raise _refuse(
                survey_unit,
                RejectionReason.TOKEN_REPLAYED,
                _(
                    "These answers were already sent. Thank you! To answer again, use this "
                    "fresh form."
                ),
                400,
            ) from error
        raise _refuse(
            survey_unit,
            RejectionReason.TOKEN_INVALID,
            _("The form had expired. Please check your answers and send them again."),
            400,
            keep_answers=True,
        ) from error


def submission_invalid(*, survey_unit: SurveyUnit) -> Refused:
    """Count answers that are missing or out of range; the caller shows the errors."""
    return _refuse(
        survey_unit,
        RejectionReason.INVALID,
        _("Please answer every question with one of the four answers."),
        400,
        keep_answers=True,
    )


def submission_complete(
    *,
    survey_unit: SurveyUnit,
    address: str,
    answers: dict[str, int],
    profile: dict[str, str],
    service: ServiceOption | None = None,
    officer: Employee | None = None,
) -> Response:
    """Refuse a duplicate, else record the answers and remember them for the window."""
    fingerprint = answers_fingerprint(answers, profile)
    if guard.is_duplicate(address, survey_unit.slug, fingerprint):
        raise _refuse(
            survey_unit,
            RejectionReason.DUPLICATE,
            _("We have already received exactly these answers from you. Thank you!"),
            409,
        )
    try:
        response = response_submit(
            survey_unit=survey_unit,
            answers=answers,
            profile=profile,
            service=service,
            officer=officer,
        )
    except ApplicationError as error:
        raise _refuse(survey_unit, RejectionReason.CLOSED, error.message, 400) from error
    guard.remember_submission(address, survey_unit.slug, fingerprint)
    return response
