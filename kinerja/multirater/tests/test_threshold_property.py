"""Hypothesis over random answer sets stored in the database: the summary never shows a
peer or subordinate figure or comment computed from fewer than the round's threshold."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja.multirater.enums import RoundStatus
from kinerja.multirater.models import Answer, Round
from kinerja.multirater.selectors import summary_of
from kinerja.regulation.berakhlak import CORE_VALUE_CODES

answer_sets = st.lists(
    st.tuples(
        st.sampled_from(["assessor", "peer", "subordinate", "self"]),
        st.fixed_dictionaries({code: st.integers(1, 5) for code in CORE_VALUE_CODES}),
        st.booleans(),
    ),
    max_size=14,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(answers=answer_sets, min_group=st.integers(3, 6))
def test_no_figure_from_fewer_than_min_group(open_round, world, answers, min_group):
    Round.objects.filter(pk=open_round.pk).update(status=RoundStatus.CLOSED, min_group=min_group)
    subject = open_round.subjects.select_related("round__root_unit", "round__period").get(
        employee=world.section_head
    )
    Answer.objects.filter(subject=subject).delete()
    Answer.objects.bulk_create(
        Answer(
            subject=subject,
            relation=relation,
            scores=scores,
            comments={"overall": f"komentar {index}"} if commented else {},
        )
        for index, (relation, scores, commented) in enumerate(answers)
    )
    counts = {r: sum(1 for a in answers if a[0] == r) for r in ("peer", "subordinate")}
    summary = summary_of(subject, rng=random.Random(0))  # noqa: S311 -- order under test elsewhere
    for position, group in enumerate(summary.groups):
        cells = [row.cells[position] for row in summary.rows]
        if group.relation in counts and counts[group.relation] < min_group:
            assert group.shown is False
            assert group.count is None
            assert group.comments == []
            assert all(cell is None for cell in cells)
        if group.shown:
            assert all(cell is not None and cell.count == group.count for cell in cells)
            if group.anonymous:
                assert group.count >= min_group
