"""Assessment periods (periode penilaian) and their reporting windows."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.models import Agency
from kinerja.planning.enums import Approach, Rhythm


class AssessmentPeriod(BaseModel):
    """One agency's performance year: its default approach, its periodic rhythm and the
    deadlines for planning and assessment."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="periods"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    approach = models.CharField(
        _("approach (pendekatan)"),
        max_length=12,
        choices=Approach.choices,
        default=Approach.QUANTITATIVE,
    )
    rhythm = models.CharField(
        _("periodic evaluation"), max_length=10, choices=Rhythm.choices, default=Rhythm.QUARTERLY
    )
    planning_deadline = models.DateField(
        _("planning deadline"),
        help_text=_("SKPs are due by this date; afterwards HR may adopt plans by default."),
    )
    assessment_deadline = models.DateField(_("annual assessment deadline"))

    class Meta:
        ordering = ["-year", "agency"]
        verbose_name = _("assessment period")
        verbose_name_plural = _("assessment periods")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="period_unique_per_year"),
            models.CheckConstraint(
                condition=models.Q(end_date__gt=models.F("start_date")),
                name="period_end_after_start",
                violation_error_message=_("The period must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency.short_name or self.agency.name} {self.year}"

    def clean(self) -> None:
        if self.start_date and self.year and self.start_date.year != self.year:
            raise ValidationError({"start_date": _("The period must start in its year.")})


class ReportingWindow(BaseModel):
    """A quarter or month of the period, with the date its realisations are due."""

    period = models.ForeignKey(
        AssessmentPeriod,
        verbose_name=_("period"),
        on_delete=models.CASCADE,
        related_name="windows",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    label = models.CharField(_("label"), max_length=40)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    report_deadline = models.DateField(_("reporting deadline"))

    class Meta:
        ordering = ["period", "number"]
        verbose_name = _("reporting window")
        verbose_name_plural = _("reporting windows")
        constraints = [
            models.UniqueConstraint(fields=["period", "number"], name="window_unique_number")
        ]

    def __str__(self) -> str:
        return self.label
