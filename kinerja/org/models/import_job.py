"""Import jobs: an upload of CSV/XLSX files checked and applied in the background."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.models.agency import Agency


class ImportStatus(models.TextChoices):
    CHECKING = "checking", _("Checking the files")
    READY = "ready", _("Ready to import")
    INVALID = "invalid", _("Rejected: errors found")
    APPLYING = "applying", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


class ImportJob(BaseModel):
    """One import into an agency, from upload through dry run to the write.

    ``files`` lists the uploads as {"name": what the user called it, "path": where it is
    stored under MEDIA_ROOT/imports/, never served}; they are deleted once the job ends.
    ``errors`` holds the row-by-row report as codes and parameters (see
    ``importing.messages``), so it reads in the language of whoever opens it.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="import_jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.CHECKING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    files = models.JSONField(_("files"), default=list)
    counts = models.JSONField(_("counts"), default=dict, blank=True)
    samples = models.JSONField(_("sample rows"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    error_count = models.PositiveIntegerField(_("number of errors"), default=0)
    failure = models.TextField(_("failure"), blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")

    def __str__(self) -> str:
        return f"{self.agency} {self.created_at:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def is_running(self) -> bool:
        return self.status in {ImportStatus.CHECKING, ImportStatus.APPLYING}

    @property
    def file_names(self) -> str:
        return ", ".join(f["name"] for f in self.files)
