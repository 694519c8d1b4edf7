"""Reporting's own state: bulk document jobs. Reporting never writes domain data."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.models import Unit
from kinerja.planning.models import AssessmentPeriod, ReportingWindow


class BatchStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Rendering")
    DONE = "done", _("Ready to download")
    FAILED = "failed", _("Failed")


class DocumentBatch(BaseModel):
    """All evaluation documents of a unit (and the units below it) for one reporting
    window, or for the year when ``window`` is empty, rendered in the background into
    one zip file under MEDIA_ROOT (never under the static files; downloaded only through
    a permission check).

    The evaluations are fixed when the batch is started (``evaluation_ids``), from what
    the requester may see then: an HR admin gets the whole unit, an assessor only their
    own assessees.
    """

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+"
    )
    period = models.ForeignKey(
        AssessmentPeriod, verbose_name=_("period"), on_delete=models.CASCADE, related_name="+"
    )
    window = models.ForeignKey(
        ReportingWindow,
        verbose_name=_("reporting window"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=8, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    evaluation_ids = models.JSONField(_("evaluations"), default=list, editable=False)
    total = models.PositiveIntegerField(_("documents"), default=0)
    done = models.PositiveIntegerField(_("documents rendered"), default=0)
    zip_path = models.CharField(_("zip file"), max_length=200, blank=True)
    zip_bytes = models.PositiveBigIntegerField(_("zip size in bytes"), default=0)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("document batch")
        verbose_name_plural = _("document batches")
        indexes = [models.Index(fields=["requested_by", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.window_id or 'annual'} ({self.status})"

    @property
    def percent(self) -> int:
        if self.status == BatchStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in {BatchStatus.DONE, BatchStatus.FAILED}


class DocumentKind(models.TextChoices):
    EVALUATION = "evaluation", _("Evaluation documents")
    SKP = "skp", _("SKP")


class StoredDocument(BaseModel):
    """An official PDF rendered once and kept: a final evaluation's or an approved SKP's
    (drafts are always rendered fresh). ``fingerprint`` sums up everything the document
    printed (the object's and the printed rows' ``updated_at`` and counts, the layout
    version); when it no longer matches, the next request renders and replaces the file.
    The file lives under MEDIA_ROOT (never under the static files) and is served only
    after the same permission check as a fresh rendering."""

    kind = models.CharField(_("kind"), max_length=10, choices=DocumentKind.choices)
    object_uuid = models.UUIDField(_("document of"))
    language = models.CharField(_("language"), max_length=10)
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    path = models.CharField(_("file"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    rendered_at = models.DateTimeField(_("rendered at"))

    class Meta:
        verbose_name = _("stored document")
        verbose_name_plural = _("stored documents")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_uuid", "language"], name="stored_document_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_uuid} ({self.language})"
