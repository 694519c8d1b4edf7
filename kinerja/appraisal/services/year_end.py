"""Year-end finalisation at scale: every rated annual evaluation of a unit subtree (or
a whole agency) made FINAL in one set-based pass.

One ``UPDATE`` sets status, finalisation time and the predicate, computed in the
database by a ``CASE`` over the two ratings that spells out the official matrix
(``regulation.predicate.PREDICATE_MATRIX_2022``), so the database computes exactly what
``employee_predicate`` would. The activity log entries, the credit point awards for
functional posts and the employees' notifications are bulk inserts. The work runs as a
background job (``FinalisationRun``) with progress, on the embedded Celery default or on
Celery workers with Redis.
"""

import logging
from collections.abc import Callable

from django.db import connection, connections, transaction
from django.db.models import Case, CharField, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from kinerja.appraisal.enums import EmployeePredicate, EvaluationStatus
from kinerja.appraisal.models import (
    CreditPointAward,
    Evaluation,
    FinalisationRun,
    FinalisationStatus,
)
from kinerja.appraisal.services.credit_points import (
    award_row,
    award_snapshot,
    compute_credit_points,
)
from kinerja.core.clock import now
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.notifications.models import Notification
from kinerja.org.enums import PositionKind
from kinerja.org.models import Agency, Assignment, Employee, Unit
from kinerja.planning.models import AssessmentPeriod
from kinerja.regulation.predicate import PREDICATE_MATRIX_2022

logger = logging.getLogger(__name__)

Progress = Callable[[int], None]
BATCH = 5_000
FINALISE_ACTION = "appraisal.evaluation_finalise"


def _nothing(_percent: int) -> None:
    """The default progress callback: nobody is watching."""


def predicate_case() -> Case:
    """The predicate matrix as one SQL ``CASE`` over the two rating columns."""
    return Case(
        *[
            When(
                results_rating=results.value, behaviour_rating=behaviour.value, then=Value(p.value)
            )
            for (results, behaviour), p in PREDICATE_MATRIX_2022.items()
        ],
        default=Value(""),
        output_field=CharField(),
    )


def finalisable(*, scope: Agency | Unit, period: AssessmentPeriod) -> QuerySet[Evaluation]:
    """Annual evaluations of the period in the scope that are rated but not final."""
    queryset = Evaluation.objects.filter(
        window__isnull=True,
        skp__period=period,
        status=EvaluationStatus.DRAFT,
    ).exclude(Q(results_rating="") | Q(behaviour_rating=""))
    if isinstance(scope, Unit):
        queryset = queryset.filter(skp__position__unit__path__startswith=scope.path)
    return queryset


def _scope_agency(scope: Agency | Unit) -> Agency:
    return scope if isinstance(scope, Agency) else scope.agency


@transaction.atomic
def annual_finalise_bulk(
    *,
    agency_or_unit: Agency | Unit,
    period: AssessmentPeriod,
    actor,
    progress: Progress = _nothing,
) -> dict[str, int]:
    """Finalise every rated annual evaluation of ``period`` in the scope, set-based.

    Returns counts: evaluations finalised, credit point awards made, notifications sent.
    """
    agency = _scope_agency(agency_or_unit)
    if period.agency_id != agency.pk:
        raise ApplicationError(_("The period belongs to another agency."))
    stamp = now()
    finaliser = Employee.objects.filter(user=actor).first() if actor is not None else None
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None

    before = dict(
        finalisable(scope=agency_or_unit, period=period)
        .select_for_update(of=("self",))
        .values_list("pk", "predicate")
    )
    progress(10)
    if not before:
        progress(100)
        return {"finalised": 0, "credit_points": 0, "notified": 0}

    # Rows changed since they were read (a concurrent finalisation) fall out of the
    # filter again, so the UPDATE cannot finalise anything twice.
    finalisable(scope=agency_or_unit, period=period).update(
        status=EvaluationStatus.FINAL,
        predicate=predicate_case(),
        finalised_at=stamp,
        finalised_by=finaliser,
        updated_at=stamp,
    )
    progress(40)

    rows = list(
        Evaluation.objects.filter(
            window__isnull=True,
            skp__period=period,
            status=EvaluationStatus.FINAL,
            finalised_at=stamp,
        ).select_related("skp__position", "skp__period")
    )
    logs = [
        ActivityLog(
            actor_id=actor_id,
            action=FINALISE_ACTION,
            object_type="appraisal.evaluation",
            object_uuid=row.uuid,
            subject_employee_id=row.skp.employee_id,
            before={"status": EvaluationStatus.DRAFT, "predicate": before.get(row.pk, "")},
            after={"status": EvaluationStatus.FINAL, "predicate": row.predicate},
            reason=_("Year-end finalisation"),
        )
        for row in rows
    ]
    ActivityLog.objects.bulk_create(logs, batch_size=BATCH)
    progress(60)

    awards = _credit_point_awards(rows, agency)
    CreditPointAward.objects.filter(evaluation_id__in=[a.evaluation_id for a in awards]).delete()
    CreditPointAward.objects.bulk_create(awards, batch_size=BATCH)
    ActivityLog.objects.bulk_create(
        [
            ActivityLog(
                actor_id=actor_id,
                action="appraisal.credit_points_award",
                object_type="appraisal.creditpointaward",
                object_uuid=award.uuid,
                subject_employee_id=award.employee_id,
                after=award_snapshot(award),
                reason=_("Year-end finalisation"),
            )
            for award in awards
        ],
        batch_size=BATCH,
    )
    progress(80)

    notified = _notify_employees(rows, stamp)
    progress(100)
    return {"finalised": len(rows), "credit_points": len(awards), "notified": notified}


