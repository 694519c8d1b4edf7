"""Sample size, confidence intervals and representativeness of a satisfaction survey.

Sources: PermenPAN-RB 14/2017 takes the sample size from the Krejcie & Morgan (1970)
table (domain.md §4.5). The confidence intervals and the representativeness checks are
not in the Permen: they are this system's honest-statistics rules (issue 5), stated here
so that every figure can explain itself.

Pure Python on purpose (no scipy): the Student t quantile is computed from the
regularised incomplete beta function by bisection, accurate to well below the 4
decimals shown.
"""

import datetime
import functools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

KREJCIE_MORGAN_SOURCE = "Krejcie & Morgan (1970), dirujuk PermenPAN-RB 14/2017"
CHI_SQUARE = Fraction("3.841")  # χ² for 1 degree of freedom at 95 % confidence
PROPORTION = Fraction(1, 2)  # P = 0.5 gives the largest sample
MARGIN = Fraction(5, 100)  # d = 0.05


def round_half_up(value: Fraction | float, places: int) -> Decimal:
    """``value`` rounded half up to ``places`` decimals (the way the Permen's tables round)."""
    exact = Fraction(value)
    decimal = Decimal(exact.numerator) / Decimal(exact.denominator)
    return decimal.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def krejcie_morgan(population: int) -> int:
    """Required sample S for a population N (the Krejcie–Morgan table).

    S = X²·N·P(1−P) / (d²·(N−1) + X²·P(1−P)), rounded half up to a whole respondent;
    computed exactly so that the published table values are reproduced.
    """
    if population < 1:
        raise ValueError("the population served must be at least 1")
    spread = CHI_SQUARE * PROPORTION * (1 - PROPORTION)
    sample = spread * population / (MARGIN**2 * (population - 1) + spread)
    return min(population, int(round_half_up(sample, 0)))


def explain_sample_size(population: int) -> str:
    required = krejcie_morgan(population)
    return (
        f"Jumlah sampel minimal untuk populasi {population} orang yang dilayani adalah "
        f"{required} responden, dihitung dengan rumus tabel {KREJCIE_MORGAN_SOURCE}: "
        f"S = X²·N·P(1−P) ÷ (d²·(N−1) + X²·P(1−P)) dengan X² = 3,841 (kepercayaan 95 %), "
        f"P = 0,5 dan d = 0,05, dibulatkan ke bilangan bulat terdekat."
    )


# --- Student t ---------------------------------------------------------------------------


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 400):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def _regularised_beta(a: float, b: float, x: float) -> float:
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: int) -> float:
    """P(T ≤ t) for Student's t with ``df`` degrees of freedom."""
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    tail = 0.5 * _regularised_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


@functools.lru_cache(maxsize=1024)
def t_quantile(p: float, df: int) -> float:
    """The t value with P(T ≤ t) = p, by bisection on the CDF."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must lie strictly between 0 and 1")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(200):
        middle = (low + high) / 2.0
        if t_cdf(middle, df) < p:
            low = middle
        else:
            high = middle
        if high - low < 1e-12:
            break
    return (low + high) / 2.0


@dataclass(frozen=True)
class Interval:
    """A t-interval for a mean: mean ± t·s/√n, cut to the scale's bounds."""

    n: int
    mean: Fraction
    sd: float
    t: float
    confidence: Fraction
    low: float
    high: float
    explanation: str

    @property
    def half_width(self) -> float:
        return self.t * self.sd / math.sqrt(self.n)


def _fmt(value: float | Fraction, places: int) -> str:
    """A number in Indonesian notation (decimal comma), rounded half up."""
    return str(round_half_up(value, places)).replace(".", ",")


def mean_interval(
    values: Sequence[int | Fraction],
    confidence: Fraction = Fraction(95, 100),
    *,
    low: float,
    high: float,
) -> Interval | None:
    """The two-sided t confidence interval of the mean of ``values`` with the sample
    standard deviation (divisor n − 1); None below two values (no spread to measure).
    The interval is cut to [low, high], the bounds of the scale."""
    n = len(values)
    if n < 2:
        return None
    mean = Fraction(sum(values, Fraction(0))) / n
    variance = sum(((Fraction(v) - mean) ** 2 for v in values), Fraction(0)) / (n - 1)
    sd = math.sqrt(variance)
    t = t_quantile(1.0 - (1.0 - float(confidence)) / 2.0, n - 1)
    half = t * sd / math.sqrt(n)
    lower = max(low, float(mean) - half)
    upper = min(high, float(mean) + half)
    percent = _fmt(confidence * 100, 0)
    text = (
        f"Selang kepercayaan {percent} %: {_fmt(lower, 2)} sampai {_fmt(upper, 2)}, yaitu "
        f"rata-rata {_fmt(mean, 4)} ± t({n - 1}) {_fmt(t, 3)} × simpangan baku {_fmt(sd, 4)} "
        f"÷ √{n}, dipotong pada rentang skala {_fmt(low, 0)}–{_fmt(high, 0)}."
    )
    if sd == 0:
        text += (
            " Semua jawaban sama sehingga simpangan bakunya nol; dengan sampel kecil selang "
            "sempit ini belum berarti hasilnya pasti."
        )
    return Interval(n, mean, sd, t, confidence, lower, upper, text)


