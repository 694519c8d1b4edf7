"""Year-end finalisation at scale: every rated annual evaluation of a unit subtree (or
a whole agency) made FINAL in one set-based pass.

One ``UPDATE`` sets status, finalisation time and the predicate, computed in the
database by a ``CASE`` over the two ratings that spells out the official matrix
(``regulation.predicate.PREDICATE_MATRIX_2022``), so the database computes exactly what
``employee_predicate`` would. The activity log entries, the credit point awards for
functional posts and the employees' notifications are inserted from the rows the
``UPDATE`` returns, in the same statement on PostgreSQL. The work runs as a
background job (``FinalisationRun``) with progress, on the embedded Celery default or on
Celery workers with Redis.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from django.db import connection, connections, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    DateTimeField,
    F,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, JSONObject
from django.db.models.sql import UpdateQuery
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.appraisal.enums import EmployeePredicate, EvaluationStatus
from kinerja.appraisal.models import (
    CreditPointAward,
    Evaluation,
    FinalisationRun,
    FinalisationStatus,
)
from kinerja.appraisal.services.evaluation import final_notice_body, final_notice_title
from kinerja.appraisal.signals import evaluations_finalised_send
from kinerja.core.clock import now
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.notifications.models import Notification
from kinerja.org.demo.writer import insert_rows
from kinerja.org.enums import PositionKind
from kinerja.org.models import Agency, Assignment, Employee, Unit
from kinerja.planning.models import AssessmentPeriod, Skp
from kinerja.regulation.credit_points import (
    LEVELS_2023,
    CreditPoints,
    credit_points,
    months_in_post,
)
from kinerja.regulation.predicate import PREDICATE_MATRIX_2022

logger = logging.getLogger(__name__)

Progress = Callable[[int], None]
FINALISE_ACTION = "appraisal.evaluation_finalise"


def _nothing(_percent: int) -> None:
    """The default progress callback: nobody is watching."""


def predicate_case_sql(results: str, behaviour: str) -> str:
    """The official predicate matrix (``PREDICATE_MATRIX_2022``) as one SQL ``CASE`` over
    two rating columns or aliases, already quoted as the statement needs them: the one
    builder for this service and the data generator's ``INSERT … SELECT``. The values
    are the enums' own constants, never user input."""
    arms = " ".join(
        f"WHEN {results} = '{r.value}' AND {behaviour} = '{b.value}' THEN '{p.value}'"
        for (r, b), p in PREDICATE_MATRIX_2022.items()
    )
    return f"CASE {arms} ELSE '' END"


def predicate_case() -> RawSQL:
    """``predicate_case_sql`` over the evaluation's own rating columns."""
    quote = connection.ops.quote_name
    return RawSQL(  # noqa: S611 -- column names and the enums' constants, no input
        predicate_case_sql(quote("results_rating"), quote("behaviour_rating")),
        [],
        output_field=CharField(),
    )


def finalisable(*, scope: Agency | Unit, period: AssessmentPeriod) -> QuerySet[Evaluation]:
    """Annual evaluations of the period in the scope that are rated but not final.

    The SKPs are a subquery rather than a join, so the ``UPDATE`` stays a single
    statement over the evaluation table without a self-join."""
    return Evaluation.objects.filter(
        window__isnull=True,
        status=EvaluationStatus.DRAFT,
        skp_id__in=_period_skps(scope, period).values("pk"),
    ).exclude(Q(results_rating="") | Q(behaviour_rating=""))


def _period_skps(scope: Agency | Unit, period: AssessmentPeriod) -> QuerySet[Skp]:
    skps = Skp.objects.filter(period=period)
    if isinstance(scope, Unit):
        skps = skps.filter(position__unit__path__startswith=scope.path)
    return skps


def _scope_agency(scope: Agency | Unit) -> Agency:
    return scope if isinstance(scope, Agency) else scope.agency


def _insert_select(model, columns: dict[str, Any], source: QuerySet) -> int:
    """``INSERT INTO <model> (<columns>) SELECT …`` with each column computed by the
    database from ``source``'s rows: no row travels through Python."""
    aliases = {f"insert_c{i}": expression for i, expression in enumerate(columns.values())}
    select = source.order_by().annotate(**aliases).values(*aliases)
    sql, params = select.query.sql_with_params()
    quote = connection.ops.quote_name
    meta = model._meta
    targets = ", ".join(quote(meta.get_field(name).column) for name in columns)
    picked = ", ".join(f"source.{quote(alias)}" for alias in aliases)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(meta.db_table)} ({targets}) SELECT {picked} FROM ({sql}) source",  # noqa: S608 -- names from model meta
            params,
        )
        return cursor.rowcount


