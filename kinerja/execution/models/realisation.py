"""Realisations (realisasi) per indicator and reporting window, with evidence (bukti dukung).

domain.md §1.6: for each RHK and period the employee records the realisation together
with supporting evidence, files or links.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.clock import now
from kinerja.core.models import BaseModel
from kinerja.execution.enums import EvidenceKind, ReportStatus
from kinerja.planning.models import Indicator, ReportingWindow, Skp


class PeriodReport(BaseModel):
    """One employee's report on one SKP for one reporting window (triwulan/bulan)."""

    skp = models.ForeignKey(
        Skp, verbose_name=_("SKP"), on_delete=models.CASCADE, related_name="reports"
    )
    window = models.ForeignKey(
        ReportingWindow,
        verbose_name=_("reporting window"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    note = models.TextField(_("note to the assessor"), blank=True)

    class Meta:
        ordering = ["skp", "window__number"]
        verbose_name = _("period report")
        verbose_name_plural = _("period reports")
        constraints = [
            models.UniqueConstraint(fields=["skp", "window"], name="report_unique_per_window")
        ]
        indexes = [models.Index(fields=["window", "status"])]

    def __str__(self) -> str:
        return f"{self.skp_id} {self.window_id}"


class Realisation(BaseModel):
    """What one indicator achieved in one window: a number (quantitative) and/or a
    narrative (qualitative, or an explanation of the number)."""

    report = models.ForeignKey(
        PeriodReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="realisations",
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator (IKI)"),
        on_delete=models.CASCADE,
        related_name="realisations",
    )
    value = models.DecimalField(
        _("realisation"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    narrative = models.TextField(_("narrative"), blank=True)

    class Meta:
        ordering = ["report", "indicator__result__order", "indicator__order", "id"]
        verbose_name = _("realisation")
        verbose_name_plural = _("realisations")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "indicator"], name="realisation_unique_per_indicator"
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=0),
                name="realisation_not_negative",
                violation_error_message=_("A realisation cannot be negative."),
            ),
        ]

    def __str__(self) -> str:
        shown = self.value if self.value is not None else self.narrative[:30]
        return f"{self.indicator_id}: {shown}"


def evidence_path(instance: "Evidence", filename: str) -> str:
    """Stored name: a random name under the year and month, never the uploaded name.

    The user's file name is kept only as data (``original_name``), so no uploaded name
    can steer where a file lands.
    """
    return f"evidence/{now():%Y/%m}/{uuid.uuid4().hex}{instance.extension}"


class Evidence(BaseModel):
    """Bukti dukung: an uploaded file (kept under MEDIA_ROOT, outside the static files and
    served only through a permission check) or a link."""

    realisation = models.ForeignKey(
        Realisation,
        verbose_name=_("realisation"),
        on_delete=models.CASCADE,
        related_name="evidence",
    )
    kind = models.CharField(_("kind"), max_length=4, choices=EvidenceKind.choices)
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=200, blank=True)
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    extension = models.CharField(_("extension"), max_length=10, blank=True)
    size_bytes = models.PositiveIntegerField(_("size in bytes"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    title = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["realisation", "created_at", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="file", url="") & ~models.Q(file="")
                    | models.Q(kind="link", file="") & ~models.Q(url="")
                ),
                name="evidence_file_or_link",
                violation_error_message=_("Evidence is either a file or a link."),
            )
        ]

    def __str__(self) -> str:
        return self.original_name or self.url
