"""Organisation goals (sasaran strategis) and key indicators (IKU): the roots of the
cascade, from the Renstra and the performance agreement (perjanjian kinerja)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.models import Unit
from kinerja.planning.models.period import AssessmentPeriod


class OrganisationGoal(BaseModel):
    period = models.ForeignKey(
        AssessmentPeriod, verbose_name=_("period"), on_delete=models.CASCADE, related_name="goals"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="goals",
        help_text=_("The unit whose performance agreement holds this goal."),
    )
    code = models.CharField(_("code"), max_length=30)
    title = models.TextField(_("goal (sasaran)"))
    source = models.CharField(
        _("source"), max_length=100, blank=True, help_text=_("e.g. Renstra 2025–2029, PK 2026")
    )

    class Meta:
        ordering = ["unit__path", "code"]
        verbose_name = _("organisation goal")
        verbose_name_plural = _("organisation goals")
        constraints = [
            models.UniqueConstraint(fields=["period", "code"], name="goal_code_unique_in_period")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class OrganisationIndicator(BaseModel):
    """An IKU of a goal, with its annual target."""

    goal = models.ForeignKey(
        OrganisationGoal,
        verbose_name=_("goal"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    text = models.TextField(_("key indicator (IKU)"))
    target_value = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["goal", "order", "id"]
        verbose_name = _("organisation indicator")
        verbose_name_plural = _("organisation indicators")

    def __str__(self) -> str:
        return self.text