@transaction.atomic
def annual_finalise_bulk(
    *,
    agency_or_unit: Agency | Unit,
    period: AssessmentPeriod,
    actor,
    progress: Progress = _nothing,
) -> dict[str, int]:
    """Finalise every rated annual evaluation of ``period`` in the scope, set-based.

    The same outcome as ``evaluation_finalise`` one at a time (status, predicate,
    finalisation time and person, activity log, credit points, a notification), in a
    fixed number of statements. Returns counts: evaluations finalised, credit point
    awards made, notifications sent.
    """
    agency = _scope_agency(agency_or_unit)
    if period.agency_id != agency.pk:
        raise ApplicationError(_("The period belongs to another agency."))
    stamp = now()
    finaliser = Employee.objects.filter(user=actor).first() if actor is not None else None
    # The credit point inputs depend on the SKPs and posts, which this run does not
    # change, so they are known before any evaluation is touched.
    inputs = _credit_point_inputs(agency_or_unit, period, agency)
    progress(20)
    run = _Run(
        stamp=stamp,
        actor_id=actor.pk if getattr(actor, "is_authenticated", False) else None,
        reason=_("Year-end finalisation"),
        title=final_notice_title(period.year),
        bodies={choice.value: final_notice_body(choice.label) for choice in EmployeePredicate},
        link=reverse("appraisal:my_evaluations"),
        inputs=inputs,
        rates=_rates(inputs),
    )
    update = finalisable(scope=agency_or_unit, period=period)
    values = {
        "status": EvaluationStatus.FINAL,
        "predicate": predicate_case(),
        "finalised_at": stamp,
        "finalised_by": finaliser,
        "updated_at": stamp,
    }
    if connection.vendor == "postgresql":
        counts = _finalise_in_one_statement(update, values, run)
    else:
        counts = _finalise_step_by_step(update, values, run, period, progress)
    progress(100)
    return counts


@dataclass(frozen=True)
class _Run:
    """What every finalised evaluation's rows are made of: the time, the actor, the
    texts, and the credit point inputs by SKP with their results."""

    stamp: datetime.datetime
    actor_id: int | None
    reason: str
    title: str
    bodies: dict[str, str]
    link: str  # where the notice sends the employee: their own results
    # SKP id → (employee id, level, months in the post)
    inputs: dict[int, tuple[int, str, int]]
    # (predicate, level, months) → result
    rates: dict[tuple[str, str, int], CreditPoints]


