import datetime
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.regulation.credit_points import (
    LEVELS_2023,
    PREDICATE_PERCENTAGE_2023,
    credit_points,
    months_in_post,
)
from kinerja.regulation.predicate import EmployeePredicate

BEST_FIRST = list(EmployeePredicate)  # Sangat Baik … Sangat Kurang


@pytest.mark.parametrize(
    ("predicate", "level", "months", "points"),
    [
        # domain.md §3.4 worked examples
        ("sangat_baik", "ahli_pertama", 12, "18.75"),
        ("baik", "ahli_pertama", 2, "2.08"),
        # the percentage table, for one year as Ahli Pertama (12.5)
        ("baik", "ahli_pertama", 12, "12.50"),
        ("butuh_perbaikan", "ahli_pertama", 12, "9.38"),
        ("kurang", "ahli_pertama", 12, "6.25"),
        ("sangat_kurang", "ahli_pertama", 12, "3.13"),
        # the coefficient table, one year Baik
        ("baik", "pemula", 12, "3.75"),
        ("baik", "terampil", 12, "5.00"),
        ("baik", "mahir", 12, "12.50"),
        ("baik", "penyelia", 12, "25.00"),
        ("baik", "ahli_muda", 12, "25.00"),
        ("baik", "ahli_madya", 12, "37.50"),
        ("baik", "ahli_utama", 12, "50.00"),
        ("sangat_baik", "ahli_utama", 6, "37.50"),
    ],
)
def test_credit_points_table(predicate, level, months, points):
    assert credit_points(predicate, level, months).points == Decimal(points)


def test_credit_points_explanation_names_inputs_and_source():
    text = credit_points("baik", "ahli_pertama", 2).explanation
    assert "2/12" in text and "100" in text and "12.5" in text and "2.08" in text
    assert "PermenPAN-RB 1/2023" in text


@pytest.mark.parametrize("months", [0, 13, -1])
def test_credit_points_months_out_of_range(months):
    with pytest.raises(ValueError):
        credit_points("baik", "ahli_pertama", months)


@given(
    level=st.sampled_from(list(LEVELS_2023)),
    months=st.integers(1, 12),
    better=st.integers(0, 3),
)
def test_credit_points_monotone_in_predicate(level, months, better):
    worse = better + 1
    assert (
        credit_points(BEST_FIRST[better], level, months).points
        >= credit_points(BEST_FIRST[worse], level, months).points
    )


@given(
    level=st.sampled_from(list(LEVELS_2023)),
    predicate=st.sampled_from(BEST_FIRST),
    months=st.integers(1, 11),
)
def test_credit_points_monotone_in_months(level, predicate, months):
    assert (
        credit_points(predicate, level, months + 1).points
        >= credit_points(predicate, level, months).points
    )


@given(level=st.sampled_from(list(LEVELS_2023)), predicate=st.sampled_from(BEST_FIRST))
def test_credit_points_full_year_is_percentage_times_coefficient(level, predicate):
    expected = PREDICATE_PERCENTAGE_2023[predicate] / 100 * LEVELS_2023[level].annual_coefficient
    rounded = expected.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert credit_points(predicate, level, 12).points == rounded


YEAR = (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


@pytest.mark.parametrize(
    ("spans", "months"),
    [
        ([(datetime.date(2020, 1, 1), None)], 12),
        ([(datetime.date(2025, 11, 1), None)], 2),
        ([(datetime.date(2025, 3, 15), datetime.date(2025, 6, 14))], 3),
        ([(datetime.date(2025, 3, 16), datetime.date(2025, 6, 14))], 2),
        ([(datetime.date(2024, 1, 1), datetime.date(2025, 4, 30))], 4),
        (
            [
                (datetime.date(2024, 1, 1), datetime.date(2025, 2, 28)),
                (datetime.date(2025, 10, 1), None),
            ],
            5,
        ),
        ([(datetime.date(2026, 1, 1), None)], 0),
        ([], 0),
    ],
)
def test_months_in_post_counts_months_held_on_the_15th(spans, months):
    assert months_in_post(spans, *YEAR) == months


@given(
    start=st.dates(datetime.date(2024, 1, 1), datetime.date(2026, 12, 31)),
    length=st.integers(0, 800),
)
def test_months_in_post_between_0_and_12(start, length):
    months = months_in_post([(start, start + datetime.timedelta(days=length))], *YEAR)
    assert 0 <= months <= 12
