"""The data generator: a synthetic agency with a year of plans, realisations and ratings.

    DATABASE_URL=postgres://... python -m bench.generate --employees 1000000 [--seed 7]
        [--fresh] [--json out.json]

Steps, each set-based and timed:

1. the organisation (``load_demo --employees N``: units, posts, people, logins by COPY);
2. the year's plans (``kinerja.planning.demo``: goals, SKPs, results, indicators);
3. one report per approved SKP and reporting window, and one realisation per indicator
   and report — a single ``INSERT … SELECT`` each;
4. one evaluation per approved SKP and window and one annual evaluation, with ratings
   and the predicate of the official matrix written as a SQL ``CASE`` built from
   ``regulation.predicate.PREDICATE_MATRIX_2022`` — again one statement each.

Deterministic by seed: the org and plans use the seed as ``load_demo`` does; the
figures of steps 3–4 are a hash of the row's ids and the seed, not a random stream, so
the same seed gives the same data whatever the order rows are written in. Works on
PostgreSQL (COPY) and SQLite; sizes up to a million employees are meant for PostgreSQL.
"""

import argparse
import json
import os
import sys
import time

# Shares of the generated ratings, in per cent: (above, as expected); the rest is below.
RESULTS_SHARES = (15, 75)
BEHAVIOUR_SHARES = (20, 76)


