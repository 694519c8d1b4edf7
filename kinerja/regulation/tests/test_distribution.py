"""The distribution guide of SE MenPAN-RB 3/2023 (domain.md §1.8) with each rounding policy.

Worked examples for small units (7, 10 and 3 people) and the empty unit, then
properties over random distributions.
"""

import math
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.regulation.distribution import (
    DISTRIBUTION_GUIDE_2023,
    ROUNDING_DESCRIPTIONS,
    SOURCE,
    Bound,
    Rounding,
    check_distribution,
    explain_guide,
)
from kinerja.regulation.predicate import EmployeePredicate as P
from kinerja.regulation.predicate import OrganisationPredicate as O

FAV, NEAR, STRICT = Rounding.FAVOURABLE, Rounding.NEAREST, Rounding.STRICT


def counts(sb=0, b=0, bp=0, k=0, sk=0):
    return {P.SANGAT_BAIK: sb, P.BAIK: b, P.BUTUH_PERBAIKAN: bp, P.KURANG: k, P.SANGAT_KURANG: sk}


# (organisation predicate, rounding, counts, expected (minimum, maximum, ok) per rule)
CASES = [
    # Istimewa: Sangat Baik is the majority, at most 70 %.
    # 7 people: majority 4; 70 % = 4.9 → 5 (favourable, nearest) or 4 (strict).
    (O.ISTIMEWA, FAV, counts(sb=5, b=2), [(4, 5, True)]),
    (O.ISTIMEWA, NEAR, counts(sb=5, b=2), [(4, 5, True)]),
    (O.ISTIMEWA, STRICT, counts(sb=5, b=2), [(4, 4, False)]),
    (O.ISTIMEWA, STRICT, counts(sb=4, b=3), [(4, 4, True)]),
    (O.ISTIMEWA, FAV, counts(sb=3, b=4), [(4, 5, False)]),
    # 10 people: majority 6, at most exactly 7 under every policy.
    (O.ISTIMEWA, FAV, counts(sb=8, b=2), [(6, 7, False)]),
    (O.ISTIMEWA, STRICT, counts(sb=7, b=3), [(6, 7, True)]),
    # 3 people: majority 2; 70 % = 2.1 → 3 (favourable) or 2.
    (O.ISTIMEWA, FAV, counts(sb=3), [(2, 3, True)]),
    (O.ISTIMEWA, NEAR, counts(sb=3), [(2, 2, False)]),
    (O.ISTIMEWA, STRICT, counts(sb=2, b=1), [(2, 2, True)]),
    # Baik: Baik the majority at most 70 %, and Butuh Perbaikan or Kurang must exist.
    (O.BAIK, FAV, counts(sb=1, b=5, bp=1), [(4, 5, True), (1, None, True)]),
    (O.BAIK, STRICT, counts(sb=1, b=5, bp=1), [(4, 4, False), (1, None, True)]),
    (O.BAIK, NEAR, counts(sb=2, b=5), [(4, 5, True), (1, None, False)]),
    (O.BAIK, FAV, counts(sb=2, b=7, k=1), [(6, 7, True), (1, None, True)]),
    (O.BAIK, FAV, counts(b=3), [(2, 3, True), (1, None, False)]),
    (O.BAIK, STRICT, counts(b=2, k=1), [(2, 2, True), (1, None, True)]),
    # Butuh Perbaikan: Sangat Baik at most 10 %, Butuh Perbaikan at least 60 %.
    # 7 people: 10 % = 0.7 → 1, 1, 0; 60 % = 4.2 → 4, 4, 5.
    (O.BUTUH_PERBAIKAN, FAV, counts(sb=1, b=2, bp=4), [(None, 1, True), (4, None, True)]),
    (O.BUTUH_PERBAIKAN, NEAR, counts(sb=1, b=2, bp=4), [(None, 1, True), (4, None, True)]),
    (
        O.BUTUH_PERBAIKAN,
        STRICT,
        counts(sb=1, b=2, bp=4),
        [(None, 0, False), (5, None, False)],
    ),
    (O.BUTUH_PERBAIKAN, STRICT, counts(b=2, bp=5), [(None, 0, True), (5, None, True)]),
    # 10 people: exactly 1 and 6.
    (O.BUTUH_PERBAIKAN, FAV, counts(sb=2, b=2, bp=6), [(None, 1, False), (6, None, True)]),
    # 3 people: 0.3 → 1, 0, 0; 1.8 → 1, 2, 2.
    (O.BUTUH_PERBAIKAN, FAV, counts(sb=1, b=1, bp=1), [(None, 1, True), (1, None, True)]),
    (
        O.BUTUH_PERBAIKAN,
        NEAR,
        counts(sb=1, b=1, bp=1),
        [(None, 0, False), (2, None, False)],
    ),
    # Kurang: Sangat Baik ≤ 10 %, Butuh Perbaikan ≥ 10 %, Kurang ≥ 60 %.
    # 7 people: 0.7 → minimum 0 (favourable) or 1; 4.2 → 4, 4, 5.
    (
        O.KURANG,
        FAV,
        counts(b=3, k=4),
        [(None, 1, True), (0, None, True), (4, None, True)],
    ),
    (
        O.KURANG,
        NEAR,
        counts(b=3, k=4),
        [(None, 1, True), (1, None, False), (4, None, True)],
    ),
    (
        O.KURANG,
        STRICT,
        counts(bp=1, b=1, k=5),
        [(None, 0, True), (1, None, True), (5, None, True)],
    ),
    (
        O.KURANG,
        FAV,
        counts(sb=1, bp=1, b=2, k=6),
        [(None, 1, True), (1, None, True), (6, None, True)],
    ),
    # Sangat Kurang: no Sangat Baik, Butuh Perbaikan + Kurang ≥ 10 %, Sangat Kurang ≥ 60 %.
    (
        O.SANGAT_KURANG,
        FAV,
        counts(sb=1, bp=1, sk=5),
        [(None, 0, False), (0, None, True), (4, None, True)],
    ),
    (
        O.SANGAT_KURANG,
        STRICT,
        counts(b=1, k=1, sk=5),
        [(None, 0, True), (1, None, True), (5, None, True)],
    ),
    (
        O.SANGAT_KURANG,
        NEAR,
        counts(b=1, sk=2),
        [(None, 0, True), (0, None, True), (2, None, True)],
    ),
    (
        O.SANGAT_KURANG,
        STRICT,
        counts(b=1, sk=2),
        [(None, 0, True), (1, None, False), (2, None, True)],
    ),
]


