"""Periodic and annual evaluations (evaluasi kinerja pegawai) and credit point awards."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.appraisal.enums import EmployeePredicate, EvaluationStatus, Rating
from kinerja.appraisal.models.organisation import OrganisationResult
from kinerja.core.models import BaseModel
from kinerja.org.models import Employee
from kinerja.planning.models import ReportingWindow, Skp


class Evaluation(BaseModel):
    """The assessor's evaluation of one SKP for one reporting window, or for the year
    when ``window`` is empty (domain.md §1.7).

    ``predicate`` is always the ``regulation.predicate`` matrix applied to the two
    ratings; services set it, never a form. The recommendation is stored as computed
    when the ratings were saved, so the record shows what the assessor saw.
    """

    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), on_delete=models.PROTECT, related_name="evaluations"
    )
    window = models.ForeignKey(
        ReportingWindow,
        verbose_name=_("reporting window"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evaluations",
    )
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=EvaluationStatus.choices,
        default=EvaluationStatus.DRAFT,
    )
    recommended_results_rating = models.CharField(
        _("recommended results rating"), max_length=12, choices=Rating.choices, blank=True
    )
    mean_achievement = models.DecimalField(
        _("mean achievement (%)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    results_rating = models.CharField(
        _("results rating"), max_length=12, choices=Rating.choices, blank=True
    )
    behaviour_rating = models.CharField(
        _("behaviour rating"), max_length=12, choices=Rating.choices, blank=True
    )
    justification = models.TextField(
        _("justification"),
        blank=True,
        help_text=_("Required when the results rating departs from the recommendation."),
    )
    predicate = models.CharField(
        _("predicate"), max_length=16, choices=EmployeePredicate.choices, blank=True
    )
    organisation_result = models.ForeignKey(
        OrganisationResult,
        verbose_name=_("organisation result"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notes = models.TextField(_("notes and recommendations (catatan/rekomendasi)"), blank=True)
    assessor = models.ForeignKey(
        Employee,
        verbose_name=_("assessor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rated_at = models.DateTimeField(_("rated at"), null=True, blank=True)
    finalised_at = models.DateTimeField(_("final since"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        Employee,
        verbose_name=_("finalised by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["skp", "window__number"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["skp", "window"],
                condition=models.Q(window__isnull=False),
                name="evaluation_unique_per_window",
            ),
            models.UniqueConstraint(
                fields=["skp"],
                condition=models.Q(window__isnull=True),
                name="evaluation_unique_annual",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="final") | ~models.Q(predicate=""),
                name="evaluation_final_has_predicate",
                violation_error_message=_("A final evaluation needs both ratings."),
            ),
        ]
        indexes = [models.Index(fields=["window", "status"])]

    def __str__(self) -> str:
        return f"{self.skp_id} {self.window_id or 'annual'}"

    @property
    def is_annual(self) -> bool:
        return self.window_id is None

    @property
    def is_final(self) -> bool:
        return self.status == EvaluationStatus.FINAL


class CreditPointAward(BaseModel):
    """Angka kredit earned in a functional post from a final annual evaluation
    (PermenPAN-RB 1/2023 Pasal 37), with the inputs it was computed from."""

    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("evaluation"),
        on_delete=models.CASCADE,
        related_name="credit_points",
    )
    employee = models.ForeignKey(
        Employee, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="credit_points"
    )
    level = models.CharField(_("level (jenjang)"), max_length=20)
    months = models.PositiveSmallIntegerField(_("months in the post"))
    predicate = models.CharField(_("predicate"), max_length=16, choices=EmployeePredicate.choices)
    percentage = models.DecimalField(_("percentage"), max_digits=5, decimal_places=2)
    coefficient = models.DecimalField(_("annual coefficient"), max_digits=6, decimal_places=2)
    points = models.DecimalField(_("credit points"), max_digits=7, decimal_places=2)

    class Meta:
        ordering = ["employee", "-created_at"]
        verbose_name = _("credit point award")
        verbose_name_plural = _("credit point awards")
        constraints = [
            models.UniqueConstraint(fields=["evaluation"], name="credit_points_once_per_evaluation")
        ]

    def __str__(self) -> str:
        return f"{self.employee_id}: {self.points}"
