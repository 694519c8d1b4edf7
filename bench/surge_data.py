"""The deadline surge's data: who logs in and what they open and save, and afterwards
whether every save that succeeded is in the database.

Run by ``bench/surge.py`` in a subprocess against the scratch surge database (the
runner's own process is connected to another one)::

    DATABASE_URL=... python -m bench.surge_data prepare --employees N --out plan.json
    DATABASE_URL=... python -m bench.surge_data verify --writes w.jsonl --out verify.json
    DATABASE_URL=... python -m bench.surge_data profile --plan plan.json --out profile.json

``prepare`` plans the synthetic agency's year when ``load_demo`` has not (the demo plans
of ``kinerja.planning.demo``: mostly approved SKPs, about 3 % drafts, 2 % returned and
5 % submitted), then picks the people of the scenario from the org chart:

* employees whose SKP is a draft or returned, so they may still edit it;
* assessors with at least one submitted SKP in their team;
* leaders: the heads of the top units and of the units right below, each given a
  read-only leader role over their unit;
* reporters: employees with an approved SKP and a draft report for the current window,
  with its indicators (they save realisations).

Before picking, it writes what the issue-4 screens need, set-based, when nothing is
there yet (``bench.generate``'s single ``INSERT … SELECT`` statements and the
organisation results of ``kinerja.appraisal.demo.organisation``): one report with its
realisations per approved SKP and started window (the current window's still drafts,
the others submitted), final evaluations for the earlier ended windows, rated drafts
for the latest ended window (the one the assessor's queue opens on: every report is
in, so every row waits for the assessor) and each unit's organisation result. Each
assessor gets team members in force during that window to rate.

All of them get one known password (one hash shared, as the demo logins do).

``profile`` asks each screen of the mix once more, in-process with Django's test
client, and counts its queries and time: where the server's time goes.
"""

import argparse
import json
import os
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

PASSWORD = "surge-bench-12345"  # noqa: S105 -- scratch benchmark data only
SEED = 6
TEAM_SAMPLE = 30
LIMITS = {"employees": 600, "assessors": 300, "leaders": 80, "reporters": 600}
# What a write leaves in its text: [surge <run> <user> <n>] (see locustfile_surge).
MARKER = re.compile(r"\[surge [^\]]+\]")
EDITS = ("result_edit", "expectations", "realisation", "rating")
LOGGED_ACTIONS = ("planning.", "execution.realisation_save", "appraisal.evaluation_rate")
COUNTS = ("attempted", "succeeded", "in_database")


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def prepare(*, employees: int) -> dict:
    from kinerja.core.clock import today
    from kinerja.org.demo import demo_agency_profile
    from kinerja.org.models import Agency
    from kinerja.planning.demo import demo_plans_create, demo_plans_missing
    from kinerja.planning.demo.chart import Chart
    from kinerja.planning.enums import SkpStatus
    from kinerja.planning.models import Skp
    from kinerja.planning.selectors import current_period

    agency = Agency.objects.get(code=demo_agency_profile(employees=employees).code)
    planned_here = demo_plans_missing(agency)
    if planned_here:
        demo_plans_create(agency=agency)
    on = today()
    period = current_period(agency, on)
    chart = Chart.load(agency, on)
    rng = random.Random(SEED)  # noqa: S311 -- a reproducible sample, not a secret
    live = list(
        Skp.objects.filter(period=period)
        .exclude(status=SkpStatus.SUPERSEDED)
        .values_list("pk", "uuid", "employee_id", "status")
    )
    windows = _issue4(agency, period, on)
    leaders = _leaders(chart, period)
    taken = {leader["employee_id"] for leader in leaders}
    staff = _staff(chart, live, taken, rng)
    assessors = _assessors(chart, live, taken, rng)
    _to_rate(agency, period, windows["rating"], assessors, rng)
    taken |= {person.pop("employee_id") for person in assessors}
    reporters = _reporters(chart, windows["current"], taken, rng)
    _grant(agency, staff + reporters, assessors, leaders)
    statuses = sorted({row[3] for row in live})
    return {
        "password": PASSWORD,
        "agency": agency.code,
        "employees_in_agency": agency.employees.count(),
        "planned_by_benchmark": planned_here,
        "skps": len(live),
        "skp_statuses": {s: sum(1 for row in live if row[3] == s) for s in statuses},
        "employees": staff,
        "assessors": assessors,
        "leaders": [{k: v for k, v in x.items() if k != "employee_id"} for x in leaders],
        "reporters": reporters,
        "rating_window": str(windows["rating"].uuid) if windows["rating"] else None,
        "current_window": str(windows["current"].uuid) if windows["current"] else None,
        "issue4_rows": windows["written"],
    }


