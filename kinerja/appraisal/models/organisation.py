"""The organisation's performance result (capaian kinerja organisasi) per unit and period."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.appraisal.enums import OrganisationPredicate
from kinerja.core.models import BaseModel
from kinerja.org.models import Employee, Unit
from kinerja.planning.models import AssessmentPeriod, ReportingWindow


class OrganisationResult(BaseModel):
    """A unit's predicate for a reporting window, or for the year when ``window`` is
    empty, fixed by the next-higher leader (SE MenPAN-RB 3/2023, step 1)."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="results"
    )
    period = models.ForeignKey(
        AssessmentPeriod,
        verbose_name=_("period"),
        on_delete=models.PROTECT,
        related_name="organisation_results",
    )
    window = models.ForeignKey(
        ReportingWindow,
        verbose_name=_("reporting window"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisation_results",
    )
    predicate = models.CharField(
        _("organisation predicate"), max_length=20, choices=OrganisationPredicate.choices
    )
    basis = models.TextField(
        _("basis"), blank=True, help_text=_("Action plan or performance agreement achievement.")
    )
    recorded_by = models.ForeignKey(
        Employee,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["period", "window", "unit"]
        verbose_name = _("organisation result")
        verbose_name_plural = _("organisation results")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "window"],
                condition=models.Q(window__isnull=False),
                name="org_result_unique_per_window",
            ),
            models.UniqueConstraint(
                fields=["unit", "period"],
                condition=models.Q(window__isnull=True),
                name="org_result_unique_annual",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.window_id or self.period_id}: {self.predicate}"
