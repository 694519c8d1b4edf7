"""Sample size (Krejcie–Morgan), t-intervals and representativeness warnings."""

import datetime
import math
from fractions import Fraction

import pytest

from kinerja.regulation.sampling import (
    DAY_CONCENTRATED,
    GROUP_CONCENTRATED,
    POPULATION_UNKNOWN,
    SAMPLE_BELOW_REQUIRED,
    RepresentativenessPolicy,
    assess_sample,
    krejcie_morgan,
    mean_interval,
    t_cdf,
    t_quantile,
)

KREJCIE_MORGAN_TABLE = [
    (10, 10),
    (15, 14),
    (20, 19),
    (30, 28),
    (50, 44),
    (100, 80),
    (150, 108),
    (200, 132),
    (300, 169),
    (500, 217),
    (1_000, 278),
    (2_000, 322),
    (5_000, 357),
    (10_000, 370),
    (20_000, 377),
    (50_000, 381),
    (1_000_000, 384),
]


@pytest.mark.parametrize(("population", "sample"), KREJCIE_MORGAN_TABLE)
def test_krejcie_morgan_reproduces_table(population, sample):
    assert krejcie_morgan(population) == sample


def test_krejcie_morgan_never_exceeds_population_and_refuses_zero():
    assert krejcie_morgan(1) == 1
    assert krejcie_morgan(3) == 3
    with pytest.raises(ValueError):
        krejcie_morgan(0)


@pytest.mark.parametrize(
    ("df", "expected"),
    [
        (1, 12.7062),
        (2, 4.3027),
        (4, 2.7764),
        (10, 2.2281),
        (28, 2.0484),
        (30, 2.0423),
        (120, 1.9799),
    ],
)
def test_t_quantile_matches_printed_tables(df, expected):
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=1e-4)
    assert t_cdf(t_quantile(0.975, df), df) == pytest.approx(0.975, abs=1e-10)


def test_t_quantile_is_symmetric():
    assert t_quantile(0.025, 7) == pytest.approx(-t_quantile(0.975, 7))


def test_mean_interval_hand_computed_case():
    # Answers 4, 3, 3, 4, 2: mean 3.2; deviations .8 .2 .2 .8 1.2, squares sum 2.8,
    # s² = 2.8 / 4 = 0.7, s = 0.83666; t(4) = 2.776445; half width = 2.776445 ×
    # 0.83666 / √5 = 1.03885 → 2.16115 to 4.23885, cut to the scale: 2.16 to 4.
    interval = mean_interval([4, 3, 3, 4, 2], low=1, high=4)
    assert interval.mean == Fraction(16, 5)
    assert interval.sd == pytest.approx(math.sqrt(0.7))
    assert interval.t == pytest.approx(2.776445, abs=1e-6)
    assert interval.half_width == pytest.approx(1.03885, abs=1e-5)
    assert interval.low == pytest.approx(2.16115, abs=1e-5)
    assert interval.high == 4
    assert "2,16" in interval.explanation


def test_mean_interval_needs_two_values():
    assert mean_interval([3], low=1, high=4) is None


DAY = datetime.date(2026, 7, 1)


def test_assess_sample_below_required_is_provisional():
    result = assess_sample(
        actual=50, population=200, answers_per_day={DAY: 50}, days_open=1, groups={}
    )
    assert result.required == 132
    assert [f.code for f in result.findings] == [SAMPLE_BELOW_REQUIRED]
    assert result.provisional and result.shortfall == 82


def test_assess_sample_unknown_population_is_provisional():
    result = assess_sample(actual=5, population=None, answers_per_day={}, days_open=5, groups={})
    assert [f.code for f in result.findings] == [POPULATION_UNKNOWN]


def test_assess_sample_lopsided_day_and_group():
    per_day = {DAY: 30, DAY + datetime.timedelta(days=1): 10}
    result = assess_sample(
        actual=40,
        population=100,
        answers_per_day=per_day,
        days_open=90,
        groups={"sex": {"F": 36, "M": 4}, "age": {"20-29": 20, "30-39": 20}},
    )
    codes = [f.code for f in result.findings]
    assert codes == [SAMPLE_BELOW_REQUIRED, DAY_CONCENTRATED, GROUP_CONCENTRATED]
    assert result.findings[2].params["group"] == "F"


def test_assess_sample_adequate_when_enough_and_spread():
    per_day = {DAY + datetime.timedelta(days=i): 4 for i in range(10)}
    result = assess_sample(
        actual=40,
        population=40,
        answers_per_day=per_day,
        days_open=90,
        groups={"sex": {"F": 22, "M": 18}},
    )
    assert result.adequate and not result.provisional


def test_assess_sample_thresholds_are_configurable():
    policy = RepresentativenessPolicy(max_day_share=Fraction(9, 10), max_group_share=Fraction(1))
    result = assess_sample(
        actual=40,
        population=40,
        answers_per_day={DAY: 30, DAY + datetime.timedelta(days=1): 10},
        days_open=90,
        groups={"sex": {"F": 40}},
        policy=policy,
    )
    assert result.adequate