def _issue4(agency, period, on) -> dict:
    """Reports, realisations, evaluations and organisation results for the screens of
    issue 4, set-based, unless the agency already has reports this period."""
    from bench.generate import rate, realise
    from kinerja.appraisal.demo.organisation import demo_organisation_results_create
    from kinerja.appraisal.selectors_evaluation import default_window
    from kinerja.execution.models import PeriodReport

    windows = list(period.windows.order_by("number"))
    started = [w for w in windows if w.start_date <= on]
    current = next((w for w in started if w.end_date >= on), None)
    rating = default_window(period, on)
    earlier = [w.pk for w in started if w.end_date < on and w != rating]
    written: dict[str, int] = {}
    if not PeriodReport.objects.filter(window__period=period).exists():
        drafts = [current.pk] if current else []
        written |= realise(period, SEED, windows=[w.pk for w in started], drafts=drafts)
        if earlier:
            written |= rate(period, SEED, windows=earlier, annual=False)
        if rating is not None and rating.end_date < on:
            drafted = rate(period, SEED, windows=[rating.pk], annual=False, final=False)
            written["draft_evaluations"] = drafted["periodic_evaluations"]
        made = demo_organisation_results_create(agency=agency, period=period, seed=SEED)
        written["organisation_results"] = made.results
    return {"current": current, "rating": rating, "written": written}


def _to_rate(agency, period, window, assessors: list[dict], rng: random.Random) -> None:
    """Each assessor's assessees on the rating window's date (``_evaluation_date``), with
    an approved SKP in force then: ``[skp uuid, leads a unit]`` (a unit head's results
    rating is fixed by the unit's organisation result, so it never departs)."""
    from kinerja.planning.demo.chart import Chart
    from kinerja.planning.enums import SkpStatus
    from kinerja.planning.models import Skp

    for person in assessors:
        person["rate"] = []
    if window is None:
        return
    on = min(window.end_date, period.end_date)
    chart = Chart.load(agency, on)
    mine = {person["employee_id"]: person for person in assessors}
    team: dict[int, list] = defaultdict(list)
    for uuid, employee_id in (
        Skp.objects.filter(
            period=period,
            status=SkpStatus.APPROVED,
            start_date__lte=on,
            end_date__gte=on,
        )
        .order_by("pk")
        .values_list("uuid", "employee_id")
    ):
        assessor = chart.assessor_of(employee_id)
        if assessor is not None and assessor.employee_id in mine:
            holding = chart.primary(employee_id)
            leads = holding is not None and chart.posts[holding.position_id].is_unit_head
            team[assessor.employee_id].append([str(uuid), leads])
    for employee_id, person in mine.items():
        rows = team[employee_id]
        person["rate"] = rng.sample(rows, min(len(rows), TEAM_SAMPLE))


def _reporters(chart, window, taken: set[int], rng: random.Random) -> list[dict]:
    """Employees with a draft report for the current window, with its indicators:
    ``[indicator uuid, target]`` (no target: a narrative indicator)."""
    from kinerja.execution.enums import ReportStatus
    from kinerja.execution.models import PeriodReport
    from kinerja.planning.models import Indicator

    if window is None:
        return []
    reports = [
        (uuid, skp_id, employee_id)
        for uuid, skp_id, employee_id in PeriodReport.objects.filter(
            window=window, status=ReportStatus.DRAFT
        )
        .order_by("pk")
        .values_list("uuid", "skp_id", "skp__employee_id")
        if employee_id not in taken and _username(chart, employee_id)
    ]
    rng.shuffle(reports)
    reports = reports[: LIMITS["reporters"]]
    indicators: dict[int, list] = defaultdict(list)
    for skp_id, uuid, target in (
        Indicator.objects.filter(result__skp_id__in=[r[1] for r in reports])
        .order_by("pk")
        .values_list("result__skp_id", "uuid", "target_value")
    ):
        indicators[skp_id].append([str(uuid), None if target is None else str(target)])
    return [
        {
            "username": _username(chart, employee_id),
            "report": str(uuid),
            "indicators": indicators[skp_id],
        }
        for uuid, skp_id, employee_id in reports
        if indicators[skp_id]
    ]