def _setup(fresh: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if fresh:
        from bench.__main__ import fresh_database

        fresh_database(os.environ["DATABASE_URL"])
        return
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _hash(expression: str, salt: int) -> str:
    """A per-row pseudo-random number in 0..99 from integer ids, the same in SQLite and
    PostgreSQL (64-bit integer arithmetic; ids stay far below the overflow point)."""
    return f"((({expression}) * 1103515245 + {salt}) %% 2147483647 %% 100)"


def _rating(hash_sql: str, shares: tuple[int, int]) -> str:
    above, as_expected = shares
    return (
        f"CASE WHEN {hash_sql} < {above} THEN 'above' "
        f"WHEN {hash_sql} < {above + as_expected} THEN 'as_expected' ELSE 'below' END"
    )


def _uuid_sql() -> str:
    from django.db import connection

    if connection.vendor == "postgresql":
        return "gen_random_uuid()"
    return "lower(hex(randomblob(16)))"  # Django keeps UUIDs as 32 hex digits in SQLite


def realise(period, seed: int, *, windows=None, drafts=()) -> dict:
    """Reports and realisations for every approved SKP and every window of the year.

    ``windows``: only these window ids (default: every window); ``drafts``: the window
    ids whose reports stay drafts (not submitted yet, still editable)."""
    from django.db import connection, transaction

    from kinerja.core.clock import now
    from kinerja.execution.models import PeriodReport, Realisation
    from kinerja.planning.enums import SkpStatus
    from kinerja.planning.models import Indicator, PlannedResult, ReportingWindow, Skp
    from kinerja.regulation.achievement import PRO_RATED_ASPECTS

    count = ReportingWindow.objects.filter(period=period).count()
    stamp = now()
    report, realisation = PeriodReport._meta.db_table, Realisation._meta.db_table
    skp, window = Skp._meta.db_table, ReportingWindow._meta.db_table
    indicator, result = Indicator._meta.db_table, PlannedResult._meta.db_table
    factor = f"(70 + {_hash('i.id + w.number * 7919', seed)} * 61 / 100)"
    # As regulation.achievement.window_target: counts and spending build up over the
    # year, a quality level or a completion time is the same target all year.
    pro_rated = ", ".join(f"'{aspect}'" for aspect in sorted(PRO_RATED_ASPECTS))
    pro_rata = f"(CASE WHEN i.aspect IN ({pro_rated}) THEN w.number * 1.0 / {count} ELSE 1 END)"
    only = "" if windows is None else f" AND w.id IN ({_ids(windows)})"
    draft = f"w.id IN ({_ids(drafts)})" if drafts else "1 = 0"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {report} (uuid, created_at, updated_at, skp_id, window_id, status,"
            " submitted_at, note)"
            f" SELECT {_uuid_sql()}, %s, %s, s.id, w.id,"
            f" CASE WHEN {draft} THEN 'draft' ELSE 'submitted' END,"
            f" CASE WHEN {draft} THEN NULL ELSE %s END, ''"
            f" FROM {skp} s JOIN {window} w ON w.period_id = s.period_id"
            f" WHERE s.period_id = %s AND s.status = %s{only}",
            [stamp, stamp, stamp, period.pk, SkpStatus.APPROVED],
        )
        reports = cursor.rowcount
        # Cumulative realisation: the window's target times 70–130 %.
        cursor.execute(
            f"INSERT INTO {realisation} (uuid, created_at, updated_at, report_id,"
            " indicator_id, value, narrative)"
            f" SELECT {_uuid_sql()}, %s, %s, p.id, i.id,"
            f" CASE WHEN i.target_value IS NULL THEN NULL ELSE"
            f" ROUND(i.target_value * {pro_rata} * {factor} / 100, 2) END,"
            " CASE WHEN i.target_value IS NULL THEN 'Terlaksana sesuai rencana' ELSE '' END"
            f" FROM {report} p JOIN {window} w ON w.id = p.window_id"
            f" JOIN {result} r ON r.skp_id = p.skp_id"
            f" JOIN {indicator} i ON i.result_id = r.id"
            f" WHERE w.period_id = %s",
            [stamp, stamp, period.pk],
        )
        realisations = cursor.rowcount
    return {"reports": reports, "realisations": realisations}


def _ids(ids) -> str:
    """Integer ids for an ``IN (...)`` list (never empty: ``NULL`` matches nothing)."""
    return ", ".join(str(int(i)) for i in ids) or "NULL"


def rate(period, seed: int, *, windows=None, annual: bool = True, final: bool = True) -> dict:
    """Periodic evaluations for every window and a final annual evaluation per SKP.

    ``windows``: only these window ids (default: every window); ``annual``: also the
    annual evaluation; ``final``: rated and final, else rated and still a draft."""
    from django.db import connection, transaction

    from kinerja.appraisal.models import Evaluation
    from kinerja.appraisal.services.year_end import predicate_case_sql
    from kinerja.core.clock import now
    from kinerja.planning.enums import SkpStatus
    from kinerja.planning.models import ReportingWindow, Skp

    stamp = now()
    status = "final" if final else "draft"
    finalised = "%s, assessor_id" if final else "NULL, NULL"
    evaluation = Evaluation._meta.db_table
    skp, window = Skp._meta.db_table, ReportingWindow._meta.db_table
    results = _rating(_hash("s.id + COALESCE(w.number, 0) * 104729", seed), RESULTS_SHARES)
    behaviour = _rating(_hash("s.id + COALESCE(w.number, 0) * 1299709", seed + 1), BEHAVIOUR_SHARES)
    columns = (
        "uuid, created_at, updated_at, skp_id, window_id, status, recommended_results_rating,"
        " results_rating, behaviour_rating, justification, predicate, notes, assessor_id,"
        " rated_at, finalised_at, finalised_by_id"
    )
    select = (
        f"SELECT {_uuid_sql()}, %s, %s, skp_id, window_id, '{status}', results, results,"
        f" behaviour, '', {predicate_case_sql('results', 'behaviour')}, '', assessor_id, %s,"
        f" {finalised} FROM ("
        f" SELECT s.id AS skp_id, w.id AS window_id, s.approved_by_id AS assessor_id,"
        f" {results} AS results, {behaviour} AS behaviour"
        f" FROM {skp} s {{join}} WHERE s.period_id = %s AND s.status = %s) AS rated"
    )
    only = "" if windows is None else f" AND w.id IN ({_ids(windows)})"
    joins = [("periodic", f"JOIN {window} w ON w.period_id = s.period_id{only}")]
    if annual:
        joins.append(("annual", f"LEFT JOIN {window} w ON 1 = 0"))
    counts = {}
    with transaction.atomic(), connection.cursor() as cursor:
        for name, join in joins:
            stamps = [stamp, stamp, stamp, stamp] if final else [stamp, stamp, stamp]
            cursor.execute(
                f"INSERT INTO {evaluation} ({columns}) {select.format(join=join)}",
                [*stamps, period.pk, SkpStatus.APPROVED],
            )
            counts[f"{name}_evaluations"] = cursor.rowcount
    return counts


def generate(*, employees: int, seed: int) -> dict:
    from django.core.management import call_command

    from kinerja.org.demo import demo_agency_profile
    from kinerja.org.models import Agency
    from kinerja.planning.demo import demo_plans_create

    timings: dict[str, float] = {}
    figures: dict[str, int] = {"employees": employees, "seed": seed}

    started = time.perf_counter()
    call_command("load_demo", employees=employees, seed=seed, verbosity=0)
    timings["organisation"] = time.perf_counter() - started
    agency = Agency.objects.get(code=demo_agency_profile(employees=employees, seed=seed).code)

    started = time.perf_counter()
    plans = demo_plans_create(agency=agency, seed=seed)
    timings["plans"] = time.perf_counter() - started
    figures.update(skps=plans.skps, results=plans.results)

    started = time.perf_counter()
    figures.update(realise(plans.period, seed))
    timings["realisations"] = time.perf_counter() - started

    started = time.perf_counter()
    figures.update(rate(plans.period, seed))
    timings["ratings"] = time.perf_counter() - started
    timings["total"] = sum(timings.values())
    return {"figures": figures, "seconds": {k: round(v, 1) for k, v in timings.items()}}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__)
    parser.add_argument("--employees", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database first")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if "DATABASE_URL" not in os.environ:
        parser.error("set DATABASE_URL (a scratch database: --fresh drops it)")
    _setup(args.fresh)
    outcome = generate(employees=args.employees, seed=args.seed)
    print(json.dumps(outcome, indent=2))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(outcome, handle, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
