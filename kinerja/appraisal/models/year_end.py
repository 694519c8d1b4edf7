"""A run of the year-end finalisation: every rated annual evaluation of a unit (or the
whole agency) made final in one set-based pass, in the background, with progress."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.models import Agency, Unit
from kinerja.planning.models import AssessmentPeriod


class FinalisationStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Finalising")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Failed")


class FinalisationRun(BaseModel):
    """One request to finalise a period's annual evaluations for a unit subtree (or the
    whole agency when ``unit`` is empty). ``counts`` holds what the run did."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    period = models.ForeignKey(
        AssessmentPeriod, verbose_name=_("period"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=FinalisationStatus.choices,
        default=FinalisationStatus.QUEUED,
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    failure = models.TextField(_("failure"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("year-end finalisation run")
        verbose_name_plural = _("year-end finalisation runs")

    def __str__(self) -> str:
        return f"{self.period_id} {self.unit_id or 'agency'} ({self.status})"

    @property
    def is_running(self) -> bool:
        return self.status in {FinalisationStatus.QUEUED, FinalisationStatus.RUNNING}
