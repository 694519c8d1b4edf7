"""Positions (jabatan) and the reporting line between them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.enums import FunctionalLevel, PositionKind
from kinerja.org.models.agency import Agency, Unit


class Position(BaseModel):
    """A jabatan in a unit. ``reports_to`` is the position whose holder directly
    supervises this one; it is None only for the top official of the agency."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="positions"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="positions"
    )
    code = models.CharField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PositionKind.choices)
    level = models.CharField(
        _("functional level (jenjang)"),
        max_length=20,
        choices=FunctionalLevel.choices,
        blank=True,
    )
    reports_to = models.ForeignKey(
        "self",
        verbose_name=_("reports to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="direct_reports",
    )
    is_unit_head = models.BooleanField(
        _("heads its unit"),
        default=False,
        help_text=_("The holder leads the unit (kepala), e.g. a school head or head of office."),
    )

    class Meta:
        ordering = ["unit__path", "-is_unit_head", "name"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code"], name="position_code_unique_in_agency"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=PositionKind.FUNGSIONAL, level="")
                & (models.Q(kind=PositionKind.FUNGSIONAL) | models.Q(level="")),
                name="position_level_only_for_functional",
                violation_error_message=_(
                    "A functional position needs a level (jenjang); other kinds have none."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.reports_to_id and self.reports_to_id == self.pk:
            raise ValidationError({"reports_to": _("A position cannot report to itself.")})

    @property
    def may_assess(self) -> bool:
        """Whether the holder can be a pejabat penilai kinerja: a structural post, or the
        head of a unit such as a school head (domain.md §1.5)."""
        return self.kind in PositionKind.structural() or self.is_unit_head