def _finalise_in_one_statement(
    update: QuerySet[Evaluation], values: dict[str, Any], run: _Run
) -> dict[str, int]:
    """PostgreSQL: the ``UPDATE`` and the three inserts fed by its ``RETURNING`` in one
    statement. The finalised rows are never read back (nor sent to Python): each insert
    joins what the ``UPDATE`` returned."""
    query = update.query.chain(UpdateQuery)
    query.add_update_values(values)
    compiler = query.get_compiler(connection.alias)
    compiler.pre_sql_setup()
    update_sql, update_params = compiler.as_sql()
    inputs = [(skp, *rest) for skp, rest in run.inputs.items()]
    rates = [
        (*key, r.percentage, r.level.annual_coefficient, r.points) for key, r in run.rates.items()
    ]
    bodies = " ".join("WHEN %s THEN %s" for _ in run.bodies)
    sql = f"""
        WITH updated AS ({update_sql} RETURNING id, uuid, predicate, skp_id),
        done AS (
            SELECT updated.*, skp.employee_id, employee.user_id
            FROM updated
            JOIN planning_skp skp ON skp.id = updated.skp_id
            JOIN org_employee employee ON employee.id = skp.employee_id
        ),
        inputs AS (
            SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::varchar[], %s::integer[])
                AS i (skp_id, employee_id, level, months)
        ),
        rates AS (
            SELECT * FROM unnest(%s::varchar[], %s::varchar[], %s::integer[], %s::numeric[],
                                 %s::numeric[], %s::numeric[])
                AS r (predicate, level, months, percentage, coefficient, points)
        ),
        awarded AS (
            INSERT INTO appraisal_creditpointaward (uuid, created_at, updated_at,
                evaluation_id, employee_id, level, months, predicate, percentage,
                coefficient, points)
            SELECT gen_random_uuid(), %s, %s, due.id, due.employee_id, due.level,
                due.months, due.predicate, r.percentage, r.coefficient, r.points
            FROM (
                SELECT done.id, done.predicate, i.employee_id, i.level, i.months
                FROM done JOIN inputs i ON i.skp_id = done.skp_id
                OFFSET 0  -- joined first, then the few rates
            ) due
            JOIN rates r ON r.predicate = due.predicate AND r.level = due.level
                AND r.months = due.months
            RETURNING evaluation_id, points
        ),
        logged AS (
            INSERT INTO core_activitylog (occurred_at, actor_id, action, object_type,
                object_uuid, subject_employee_id, before, after, reason)
            SELECT %s, %s, %s, %s, done.uuid, done.employee_id,
                jsonb_build_object('status', %s::text),
                jsonb_build_object('status', %s::text, 'predicate', done.predicate,
                                   'credit_points', awarded.points::varchar),
                %s
            FROM done LEFT JOIN awarded ON awarded.evaluation_id = done.id
        ),
        notified AS (
            INSERT INTO notifications_notification (uuid, created_at, updated_at,
                recipient_id, title, body, link)
            SELECT gen_random_uuid(), %s, %s, done.user_id, %s,
                CASE done.predicate {bodies} ELSE '' END, %s
            FROM done
            WHERE done.user_id IS NOT NULL
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM updated), (SELECT count(*) FROM awarded),
            (SELECT count(*) FROM notified)
    """  # noqa: S608 -- the UPDATE is Django's; every value is a parameter
    params = [
        *update_params,
        *([list(column) for column in zip(*inputs, strict=True)] or [[]] * 4),
        *([list(column) for column in zip(*rates, strict=True)] or [[]] * 6),
        run.stamp,
        run.stamp,
        run.stamp,
        run.actor_id,
        FINALISE_ACTION,
        "appraisal.evaluation",
        EvaluationStatus.DRAFT.value,
        EvaluationStatus.FINAL.value,
        run.reason,
        run.stamp,
        run.stamp,
        run.title,
        *[value for pair in run.bodies.items() for value in pair],
        run.link,
    ]
    with connection.cursor() as cursor:
        # For this statement only: no JIT (the planner cannot see how many rows the
        # UPDATE returns; when it guesses far too many, it spends seconds compiling to
        # save none), and memory enough to join 100,000 rows by hashing rather than
        # by sorting on disk.
        cursor.execute(
            "SELECT current_setting('jit'), current_setting('work_mem'),"
            " set_config('jit', 'off', true), set_config('work_mem', '64MB', true)"
        )
        jit, work_mem = cursor.fetchone()[:2]
        cursor.execute(sql, params)
        finalised, awarded, notified = cursor.fetchone()
        cursor.execute(
            "SELECT set_config('jit', %s, true), set_config('work_mem', %s, true)",
            [jit, work_mem],
        )
    return {"finalised": finalised, "credit_points": awarded, "notified": notified}


def _finalise_step_by_step(
    update: QuerySet[Evaluation],
    values: dict[str, Any],
    run: _Run,
    period: AssessmentPeriod,
    progress: Progress,
) -> dict[str, int]:
    """SQLite (no inserts inside ``WITH``): the ``UPDATE``, then each insert from the
    rows it finalised, read back by their finalisation time."""
    finalised = update.update(**values)
    progress(40)
    if not finalised:
        return {"finalised": 0, "credit_points": 0, "notified": 0}
    # This run's rows: nobody else finalised anything at this very instant.
    rows = Evaluation.objects.filter(
        window__isnull=True,
        skp__period=period,
        status=EvaluationStatus.FINAL,
        finalised_at=run.stamp,
    )
    awards = []
    for pk, skp_id, predicate in rows.order_by().values_list("pk", "skp_id", "predicate"):
        if skp_id in run.inputs and (predicate, *run.inputs[skp_id][1:]) in run.rates:
            employee_id, level, months = run.inputs[skp_id]
            result = run.rates[predicate, level, months]
            awards.append(
                (pk, employee_id, level, months, predicate, result.percentage,
                 result.level.annual_coefficient, result.points)
            )  # fmt: skip
    insert_rows(CreditPointAward, AWARD_COLUMNS, awards)
    progress(60)
    # One entry per evaluation, as ``evaluation_finalise`` writes, with the credit
    # points awarded (null for posts that earn none) in the same entry.
    _insert_select(
        ActivityLog,
        {
            "occurred_at": Value(run.stamp, output_field=DateTimeField()),
            "actor_id": Cast(Value(run.actor_id), output_field=BigIntegerField()),
            "action": Value(FINALISE_ACTION),
            "object_type": Value("appraisal.evaluation"),
            "object_uuid": F("uuid"),
            "subject_employee_id": F("skp__employee_id"),
            "before": JSONObject(status=Value(EvaluationStatus.DRAFT.value)),
            "after": JSONObject(
                status=Value(EvaluationStatus.FINAL.value),
                predicate=F("predicate"),
                credit_points=Cast("credit_points__points", output_field=CharField()),
            ),
            "reason": Value(run.reason),
        },
        rows,
    )
    progress(80)
    notified = _insert_select(
        Notification,
        {
            "uuid": RawSQL("lower(hex(randomblob(16)))", [], output_field=CharField()),
            "created_at": Value(run.stamp, output_field=DateTimeField()),
            "updated_at": Value(run.stamp, output_field=DateTimeField()),
            "recipient_id": F("skp__employee__user_id"),
            "title": Value(run.title),
            "body": Case(
                *[When(predicate=key, then=Value(text)) for key, text in run.bodies.items()],
                default=Value(""),
                output_field=CharField(),
            ),
            "link": Value(run.link),
        },
        rows.filter(skp__employee__user__isnull=False),
    )
    return {"finalised": finalised, "credit_points": len(awards), "notified": notified}


