"""The deadline surge (issue 6, benchmark a): gunicorn and PostgreSQL serving a
synthetic agency of 20,000 employees in the last days before a deadline.

Employees open "My SKP" and their draft SKP and save results and indicators; others
open their report of the current window and save realisations inline; assessors open
their team queue and SKPs, write expectations, approve and return, open the evaluation
queue and pages and save ratings; leaders open the cascade tree, their unit, the unit
results and calibration (``bench/locustfile_surge.py``). Locust runs headless
on the same machine, over loopback, through its Python API (``bench/surge_load.py``):

1. the ceiling: ``/healthz`` on the same server, as fast as it answers;
2. the mix, doubling virtual users until throughput stops growing: the peak;
3. the mix at 80 % of the peak's throughput, for the latency percentiles and errors.

Afterwards every write the server confirmed is looked up in the database
(``bench/surge_data.py verify``). The scratch database ``kinerja_surge`` (with
``--smoke``: ``kinerja_surge_smoke``) is dropped and rebuilt at each run
(``SURGE_DATABASE_URL`` to use another) and left in place afterwards for inspection;
the details (every step, every endpoint) go to ``var/bench/surge/result.json``
(``surge_smoke``). A lock file keeps two runs from sharing a database.

Goals: the mix's peak ≥ 30 % of the ceiling, p95 ≤ 150 ms at 80 % of the peak, no
errors, every confirmed write in the database.
"""

import contextlib
import fcntl
import filecmp
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psycopg

from bench import Options, benchmark

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "var" / "bench"
SURGE_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/kinerja_surge"
LOCK_WAIT_SECONDS = 900
# gunicorn's processes and threads per process (``SURGE_WORKERS``, ``SURGE_THREADS`` to
# compare other shapes on the same machine).
WORKERS = int(os.environ.get("SURGE_WORKERS", "2"))
THREADS = int(os.environ.get("SURGE_THREADS", "4"))
# Persistent connections that outlive every window: a backend that exits inside a
# window would take its CPU time out of the per-request figure.
CONN_MAX_AGE = 900
GOALS = {"ratio": 0.30, "p95_ms": 150}

FULL = {
    "employees": 20_000,
    "pacing_seconds": 2,
    "ceiling_users": 16,
    "ceiling_seconds": 20,
    "first_users": 10,
    "spawn_rate": 10,
    "settle_seconds": 5,
    "step_seconds": 20,
    "max_users": 320,
    "max_steps": 6,
    "ramp_budget_seconds": 240,
    "calibrate_seconds": 15,
    "measure_seconds": 60,
    "measure_attempts": 3,
}
SMOKE = {
    "employees": 1_000,
    "pacing_seconds": 1,
    "ceiling_users": 4,
    "ceiling_seconds": 3,
    "first_users": 3,
    "spawn_rate": 10,
    "settle_seconds": 2,
    "step_seconds": 4,
    "max_users": 6,
    "max_steps": 2,
    "ramp_budget_seconds": 10,
    "calibrate_seconds": 2,
    "measure_seconds": 4,
    "measure_attempts": 1,
}


def _python(*args: str, env: dict, timeout: float) -> None:
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True, timeout=timeout)


def _recreate(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _static_collected(env: dict) -> None:
    """The manifest static storage needs collected files once DEBUG is off. Compared by
    content: setup copies the vendored files afresh each time, so dates say nothing."""
    collected = ROOT / "var" / "static"
    sources = ROOT / "kinerja" / "static"
    stale = not (collected / "staticfiles.json").exists() or any(
        not (collected / p.relative_to(sources)).is_file()
        or not filecmp.cmp(p, collected / p.relative_to(sources), shallow=False)
        for p in sources.rglob("*")
        if p.is_file()
    )
    if stale:
        _python("manage.py", "collectstatic", "--noinput", "-v", "0", env=env, timeout=300)


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """One run at a time per database: a second one waits (bounded), then gives up."""
    with path.open("w") as lock:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"another surge run holds {path}") from None
                time.sleep(2)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(env: dict, port: int, log: Path) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--worker-class",
            "gthread",
            "--threads",
            str(THREADS),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.read() == b"ok":
                    return server
        except OSError:
            time.sleep(0.3)
    _stop(server)
    raise RuntimeError(f"gunicorn did not answer /healthz within 60 s; see {log}")


