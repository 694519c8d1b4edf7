"""Year-end finalisation of 100,000 annual evaluations against one SQL statement.

Set-up (not timed): an agency of 50 units with ten posts each, half of them functional
(Ahli Pertama … Ahli Madya, so credit points are due), N employees with a login, a post
since 2024, an approved SKP for the year and an annual evaluation with both ratings
(deterministic by row number) that is not final yet — written by COPY.

The bound is one ``UPDATE`` that makes the same rows final with the predicate computed
by a ``CASE`` over the two ratings (the official matrix), run inside a transaction that
is rolled back, three times (median). The measured work is
``appraisal.services.year_end.annual_finalise_bulk`` on the same rows, committed: the
same UPDATE plus an activity log entry per evaluation (with its credit points), the
credit point awards of the functional staff, and a notification per employee. Both must
give every row the same predicate; the ratio is finalisation seconds / SQL seconds
(goal ≤ 3).
"""

import datetime
import statistics
import time

from bench import Options, benchmark

ROWS, SMOKE_ROWS = 100_000, 2_000
UNITS, POSITIONS_PER_UNIT = 50, 10
LEVELS = ["ahli_pertama", "ahli_muda", "ahli_madya", "terampil", "mahir"]
RATINGS = ["above", "as_expected", "as_expected", "as_expected", "below"]
START = datetime.date(2024, 1, 1)


def _rating(i: int, salt: int) -> str:
    return RATINGS[(i * 1103515245 + salt) % 2147483647 % len(RATINGS)]