AWARD_COLUMNS = (
    "evaluation_id",
    "employee_id",
    "level",
    "months",
    "predicate",
    "percentage",
    "coefficient",
    "points",
)


def _credit_point_inputs(
    scope: Agency | Unit, period: AssessmentPeriod, agency: Agency
) -> dict[int, tuple[int, str, int]]:
    """SKP id → (employee id, level, months in the post) for the scope's SKPs of the
    period in a functional post of a known level with at least one month in it: one
    query for the SKPs, one for the posts held. Most people share their spans (a whole
    year in the same post), so each distinct span is counted once."""
    skps = _period_skps(scope, period).filter(
        position__kind=PositionKind.FUNGSIONAL, position__level__in=list(LEVELS_2023)
    )
    functional = list(
        skps.order_by().values_list(
            "pk", "employee_id", "position_id", "position__level", "start_date", "end_date"
        )
    )
    if not functional:
        return {}
    wanted = {(row[1], row[2]) for row in functional}
    spans: dict[tuple[int, int], list] = {}
    # One query for the agency's functional posts' assignments, filtered here; an IN
    # list of 100,000 ids would cost more than reading the rows.
    for employee_id, position_id, start, end in (
        Assignment.objects.filter(position__agency=agency, position__kind=PositionKind.FUNGSIONAL)
        .order_by()
        .values_list("employee_id", "position_id", "start_date", "end_date")
    ):
        if (employee_id, position_id) in wanted:
            spans.setdefault((employee_id, position_id), []).append((start, end))
    # One canonical (sorted) form per person and post, so equal spans share a memo key.
    held = {key: tuple(sorted(value, key=itemgetter(0))) for key, value in spans.items()}
    first, last = period.start_date, period.end_date
    months_memo: dict[tuple, int] = {}
    inputs = {}
    for pk, employee_id, position_id, level, start, end in functional:
        span = (held.get((employee_id, position_id), ()), max(start, first), min(end, last))
        if span not in months_memo:
            months_memo[span] = months_in_post(list(span[0]), span[1], span[2])
        if months_memo[span]:
            inputs[pk] = (employee_id, level, months_memo[span])
    return inputs


def _rates(inputs: dict[int, tuple[int, str, int]]) -> dict[tuple[str, str, int], CreditPoints]:
    """The regulation's result for every predicate and every (level, months) among the
    inputs: a few dozen computations instead of one per evaluation."""
    return {
        (predicate.value, level, months): credit_points(predicate.value, level, months)
        for level, months in {(level, months) for _e, level, months in inputs.values()}
        for predicate in EmployeePredicate
    }


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
    started = now()
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
    run = _finish(run, FinalisationStatus.DONE, counts=counts)
    # Sent by the job rather than ``annual_finalise_bulk``, so that the demo loader and the
    # finalisation bench, which call it directly, queue no document rendering.
    evaluations_finalised_send(
        Evaluation.objects.filter(
            window__isnull=True, skp__period=run.period, finalised_at__gte=started
        )
    )
    return run


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
