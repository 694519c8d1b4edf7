"""Agencies (instansi) and their tree of work units (unit kerja)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.core.models import BaseModel
from kinerja.org.enums import UnitKind


class Agency(BaseModel):
    """An instansi, e.g. "Pemerintah Kota Makassar".

    ``head_title`` and ``head_name`` describe the political head (Wali Kota, Bupati,
    Menteri) who is not a civil servant in the system but assesses the top officials.
    """

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    code = models.SlugField(_("code"), max_length=30, unique=True)
    head_title = models.CharField(_("head of agency title"), max_length=100, blank=True)
    head_name = models.CharField(_("head of agency name"), max_length=200, blank=True)
    city = models.CharField(_("city for documents"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name


class Unit(BaseModel):
    """A work unit in a tree of any depth (Dinas → Bidang → Seksi, puskesmas, school).

    ``path`` is a materialised path of ancestor ids ("/3/17/42/"), so a whole subtree is
    one indexed prefix query on SQLite and PostgreSQL alike (ADR 0005). Only services
    write it.
    """

    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="units"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=200)
    code = models.CharField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    path = models.CharField(max_length=255, editable=False, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)
    address = models.CharField(_("address"), max_length=255, blank=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="unit_code_unique_in_agency")
        ]
        indexes = [
            models.Index(fields=["path"], name="unit_path_idx", opclasses=["varchar_pattern_ops"])
        ]

    def __str__(self) -> str:
        return self.name

    def is_within(self, other: "Unit") -> bool:
        """True when this unit is ``other`` or lies in its subtree."""
        return self.path.startswith(other.path)

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/") if part]