def _credit_point_awards(rows: list[Evaluation], agency: Agency) -> list[CreditPointAward]:
    functional = [r for r in rows if r.skp.position.kind == PositionKind.FUNGSIONAL]
    if not functional:
        return []
    wanted = {(r.skp.employee_id, r.skp.position_id) for r in functional}
    spans: dict[tuple[int, int], list] = {}
    # One query for the agency's functional posts' assignments, filtered here; an
    # IN list of 100,000 ids would cost more than reading the rows.
    for employee_id, position_id, start, end in Assignment.objects.filter(
        position__agency=agency, position__kind=PositionKind.FUNGSIONAL
    ).values_list("employee_id", "position_id", "start_date", "end_date"):
        if (employee_id, position_id) in wanted:
            spans.setdefault((employee_id, position_id), []).append((start, end))
    awards = []
    for row in functional:
        result = compute_credit_points(
            row, spans.get((row.skp.employee_id, row.skp.position_id), [])
        )
        if result is not None:
            awards.append(award_row(row, result))
    return awards


def _notify_employees(rows: list[Evaluation], stamp) -> int:
    finalised = Evaluation.objects.filter(finalised_at=stamp).values("skp__employee_id")
    users = dict(
        Employee.objects.filter(pk__in=finalised, user__isnull=False).values_list("pk", "user_id")
    )
    # The same message as ``evaluation_finalise`` sends one at a time (without the
    # e-mail copy: a mail per employee is the reminders' job, not this transaction's).
    notifications = []
    for row in rows:
        if row.skp.employee_id not in users:
            continue
        notifications.append(
            Notification(
                recipient_id=users[row.skp.employee_id],
                title=_("Your performance evaluation for %(what)s is final")
                % {"what": row.skp.period.year},
                body=_("Predicate: %(predicate)s. Open it to see the ratings and why.")
                % {"predicate": EmployeePredicate(row.predicate).label},
                link=f"/penilaian/skp/{row.skp.uuid}/tahunan/",
            )
        )
    Notification.objects.bulk_create(notifications, batch_size=BATCH)
    return len(notifications)


# --- the background job ------------------------------------------------------------------


@transaction.atomic
def finalisation_run_create(
    *, agency_or_unit: Agency | Unit, period: AssessmentPeriod, actor
) -> FinalisationRun:
    """Queue a year-end finalisation; the work starts once this transaction commits."""
    agency = _scope_agency(agency_or_unit)
    if period.agency_id != agency.pk:
        raise ApplicationError(_("The period belongs to another agency."))
    unit = agency_or_unit if isinstance(agency_or_unit, Unit) else None
    running = FinalisationRun.objects.filter(
        period=period,
        status__in=[FinalisationStatus.QUEUED, FinalisationStatus.RUNNING],
    )
    if running.exists():
        raise ApplicationError(_("A year-end finalisation of this period is already running."))
    run = FinalisationRun.objects.create(
        agency=agency,
        unit=unit,
        period=period,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    from kinerja.appraisal import tasks  # the tasks module imports this one

    run_id = run.pk
    transaction.on_commit(lambda: tasks.finalisation_run_task.delay(run_id))
    return run


def finalisation_run_execute(*, run: FinalisationRun) -> FinalisationRun:
    """Do the work of a queued run, writing progress as it goes."""
    FinalisationRun.objects.filter(pk=run.pk).update(status=FinalisationStatus.RUNNING)
    scope = run.unit or run.agency
    try:
        counts = annual_finalise_bulk(
            agency_or_unit=scope,
            period=run.period,
            actor=run.created_by,
            progress=_progress_writer(run),
        )
    except ApplicationError as error:
        return _finish(run, FinalisationStatus.FAILED, failure=error.message)
    except Exception:
        logger.exception("Finalisation run %s failed", run.pk)
        return _finish(
            run,
            FinalisationStatus.FAILED,
            failure=_("An unexpected error stopped the finalisation; nothing was changed."),
        )
    return _finish(run, FinalisationStatus.DONE, counts=counts)


def _finish(
    run: FinalisationRun, status: str, *, counts=None, failure: str = ""
) -> FinalisationRun:
    run.status, run.failure, run.finished_at = status, failure, now()
    run.progress = 100 if status == FinalisationStatus.DONE else run.progress
    run.counts = counts or {}
    run.save(update_fields=["status", "failure", "finished_at", "progress", "counts", "updated_at"])
    return run


def _progress_writer(run: FinalisationRun) -> Progress:
    """Progress must be visible while the work's own transaction is still open, so on
    PostgreSQL it is written through a second connection (as the import jobs do)."""

    def write(percent: int) -> None:
        if not connection.in_atomic_block:
            FinalisationRun.objects.filter(pk=run.pk).update(progress=percent)
        elif connection.vendor == "postgresql":
            side = connections.create_connection("default")
            try:
                with side.cursor() as cursor:
                    cursor.execute(
                        "UPDATE appraisal_finalisationrun SET progress = %s WHERE id = %s",
                        [percent, run.pk],
                    )
            finally:
                side.close()

    return write