def build(count: int):
    """The agency, its people and their rated, not yet final, annual evaluations."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from kinerja.appraisal.models import Evaluation
    from kinerja.core.clock import now, today
    from kinerja.org.demo.writer import insert_rows, reserve_ids
    from kinerja.org.enums import PositionKind
    from kinerja.org.models import Agency, Assignment, Employee, Position, Unit
    from kinerja.planning.enums import Approach, SkpStatus
    from kinerja.planning.models import Skp
    from kinerja.planning.services import period_create

    year = today().year
    with transaction.atomic():
        agency = Agency.objects.create(
            name="Pemerintah Kabupaten Tolok Akhir Tahun", code="bench-ye"
        )
        period = period_create(agency=agency, year=year)
        root = Unit.objects.create(agency=agency, name="Sekretariat Daerah", code="SETDA")
        root.path = f"/{root.pk}/"
        root.save(update_fields=["path"])
        positions = []
        for u in range(UNITS):
            unit = Unit.objects.create(agency=agency, parent=root, name=f"Dinas {u}", code=f"D{u}")
            unit.path = f"{root.path}{unit.pk}/"
            unit.save(update_fields=["path"])
            for p in range(POSITIONS_PER_UNIT):
                functional = p % 2 == 0
                positions.append(
                    Position(
                        agency=agency,
                        unit=unit,
                        code=f"J{u}-{p}",
                        name=f"Jabatan {p} Dinas {u}",
                        kind=PositionKind.FUNGSIONAL if functional else PositionKind.PELAKSANA,
                        level=LEVELS[(u + p) % len(LEVELS)] if functional else "",
                    )
                )
        positions = Position.objects.bulk_create(positions)
        users = reserve_ids(get_user_model(), count)
        insert_rows(
            get_user_model(),
            ("id", "username", "password"),
            ((users[i], f"bench-ye-{i}", "!unusable") for i in range(count)),
        )
        employees = reserve_ids(Employee, count)
        insert_rows(
            Employee,
            ("id", "agency_id", "user_id", "nip", "name", "employment_type", "grade", "sex",
             "birth_date"),
            (
                (employees[i], agency.pk, users[i], f"9{i:017d}", f"Pegawai {i}", "PNS",
                 "III/a", "MF"[i % 2], datetime.date(1980, 1, 1))
                for i in range(count)
            ),
        )  # fmt: skip
        insert_rows(
            Assignment,
            ("employee_id", "position_id", "kind", "start_date"),
            (
                (employees[i], positions[i % len(positions)].pk, "definitive", START)
                for i in range(count)
            ),
        )
        skps = reserve_ids(Skp, count)
        stamp = now()
        insert_rows(
            Skp,
            ("id", "employee_id", "period_id", "position_id", "start_date", "end_date",
             "approach", "status", "submitted_at", "approved_at"),
            (
                (skps[i], employees[i], period.pk, positions[i % len(positions)].pk,
                 period.start_date, period.end_date, Approach.QUANTITATIVE, SkpStatus.APPROVED,
                 stamp, stamp)
                for i in range(count)
            ),
        )  # fmt: skip
        insert_rows(
            Evaluation,
            ("skp_id", "status", "results_rating", "behaviour_rating", "rated_at"),
            ((skps[i], "draft", _rating(i, 7), _rating(i, 13), stamp) for i in range(count)),
        )
    return agency, period


def sql_bound(period, repeats: int = 3) -> tuple[float, dict]:
    """Median seconds of the one UPDATE computing the same predicates (rolled back),
    and the predicates it gave, counted per (results, behaviour, predicate)."""
    from django.db import connection, transaction

    from kinerja.appraisal.services.year_end import predicate_case_sql

    timings, counts = [], {}
    for _ in range(repeats):
        with transaction.atomic(), connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(
                "UPDATE appraisal_evaluation SET status = 'final', finalised_at = now(),"
                f" predicate = {predicate_case_sql('results_rating', 'behaviour_rating')}"
                " WHERE window_id IS NULL AND status = 'draft' AND results_rating <> ''"
                " AND behaviour_rating <> ''"
                " AND skp_id IN (SELECT id FROM planning_skp WHERE period_id = %s)",
                [period.pk],
            )
            timings.append(time.perf_counter() - started)
            counts = _predicates(period)
            transaction.set_rollback(True)
    return statistics.median(timings), counts


def _predicates(period) -> dict:
    from django.db.models import Count

    from kinerja.appraisal.models import Evaluation

    return {
        (row["results_rating"], row["behaviour_rating"], row["predicate"]): row["n"]
        for row in Evaluation.objects.filter(skp__period=period, status="final")
        .values("results_rating", "behaviour_rating", "predicate")
        .annotate(n=Count("id"))
        .order_by()
    }


@benchmark("finalisation", "year-end finalisation of 100,000 annual evaluations vs one SQL UPDATE")
def run(options: Options) -> dict:
    from django.db import connection

    from kinerja.appraisal.models import CreditPointAward
    from kinerja.appraisal.services.year_end import annual_finalise_bulk
    from kinerja.core.models import ActivityLog
    from kinerja.notifications.models import Notification

    count = SMOKE_ROWS if options.smoke else ROWS
    started = time.perf_counter()
    agency, period = build(count)
    setup_seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    sql_seconds, expected = sql_bound(period)
    assert sum(expected.values()) == count, expected

    phases: dict[str, float] = {}
    last = [time.perf_counter()]

    def progress(percent: int) -> None:
        moment = time.perf_counter()
        phases[f"to {percent}%"] = round(moment - last[0], 2)
        last[0] = moment

    started = time.perf_counter()
    last[0] = started
    counts = annual_finalise_bulk(
        agency_or_unit=agency, period=period, actor=None, progress=progress
    )
    bulk_seconds = time.perf_counter() - started
    # What the progress steps do not cover: the commit (deferred foreign keys, WAL flush),
    # which the rolled-back bound never pays.
    phases["commit"] = round(time.perf_counter() - last[0], 2)

    assert counts["finalised"] == count, counts
    assert _predicates(period) == expected, "the finalisation and the SQL bound disagree"
    assert ActivityLog.objects.filter(action="appraisal.evaluation_finalise").count() == count
    assert CreditPointAward.objects.count() == counts["credit_points"] > 0
    assert Notification.objects.count() == count
    return {
        "evaluations": count,
        "setup_seconds": round(setup_seconds, 1),
        "sql_update_seconds": round(sql_seconds, 3),
        "finalisation_seconds": round(bulk_seconds, 2),
        "finalisation_phases_seconds": phases,
        "credit_point_awards": counts["credit_points"],
        "notifications": counts["notified"],
        "finalisation_vs_sql": round(bulk_seconds / sql_seconds, 2),
        "goal": "≤ 3× the SQL bound",
    }
