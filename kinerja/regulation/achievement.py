"""The recommended results rating (rekomendasi rating hasil kerja) from indicator achievement.

PermenPAN-RB 6/2022 makes the results rating the assessor's judgement; e-Kinerja shows a
system recommendation first and asks for a justification when the assessor departs from
it (domain.md §1.7, [SECONDARY]). The regulation gives no thresholds, so these are the
house defaults, configurable per agency and always shown with their reasoning.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kinerja.regulation.predicate import RATING_NAMES, Rating

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Thresholds:
    """Mean achievement (in per cent of target) from which each rating is recommended.

    ``cap`` limits one indicator's achievement so a single runaway figure cannot carry
    the others.
    """

    above_from: Decimal = Decimal(110)
    as_expected_from: Decimal = Decimal(90)
    cap: Decimal = Decimal(150)
    source: str = "Ketentuan bawaan Kinerja (dapat diubah per instansi)"

    def __post_init__(self) -> None:
        if not (Decimal(0) < self.as_expected_from <= self.above_from <= self.cap):
            raise ValueError("thresholds must satisfy 0 < as_expected_from <= above_from <= cap")


DEFAULT_THRESHOLDS = Thresholds()


def indicator_achievement(
    target: Decimal,
    realisation: Decimal,
    *,
    lower_is_better: bool = False,
    cap: Decimal = DEFAULT_THRESHOLDS.cap,
) -> Decimal:
    """Achievement of one indicator in per cent of its target, capped at ``cap``.

    For time and cost indicators less is better: finishing in 3 months against a target
    of 4 is 133 %. A zero target is met by any realisation (100 %), or by zero when
    less is better.
    """
    if target < 0 or realisation < 0:
        raise ValueError("targets and realisations cannot be negative")
    if lower_is_better:
        value = cap if realisation == 0 else target / realisation * HUNDRED
    elif target == 0:
        value = HUNDRED
    else:
        value = realisation / target * HUNDRED
    return min(value, cap).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Recommendation:
    rating: Rating | None
    mean_achievement: Decimal | None
    counted: int
    thresholds: Thresholds

    @property
    def explanation(self) -> str:
        """The reasoning in plain Indonesian, for the "why" panel."""
        t = self.thresholds
        if self.rating is None or self.mean_achievement is None:
            return (
                "Belum ada indikator dengan target dan realisasi angka pada periode ini, "
                "sehingga sistem tidak memberi rekomendasi; penilai menilai berdasarkan "
                "bukti dukung dan umpan balik."
            )
        return (
            f"Rata-rata capaian {self.counted} indikator adalah {self.mean_achievement}% "
            f"(capaian tiap indikator dibatasi {t.cap}%). Rata-rata ≥ {t.above_from}% "
            f"direkomendasikan Di Atas Ekspektasi, ≥ {t.as_expected_from}% Sesuai "
            f"Ekspektasi, di bawahnya Di Bawah Ekspektasi; maka rekomendasinya "
            f"{RATING_NAMES[self.rating]}. Sumber ambang: {t.source}."
        )


def recommend_results_rating(
    achievements: list[Decimal], thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> Recommendation:
    """Recommend a results rating from the achievements of the period's indicators."""
    if not achievements:
        return Recommendation(None, None, 0, thresholds)
    mean = (sum(achievements, Decimal(0)) / len(achievements)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    if mean >= thresholds.above_from:
        rating = Rating.ABOVE
    elif mean >= thresholds.as_expected_from:
        rating = Rating.AS_EXPECTED
    else:
        rating = Rating.BELOW
    return Recommendation(rating, mean, len(achievements), thresholds)


# Realisations are reported cumulatively (capaian s.d. periode ini). A count or a spend
# builds up over the year, so its target for window k of n is k/n of the annual target; a
# quality level or a completion time is the same target all year. Less is better for time
# and cost. House rule, shown in the "why" panel; aspects named as in planning.Aspect.
PRO_RATED_ASPECTS = frozenset({"quantity", "cost"})
LOWER_IS_BETTER_ASPECTS = frozenset({"time", "cost"})


def window_target(target: Decimal, *, aspect: str, number: int, count: int) -> Decimal:
    """The target an indicator should have reached by the end of window ``number`` of
    ``count`` (the last window, or the annual evaluation, gets the full target)."""
    if not 1 <= number <= count:
        raise ValueError("window number must be between 1 and count")
    if aspect in PRO_RATED_ASPECTS:
        return (target * number / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return target


def is_lower_better(aspect: str) -> bool:
    return aspect in LOWER_IS_BETTER_ASPECTS