@pytest.mark.parametrize(("organisation", "rounding", "tally", "expected"), CASES)
def test_check_distribution_small_units_match_the_worked_examples(
    organisation, rounding, tally, expected
):
    findings = check_distribution(organisation, tally, rounding)
    assert [(f.minimum, f.maximum, f.ok) for f in findings] == expected
    assert all(f.total == sum(tally.values()) for f in findings)


@pytest.mark.parametrize("organisation", list(O))
@pytest.mark.parametrize("rounding", list(Rounding))
def test_check_distribution_empty_unit_breaks_no_rule(organisation, rounding):
    findings = check_distribution(organisation, {}, rounding)
    assert len(findings) == len(DISTRIBUTION_GUIDE_2023[organisation])
    assert all(f.ok and f.count == 0 and f.total == 0 for f in findings)
    assert all(f.share_percent == 0.0 for f in findings)


def test_check_distribution_negative_count_is_refused():
    with pytest.raises(ValueError, match="negative"):
        check_distribution(O.BAIK, {P.BAIK: -1})


def test_check_distribution_accepts_plain_strings():
    findings = check_distribution("baik", {"baik": 5, "kurang": 2}, "strict")
    assert [f.ok for f in findings] == [False, True]


def test_finding_explanation_states_counts_share_and_verdict():
    finding = check_distribution(O.BUTUH_PERBAIKAN, counts(sb=1, b=2, bp=4), STRICT)[0]
    assert finding.explanation == (
        "Sangat Baik: 1 dari 7 pegawai (14.3%); pedoman: paling banyak 10% (0 orang); belum sesuai."
    )
    majority = check_distribution(O.ISTIMEWA, counts(sb=5, b=2), FAV)[0]
    assert "sebagian besar, paling banyak 70% (4–5 orang)" in majority.explanation
    assert majority.explanation.endswith("; sesuai.")


