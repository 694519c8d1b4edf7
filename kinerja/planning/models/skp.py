"""The SKP (Sasaran Kinerja Pegawai) and its contents: planned results (RHK), indicators
(IKI), cascade links, BerAKHLAK expectations and the annex (domain.md §1.3–1.4)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.models import Employee, Position
from kinerja.planning.enums import (
    EDITABLE_STATUSES,
    AnnexKind,
    Approach,
    Aspect,
    CoreValue,
    Perspective,
    ResultKind,
    SkpStatus,
)
from kinerja.planning.models.goal import OrganisationGoal, OrganisationIndicator
from kinerja.planning.models.period import AssessmentPeriod


class Skp(BaseModel):
    """One employee's plan for one position within one period.

    A job change mid-year ends this SKP (``end_date``) and starts another for the new
    position; a revision of an approved SKP is a new row pointing at ``previous``.
    The assessor is derived from the org chart; it is snapshotted only when the plan
    is approved (``approved_by``), for the record and the printed document.
    """

    employee = models.ForeignKey(
        Employee, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="skps"
    )
    period = models.ForeignKey(
        AssessmentPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="skps"
    )
    position = models.ForeignKey(
        Position, verbose_name=_("position"), on_delete=models.PROTECT, related_name="skps"
    )
    is_acting = models.BooleanField(_("acting post (Plt/Plh)"), default=False)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    approach = models.CharField(_("approach"), max_length=12, choices=Approach.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=SkpStatus.choices, default=SkpStatus.DRAFT
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.OneToOneField(
        "self",
        verbose_name=_("revises"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revision",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        Employee,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assessor_superior_at_approval = models.ForeignKey(
        Employee,
        verbose_name=_("assessor's superior at approval"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    adopted_by_hr = models.BooleanField(
        _("adopted by HR by default"),
        default=False,
        help_text=_("Adopted by the performance manager after the planning deadline."),
    )
    review_comment = models.TextField(_("assessor's comment"), blank=True)

    class Meta:
        ordering = ["-period__year", "employee__name", "-version"]
        verbose_name = _("SKP")
        verbose_name_plural = _("SKPs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="skp_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]
        indexes = [
            models.Index(fields=["period", "status"]),
            models.Index(fields=["employee", "period"]),
        ]

    def __str__(self) -> str:
        return f"SKP {self.employee} {self.period.year} v{self.version}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class PlannedResult(BaseModel):
    """A planned work result (Rencana Hasil Kerja, RHK)."""

    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="results"
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=ResultKind.choices, default=ResultKind.MAIN
    )
    text = models.TextField(_("planned result (RHK)"))
    perspective = models.CharField(
        _("perspective"), max_length=30, choices=Perspective.choices, blank=True
    )
    assigned_by = models.CharField(_("assigned by (penugasan dari)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["skp", "kind", "order", "id"]
        verbose_name = _("planned result (RHK)")
        verbose_name_plural = _("planned results (RHK)")

    def __str__(self) -> str:
        return self.text


class CascadeLink(BaseModel):
    """ "Intervensi": a result supports a result of the assessor's approved SKP, or, for
    senior executives (JPT), an organisation goal. Exactly one target is set."""

    result = models.ForeignKey(
        PlannedResult,
        verbose_name=_("result"),
        on_delete=models.CASCADE,
        related_name="links",
    )
    supports_result = models.ForeignKey(
        PlannedResult,
        verbose_name=_("supports result"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supported_by",
    )
    supports_goal = models.ForeignKey(
        OrganisationGoal,
        verbose_name=_("supports goal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supported_by",
    )
    supports_indicator = models.ForeignKey(
        OrganisationIndicator,
        verbose_name=_("supports key indicator"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supported_by",
    )

    class Meta:
        ordering = ["result", "id"]
        verbose_name = _("cascade link")
        verbose_name_plural = _("cascade links")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(supports_result__isnull=False, supports_goal__isnull=True)
                    | models.Q(supports_result__isnull=True, supports_goal__isnull=False)
                ),
                name="cascade_exactly_one_target",
                violation_error_message=_(
                    "A link supports either a superior's result or an organisation goal."
                ),
            ),
            models.UniqueConstraint(
                fields=["result", "supports_result"], name="cascade_unique_result_link"
            ),
            models.UniqueConstraint(
                fields=["result", "supports_goal"], name="cascade_unique_goal_link"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.result_id} → {self.supports_result_id or self.supports_goal_id}"


class Indicator(BaseModel):
    """An individual performance indicator (Indikator Kinerja Individu, IKI) with its
    target: a number and unit (quantitative) or a narrative (qualitative)."""

    result = models.ForeignKey(
        PlannedResult,
        verbose_name=_("result"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    aspect = models.CharField(_("aspect"), max_length=10, choices=Aspect.choices)
    text = models.TextField(_("indicator (IKI)"))
    target_value = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    target_text = models.TextField(_("target narrative"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["result", "order", "id"]
        verbose_name = _("indicator (IKI)")
        verbose_name_plural = _("indicators (IKI)")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_value__isnull=True) | models.Q(target_value__gte=0),
                name="indicator_target_not_negative",
                violation_error_message=_("A target cannot be negative."),
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def target_display(self) -> str:
        if self.target_value is None:
            return self.target_text
        value = self.target_value.normalize()
        return f"{value:f} {self.target_unit}".strip()


class BehaviourExpectation(BaseModel):
    """The leader's specific expectation (Ekspektasi Khusus Pimpinan) for one BerAKHLAK
    value; written by the assessor and required before approval."""

    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="expectations"
    )
    core_value = models.CharField(_("core value"), max_length=30, choices=CoreValue.choices)
    text = models.TextField(_("leader's specific expectation"), blank=True)

    class Meta:
        ordering = ["skp", "id"]
        verbose_name = _("behaviour expectation")
        verbose_name_plural = _("behaviour expectations")
        constraints = [
            models.UniqueConstraint(fields=["skp", "core_value"], name="expectation_unique_value")
        ]

    def __str__(self) -> str:
        return self.get_core_value_display()


class AnnexItem(BaseModel):
    """One line of the SKP annex (Lampiran SKP)."""

    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="annex_items"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AnnexKind.choices)
    text = models.TextField(_("text"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["skp", "kind", "order", "id"]
        verbose_name = _("annex item")
        verbose_name_plural = _("annex items")

    def __str__(self) -> str:
        return self.text