# --- representativeness ------------------------------------------------------------------


@dataclass(frozen=True)
class RepresentativenessPolicy:
    """Thresholds for the lopsidedness warnings (configurable per agency later).

    Shares are judged only from ``min_answers`` answers on: below that the sample-size
    warning already says the data is too thin.
    """

    max_day_share: Fraction = Fraction(1, 2)
    max_group_share: Fraction = Fraction(4, 5)
    min_answers: int = 10


DEFAULT_POLICY = RepresentativenessPolicy()


@dataclass(frozen=True)
class Finding:
    """One warning about the sample: a stable code, its parameters, an explanation."""

    code: str
    params: dict[str, object] = field(default_factory=dict)
    explanation: str = ""


SAMPLE_BELOW_REQUIRED = "sample_below_required"
POPULATION_UNKNOWN = "population_unknown"
DAY_CONCENTRATED = "day_concentrated"
GROUP_CONCENTRATED = "group_concentrated"


@dataclass(frozen=True)
class SampleAssessment:
    population: int | None
    required: int | None
    actual: int
    findings: tuple[Finding, ...]
    explanation: str

    @property
    def adequate(self) -> bool:
        """Enough answers for the population and none of the lopsidedness warnings."""
        return not self.findings

    @property
    def provisional(self) -> bool:
        """The index is labelled provisional until the sample is adequate."""
        return not self.adequate

    @property
    def shortfall(self) -> int:
        return max(0, (self.required or 0) - self.actual)


def assess_sample(
    *,
    actual: int,
    population: int | None,
    answers_per_day: Mapping[datetime.date, int],
    days_open: int,
    groups: Mapping[str, Mapping[str, int]],
    policy: RepresentativenessPolicy = DEFAULT_POLICY,
) -> SampleAssessment:
    """Whether a survey's answers are enough and spread enough to stand for the public.

    ``groups`` maps a profile question (``"sex"``) to the count per answer, blanks left
    out. The index is provisional when any finding is raised.
    """
    findings: list[Finding] = []
    required = krejcie_morgan(population) if population else None
    if required is None:
        findings.append(
            Finding(
                POPULATION_UNKNOWN,
                {},
                "Jumlah orang yang dilayani dalam periode belum diisi, sehingga jumlah "
                "sampel minimal tidak dapat dihitung.",
            )
        )
    elif actual < required:
        findings.append(
            Finding(
                SAMPLE_BELOW_REQUIRED,
                {"actual": actual, "required": required, "shortfall": required - actual},
                f"Baru {actual} dari minimal {required} responden (kurang {required - actual}). "
                + explain_sample_size(population or 0),
            )
        )
    if actual >= policy.min_answers:
        if days_open > 1 and answers_per_day:
            day, count = max(answers_per_day.items(), key=lambda item: (item[1], item[0]))
            share = Fraction(count, actual)
            if share > policy.max_day_share:
                findings.append(
                    Finding(
                        DAY_CONCENTRATED,
                        {"day": day.isoformat(), "count": count, "share": float(share)},
                        f"{count} dari {actual} jawaban ({_fmt(share * 100, 0)} %) masuk pada "
                        f"{day:%d-%m-%Y}, lebih dari {_fmt(policy.max_day_share * 100, 0)} % "
                        f"dalam satu hari dari {days_open} hari survei dibuka.",
                    )
                )
        for question, counts in sorted(groups.items()):
            answered = sum(counts.values())
            if answered < policy.min_answers:
                continue
            group, count = max(counts.items(), key=lambda item: (item[1], item[0]))
            share = Fraction(count, answered)
            if share > policy.max_group_share:
                findings.append(
                    Finding(
                        GROUP_CONCENTRATED,
                        {
                            "question": question,
                            "group": group,
                            "count": count,
                            "answered": answered,
                            "share": float(share),
                        },
                        f"{count} dari {answered} responden yang mengisi '{question}' "
                        f"({_fmt(share * 100, 0)} %) berada pada kelompok '{group}', lebih "
                        f"dari {_fmt(policy.max_group_share * 100, 0)} %.",
                    )
                )
    if findings:
        explanation = "Indeks bersifat sementara sampai sampel memadai: " + " ".join(
            f.explanation for f in findings
        )
    else:
        explanation = (
            f"Sampel memadai: {actual} responden dari minimal {required}, tanpa penumpukan "
            "pada satu hari atau satu kelompok responden."
        )
    return SampleAssessment(population, required, actual, tuple(findings), explanation)
