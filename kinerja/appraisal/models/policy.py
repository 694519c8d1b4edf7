"""An agency's assessment settings: recommendation thresholds, distribution rounding and
the objection deadlines. Regulation defaults apply until HR changes them."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.appraisal.enums import Rounding
from kinerja.core.models import BaseModel
from kinerja.org.models import Agency
from kinerja.regulation.achievement import DEFAULT_THRESHOLDS, Thresholds


class AppraisalPolicy(BaseModel):
    agency = models.OneToOneField(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="appraisal_policy"
    )
    above_from = models.DecimalField(
        _("recommend 'above expectation' from (% achievement)"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_THRESHOLDS.above_from,
    )
    as_expected_from = models.DecimalField(
        _("recommend 'as expected' from (% achievement)"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_THRESHOLDS.as_expected_from,
    )
    achievement_cap = models.DecimalField(
        _("cap on one indicator's achievement (%)"),
        max_digits=5,
        decimal_places=2,
        default=DEFAULT_THRESHOLDS.cap,
    )
    rounding = models.CharField(
        _("rounding of the distribution guide for small units"),
        max_length=12,
        choices=Rounding.choices,
        default=Rounding.FAVOURABLE,
    )
    objection_days = models.PositiveSmallIntegerField(
        _("days to object after the final result"),
        default=14,
        help_text=_(
            "PP 30/2019 Pasal 59: 14 days. Counted here as calendar days from the day the "
            "result became final (that day not counted); whether the regulation means "
            "working days is not confirmed, so an agency that counts working days should "
            "enter the equivalent number of calendar days."
        ),
    )
    decision_days = models.PositiveSmallIntegerField(
        _("days for the assessor's superior to decide an objection"),
        default=14,
        help_text=_(
            "Calendar days from the filing. The regulation sets no deadline for the "
            "decision; past it the objection is shown to HR as overdue."
        ),
    )

    class Meta:
        verbose_name = _("assessment policy")
        verbose_name_plural = _("assessment policies")

    def __str__(self) -> str:
        return str(self.agency)

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(
            above_from=Decimal(self.above_from),
            as_expected_from=Decimal(self.as_expected_from),
            cap=Decimal(self.achievement_cap),
            source=str(_("the agency's assessment policy")),
        )
