"""Objections (keberatan) to a final annual result, PP 30/2019 Pasal 59 (domain.md §3.3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.appraisal.enums import EmployeePredicate, ObjectionStatus, Rating
from kinerja.appraisal.models.evaluation import Evaluation
from kinerja.core.models import BaseModel
from kinerja.org.models import Employee


class Objection(BaseModel):
    """Filed by the employee within the objection window; decided, finally, by the
    assessor's superior (atasan pejabat penilai), who may change the ratings."""

    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("evaluation"),
        on_delete=models.PROTECT,
        related_name="objections",
    )
    filed_by = models.ForeignKey(
        Employee, verbose_name=_("filed by"), on_delete=models.PROTECT, related_name="+"
    )
    reasons = models.TextField(_("reasons"))
    status = models.CharField(
        _("status"), max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.FILED
    )
    decide_by = models.DateField(_("decision due by"))
    decider = models.ForeignKey(
        Employee,
        verbose_name=_("to be decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "The assessor's superior at the end of the evaluated year, fixed when the "
            "objection is filed."
        ),
    )
    assessor_statement = models.TextField(_("assessor's explanation"), blank=True)
    decided_by = models.ForeignKey(
        Employee,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.TextField(_("reasons for the decision"), blank=True)
    previous_results_rating = models.CharField(
        _("results rating before"), max_length=12, choices=Rating.choices
    )
    previous_behaviour_rating = models.CharField(
        _("behaviour rating before"), max_length=12, choices=Rating.choices
    )
    previous_predicate = models.CharField(
        _("predicate before"), max_length=16, choices=EmployeePredicate.choices
    )
    new_results_rating = models.CharField(
        _("results rating decided"), max_length=12, choices=Rating.choices, blank=True
    )
    new_behaviour_rating = models.CharField(
        _("behaviour rating decided"), max_length=12, choices=Rating.choices, blank=True
    )
    new_predicate = models.CharField(
        _("predicate decided"), max_length=16, choices=EmployeePredicate.choices, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("objection (keberatan)")
        verbose_name_plural = _("objections (keberatan)")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation"],
                condition=~models.Q(status="withdrawn"),
                name="one_open_or_decided_objection",
            )
        ]

    def __str__(self) -> str:
        return f"{self.evaluation_id} {self.status}"
