"""Scoped roles granted by hand. Assessor roles are never granted: they are derived
from the organisation chart at the date (``org.supervision``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.models import Agency, Unit


class RoleKind(models.TextChoices):
    HR_ADMIN = "hr_admin", _("HR admin (pengelola kinerja)")
    LEADER = "leader", _("Leader (read-only)")


class ScopedRole(BaseModel):
    """A role over a whole agency (``unit`` empty) or over one unit's subtree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="scoped_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.CASCADE)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit subtree"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Leave empty for the whole agency."),
    )

    class Meta:
        ordering = ["agency", "role"]
        verbose_name = _("scoped role")
        verbose_name_plural = _("scoped roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "agency", "unit"], name="scoped_role_unique"
            )
        ]

    def __str__(self) -> str:
        scope = self.unit or self.agency
        return f"{self.user} — {self.get_role_display()} — {scope}"

    def clean(self) -> None:
        if self.unit is not None and self.unit.agency_id != self.agency_id:
            raise ValidationError({"unit": _("The unit must belong to the agency.")})
