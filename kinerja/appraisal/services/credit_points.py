"""Credit points (angka kredit) for functional posts from final annual evaluations
(PermenPAN-RB 1/2023 Pasal 37; domain.md §3.4).

An award is stored with every input it was computed from (level, months, predicate,
percentage, coefficient) so the figure can be explained and re-checked later. It is
recomputed when an objection changes the predicate; nothing else changes it.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from kinerja.appraisal.models import CreditPointAward, Evaluation
from kinerja.core.services import log_action
from kinerja.org.enums import PositionKind
from kinerja.org.models import Assignment
from kinerja.regulation.credit_points import (
    LEVELS_2023,
    CreditPoints,
    credit_points,
    months_in_post,
)

Span = tuple[datetime.date, datetime.date | None]


def award_span(evaluation: Evaluation) -> tuple[datetime.date, datetime.date]:
    """The part of the year the evaluation covers: the SKP's span within the period."""
    skp = evaluation.skp
    return max(skp.start_date, skp.period.start_date), min(skp.end_date, skp.period.end_date)


def is_functional(evaluation: Evaluation) -> bool:
    position = evaluation.skp.position
    return position.kind == PositionKind.FUNGSIONAL and position.level in LEVELS_2023


def assignment_spans(pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], list[Span]]:
    """The (start, end) spans of each (employee id, position id) pair, in one query."""
    pairs = set(pairs)
    spans: dict[tuple[int, int], list[Span]] = defaultdict(list)
    if not pairs:
        return spans
    rows = Assignment.objects.filter(
        employee_id__in={e for e, _p in pairs}, position_id__in={p for _e, p in pairs}
    ).values_list("employee_id", "position_id", "start_date", "end_date")
    for employee_id, position_id, start, end in rows:
        if (employee_id, position_id) in pairs:
            spans[(employee_id, position_id)].append((start, end))
    return spans


def compute_credit_points(evaluation: Evaluation, spans: list[Span]) -> CreditPoints | None:
    """The credit points a final annual evaluation earns, or None when it earns none
    (not a functional post, no predicate, or no month in the post)."""
    if not (evaluation.is_annual and evaluation.predicate and is_functional(evaluation)):
        return None
    start, end = award_span(evaluation)
    months = months_in_post(spans, start, end)
    if months == 0:
        return None
    return credit_points(evaluation.predicate, evaluation.skp.position.level, months)


def award_row(evaluation: Evaluation, result: CreditPoints) -> CreditPointAward:
    return CreditPointAward(
        evaluation=evaluation,
        employee_id=evaluation.skp.employee_id,
        level=result.level.code,
        months=result.months,
        predicate=evaluation.predicate,
        percentage=result.percentage,
        coefficient=result.level.annual_coefficient,
        points=result.points,
    )


def award_snapshot(award: CreditPointAward | None) -> dict | None:
    if award is None:
        return None
    return {
        "level": award.level,
        "months": award.months,
        "predicate": award.predicate,
        "points": str(award.points),
    }


@transaction.atomic
def credit_points_award(
    *, evaluation: Evaluation, actor, reason: str = ""
) -> CreditPointAward | None:
    """Award (or re-award) the credit points of a FINAL annual evaluation of someone in
    a functional post. Returns None, and removes an earlier award, when the evaluation
    earns none; an evaluation that is not final earns nothing and is left alone."""
    evaluation = Evaluation.objects.select_related(
        "skp__position", "skp__period", "skp__employee"
    ).get(pk=evaluation.pk)
    if not (evaluation.is_final and evaluation.is_annual):
        return None
    skp = evaluation.skp
    spans = assignment_spans([(skp.employee_id, skp.position_id)]).get(
        (skp.employee_id, skp.position_id), []
    )
    result = compute_credit_points(evaluation, spans)
    previous = CreditPointAward.objects.filter(evaluation=evaluation).first()
    before = award_snapshot(previous)
    if previous is not None:
        previous.delete()
    award = None
    if result is not None:
        award = award_row(evaluation, result)
        award.full_clean(exclude=["evaluation", "employee"])
        award.save()
    after = award_snapshot(award)
    if before != after:
        log_action(
            actor=actor,
            action="appraisal.credit_points_award",
            obj=award or evaluation,
            subject_employee_id=skp.employee_id,
            before=before,
            after=after,
            reason=reason,
        )
    return award


def explanation(award: CreditPointAward) -> str:
    """The plain-Indonesian "why" of a stored award, from its stored inputs."""
    return CreditPoints(
        points=award.points,
        months=award.months,
        percentage=award.percentage,
        level=LEVELS_2023[award.level],
    ).explanation