@pytest.mark.parametrize("rounding", list(Rounding))
def test_explain_guide_names_the_source_and_the_rounding(rounding):
    text = explain_guide(O.KURANG, rounding)
    assert SOURCE in text
    assert ROUNDING_DESCRIPTIONS[rounding] in text
    assert "Kurang" in text


# --- properties over random distributions ------------------------------------------------

tallies = st.fixed_dictionaries({p: st.integers(min_value=0, max_value=60) for p in P})


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    organisation=st.sampled_from(list(O)), tally=tallies, rounding=st.sampled_from(list(Rounding))
)
def test_check_distribution_counts_sum_the_rule_predicates(organisation, tally, rounding):
    findings = check_distribution(organisation, tally, rounding)
    total = sum(tally.values())
    for finding in findings:
        assert finding.total == total
        assert finding.count == sum(tally[p] for p in finding.rule.predicates)
        assert finding.ok == (
            (finding.minimum is None or finding.count >= finding.minimum)
            and (finding.maximum is None or finding.count <= finding.maximum)
        )


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(organisation=st.sampled_from(list(O)), tally=tallies)
def test_favourable_never_flags_what_strict_passes(organisation, tally):
    strict = check_distribution(organisation, tally, STRICT)
    nearest = check_distribution(organisation, tally, NEAR)
    favourable = check_distribution(organisation, tally, FAV)
    for s, n, f in zip(strict, nearest, favourable, strict=True):
        assert not s.ok or n.ok
        assert not n.ok or f.ok


def _satisfying(organisation: O, n: int, spread: list[int]) -> dict:
    """A distribution of ``n`` people built to satisfy the guide under every rounding:
    the rules' own predicates at the strict limits, the rest spread over predicates
    the guide leaves free."""
    ceil = lambda share: math.ceil(share * n)  # noqa: E731
    fixed = counts()
    free: list[P]
    if organisation is O.ISTIMEWA:
        fixed[P.SANGAT_BAIK] = n // 2 + 1
        free = [P.BAIK, P.BUTUH_PERBAIKAN, P.KURANG, P.SANGAT_KURANG]
    elif organisation is O.BAIK:
        fixed[P.BAIK] = n // 2 + 1
        fixed[P.BUTUH_PERBAIKAN] = 1
        free = [P.SANGAT_BAIK, P.BUTUH_PERBAIKAN, P.KURANG, P.SANGAT_KURANG]
    elif organisation is O.BUTUH_PERBAIKAN:
        fixed[P.BUTUH_PERBAIKAN] = ceil(Fraction(6, 10))
        free = [P.BAIK, P.BUTUH_PERBAIKAN, P.KURANG, P.SANGAT_KURANG]
    elif organisation is O.KURANG:
        fixed[P.BUTUH_PERBAIKAN] = ceil(Fraction(1, 10))
        fixed[P.KURANG] = ceil(Fraction(6, 10))
        free = [P.BAIK, P.BUTUH_PERBAIKAN, P.KURANG, P.SANGAT_KURANG]
    else:
        fixed[P.BUTUH_PERBAIKAN] = ceil(Fraction(1, 10))
        fixed[P.SANGAT_KURANG] = ceil(Fraction(6, 10))
        free = [P.BAIK, P.BUTUH_PERBAIKAN, P.KURANG, P.SANGAT_KURANG]
    rest = n - sum(fixed.values())
    assert rest >= 0
    for i in range(rest):
        fixed[free[spread[i % len(spread)] % len(free)]] += 1
    return fixed


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    organisation=st.sampled_from(list(O)),
    n=st.integers(min_value=3, max_value=400),
    spread=st.lists(st.integers(min_value=0, max_value=3), min_size=1, max_size=20),
    rounding=st.sampled_from(list(Rounding)),
)
def test_distribution_built_to_satisfy_the_guide_passes(organisation, n, spread, rounding):
    tally = _satisfying(organisation, n, spread)
    assert sum(tally.values()) == n
    findings = check_distribution(organisation, tally, rounding)
    assert all(f.ok for f in findings), [f.explanation for f in findings if not f.ok]


def test_guide_rules_are_sourced_and_bounded():
    for rules in DISTRIBUTION_GUIDE_2023.values():
        for rule in rules:
            assert 0 <= rule.share <= 1
            if rule.bound in (Bound.AT_MOST, Bound.AT_LEAST, Bound.MAJORITY_AT_MOST):
                assert rule.share > 0
