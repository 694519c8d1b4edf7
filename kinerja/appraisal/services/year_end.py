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
    UUIDField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, JSONObject
from django.utils.translation import gettext as _

from kinerja.appraisal.enums import EmployeePredicate, EvaluationStatus
from kinerja.appraisal.models import (
    CreditPointAward,
    Evaluation,
    FinalisationRun,
    FinalisationStatus,
)
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
BATCH = 5_000
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
    skps = Skp.objects.filter(period=period)
    if isinstance(scope, Unit):
        skps = skps.filter(position__unit__path__startswith=scope.path)
    return Evaluation.objects.filter(
        window__isnull=True,
        status=EvaluationStatus.DRAFT,
        skp_id__in=skps.values("pk"),
    ).exclude(Q(results_rating="") | Q(behaviour_rating=""))


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


def _new_uuid() -> RawSQL:
    """A fresh UUID per row, in the database's own format for UUID columns."""
    if connection.vendor == "postgresql":
        return RawSQL("gen_random_uuid()", [], output_field=UUIDField())
    return RawSQL("lower(hex(randomblob(16)))", [], output_field=CharField())


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
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    reason = _("Year-end finalisation")

    finalised = finalisable(scope=agency_or_unit, period=period).update(
        status=EvaluationStatus.FINAL,
        predicate=predicate_case(),
        finalised_at=stamp,
        finalised_by=finaliser,
        updated_at=stamp,
    )
    progress(30)
    if not finalised:
        progress(100)
        return {"finalised": 0, "credit_points": 0, "notified": 0}
    # This run's rows: nobody else finalised anything at this very instant.
    rows = Evaluation.objects.filter(
        window__isnull=True, skp__period=period, status=EvaluationStatus.FINAL, finalised_at=stamp
    )
    awards = _credit_point_awards(rows, agency)
    _copy_awards(awards)
    progress(60)
    # One entry per evaluation, as ``evaluation_finalise`` writes, with the credit
    # points awarded (null for posts that earn none) in the same entry.
    _insert_select(
        ActivityLog,
        {
            "occurred_at": Value(stamp, output_field=DateTimeField()),
            "actor_id": Cast(Value(actor_id), output_field=BigIntegerField()),
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
            "reason": Value(reason),
        },
        rows,
    )
    progress(80)

    # The message ``evaluation_finalise`` sends one at a time, in the recipient's
    # language of the request (without the e-mail copy: one mail per employee is the
    # reminders' job, not this transaction's); it links to the employee's results.
    notified = _insert_select(
        Notification,
        {
            "uuid": _new_uuid(),
            "created_at": Value(stamp, output_field=DateTimeField()),
            "updated_at": Value(stamp, output_field=DateTimeField()),
            "recipient_id": F("skp__employee__user_id"),
            "title": Value(
                _("Your performance evaluation for %(what)s is final") % {"what": period.year}
            ),
            "body": Case(
                *[
                    When(
                        predicate=choice.value,
                        then=Value(
                            _("Predicate: %(predicate)s. Open it to see the ratings and why.")
                            % {"predicate": choice.label}
                        ),
                    )
                    for choice in EmployeePredicate
                ],
                default=Value(""),
                output_field=CharField(),
            ),
            "link": Value("/penilaian/saya/"),
        },
        rows.filter(skp__employee__user__isnull=False),
    )
    progress(100)
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


def _copy_awards(awards: list[tuple]) -> None:
    """Insert award rows (``AWARD_COLUMNS``) by COPY on PostgreSQL, prepared batches on
    SQLite: at tens of thousands of rows, model instances and ``bulk_create``'s
    per-value preparation cost several times more than the database's work."""
    insert_rows(CreditPointAward, AWARD_COLUMNS, awards)


def _credit_point_awards(rows: QuerySet[Evaluation], agency: Agency) -> list[tuple]:
    """The award rows of the functional posts among ``rows``, computed by the
    regulation's rule from plain values: one query for the evaluations, one for the
    posts held. Most people share their inputs (a whole year in the same post), so
    each distinct set of inputs is computed once."""
    functional = list(
        rows.filter(skp__position__kind=PositionKind.FUNGSIONAL).values_list(
            "pk",
            "predicate",
            "skp__employee_id",
            "skp__position_id",
            "skp__position__level",
            "skp__start_date",
            "skp__end_date",
            "skp__period__start_date",
            "skp__period__end_date",
        )
    )
    if not functional:
        return []
    wanted = {(row[2], row[3]) for row in functional}
    spans: dict[tuple[int, int], list] = {}
    # One query for the agency's functional posts' assignments, filtered here; an IN
    # list of 100,000 ids would cost more than reading the rows.
    for employee_id, position_id, start, end in Assignment.objects.filter(
        position__agency=agency, position__kind=PositionKind.FUNGSIONAL
    ).values_list("employee_id", "position_id", "start_date", "end_date"):
        if (employee_id, position_id) in wanted:
            spans.setdefault((employee_id, position_id), []).append((start, end))
    months_memo: dict[tuple, int] = {}
    points_memo: dict[tuple, CreditPoints] = {}
    awards = []
    for pk, predicate, employee_id, position_id, level, start, end, first, last in functional:
        if level not in LEVELS_2023 or not predicate:
            continue
        held = tuple(sorted(spans.get((employee_id, position_id), []), key=str))
        span = (held, max(start, first), min(end, last))
        if span not in months_memo:
            months_memo[span] = months_in_post(list(held), span[1], span[2])
        months = months_memo[span]
        if months == 0:
            continue
        key = (predicate, level, months)
        if key not in points_memo:
            points_memo[key] = credit_points(predicate, level, months)
        result = points_memo[key]
        awards.append(
            (pk, employee_id, level, months, predicate, result.percentage,
             result.level.annual_coefficient, result.points)
        )  # fmt: skip
    return awards


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
