"""Vocabularies of performance planning (PermenPAN-RB 6/2022; domain.md §1.3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.regulation.berakhlak import BERAKHLAK_2021


class Approach(models.TextChoices):
    """Pendekatan: measurable targets, or narrative expectations."""

    QUANTITATIVE = "quantitative", _("Quantitative (kuantitatif)")
    QUALITATIVE = "qualitative", _("Qualitative (kualitatif)")


class Rhythm(models.TextChoices):
    """How often the periodic evaluation happens within the year."""

    QUARTERLY = "quarterly", _("Quarterly (triwulan)")
    MONTHLY = "monthly", _("Monthly (bulanan)")


class ResultKind(models.TextChoices):
    MAIN = "main", _("Main (utama)")
    ADDITIONAL = "additional", _("Additional (tambahan)")


class Aspect(models.TextChoices):
    QUANTITY = "quantity", _("Quantity (kuantitas)")
    QUALITY = "quality", _("Quality (kualitas)")
    TIME = "time", _("Time (waktu)")
    COST = "cost", _("Cost (biaya)")


class Perspective(models.TextChoices):
    """Perspektif of a JPT result (Anak Lampiran 4, PermenPAN-RB 6/2022)."""

    SERVICE_RECIPIENTS = "service_recipients", _("Service recipients (penerima layanan)")
    BUSINESS_PROCESS = "business_process", _("Business process (proses bisnis)")
    INTERNAL_STRENGTHENING = (
        "internal_strengthening",
        _("Internal strengthening (penguatan internal)"),
    )
    BUDGET = "budget", _("Budget (anggaran)")


class AnnexKind(models.TextChoices):
    """The three lists of the SKP annex (Lampiran SKP)."""

    RESOURCE_SUPPORT = "resource_support", _("Resource support (dukungan sumber daya)")
    ACCOUNTABILITY = "accountability", _("Accountability scheme (skema pertanggungjawaban)")
    CONSEQUENCE = "consequence", _("Consequences (konsekuensi)")


CoreValue = models.TextChoices(
    "CoreValue", [(v.code.upper(), (v.code, v.name)) for v in BERAKHLAK_2021]
)
"""The seven BerAKHLAK values, named as in SE MenPAN-RB 20/2021."""


class SkpStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved (ditetapkan)")
    SUPERSEDED = "superseded", _("Superseded by a revision")


SKP_TRANSITIONS: dict[str, frozenset[str]] = {
    SkpStatus.DRAFT: frozenset({SkpStatus.SUBMITTED, SkpStatus.APPROVED}),
    SkpStatus.SUBMITTED: frozenset({SkpStatus.APPROVED, SkpStatus.RETURNED}),
    SkpStatus.RETURNED: frozenset({SkpStatus.SUBMITTED, SkpStatus.APPROVED}),
    SkpStatus.APPROVED: frozenset({SkpStatus.SUPERSEDED}),
    SkpStatus.SUPERSEDED: frozenset(),
}
"""Allowed status changes. DRAFT/RETURNED → APPROVED only by HR adoption after the
planning deadline (domain.md §1.2)."""

EDITABLE_STATUSES = frozenset({SkpStatus.DRAFT, SkpStatus.RETURNED})
