"""Vocabularies of assessment (PermenPAN-RB 6/2022; SE MenPAN-RB 3/2023; PP 30/2019).

The values are the pure ``regulation`` enums; only the labels are added here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.regulation.distribution import Rounding as RoundingRule
from kinerja.regulation.predicate import (
    EmployeePredicate as EmployeePredicateRule,
)
from kinerja.regulation.predicate import (
    OrganisationPredicate as OrganisationPredicateRule,
)
from kinerja.regulation.predicate import Rating as RatingRule


class Rating(models.TextChoices):
    """Rating Hasil Kerja / Rating Perilaku Kerja."""

    ABOVE = RatingRule.ABOVE.value, _("Above expectation (di atas ekspektasi)")
    AS_EXPECTED = RatingRule.AS_EXPECTED.value, _("As expected (sesuai ekspektasi)")
    BELOW = RatingRule.BELOW.value, _("Below expectation (di bawah ekspektasi)")


class EmployeePredicate(models.TextChoices):
    """Predikat Kinerja Pegawai."""

    SANGAT_BAIK = EmployeePredicateRule.SANGAT_BAIK.value, _("Sangat Baik")
    BAIK = EmployeePredicateRule.BAIK.value, _("Baik")
    BUTUH_PERBAIKAN = EmployeePredicateRule.BUTUH_PERBAIKAN.value, _("Butuh Perbaikan")
    KURANG = EmployeePredicateRule.KURANG.value, _("Kurang/Misconduct")
    SANGAT_KURANG = EmployeePredicateRule.SANGAT_KURANG.value, _("Sangat Kurang")


class OrganisationPredicate(models.TextChoices):
    """Predikat kinerja organisasi (SE MenPAN-RB 3/2023)."""

    ISTIMEWA = OrganisationPredicateRule.ISTIMEWA.value, _("Istimewa")
    BAIK = OrganisationPredicateRule.BAIK.value, _("Baik")
    BUTUH_PERBAIKAN = OrganisationPredicateRule.BUTUH_PERBAIKAN.value, _("Butuh Perbaikan (Cukup)")
    KURANG = OrganisationPredicateRule.KURANG.value, _("Kurang")
    SANGAT_KURANG = OrganisationPredicateRule.SANGAT_KURANG.value, _("Sangat Kurang")


class Rounding(models.TextChoices):
    """How the distribution guide's shares are rounded for small units."""

    FAVOURABLE = RoundingRule.FAVOURABLE.value, _("In the unit's favour (maxima up, minima down)")
    NEAREST = RoundingRule.NEAREST.value, _("To the nearest whole person")
    STRICT = RoundingRule.STRICT.value, _("Strict (maxima down, minima up)")


class EvaluationStatus(models.TextChoices):
    """DRAFT: not rated yet, or ratings saved but not final. FINAL: delivered to the
    employee and locked; from then on it changes only through an objection."""

    DRAFT = "draft", _("Not final")
    FINAL = "final", _("Final (locked)")


class ObjectionStatus(models.TextChoices):
    FILED = "filed", _("Waiting for decision")
    UPHELD = "upheld", _("Decided: result stands")
    CHANGED = "changed", _("Decided: result changed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