def _stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _server_errors(log: Path) -> int:
    text = log.read_text(errors="replace")
    return text.count("Traceback (most recent call last)") + text.count("WORKER TIMEOUT")


def _table(ceiling: dict, mix: dict, writes: dict, screens: dict) -> None:
    print(
        "\n  step       users   req/s    p50    p95    p99  fails  app ms/req  db ms/req"
        "  others' cores"
    )
    rows = [("ceiling", ceiling)] + [("ramp", s) for s in mix["steps"]]
    rows += [("calibrate", mix["at80_calibration"]), ("at 80 %", mix["at80"])]
    for label, w in rows:
        print(
            f"  {label:<9} {w['users']:>6} {w['requests_per_second']:>7} {w['p50_ms'] or '-':>6}"
            f" {w['p95_ms'] or '-':>6} {w['p99_ms'] or '-':>6} {w['failures']:>6}"
            f" {w['app_cpu_ms_per_request']:>11} {w['database_cpu_ms_per_request']:>10}"
            f" {w['other_processes_cpu_cores']:>14}"
        )
    print("\n  at 80 %: endpoint              requests  median    p95   mean")
    for name, e in sorted(mix["at80"]["endpoints"].items(), key=lambda x: -x[1]["requests"]):
        print(
            f"  {name:<30} {e['requests']:>8} {round(e['median_ms']):>7}"
            f" {e['p95_ms'] or '-':>6} {e['mean_ms']:>6}"
        )
    print(f"\n  writes: {json.dumps(writes['by_kind'])}")
    print("\n  one request each, in-process, after the run: screen   queries     ms     KB")
    for name, row in screens.items():
        if "queries" in row:
            print(f"  {name:<45} {row['queries']:>7} {row['ms']:>6} {row['kilobytes']:>6}")


@benchmark("surge", "deadline surge: the realistic mix under gunicorn, against /healthz")
def run(options: Options) -> dict:
    # A smoke run (CI) and a full run on the same machine must not share a database.
    suffix = "_smoke" if options.smoke else ""
    url = os.environ.get("SURGE_DATABASE_URL", SURGE_DATABASE_URL + suffix)
    work = BENCH_DIR / f"surge{suffix}"
    work.mkdir(parents=True, exist_ok=True)
    with _exclusive(BENCH_DIR / f"surge{suffix}.lock"):
        return _surge(options, url, work)


