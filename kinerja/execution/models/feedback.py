"""Continuous feedback (umpan balik berkelanjutan) per RHK and per BerAKHLAK value."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.models import Employee
from kinerja.planning.enums import CoreValue
from kinerja.planning.models import PlannedResult, ReportingWindow, Skp


class FeedbackMessage(BaseModel):
    """One message in a short thread about one result or one core value of an SKP.

    A thread is the messages sharing (skp, window, result or core value); the assessor
    opens it and the employee may reply (domain.md §1.6).
    """

    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="feedback"
    )
    window = models.ForeignKey(
        ReportingWindow,
        verbose_name=_("reporting window"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    result = models.ForeignKey(
        PlannedResult,
        verbose_name=_("result (RHK)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    core_value = models.CharField(
        _("core value"), max_length=30, choices=CoreValue.choices, blank=True
    )
    author = models.ForeignKey(
        Employee, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("feedback"))

    class Meta:
        ordering = ["skp", "created_at", "id"]
        verbose_name = _("feedback message")
        verbose_name_plural = _("feedback messages")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(result__isnull=False, core_value="")
                    | models.Q(result__isnull=True) & ~models.Q(core_value="")
                ),
                name="feedback_about_result_or_value",
                violation_error_message=_("Feedback is about one result or one core value."),
            )
        ]
        indexes = [models.Index(fields=["skp", "window"])]

    def __str__(self) -> str:
        return self.text[:60]
