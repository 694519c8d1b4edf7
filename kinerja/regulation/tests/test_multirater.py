import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja.regulation.berakhlak import CORE_VALUE_CODES
from kinerja.regulation.multirater import (
    HOUSE_SCALE_1_5,
    MIN_GROUP,
    Relation,
    aggregate_group,
    effective_min_group,
    explain_group,
    explain_scale,
    release_comments,
    score_problems,
)


def answer(score=4, **overrides):
    scores = dict.fromkeys(CORE_VALUE_CODES, score)
    scores.update(overrides)
    return scores


def test_scale_is_one_to_five_with_a_label_per_point():
    assert [p.score for p in HOUSE_SCALE_1_5] == [1, 2, 3, 4, 5]
    assert all(p.label and p.description for p in HOUSE_SCALE_1_5)
    assert "tidak menetapkan skala" in explain_scale()


@pytest.mark.parametrize(
    ("configured", "expected"), [(None, 3), (1, 3), (2, 3), (3, 3), (4, 4), (10, 10)]
)
def test_effective_min_group_never_below_three(configured, expected):
    assert effective_min_group(configured) == expected


def test_aggregate_peer_group_of_two_is_nothing():
    assert aggregate_group(Relation.PEER, [answer(4), answer(5)]) is None
    assert aggregate_group(Relation.SUBORDINATE, [answer(4), answer(5)]) is None


def test_aggregate_peer_group_of_three_is_mean_count_and_distribution():
    result = aggregate_group(Relation.PEER, [answer(3), answer(4), answer(5, akuntabel=1)])
    assert result is not None
    assert result.count == 3
    service = result.values[0]
    assert service.code == "berorientasi_pelayanan"
    assert service.mean == Fraction(4)
    assert service.distribution == {1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    accountable = result.values[1]
    assert accountable.mean == Fraction(8, 3)
    assert accountable.mean_display == "2,67"


def test_aggregate_respects_a_raised_threshold():
    answers = [answer(4)] * 4
    assert aggregate_group(Relation.PEER, answers, min_group=5) is None
    assert aggregate_group(Relation.PEER, answers, min_group=4) is not None
    # A configured value below three is raised to three, never honoured.
    assert aggregate_group(Relation.PEER, answers[:2], min_group=1) is None


def test_aggregate_assessor_and_self_shown_from_one_answer():
    assert aggregate_group(Relation.ASSESSOR, [answer(4)]).count == 1
    assert aggregate_group(Relation.SELF, [answer(2)]).values[0].mean == 2
    assert aggregate_group(Relation.ASSESSOR, []) is None


def test_score_problems_names_missing_out_of_range_and_unknown():
    scores = answer(4, kompeten=0, loyal=6, adaptif=True)
    del scores["harmonis"]
    scores["jujur"] = 3
    assert sorted(score_problems(scores)) == sorted(
        ["range:kompeten", "range:loyal", "range:adaptif", "missing:harmonis", "unknown:jujur"]
    )
    assert score_problems(answer(1)) == []


def test_release_comments_hidden_below_threshold_and_shuffled_above():
    comments = [f"komentar {i}" for i in range(12)]
    assert release_comments(Relation.PEER, comments[:2], answered=2) == []
    first = release_comments(Relation.PEER, comments, answered=12, rng=random.Random(1))  # noqa: S311
    second = release_comments(Relation.PEER, comments, answered=12, rng=random.Random(2))  # noqa: S311
    assert sorted(first) == sorted(comments)
    assert first != comments or second != comments
    assert first != second
    assert release_comments(Relation.PEER, ["", "  ", "ok"], answered=3) == ["ok"]
    assert release_comments(Relation.ASSESSOR, ["satu"], answered=1) == ["satu"]


def test_explain_group_hides_the_exact_count_below_threshold():
    hidden = explain_group(Relation.PEER, 2)
    assert "kurang dari 3" in hidden
    assert " 2 " not in hidden
    assert "dari 4 rekan kerja" in explain_group(Relation.PEER, 4)
    assert "tidak anonim" in explain_group(Relation.ASSESSOR, 1)


answer_sets = st.lists(
    st.fixed_dictionaries({code: st.integers(1, 5) for code in CORE_VALUE_CODES}), max_size=12
)


@settings(max_examples=200, deadline=None)
@given(
    answers=answer_sets,
    relation=st.sampled_from(list(Relation)),
    configured=st.one_of(st.none(), st.integers(-5, 10)),
)
def test_no_aggregate_from_fewer_than_min_group(answers, relation, configured):
    result = aggregate_group(relation, answers, min_group=configured)
    threshold = max(MIN_GROUP, configured or 0)
    if relation in (Relation.PEER, Relation.SUBORDINATE) and len(answers) < threshold:
        assert result is None
    if result is not None:
        assert result.count == len(answers)
        if relation in (Relation.PEER, Relation.SUBORDINATE):
            assert result.count >= threshold
        for value in result.values:
            assert value.count == len(answers)
            assert sum(value.distribution.values()) == value.count
            assert 1 <= value.mean <= 5
    comments = release_comments(
        relation,
        [f"c{i}" for i in range(len(answers))],
        answered=len(answers),
        min_group=configured,
    )
    if relation in (Relation.PEER, Relation.SUBORDINATE) and len(answers) < threshold:
        assert comments == []
