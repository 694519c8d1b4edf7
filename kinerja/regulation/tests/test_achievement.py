"""Indicator achievement, window targets and the recommended results rating
(``regulation.achievement``): worked cases as tables, properties with hypothesis."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.regulation.achievement import (
    DEFAULT_THRESHOLDS,
    Thresholds,
    indicator_achievement,
    is_lower_better,
    recommend_results_rating,
    window_target,
)
from kinerja.regulation.predicate import Rating

D = Decimal
RATING_ORDER = [Rating.BELOW, Rating.AS_EXPECTED, Rating.ABOVE]


@pytest.mark.parametrize(
    ("target", "realisation", "lower", "expected"),
    [
        (D(12), D(12), False, D("100.00")),
        (D(12), D(6), False, D("50.00")),
        (D(12), D(9), False, D("75.00")),
        (D(3), D(1), False, D("33.33")),  # rounded half up to cents
        (D(12), D(30), False, D("150.00")),  # capped
        (D(12), D(0), False, D("0.00")),
        (D(0), D(5), False, D("100.00")),  # a zero target is met by anything
        (D(0), D(0), False, D("100.00")),
        (D(4), D(3), True, D("133.33")),  # three months against four: less is better
        (D(4), D(4), True, D("100.00")),
        (D(4), D(8), True, D("50.00")),
        (D(4), D(0), True, D("150.00")),  # nothing spent or no time: the cap
        (D(0), D(0), True, D("150.00")),
        (D(100), D(99.5), False, D("99.50")),
    ],
)
def test_indicator_achievement_worked_cases(target, realisation, lower, expected):
    assert indicator_achievement(target, realisation, lower_is_better=lower) == expected


def test_indicator_achievement_custom_cap():
    assert indicator_achievement(D(10), D(50), cap=D(120)) == D("120.00")


@pytest.mark.parametrize(("target", "realisation"), [(D(-1), D(1)), (D(1), D(-1))])
def test_indicator_achievement_negative_is_refused(target, realisation):
    with pytest.raises(ValueError):
        indicator_achievement(target, realisation)


@pytest.mark.parametrize(
    ("aspect", "lower"), [("quantity", False), ("quality", False), ("time", True), ("cost", True)]
)
def test_is_lower_better_by_aspect(aspect, lower):
    assert is_lower_better(aspect) is lower


@pytest.mark.parametrize(
    ("target", "aspect", "number", "count", "expected"),
    [
        (D(12), "quantity", 1, 4, D("3.00")),
        (D(12), "quantity", 2, 4, D("6.00")),
        (D(12), "quantity", 4, 4, D(12)),
        (D(10), "quantity", 1, 3, D("3.33")),
        (D(100), "quality", 1, 4, D(100)),  # a quality level holds all year
        (D(3), "time", 2, 4, D(3)),
        (D(1000), "cost", 1, 4, D("250.00")),  # spend builds up
        (D(12), "quantity", 1, 12, D("1.00")),  # monthly
    ],
)
def test_window_target_worked_cases(target, aspect, number, count, expected):
    assert window_target(target, aspect=aspect, number=number, count=count) == expected


@pytest.mark.parametrize(("number", "count"), [(0, 4), (5, 4)])
def test_window_target_outside_the_year_is_refused(number, count):
    with pytest.raises(ValueError):
        window_target(D(12), aspect="quantity", number=number, count=count)


@given(
    st.decimals(min_value=0, max_value=10**6, places=2),
    st.sampled_from(["quantity", "quality", "time", "cost"]),
    st.integers(min_value=1, max_value=12),
)
def test_window_target_at_last_window_is_target(target, aspect, count):
    assert window_target(target, aspect=aspect, number=count, count=count) == target


@pytest.mark.parametrize(
    ("achievements", "rating", "mean"),
    [
        ([D(100)], Rating.AS_EXPECTED, D("100.00")),
        ([D(110)], Rating.ABOVE, D("110.00")),  # the threshold itself is included
        ([D("109.99")], Rating.AS_EXPECTED, D("109.99")),
        ([D(90)], Rating.AS_EXPECTED, D("90.00")),
        ([D("89.99")], Rating.BELOW, D("89.99")),
        ([D(150), D(70)], Rating.ABOVE, D("110.00")),
        ([D(100), D(50), D(60)], Rating.BELOW, D("70.00")),
        ([D(0)], Rating.BELOW, D("0.00")),
    ],
)
def test_recommend_results_rating_worked_cases(achievements, rating, mean):
    recommendation = recommend_results_rating(achievements)
    assert recommendation.rating == rating
    assert recommendation.mean_achievement == mean
    assert recommendation.counted == len(achievements)
    assert str(mean) in recommendation.explanation


def test_recommend_results_rating_without_achievements():
    recommendation = recommend_results_rating([])
    assert recommendation.rating is None
    assert recommendation.mean_achievement is None
    assert recommendation.explanation  # says why there is none


def test_recommend_results_rating_with_agency_thresholds():
    thresholds = Thresholds(above_from=D(100), as_expected_from=D(80), source="Perbup 1/2026")
    recommendation = recommend_results_rating([D(100)], thresholds)
    assert recommendation.rating == Rating.ABOVE
    assert "Perbup 1/2026" in recommendation.explanation


@pytest.mark.parametrize(
    ("above", "as_expected", "cap"),
    [(D(90), D(110), D(150)), (D(0), D(0), D(150)), (D(160), D(90), D(150))],
)
def test_thresholds_out_of_order_are_refused(above, as_expected, cap):
    with pytest.raises(ValueError):
        Thresholds(above_from=above, as_expected_from=as_expected, cap=cap)


achievement = st.decimals(min_value=0, max_value=150, places=2)


@given(st.lists(achievement, min_size=1, max_size=12), st.data())
def test_recommendation_monotone_in_achievements(achievements, data):
    """Raising any indicator's achievement never lowers the recommended rating."""
    index = data.draw(st.integers(min_value=0, max_value=len(achievements) - 1))
    raised = list(achievements)
    raised[index] = data.draw(st.decimals(min_value=achievements[index], max_value=150, places=2))
    before = recommend_results_rating(achievements).rating
    after = recommend_results_rating(raised).rating
    assert RATING_ORDER.index(after) >= RATING_ORDER.index(before)


@given(st.lists(achievement, min_size=1, max_size=12))
def test_recommendation_mean_within_bounds(achievements):
    mean = recommend_results_rating(achievements).mean_achievement
    assert min(achievements) <= mean <= max(achievements)


@given(
    st.decimals(min_value=1, max_value=10**4, places=2),
    st.decimals(min_value=0, max_value=10**5, places=2),
    st.booleans(),
)
def test_indicator_achievement_within_zero_and_cap(target, realisation, lower):
    value = indicator_achievement(target, realisation, lower_is_better=lower)
    assert D(0) <= value <= DEFAULT_THRESHOLDS.cap
