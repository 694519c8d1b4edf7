"""The public satisfaction survey (SKM, PermenPAN-RB 14/2017) of service units.

A unit that serves the public (a puskesmas, a licensing office) gets a ``SurveyUnit``
with a public slug for its QR poster; answers arrive in ``SurveyPeriod``s; refusals of
the public form are counted, never silently dropped.

What a ``Response`` stores is exactly what the form asks: the nine answers, the optional
profile, service and officer, and the day. No address, no time of day, no browser: the
abuse checks use a salted hash of the address that lives only in the cache.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.models import Agency, Employee, Unit
from kinerja.regulation.ikm import ELEMENT_CODES, SCALE_MAX, SCALE_MIN
from kinerja.surveys.enums import AgeBand, Education, Occupation, RejectionReason, RespondentSex

# The anonymity threshold for answers that name an officer: the same as for 360°
# feedback (issue 5), configurable per unit but never below three.
OFFICER_THRESHOLD_MIN = 3

# Public slugs live beside the HR pages under /survei/; these words are taken.
RESERVED_SLUGS = frozenset({"unit", "kelola", "api", "static", "admin", "baru"})


class SurveyUnit(BaseModel):
    """A unit's survey settings: the public address of its form and the population it
    serves per survey period (for the sample size)."""

    unit = models.OneToOneField(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="survey_settings"
    )
    slug = models.SlugField(
        _("public address"),
        max_length=60,
        unique=True,
        help_text=_("The last part of the survey's public address, e.g. pkm-kassi-kassi."),
    )
    population_served = models.PositiveIntegerField(
        _("people served per period"),
        null=True,
        blank=True,
        help_text=_("About how many people the unit serves in one survey period."),
    )
    is_active = models.BooleanField(_("accepting answers"), default=True)
    ask_officer = models.BooleanField(_("ask who served the respondent"), default=True)
    officer_threshold = models.PositiveSmallIntegerField(
        _("minimum answers before an officer's summary is shown"),
        default=OFFICER_THRESHOLD_MIN,
        validators=[MinValueValidator(OFFICER_THRESHOLD_MIN)],
    )

    class Meta:
        ordering = ["unit__path"]
        verbose_name = _("survey unit")
        verbose_name_plural = _("survey units")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(officer_threshold__gte=OFFICER_THRESHOLD_MIN),
                name="survey_officer_threshold_at_least_3",
            )
        ]

    def __str__(self) -> str:
        return self.unit.name

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; choose another.")})

    @property
    def agency_id(self) -> int:
        return self.unit.agency_id


class ServiceOption(BaseModel):
    """A service the unit offers, for the optional "service received" question."""

    survey_unit = models.ForeignKey(
        SurveyUnit, verbose_name=_("survey unit"), on_delete=models.CASCADE, related_name="services"
    )
    name = models.CharField(_("service"), max_length=150)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.UniqueConstraint(fields=["survey_unit", "name"], name="survey_service_unique")
        ]

    def __str__(self) -> str:
        return self.name


class SurveyPeriod(BaseModel):
    """When answers count for one result: for one unit, or (no unit) for every survey
    unit of the agency."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="survey_periods"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="survey_periods",
        help_text=_("Leave empty for a period of every survey unit of the agency."),
    )
    name = models.CharField(_("name"), max_length=100)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"))

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("survey period")
        verbose_name_plural = _("survey periods")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="survey_period_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The period cannot end before it starts.")})
        if self.unit_id and self.agency_id and self.unit.agency_id != self.agency_id:
            raise ValidationError({"unit": _("The unit belongs to another agency.")})

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1


def _answer_field(number: int) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        # Lazy: the label is translated when shown, not in the language of import time.
        format_lazy(_("element {number}"), number=number),
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)],
    )


class Response(models.Model):
    """One respondent's answers. Deliberately no timestamps beyond the day (see module)."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    survey_unit = models.ForeignKey(
        SurveyUnit,
        verbose_name=_("survey unit"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    period = models.ForeignKey(
        SurveyPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="responses"
    )
    u1 = _answer_field(1)
    u2 = _answer_field(2)
    u3 = _answer_field(3)
    u4 = _answer_field(4)
    u5 = _answer_field(5)
    u6 = _answer_field(6)
    u7 = _answer_field(7)
    u8 = _answer_field(8)
    u9 = _answer_field(9)
    age_band = models.CharField(_("age"), max_length=8, choices=AgeBand.choices, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=RespondentSex.choices, blank=True)
    education = models.CharField(
        _("education"), max_length=8, choices=Education.choices, blank=True
    )
    occupation = models.CharField(
        _("occupation"), max_length=8, choices=Occupation.choices, blank=True
    )
    service = models.ForeignKey(
        ServiceOption,
        verbose_name=_("service received"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responses",
    )
    officer = models.ForeignKey(
        Employee,
        verbose_name=_("officer who served"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    submitted_on = models.DateField(_("submitted on"), db_index=True)

    class Meta:
        ordering = ["-submitted_on", "-id"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [
            models.Index(fields=["survey_unit", "period"]),
            models.Index(fields=["officer", "submitted_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{code}__gte": SCALE_MIN, f"{code}__lte": SCALE_MAX}),
                name=f"survey_response_{code}_in_scale",
            )
            for code in ELEMENT_CODES
        ]

    def __str__(self) -> str:
        return f"{self.survey_unit_id} {self.submitted_on}"

    @property
    def answers(self) -> tuple[int, ...]:
        return tuple(getattr(self, code) for code in ELEMENT_CODES)


class RejectedSubmission(models.Model):
    """How many public submissions were refused, per unit, day and reason."""

    survey_unit = models.ForeignKey(
        SurveyUnit,
        verbose_name=_("survey unit"),
        on_delete=models.CASCADE,
        related_name="rejections",
    )
    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=20, choices=RejectionReason.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        ordering = ["-day", "reason"]
        verbose_name = _("rejected submission count")
        verbose_name_plural = _("rejected submission counts")
        constraints = [
            models.UniqueConstraint(
                fields=["survey_unit", "day", "reason"], name="survey_rejection_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_unit_id} {self.day} {self.reason}: {self.count}"
