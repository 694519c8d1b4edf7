"""IKM (PermenPAN-RB 14/2017): the worked case, exact weights, grade bands and edges."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.regulation.ikm import (
    BANDS_2017,
    ELEMENT_COUNT,
    ELEMENTS_2017,
    WEIGHT,
    Grade,
    band_for_index,
    band_for_ni,
    element_nrr,
    index_from_nrrs,
    index_from_total,
    index_result,
    weighted_nrr,
)
from kinerja.regulation.sampling import round_half_up

# The 29 respondents of the worked example (domain.md §4.3): per element, how many
# answered 4, 3, 2 and 1.
WORKED_COUNTS = [
    (18, 11, 0, 0),
    (14, 15, 0, 0),
    (15, 12, 2, 0),
    (29, 0, 0, 0),
    (15, 14, 0, 0),
    (18, 11, 0, 0),
    (19, 10, 0, 0),
    (18, 11, 0, 0),
    (28, 1, 0, 0),
]


def worked_responses() -> list[tuple[int, ...]]:
    columns = [[4] * a + [3] * b + [2] * c + [1] * d for a, b, c, d in WORKED_COUNTS]
    return [tuple(column[i] for column in columns) for i in range(29)]


def test_ikm_worked_case_gives_91_48_with_exact_weights():
    result = index_result(worked_responses())
    assert [e.total for e in result.elements] == [105, 101, 100, 116, 102, 105, 106, 105, 115]
    assert result.elements[0].nrr_display == Decimal("3.6207")
    assert result.weighted_nrr == Fraction(955, 261)
    assert result.index_display == Decimal("91.48")
    assert result.band.grade == Grade.A
    assert result.band.label_id == "Sangat Baik"
    assert "91,48" in result.explanation


def test_ikm_index_from_total_equals_the_result_when_every_element_is_answered():
    result = index_result(worked_responses())
    assert index_from_total(955, 29) == result.index
    with pytest.raises(ValueError):
        index_from_total(0, 0)


def test_grade_band_label_in_the_page_language():
    band = band_for_index(Fraction(90))
    assert band.label("id") == "Sangat Baik"
    assert band.label("en") == "Very good"


def test_ikm_rounded_weight_would_give_the_slip_of_the_source():
    nrrs = [Fraction(t, 29) for t in [105, 101, 100, 116, 102, 105, 106, 105, 115]]
    rounded_weight = sum(round_half_up(n, 4) * Decimal("0.1111") for n in nrrs)
    assert round_half_up(Fraction(rounded_weight) * 25, 2) != Decimal("91.48")
    assert round_half_up(index_from_nrrs(nrrs), 2) == Decimal("91.48")


def test_ikm_nine_elements_with_official_names_and_four_answers():
    assert ELEMENT_COUNT == 9
    assert Fraction(1, 9) == WEIGHT
    assert ELEMENTS_2017[5].name_id == "Kompetensi Pelaksana"
    assert ELEMENTS_2017[5].answers_id == (
        "Tidak kompeten",
        "Kurang kompeten",
        "Kompeten",
        "Sangat kompeten",
    )
    assert all(len(e.answers_id) == 4 and len(e.answers_en) == 4 for e in ELEMENTS_2017)


@pytest.mark.parametrize(
    ("ni", "grade"),
    [
        ("1", Grade.D),
        ("2.5996", Grade.D),
        ("2.5998", Grade.D),  # in the gap 2.5996–2.60: not yet C
        ("2.60", Grade.C),
        ("3.064", Grade.C),
        ("3.0642", Grade.C),  # gap 3.064–3.0644
        ("3.0644", Grade.B),
        ("3.532", Grade.B),
        ("3.5322", Grade.B),  # gap 3.532–3.5324
        ("3.5324", Grade.A),
        ("4", Grade.A),
    ],
)
def test_grade_band_edges_use_ni_intervals_and_close_gaps_downwards(ni, grade):
    assert band_for_ni(Fraction(ni)).grade == grade


@pytest.mark.parametrize(
    ("index", "grade"),
    [
        ("25", Grade.D),
        ("64.99", Grade.D),
        ("65.00", Grade.C),
        ("76.60", Grade.C),
        ("76.61", Grade.B),
        ("88.30", Grade.B),
        ("88.31", Grade.A),
        ("100", Grade.A),
    ],
)
def test_grade_nik_bounds_agree_with_ni_bounds(index, grade):
    assert band_for_index(Fraction(index)).grade == grade


def test_grade_band_table_lower_bounds_times_25_are_the_nik_bounds():
    for band in BANDS_2017:
        assert Decimal(band.ni_from.numerator) / band.ni_from.denominator * 25 == band.nik_from


def test_grade_outside_scale_is_refused():
    with pytest.raises(ValueError):
        band_for_ni(Fraction(9, 10))


def test_ikm_blank_answers_are_left_out_of_the_element_mean():
    assert element_nrr([4, None, 2]) == 3
    result = index_result([(4,) * 9, (2,) * 8 + (None,)])
    assert result.elements[8].answered == 1
    assert result.elements[8].nrr == 4
    assert result.elements[8].interval is None


def test_ikm_without_answers_for_an_element_has_no_index():
    result = index_result([(4,) * 8 + (None,)])
    assert result.index is None and result.band is None


def test_ikm_out_of_range_answer_is_refused():
    with pytest.raises(ValueError):
        index_result([(5,) + (4,) * 8])
    with pytest.raises(ValueError):
        index_result([(4,) * 8])


answers = st.lists(st.tuples(*[st.integers(min_value=1, max_value=4)] * 9), min_size=1, max_size=40)


@settings(deadline=None)  # the t quantile is computed in pure Python; CI machines are busy
@given(answers)
def test_ikm_property_within_25_and_100_and_equals_weighted_sum(responses):
    result = index_result(responses)
    assert 25 <= result.index <= 100
    nrrs = [e.nrr for e in result.elements]
    assert result.weighted_nrr == sum(nrrs, Fraction(0)) / 9
    assert result.weighted_nrr == weighted_nrr(nrrs)
    total = sum(sum(r) for r in responses)
    assert result.index == Fraction(total, len(responses) * 9) * 25
    if result.interval is not None:
        assert 25 <= result.interval.low <= float(result.index) <= result.interval.high <= 100
