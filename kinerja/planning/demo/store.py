"""Write the drafted plans set-based, with the org demo's bulk writer.

Ids of SKPs and results are reserved first, so links and child rows know their
foreign keys in memory; then each table is one COPY (PostgreSQL) or a few prepared
INSERTs (SQLite), in dependency order: SKPs, expectations, results, links, indicators,
annex items, and the activity log — one entry per SKP transition, with the actor the
transition had in the story (the time is that of the build, as for anything logged).
"""

import json

from kinerja.core.models import ActivityLog
from kinerja.org.demo.writer import insert_rows, reserve_ids
from kinerja.planning.demo.build import Builder
from kinerja.planning.demo.drafts import SkpDraft
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import (
    AnnexItem,
    BehaviourExpectation,
    CascadeLink,
    Indicator,
    PlannedResult,
    Skp,
)
from kinerja.regulation.berakhlak import CORE_VALUE_CODES

SKP_TYPE = Skp._meta.label_lower
WITH_EXPECTATIONS = frozenset({SkpStatus.APPROVED, SkpStatus.RETURNED})


def drafts_store(builder: Builder) -> list[SkpDraft]:
    drafts = builder.drafts()
    period_id = builder.period.pk
    for draft, pk in zip(drafts, reserve_ids(Skp, len(drafts)), strict=True):
        draft.pk = pk
    results = [result for draft in drafts for result in draft.results]
    for result, pk in zip(results, reserve_ids(PlannedResult, len(results)), strict=True):
        result.pk = pk
    insert_rows(
        Skp,
        ("id", "uuid", "employee_id", "period_id", "position_id", "is_acting", "start_date",
         "end_date", "approach", "status", "submitted_at", "approved_at", "approved_by_id",
         "assessor_superior_at_approval_id", "review_comment"),
        (
            (d.pk, d.uuid, d.employee_id, period_id, d.position_id, d.is_acting, d.start_date,
             d.end_date, builder.period.approach, d.status, d.submitted_at, d.approved_at,
             d.approved_by_id, d.superior_id, d.review_comment)
            for d in drafts
        ),
    )  # fmt: skip
    insert_rows(
        BehaviourExpectation,
        ("skp_id", "core_value", "text"),
        (
            (d.pk, code, d.expectations[code] if d.status in WITH_EXPECTATIONS else "")
            for d in drafts
            for code in CORE_VALUE_CODES
        ),
    )
    insert_rows(
        PlannedResult,
        ("id", "skp_id", "kind", "text", "perspective", "assigned_by", "order"),
        ((r.pk, r.skp.pk, r.kind, r.text, r.perspective, r.assigned_by, r.order) for r in results),
    )
    insert_rows(
        CascadeLink,
        ("result_id", "supports_result_id", "supports_goal_id", "supports_indicator_id"),
        [
            *((r.pk, target.pk, None, None) for r in results for target in r.supports),
            *((r.pk, None, goal, iku) for r in results for goal, iku in r.goals),
        ],
    )
    insert_rows(
        Indicator,
        ("result_id", "aspect", "text", "target_value", "target_unit", "order"),
        (
            (r.pk, aspect, text, target, unit, number)
            for r in results
            for number, (aspect, text, target, unit) in enumerate(r.indicators, 1)
        ),
    )
    insert_rows(
        AnnexItem,
        ("skp_id", "kind", "text", "order"),
        (
            (d.pk, kind, text, number)
            for d in drafts
            for number, (kind, text) in enumerate(d.annex, 1)
        ),
    )
    insert_rows(
        ActivityLog,
        ("actor_id", "action", "object_type", "object_uuid", "subject_employee_id", "before",
         "after", "reason"),
        (entry for d in drafts for entry in _history(builder, d)),
    )  # fmt: skip
    return drafts


def _history(builder: Builder, draft: SkpDraft):
    """The log entries the services would have written on the way to the draft's
    status: started and submitted by the employee, approved or returned by the
    assessor (nobody when the agency's political head approves), closed by HR."""
    employee = builder.chart.employees[draft.employee_id]
    assessor = builder.chart.employees.get(draft.assessor.employee_id) if draft.assessor else None
    position = builder.chart.posts[draft.position_id]

    def entry(action, actor, before=None, after=None, reason=""):
        return (
            actor.user_id if actor is not None else None,
            action,
            SKP_TYPE,
            draft.uuid,
            draft.employee_id,
            json.dumps(before) if before is not None else None,
            json.dumps(after) if after is not None else None,
            reason,
        )

    yield entry(
        "planning.skp_create",
        employee,
        after={"position": position.code, "start_date": str(draft.start_date)},
    )
    if draft.status == SkpStatus.DRAFT:
        return
    yield entry(
        "planning.skp_submitted",
        employee,
        before={"status": SkpStatus.DRAFT.value},
        after={"status": SkpStatus.SUBMITTED.value},
    )
    if draft.status in (SkpStatus.APPROVED, SkpStatus.RETURNED):
        status = SkpStatus(draft.status).value
        yield entry(
            f"planning.skp_{status}",
            assessor,
            before={"status": SkpStatus.SUBMITTED.value},
            after={"status": status},
            reason=draft.review_comment,
        )
    if draft.closed_on is not None:
        yield entry(
            "planning.skp_close",
            None,
            before={"end_date": str(builder.period.end_date)},
            after={"end_date": str(draft.closed_on)},
        )