def _username(chart, employee_id: int) -> str | None:
    user = chart.employees[employee_id].user
    return user.username if user is not None else None


def _leaders(chart, period) -> list[dict]:
    """Heads of the top units (one segment in the path) and of the units right below,
    with their office's goals; taken from every office in turn, heads of offices
    first."""
    from kinerja.org.models import Unit
    from kinerja.planning.models import OrganisationGoal

    goals: dict[str, list[str]] = defaultdict(list)
    for path, uuid in OrganisationGoal.objects.filter(period=period).values_list(
        "unit__path", "uuid"
    ):
        goals[path].append(str(uuid))
    by_office: dict[str, list[dict]] = defaultdict(list)
    posts = sorted(chart.posts.values(), key=lambda p: (chart.units[p.unit_id].path, p.code))
    for post in posts:
        unit = chart.units[post.unit_id]
        holding = chart.holder(post.pk, exclude=0)
        if not post.is_unit_head or unit.path.count("/") > 3 or holding is None:
            continue
        office = "/" + unit.path.split("/")[1] + "/"
        name = _username(chart, holding.employee_id)
        if name and goals.get(office):
            by_office[office].append(
                {
                    "username": name,
                    "employee_id": holding.employee_id,
                    "unit_id": unit.pk,
                    "goals": goals[office],
                }
            )
    queues = [by_office[office] for office in sorted(by_office)]
    turns = range(max(map(len, queues), default=0))
    leaders = [q[turn] for turn in turns for q in queues if turn < len(q)][: LIMITS["leaders"]]
    uuids = Unit.objects.in_bulk([leader["unit_id"] for leader in leaders])
    for leader in leaders:
        leader["unit"] = str(uuids[leader["unit_id"]].uuid)
    return leaders


def _staff(chart, live: list[tuple], taken: set[int], rng: random.Random) -> list[dict]:
    """Employees whose SKP is a draft or returned, with its main results."""
    from kinerja.planning.enums import ResultKind, SkpStatus
    from kinerja.planning.models import PlannedResult

    editable = [row for row in live if row[3] in (SkpStatus.DRAFT, SkpStatus.RETURNED)]
    results: dict[int, list[str]] = defaultdict(list)
    for skp_id, uuid in PlannedResult.objects.filter(
        skp_id__in=[row[0] for row in editable], kind=ResultKind.MAIN
    ).values_list("skp_id", "uuid"):
        results[skp_id].append(str(uuid))
    staff = [
        {"username": _username(chart, employee_id), "skp": str(uuid), "results": results[pk]}
        for pk, uuid, employee_id, _status in editable
        if _username(chart, employee_id) and results[pk] and employee_id not in taken
    ]
    rng.shuffle(staff)
    return staff[: LIMITS["employees"]]


def _assessors(chart, live: list[tuple], taken: set[int], rng: random.Random) -> list[dict]:
    """Assessors with a submitted SKP in their team: those SKPs and a sample of the rest."""
    from kinerja.planning.enums import SkpStatus

    teams: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for _pk, uuid, employee_id, status in live:
        assessor = chart.assessor_of(employee_id)
        if assessor is not None:
            teams[assessor.employee_id].append((str(uuid), status))
    assessors = []
    for assessor_id, team in sorted(teams.items()):
        waiting = [row for row in team if row[1] == SkpStatus.SUBMITTED]
        name = _username(chart, assessor_id)
        if waiting and name and assessor_id not in taken:
            others = [row for row in team if row[1] != SkpStatus.SUBMITTED]
            sample = rng.sample(others, min(len(others), TEAM_SAMPLE))
            assessors.append(
                {"username": name, "team": waiting + sample, "employee_id": assessor_id}
            )
    rng.shuffle(assessors)
    return assessors[: LIMITS["assessors"]]


