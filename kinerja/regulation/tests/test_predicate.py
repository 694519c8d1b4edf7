"""The predicate matrix of PermenPAN-RB 6/2022 (domain.md §1.7) and the unit-head rule
of SE MenPAN-RB 3/2023 (§1.8): the whole table, and its properties over every input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.regulation.predicate import (
    EMPLOYEE_PREDICATE_NAMES,
    MATRIX_SOURCE,
    PREDICATE_MATRIX_2022,
    RATING_NAMES,
    EmployeePredicate,
    OrganisationPredicate,
    Rating,
    employee_predicate,
    explain_predicate,
    unit_head_results_rating,
)

A, S, B = Rating.ABOVE, Rating.AS_EXPECTED, Rating.BELOW
P = EmployeePredicate

# domain.md §1.7, row by row: (results, behaviour) → predicate.
TABLE = [
    (A, B, P.KURANG),
    (A, S, P.BAIK),
    (A, A, P.SANGAT_BAIK),
    (S, B, P.KURANG),
    (S, S, P.BAIK),
    (S, A, P.BAIK),
    (B, B, P.SANGAT_KURANG),
    (B, S, P.BUTUH_PERBAIKAN),
    (B, A, P.BUTUH_PERBAIKAN),
]

# Best first; a smaller index is a better predicate.
ORDER = [P.SANGAT_BAIK, P.BAIK, P.BUTUH_PERBAIKAN, P.KURANG, P.SANGAT_KURANG]
RATING_ORDER = [B, S, A]  # worst to best

ratings = st.sampled_from(list(Rating))


@pytest.mark.parametrize(("results", "behaviour", "expected"), TABLE)
def test_employee_predicate_matrix_cell(results, behaviour, expected):
    assert employee_predicate(results, behaviour) == expected


@pytest.mark.parametrize(("results", "behaviour", "expected"), TABLE)
def test_employee_predicate_accepts_plain_strings(results, behaviour, expected):
    assert employee_predicate(str(results), str(behaviour)) == expected


def test_predicate_matrix_covers_all_nine_cells():
    assert len(PREDICATE_MATRIX_2022) == 9
    assert {(r, b) for r, b, _ in TABLE} == set(PREDICATE_MATRIX_2022)


def test_employee_predicate_unknown_rating_is_refused():
    with pytest.raises(ValueError):
        employee_predicate("excellent", Rating.ABOVE)


@pytest.mark.parametrize(("results", "behaviour", "expected"), TABLE)
def test_explain_predicate_names_inputs_rule_and_result(results, behaviour, expected):
    text = explain_predicate(results, behaviour)
    assert RATING_NAMES[results] in text
    assert RATING_NAMES[behaviour] in text
    assert EMPLOYEE_PREDICATE_NAMES[expected] in text
    assert MATRIX_SOURCE in text


@given(ratings, ratings, ratings, ratings)
def test_employee_predicate_monotone_in_both_ratings(r1, b1, r2, b2):
    """Raising either rating (or both) never gives a worse predicate."""
    if RATING_ORDER.index(r2) >= RATING_ORDER.index(r1) and RATING_ORDER.index(
        b2
    ) >= RATING_ORDER.index(b1):
        better = ORDER.index(employee_predicate(r2, b2))
        worse = ORDER.index(employee_predicate(r1, b1))
        assert better <= worse


@given(ratings)
def test_below_behaviour_is_never_better_than_kurang(results):
    assert ORDER.index(employee_predicate(results, B)) >= ORDER.index(P.KURANG)


@given(ratings, ratings)
def test_sangat_baik_only_when_both_above(results, behaviour):
    is_best = employee_predicate(results, behaviour) == P.SANGAT_BAIK
    assert is_best == (results == A and behaviour == A)


@pytest.mark.parametrize(
    ("organisation", "expected"),
    [
        (OrganisationPredicate.ISTIMEWA, A),
        (OrganisationPredicate.BAIK, S),
        (OrganisationPredicate.BUTUH_PERBAIKAN, B),
        (OrganisationPredicate.KURANG, B),
        (OrganisationPredicate.SANGAT_KURANG, B),
        ("istimewa", A),
    ],
)
def test_unit_head_results_rating_from_organisation(organisation, expected):
    assert unit_head_results_rating(organisation) == expected


def test_unit_head_results_rating_monotone():
    ranked = [unit_head_results_rating(o) for o in OrganisationPredicate]  # best first
    positions = [RATING_ORDER.index(r) for r in ranked]
    assert positions == sorted(positions, reverse=True)
