"""Employees (pegawai), who holds which position when, and assessor exceptions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.enums import GRADES_BY_TYPE, AssignmentKind, EmploymentType, Sex
from kinerja.org.models.agency import Agency
from kinerja.org.models.position import Position


class Employee(BaseModel):
    """A civil servant (PNS or PPPK), identified by the NIP or the NI PPPK."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="employees"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
    )
    nip = models.CharField(_("NIP"), max_length=18, unique=True)
    name = models.CharField(_("name"), max_length=150)
    front_title = models.CharField(_("title before name"), max_length=40, blank=True)
    back_title = models.CharField(_("title after name"), max_length=60, blank=True)
    employment_type = models.CharField(
        _("employment type"), max_length=4, choices=EmploymentType.choices
    )
    grade = models.CharField(_("rank/grade (golongan)"), max_length=5, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    birth_date = models.DateField(_("birth date"))
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name", "nip"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        indexes = [models.Index(fields=["agency", "name"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """Name with academic titles as written on official documents."""
        name = f"{self.front_title} {self.name}".strip()
        return f"{name}, {self.back_title}" if self.back_title else name

    def clean(self) -> None:
        allowed = GRADES_BY_TYPE.get(self.employment_type, [])
        if self.grade and self.grade not in allowed:
            raise ValidationError(
                {
                    "grade": _("%(grade)s is not a grade of %(type)s.")
                    % {"grade": self.grade, "type": self.employment_type}
                }
            )


class Assignment(BaseModel):
    """Who holds which position from ``start_date`` to ``end_date`` (inclusive; None =
    still holds it). Acting officials (Plt/Plh) hold a second, temporary assignment."""

    employee = models.ForeignKey(
        Employee, verbose_name=_("employee"), on_delete=models.CASCADE, related_name="assignments"
    )
    position = models.ForeignKey(
        Position, verbose_name=_("position"), on_delete=models.PROTECT, related_name="assignments"
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=AssignmentKind.choices, default=AssignmentKind.DEFINITIVE
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    decree_number = models.CharField(_("decree number (SK)"), max_length=100, blank=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="assignment_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]
        indexes = [
            models.Index(fields=["position", "start_date"]),
            models.Index(fields=["employee", "start_date"]),
        ]

    def __str__(self) -> str:
        return f"{self.employee} — {self.position} ({self.get_kind_display()})"


class SupervisionOverride(BaseModel):
    """An explicit exception to the derived assessor for one employee and date range,
    e.g. a delegated assessor, with the reason kept for the record."""

    employee = models.ForeignKey(
        Employee,
        verbose_name=_("employee"),
        on_delete=models.CASCADE,
        related_name="supervision_overrides",
    )
    assessor = models.ForeignKey(
        Employee,
        verbose_name=_("assessor (pejabat penilai kinerja)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    assessor_superior = models.ForeignKey(
        Employee,
        verbose_name=_("assessor's superior (atasan pejabat penilai)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("assessor override")
        verbose_name_plural = _("assessor overrides")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="override_end_after_start",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.employee} → {self.assessor}"