def _grant(agency, staff: list[dict], assessors: list[dict], leaders: list[dict]) -> None:
    """One known password for everyone, and the leaders' read-only role over their unit."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from kinerja.access.models import RoleKind, ScopedRole

    User = get_user_model()
    names = [person["username"] for person in staff + assessors + leaders]
    with transaction.atomic():
        # One hash shared: Argon2 takes a noticeable fraction of a second per hash.
        User.objects.filter(username__in=names).update(password=make_password(PASSWORD))
        users = dict(User.objects.filter(username__in=names).values_list("username", "pk"))
        ScopedRole.objects.bulk_create(
            [
                ScopedRole(
                    user_id=users[leader["username"]],
                    role=RoleKind.LEADER,
                    agency=agency,
                    unit_id=leader.pop("unit_id"),
                )
                for leader in leaders
            ],
            ignore_conflicts=True,
        )


def _markers(values) -> set[str]:
    found = set()
    for value in values:
        found.update(MARKER.findall(value or ""))
    return found


def _marked(model, field: str) -> set[str]:
    rows = model.objects.filter(**{f"{field}__contains": "[surge "}).values_list(field, flat=True)
    return _markers(rows)


def _current(writes: list[dict]) -> dict[tuple[str, str], str]:
    """The marker each edited object carries now: a result's text, an SKP's
    expectations."""
    from kinerja.planning.models import BehaviourExpectation, PlannedResult

    edited = {kind: {w["object"] for w in writes if w["kind"] == kind} for kind in EDITS}
    current = {}
    for uuid, text in PlannedResult.objects.filter(uuid__in=edited["result_edit"]).values_list(
        "uuid", "text"
    ):
        current[("result_edit", str(uuid))] = next(iter(MARKER.findall(text)), "")
    for uuid, text in BehaviourExpectation.objects.filter(
        skp__uuid__in=edited["expectations"]
    ).values_list("skp__uuid", "text"):
        current[("expectations", str(uuid))] = next(iter(MARKER.findall(text)), "")
    current.update(_current_issue4(edited))
    return current


def _current_issue4(edited: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """A realisation's narrative marker (``report/indicator``) and an evaluation's notes
    marker (``skp/window``), each with the saved figures after a bar: the value, or
    the two ratings, so a marker only counts with the figures its write sent."""
    from kinerja.appraisal.models import Evaluation
    from kinerja.execution.models import Realisation

    current = {}
    reports = {key.split("/")[0] for key in edited["realisation"]}
    for report, indicator, narrative, value in Realisation.objects.filter(
        report__uuid__in=reports
    ).values_list("report__uuid", "indicator__uuid", "narrative", "value"):
        marker = next(iter(MARKER.findall(narrative)), "")
        current[("realisation", f"{report}/{indicator}")] = f"{marker}|{_figure(value)}"
    skps = {key.split("/")[0] for key in edited["rating"]}
    for skp, window, notes, results, behaviour, justification in Evaluation.objects.filter(
        skp__uuid__in=skps, window__isnull=False
    ).values_list(
        "skp__uuid", "window__uuid", "notes", "results_rating", "behaviour_rating", "justification"
    ):
        marker = next(iter(MARKER.findall(notes)), "")
        departed = "justified" if marker and marker in justification else "-"
        current[("rating", f"{skp}/{window}")] = f"{marker}|{results}/{behaviour}/{departed}"
    return current


def _figure(value) -> str:
    """A decimal as the locust user wrote it: two places, or ``-`` for none."""
    from decimal import Decimal

    return "-" if value is None else f"{Decimal(value):.2f}"


def verify(*, writes: list[dict]) -> dict:
    """Which writes the server confirmed, and which of those the database holds.

    A write's text carries a unique marker. Additions (a result, an indicator) and
    returns (the comment stays on the SKP) must be found in their table. Edits replace
    text (a realisation's narrative, an evaluation's notes, each with the value or the
    ratings saved with it): every confirmed edit must be in the activity log, which
    each service writes in the same transaction as the change, and the last one of
    each object must still be in its table with its figures, unless a later edit whose
    answer never arrived (cut off when the load stopped) replaced it. An approval must
    have left its SKP approved.
    """
    from django.db.models import Q

    from kinerja.core.models import ActivityLog
    from kinerja.planning.enums import SkpStatus
    from kinerja.planning.models import Indicator, PlannedResult, Skp

    confirmed = [w for w in writes if w["ok"]]
    sent = {w["marker"] for w in writes}
    in_tables = {
        "result_add": _marked(PlannedResult, "text"),
        "indicator_add": _marked(Indicator, "text"),
        "return": _marked(Skp, "review_comment"),
    }
    current = _current(confirmed)
    logged = set()
    actions = Q()
    for action in LOGGED_ACTIONS:
        actions |= Q(action__startswith=action)
    for after, reason in ActivityLog.objects.filter(actions).values_list("after", "reason"):
        logged.update(MARKER.findall(json.dumps(after or {}, ensure_ascii=False) + reason))
    approved = {
        str(uuid)
        for uuid in Skp.objects.filter(
            uuid__in=[w["object"] for w in confirmed if w["kind"] == "approve"],
            status=SkpStatus.APPROVED,
        ).values_list("uuid", flat=True)
    }
    last = {(w["kind"], w["object"]): i for i, w in enumerate(confirmed) if w["kind"] in EDITS}
    missing = []
    by_kind: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    for write in writes:
        by_kind[write["kind"]]["attempted"] += 1
    for index, write in enumerate(confirmed):
        kind, key = write["kind"], (write["kind"], write["object"])
        if kind == "approve":
            found = write["object"] in approved
        elif kind in EDITS:
            # Realisations and ratings: the marker, then the figures saved with it.
            now, _bar, figures = current.get(key, "").partition("|")
            replaced = last[key] != index or (now in logged and now not in sent)
            expected = write.get("figures", figures)
            present = now == write["marker"] and figures == expected
            found = write["marker"] in logged and (replaced or present)
        else:
            found = write["marker"] in in_tables[kind]
        by_kind[kind]["succeeded"] += 1
        by_kind[kind]["in_database"] += found
        if not found:
            missing.append(write)
    return {
        "attempted": len(writes),
        "succeeded": len(confirmed),
        "in_database": len(confirmed) - len(missing),
        "by_kind": dict(sorted(by_kind.items())),
        "missing_sample": missing[:10],
    }


def profile(*, plan: dict) -> dict:
    """Queries and milliseconds of one request to each screen of the mix (the second
    of two, so caches are warm), as the person the mix sends there."""
    import time

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from kinerja.regulation.berakhlak import CORE_VALUE_CODES

    employee, assessor, leader = plan["employees"][0], plan["assessors"][0], plan["leaders"][0]
    skp, result, team_skp = employee["skp"], employee["results"][0], assessor["team"][0][0]
    result_fields = {"kind": "main", "text": "Dokumen layanan terverifikasi (profil)"}
    indicator = {"aspect": "time", "indicator_text": "Tepat waktu (profil)"}
    indicator |= {"target_value": "12", "target_unit": "bulan"}
    htmx = {"HTTP_HX_REQUEST": "true"}
    screens = [
        ("home", employee, "get", "/", None, {}),
        ("my skp", employee, "get", "/rencana/", None, {}),
        ("skp page", employee, "get", f"/rencana/skp/{skp}/", None, {}),
        ("result edit (form)", employee, "get", f"/rencana/hasil/{result}/ubah/", None, htmx),
        ("result edit", employee, "post", f"/rencana/hasil/{result}/ubah/", result_fields, htmx),
        (
            "indicator add",
            employee,
            "post",
            f"/rencana/hasil/{result}/indikator/",
            indicator,
            htmx,
        ),
        ("team queue", assessor, "get", "/rencana/tim/", None, {}),
        ("skp page (assessor)", assessor, "get", f"/rencana/skp/{team_skp}/", None, {}),
        (
            "expectations",
            assessor,
            "post",
            f"/rencana/skp/{team_skp}/ekspektasi/",
            {code: f"Ekspektasi {code} (profil)" for code in CORE_VALUE_CODES},
            htmx,
        ),
        ("cascade goals", leader, "get", "/rencana/kaskade/", None, {}),
        ("unit page", leader, "get", f"/organisasi/unit/{leader['unit']}/", None, {}),
    ]
    screens += _issue4_screens(plan, leader, htmx)
    goals = sorted({goal for person in plan["leaders"] for goal in person["goals"]})
    screens += [
        ("cascade tree", leader, "get", f"/rencana/kaskade/?goal={g}", None, {}) for g in goals
    ]
    people = {id(screen[1]): screen[1] for screen in screens}.values()
    users = {p["username"]: get_user_model().objects.get(username=p["username"]) for p in people}
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    found: dict[str, list[dict]] = defaultdict(list)
    for name, person, method, url, data, headers in screens:
        client = clients[person["username"]]
        # Twice, so caches are warm; a cascade tree, once per goal of the leaders.
        for _ in range(1 if name == "cascade tree" else 2):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = getattr(client, method)(url, data, **headers)
                elapsed = time.perf_counter() - started
        found[name].append(
            {
                "status": response.status_code,
                "queries": len(queries.captured_queries),
                "ms": round(1000 * elapsed, 1),
                "kilobytes": round(len(response.content) / 1024, 1),
            }
        )
    trees = sorted(found.pop("cascade tree"), key=lambda row: row["ms"])
    summary = {name: rows[0] for name, rows in found.items()}
    summary["cascade tree (median goal)"] = trees[len(trees) // 2]
    summary["cascade tree (largest goal)"] = trees[-1]
    summary["cascade trees over 1 MB"] = {
        "goals": sum(1 for row in trees if row["kilobytes"] > 1024),
        "of": len(trees),
    }
    return summary


def _issue4_screens(plan: dict, leader: dict, htmx: dict) -> list[tuple]:
    """The report screen and a realisation's inline save (the first reporter), the
    assessor's queue, an evaluation page, its preview and a rating (the first assessor
    with someone to rate), and the leader's unit results and calibration."""
    from kinerja.appraisal.services.evaluation import recommendation_for
    from kinerja.planning.models import ReportingWindow, Skp

    screens: list[tuple] = []
    reporter = next(iter(plan.get("reporters") or []), None)
    if reporter is not None:
        report = reporter["report"]
        indicator, target = next(
            (row for row in reporter["indicators"] if row[1] is not None),
            reporter["indicators"][0],
        )
        value = {"value": target} if target is not None else {}
        save = f"/pelaksanaan/laporan/{report}/indikator/{indicator}/"
        screens += [
            ("my reports", reporter, "get", "/pelaksanaan/", None, {}),
            ("report page", reporter, "get", f"/pelaksanaan/laporan/{report}/", None, {}),
            ("realisation save", reporter, "post", save, value | {"narrative": "(profil)"}, htmx),
        ]
    window = plan.get("rating_window")
    rater = next((a for a in plan["assessors"] if a.get("rate")), None)
    if rater is not None and window:
        skp_uuid = rater["rate"][0][0]
        page = f"/penilaian/skp/{skp_uuid}/{window}/"
        recommended = recommendation_for(
            skp=Skp.objects.get(uuid=skp_uuid), window=ReportingWindow.objects.get(uuid=window)
        ).rating
        rating = {
            "results_rating": str(recommended or "as_expected"),
            "behaviour_rating": "as_expected",
            "justification": "",
            "notes": "Profil (profil)",
        }
        preview = f"{page}?results_rating=as_expected&behaviour_rating=above"
        preview += f"&recommended={recommended or ''}"
        screens += [
            ("rating queue (waiting)", rater, "get", "/penilaian/?waiting=1", None, {}),
            ("evaluation page", rater, "get", f"{page}?waiting=1", None, {}),
            ("evaluation preview", rater, "get", preview, None, htmx),
            ("rating save", rater, "post", f"{page}nilai/?waiting=1", rating, htmx),
        ]
    screens += [
        ("unit results", leader, "get", "/penilaian/organisasi/", None, {}),
        ("calibration", leader, "get", "/penilaian/kalibrasi/", None, {}),
    ]
    return screens


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.surge_data")
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("prepare")
    making.add_argument("--employees", type=int, required=True)
    making.add_argument("--out", type=Path, required=True)
    checking = commands.add_parser("verify")
    checking.add_argument("--writes", type=Path, required=True)
    checking.add_argument("--out", type=Path, required=True)
    profiling = commands.add_parser("profile")
    profiling.add_argument("--plan", type=Path, required=True)
    profiling.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    _setup_django()
    if args.command == "prepare":
        result = prepare(employees=args.employees)
    elif args.command == "profile":
        result = profile(plan=json.loads(args.plan.read_text()))
    else:
        lines = args.writes.read_text().splitlines() if args.writes.exists() else []
        result = verify(writes=[json.loads(line) for line in lines if line])
    args.out.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
