"""The indicator library: suggested results and indicators an employee picks and edits."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.enums import PositionKind
from kinerja.org.models import Agency
from kinerja.planning.enums import Aspect


class IndicatorTemplate(BaseModel):
    """A suggested RHK with one IKI, for a kind of position and a field of work.
    ``agency`` empty means national, shared by every agency."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), null=True, blank=True, on_delete=models.CASCADE
    )
    field = models.CharField(_("field of work"), max_length=60)
    position_kind = models.CharField(
        _("position kind"), max_length=20, choices=PositionKind.choices, blank=True
    )
    result_text = models.TextField(_("planned result (RHK)"))
    indicator_text = models.TextField(_("indicator (IKI)"))
    aspect = models.CharField(_("aspect"), max_length=10, choices=Aspect.choices)
    target_unit = models.CharField(_("unit of measure"), max_length=40, blank=True)
    suggested_target = models.DecimalField(
        _("suggested target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["field", "result_text"]
        verbose_name = _("indicator template")
        verbose_name_plural = _("indicator library")

    def __str__(self) -> str:
        return f"{self.field}: {self.indicator_text}"
