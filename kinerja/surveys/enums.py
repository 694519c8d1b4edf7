"""Vocabularies of the public satisfaction survey: the optional respondent profile and
the reasons a submission is refused."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    UNDER_20 = "lt20", _("Under 20")
    FROM_20 = "20-29", _("20–29")
    FROM_30 = "30-39", _("30–39")
    FROM_40 = "40-49", _("40–49")
    FROM_50 = "50-59", _("50–59")
    FROM_60 = "60+", _("60 and over")


class RespondentSex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class Education(models.TextChoices):
    """Pendidikan terakhir as the customary SKM questionnaire lists it."""

    PRIMARY = "sd", _("Primary school (SD) or less")
    JUNIOR = "smp", _("Junior high school (SMP)")
    SENIOR = "sma", _("Senior high school (SMA/SMK)")
    DIPLOMA = "diploma", _("Diploma (D1–D3)")
    BACHELOR = "s1", _("Bachelor (D4/S1)")
    POSTGRADUATE = "s2", _("Postgraduate (S2/S3)")


class Occupation(models.TextChoices):
    CIVIL_SERVANT = "asn", _("Civil servant, army or police (ASN/TNI/Polri)")
    PRIVATE = "private", _("Private employee")
    SELF_EMPLOYED = "self", _("Self-employed")
    STUDENT = "student", _("Student")
    HOME = "home", _("Homemaker")
    OTHER = "other", _("Other")


class RejectionReason(models.TextChoices):
    """Why a public submission was refused; every refusal is counted per unit per day."""

    TOKEN_INVALID = "token_invalid", _("Missing, forged or expired form token")
    TOKEN_REPLAYED = "token_replayed", _("Form token used twice")
    HONEYPOT = "honeypot", _("Hidden field filled in (automated)")
    RATE_LIMITED = "rate_limited", _("Too many submissions from one address")
    DUPLICATE = "duplicate", _("Same answers from the same address shortly before")
    INVALID = "invalid", _("Missing or out-of-range answers")
    CLOSED = "closed", _("No survey period open")


PROFILE_FIELDS: tuple[tuple[str, type[models.TextChoices]], ...] = (
    ("age_band", AgeBand),
    ("sex", RespondentSex),
    ("education", Education),
    ("occupation", Occupation),
)
