"""Attendance and discipline summaries per reporting window, imported from the agency's
attendance system: input for the assessor's behaviour rating, never a score."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.models import Employee
from kinerja.planning.models import ReportingWindow


class AttendanceSummary(BaseModel):
    employee = models.ForeignKey(
        Employee, verbose_name=_("employee"), on_delete=models.CASCADE, related_name="attendance"
    )
    window = models.ForeignKey(
        ReportingWindow,
        verbose_name=_("reporting window"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )
    working_days = models.PositiveSmallIntegerField(_("working days"))
    present_days = models.PositiveSmallIntegerField(_("days present"))
    late_count = models.PositiveSmallIntegerField(_("times late"), default=0)
    early_leave_count = models.PositiveSmallIntegerField(_("times left early"), default=0)
    leave_days = models.PositiveSmallIntegerField(_("days on leave"), default=0)
    absent_days = models.PositiveSmallIntegerField(_("days absent without leave"), default=0)
    discipline_note = models.TextField(_("discipline note"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["window", "employee"]
        verbose_name = _("attendance summary")
        verbose_name_plural = _("attendance summaries")
        constraints = [
            models.UniqueConstraint(fields=["employee", "window"], name="attendance_unique"),
            models.CheckConstraint(
                condition=models.Q(present_days__lte=models.F("working_days")),
                name="attendance_present_within_working",
                violation_error_message=_("Days present cannot exceed working days."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} {self.window_id}"