def _surge(options: Options, url: str, work: Path) -> dict:
    settings = SMOKE if options.smoke else FULL
    for old in work.iterdir():
        old.unlink()
    run_id = time.strftime("%H%M%S")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DATABASE_CONN_MAX_AGE": str(CONN_MAX_AGE),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "SURGE_PLAN": str(work / "plan.json"),
        "SURGE_WRITES": str(work / "writes.jsonl"),
        "SURGE_RUN": run_id,
        "SURGE_PACING": str(settings["pacing_seconds"]),
    }
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    _recreate(url)
    _python("manage.py", "migrate", "--noinput", "-v", "0", env=env, timeout=300)
    employees = str(settings["employees"])
    _python("manage.py", "load_demo", "--employees", employees, env=env, timeout=300)
    _python(
        *("-m", "bench.surge_data", "prepare", "--employees", employees),
        *("--out", env["SURGE_PLAN"]),
        env=env,
        timeout=600,
    )
    # What autovacuum does soon after a bulk load; without it the planner guesses
    # from empty tables and the SKP page runs three times slower.
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("ANALYZE")
    _static_collected(env)
    setup_seconds = time.perf_counter() - started
    plan = json.loads(Path(env["SURGE_PLAN"]).read_text())
    pools = {k: len(plan[k]) for k in ("employees", "reporters", "assessors", "leaders")}
    # Every virtual user needs a login of its own: stay within the smallest pool's share
    # (the users' weights in bench/locustfile_surge.py: 3, 3, 3 and 1).
    shares = {"employees": 0.3, "reporters": 0.3, "assessors": 0.3, "leaders": 0.1}
    settings = {
        **settings,
        "max_users": min(settings["max_users"], *(int(pools[k] / shares[k]) for k in pools)),
    }
    (work / "settings.json").write_text(json.dumps(settings))

    port = _free_port()
    log = work / "gunicorn.log"
    server = _serve(env, port, log)
    try:
        _python(
            *("-m", "bench.surge_load", "--host", f"http://127.0.0.1:{port}"),
            *("--settings", str(work / "settings.json"), "--out", str(work / "load.json")),
            *("--server-pid", str(server.pid), "--database", url.rsplit("/", 1)[1]),
            env=env,
            timeout=900,
        )
    finally:
        _stop(server)
    _python(
        *("-m", "bench.surge_data", "verify", "--writes", env["SURGE_WRITES"]),
        *("--out", str(work / "verify.json")),
        env=env,
        timeout=300,
    )
    _python(
        *("-m", "bench.surge_data", "profile", "--plan", env["SURGE_PLAN"]),
        *("--out", str(work / "profile.json")),
        env={**env, "ALLOWED_HOSTS": "testserver"},
        timeout=300,
    )
    load = json.loads((work / "load.json").read_text())
    writes = json.loads((work / "verify.json").read_text())
    screens = json.loads((work / "profile.json").read_text())
    ceiling, mix = load["ceiling"], load["mix"]
    peak, at80 = mix["peak"], mix["at80"]
    ratio = peak["requests_per_second"] / ceiling["requests_per_second"]
    errors = at80["failures"]
    (work / "result.json").write_text(
        json.dumps(
            {
                "plan": {k: plan[k] for k in plan if k not in pools},
                **load,
                "writes": writes,
                "screens": screens,
            }
        )
    )
    _table(ceiling, mix, writes, screens)
    figures = {
        "employees": plan["employees_in_agency"],
        "skp_statuses": plan["skp_statuses"],
        "logins": pools,
        "server": f"gunicorn {WORKERS} workers x {THREADS} threads (gthread), "
        f"CONN_MAX_AGE {CONN_MAX_AGE} s",
        "pacing_seconds": settings["pacing_seconds"],
        "setup_seconds": round(setup_seconds, 1),
        "ceiling_requests_per_second": ceiling["requests_per_second"],
        "ceiling_app_cpu_ms_per_request": ceiling["app_cpu_ms_per_request"],
        "peak_requests_per_second": peak["requests_per_second"],
        "peak_users": peak["users"],
        "peak_vs_ceiling": round(ratio, 3),
        "at80_users": at80["users"],
        "at80_requests_per_second": at80["requests_per_second"],
        "at80_share_of_peak": round(at80["requests_per_second"] / peak["requests_per_second"], 2),
        "at80_windows_measured": mix["at80_attempts"],
        "at80_p50_ms": at80["p50_ms"],
        "at80_p95_ms": at80["p95_ms"],
        "at80_p99_ms": at80["p99_ms"],
        "at80_errors": errors,
        "errors_all_phases": ceiling["failures"]
        + sum(s["failures"] for s in mix["steps"])
        + errors,
        "server_errors_logged": _server_errors(log),
        "mix_app_cpu_ms_per_request": at80["app_cpu_ms_per_request"],
        "mix_database_cpu_ms_per_request": at80["database_cpu_ms_per_request"],
        "machine_cpu_busy_percent_at80": at80["machine_cpu_busy_percent"],
        "other_processes_cpu_cores_at80": at80["other_processes_cpu_cores"],
        "load_generator_cpu_percent_at80": at80["load_generator_cpu_percent"],
        "writes_attempted": writes["attempted"],
        "writes_succeeded": writes["succeeded"],
        "writes_in_database": writes["in_database"],
        "load_average_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "meets_ratio_goal": ratio >= GOALS["ratio"],
        "meets_p95_goal": (at80["p95_ms"] or 0) <= GOALS["p95_ms"],
        "meets_error_goal": errors == 0,
        "meets_write_goal": writes["in_database"] == writes["succeeded"],
        "details": str((work / "result.json").relative_to(ROOT)),
    }
    if options.smoke:
        # Speed is not judged on tiny sizes, correctness is: CI fails on these.
        assert figures["errors_all_phases"] == 0, "requests failed; see " + figures["details"]
        assert figures["server_errors_logged"] == 0, f"server errors; see {log}"
        assert writes["succeeded"] > 0, "no write succeeded"
        assert figures["meets_write_goal"], f"confirmed writes missing: {writes['missing_sample']}"
    return figures
