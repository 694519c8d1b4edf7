"""The distribution guide for employee predicates by organisation predicate.

Source: SE MenPAN-RB 3/2023 (domain.md §1.8; the percentages are [SECONDARY]). The guide
is a *consideration* (pertimbangan) for the assessor, so the check yields findings to
show as warnings, never a block. The SE does not say how to round for small units (10 %
of 7 people), so the rounding is an explicit, configurable policy.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from kinerja.regulation.predicate import (
    EMPLOYEE_PREDICATE_NAMES,
    ORGANISATION_PREDICATE_NAMES,
    EmployeePredicate,
    OrganisationPredicate,
)

SOURCE = "SE MenPAN-RB 3/2023 (pola distribusi predikat kinerja pegawai)"

P = EmployeePredicate


class Bound(StrEnum):
    AT_MOST = "at_most"  # ≤ share
    AT_LEAST = "at_least"  # ≥ share
    MAJORITY_AT_MOST = "majority_at_most"  # > 50 % and ≤ share ("sebagian besar, maksimal")
    AT_LEAST_ONE = "at_least_one"  # "harus ada"
    NONE = "none"  # 0 %


@dataclass(frozen=True)
class Rule:
    predicates: tuple[EmployeePredicate, ...]
    bound: Bound
    share: Fraction = Fraction(0)


DISTRIBUTION_GUIDE_2023: dict[OrganisationPredicate, tuple[Rule, ...]] = {
    OrganisationPredicate.ISTIMEWA: (
        Rule((P.SANGAT_BAIK,), Bound.MAJORITY_AT_MOST, Fraction(7, 10)),
    ),
    OrganisationPredicate.BAIK: (
        Rule((P.BAIK,), Bound.MAJORITY_AT_MOST, Fraction(7, 10)),
        Rule((P.BUTUH_PERBAIKAN, P.KURANG), Bound.AT_LEAST_ONE),
    ),
    OrganisationPredicate.BUTUH_PERBAIKAN: (
        Rule((P.SANGAT_BAIK,), Bound.AT_MOST, Fraction(1, 10)),
        Rule((P.BUTUH_PERBAIKAN,), Bound.AT_LEAST, Fraction(6, 10)),
    ),
    OrganisationPredicate.KURANG: (
        Rule((P.SANGAT_BAIK,), Bound.AT_MOST, Fraction(1, 10)),
        Rule((P.BUTUH_PERBAIKAN,), Bound.AT_LEAST, Fraction(1, 10)),
        Rule((P.KURANG,), Bound.AT_LEAST, Fraction(6, 10)),
    ),
    OrganisationPredicate.SANGAT_KURANG: (
        Rule((P.SANGAT_BAIK,), Bound.NONE),
        Rule((P.BUTUH_PERBAIKAN, P.KURANG), Bound.AT_LEAST, Fraction(1, 10)),
        Rule((P.SANGAT_KURANG,), Bound.AT_LEAST, Fraction(6, 10)),
    ),
}


class Rounding(StrEnum):
    """How a share of a small unit becomes a whole number of people."""

    FAVOURABLE = "favourable"  # maxima rounded up, minima rounded down (the default)
    NEAREST = "nearest"  # both rounded half up
    STRICT = "strict"  # maxima rounded down, minima rounded up


ROUNDING_DESCRIPTIONS: dict[Rounding, str] = {
    Rounding.FAVOURABLE: "batas atas dibulatkan ke atas, batas bawah dibulatkan ke bawah",
    Rounding.NEAREST: "batas atas dan bawah dibulatkan ke bilangan bulat terdekat",
    Rounding.STRICT: "batas atas dibulatkan ke bawah, batas bawah dibulatkan ke atas",
}


def _round(value: Fraction, rounding: Rounding, *, is_maximum: bool) -> int:
    if rounding is Rounding.NEAREST:
        return math.floor(value + Fraction(1, 2))
    up = (rounding is Rounding.FAVOURABLE) == is_maximum
    return math.ceil(value) if up else math.floor(value)


@dataclass(frozen=True)
class Finding:
    """One rule of the guide checked against a unit's predicates."""

    rule: Rule
    count: int
    total: int
    ok: bool
    minimum: int | None
    maximum: int | None

    @property
    def share_percent(self) -> float:
        return round(100 * self.count / self.total, 1) if self.total else 0.0

    @property
    def explanation(self) -> str:
        names = " + ".join(EMPLOYEE_PREDICATE_NAMES[p] for p in self.rule.predicates)
        percent = f"{float(self.rule.share * 100):g}%"
        wanted = {
            Bound.AT_MOST: f"paling banyak {percent} ({self.maximum} orang)",
            Bound.AT_LEAST: f"paling sedikit {percent} ({self.minimum} orang)",
            Bound.MAJORITY_AT_MOST: (
                f"sebagian besar, paling banyak {percent} ({self.minimum}–{self.maximum} orang)"
            ),
            Bound.AT_LEAST_ONE: "harus ada, paling sedikit 1 orang",
            Bound.NONE: "tidak boleh ada (0 orang)",
        }[self.rule.bound]
        verdict = "sesuai" if self.ok else "belum sesuai"
        return (
            f"{names}: {self.count} dari {self.total} pegawai ({self.share_percent}%); "
            f"pedoman: {wanted}; {verdict}."
        )


def check_distribution(
    organisation_predicate: OrganisationPredicate | str,
    counts: Mapping[EmployeePredicate | str, int],
    rounding: Rounding | str = Rounding.FAVOURABLE,
    guide: Mapping[OrganisationPredicate, tuple[Rule, ...]] = DISTRIBUTION_GUIDE_2023,
) -> list[Finding]:
    """Check a unit's employee predicate counts against the guide for its organisation
    predicate. An empty unit breaks no rule."""
    rounding = Rounding(rounding)
    tally = {EmployeePredicate(k): v for k, v in counts.items()}
    if any(v < 0 for v in tally.values()):
        raise ValueError("counts cannot be negative")
    total = sum(tally.values())
    findings = []
    for rule in guide[OrganisationPredicate(organisation_predicate)]:
        count = sum(tally.get(p, 0) for p in rule.predicates)
        limit = rule.share * total
        minimum: int | None = None
        maximum: int | None = None
        if rule.bound is Bound.AT_MOST:
            maximum = _round(limit, rounding, is_maximum=True)
        elif rule.bound is Bound.AT_LEAST:
            minimum = _round(limit, rounding, is_maximum=False)
        elif rule.bound is Bound.MAJORITY_AT_MOST:
            # More than half: the smallest count strictly above total / 2.
            minimum = total // 2 + 1 if total else 0
            maximum = max(_round(limit, rounding, is_maximum=True), minimum)
        elif rule.bound is Bound.AT_LEAST_ONE:
            minimum = 1 if total else 0
        else:
            maximum = 0
        ok = (minimum is None or count >= minimum) and (maximum is None or count <= maximum)
        findings.append(Finding(rule, count, total, ok, minimum, maximum))
    return findings


def explain_guide(
    organisation_predicate: OrganisationPredicate | str, rounding: Rounding | str
) -> str:
    name = ORGANISATION_PREDICATE_NAMES[OrganisationPredicate(organisation_predicate)]
    return (
        f"Pola distribusi untuk predikat organisasi {name} menurut {SOURCE}. Pedoman ini "
        f"bahan pertimbangan penilai, bukan larangan. Pembulatan untuk unit kecil: "
        f"{ROUNDING_DESCRIPTIONS[Rounding(rounding)]}."
    )
