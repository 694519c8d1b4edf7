"""The deadline surge's load phases, driven through locust's Python API.

Run by ``bench/surge.py`` in its own process (locust patches the standard library for
gevent when imported)::

    python -m bench.surge_load --host URL --settings phases.json --out result.json

1. ceiling: ``HealthzUser`` without pauses against the same server;
2. ramp: the realistic mix (``EmployeeUser``, ``ReporterUser``, ``AssessorUser``,
   ``LeaderUser``), each virtual user running one task every ``SURGE_PACING`` seconds,
   doubling the users step by step until throughput stops growing; the best step is
   the peak;
3. at 80 %: as many users as offer 80 % of the peak's requests per second (from the
   requests per user of the first, unsaturated step, corrected once after a short
   calibration window), measured for longer; measured again (a bounded number of
   times) when other processes took more than a quarter of a core meanwhile, keeping
   the quietest window.

Statistics are reset after each step's spawning and settling, so logins and warm-up
are not in the figures. Each window also records the CPU time the server spent per
request (gunicorn's workers, and the PostgreSQL backends serving the surge database),
how busy the machine's processors were and the CPU the load generator itself used: on
a small shared machine the generator and other work compete with the server, while CPU
per request hardly depends on them.
"""

import locust  # noqa: F401, I001 -- first: locust patches the standard library for gevent

import argparse
import json
import logging
import sys
import time
from pathlib import Path

import gevent
import psutil
from locust import User
from locust.env import Environment

from bench.locustfile_surge import (
    AssessorUser,
    EmployeeUser,
    HealthzUser,
    LeaderUser,
    ReporterUser,
)

MIX: list[type[User]] = [EmployeeUser, ReporterUser, AssessorUser, LeaderUser]
GROWTH = 1.05  # a step must add 5 % of requests per second to count as growth
# A window is quiet when other processes used at most this many cores meanwhile.
QUIET_CORES = 0.25
MAX_CORRECTION = 1.25  # the calibration changes the 80 % users by at most this factor
# Stopped users finish their task first, so a write's answer is seen and recorded.
STOP_TIMEOUT = 30


def _percentiles(entry) -> dict:
    if not entry.num_requests:
        return {"p50_ms": None, "p95_ms": None, "p99_ms": None}
    return {
        "p50_ms": entry.get_response_time_percentile(0.5),
        "p95_ms": entry.get_response_time_percentile(0.95),
        "p99_ms": entry.get_response_time_percentile(0.99),
    }


def _busy_seconds(before, after) -> float:
    """CPU seconds all processors spent on anything but idling between two samples."""
    idle = ("idle", "iowait")
    return sum(
        getattr(after, name) - getattr(before, name)
        for name in after._fields
        if name not in idle and name not in ("guest", "guest_nice")
    )


def _cpu_seconds(processes: dict[int, psutil.Process]) -> dict[int, float]:
    seconds = {}
    for pid, process in processes.items():
        try:
            seconds[pid] = sum(process.cpu_times()[:2])
        except psutil.Error:
            continue
    return seconds


class ServerCpu:
    """CPU seconds of gunicorn's workers and of the database's backends."""

    def __init__(self, master_pid: int, database: str):
        self.master = psutil.Process(master_pid)
        self.database = database

    def processes(self) -> dict[str, dict[int, psutil.Process]]:
        backends = {}
        for process in psutil.process_iter(["cmdline"]):
            command = " ".join(process.info["cmdline"] or [])
            if command.startswith("postgres:") and f" {self.database} " in command:
                backends[process.pid] = process
        workers = {p.pid: p for p in self.master.children()}
        return {"app": workers, "database": backends}

    def sample(self) -> dict[str, dict[int, float]]:
        return {kind: _cpu_seconds(found) for kind, found in self.processes().items()}

    @staticmethod
    def spent(before: dict, after: dict) -> dict[str, float]:
        # A process started inside the window counts from zero.
        return {
            kind: sum(seconds - before[kind].get(pid, 0.0) for pid, seconds in after[kind].items())
            for kind in after
        }


def window(
    env: Environment,
    users: int,
    *,
    spawn_rate: float,
    settle: float,
    seconds: float,
    server: ServerCpu,
):
    """Run ``users`` users, wait until they are spawned and settled, then measure."""
    runner = env.runner
    runner.start(users, spawn_rate=spawn_rate)
    runner.spawning_greenlet.join()
    gevent.sleep(settle)
    env.stats.reset_all()
    runner.exceptions.clear()
    me = psutil.Process()
    client_cpu = sum(me.cpu_times()[:2])
    server_before = server.sample()
    machine_before = psutil.cpu_times()
    started = time.monotonic()
    gevent.sleep(seconds)
    elapsed = time.monotonic() - started
    machine_busy = _busy_seconds(machine_before, psutil.cpu_times())
    client_cpu = sum(me.cpu_times()[:2]) - client_cpu
    server_cpu = ServerCpu.spent(server_before, server.sample())
    others = machine_busy - client_cpu - server_cpu["app"] - server_cpu["database"]
    total = env.stats.total
    per_request = max(total.num_requests, 1)
    endpoints = {
        name: {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "median_ms": entry.median_response_time,
            "p95_ms": entry.get_response_time_percentile(0.95) if entry.num_requests else None,
            "mean_ms": round(entry.avg_response_time, 1),
        }
        for (name, _method), entry in sorted(env.stats.entries.items())
    }
    return {
        "users": runner.user_count,
        "seconds": round(elapsed, 1),
        "requests": total.num_requests,
        "requests_per_second": round(total.num_requests / elapsed, 1),
        **_percentiles(total),
        "failures": total.num_failures,
        "errors": [
            {"name": e.name, "error": str(e.error)[:300], "occurrences": e.occurrences}
            for e in env.stats.errors.values()
        ][:10]
        + [{"exception": x["msg"][:300], "count": x["count"]} for x in runner.exceptions.values()],
        "app_cpu_ms_per_request": round(1000 * server_cpu["app"] / per_request, 2),
        "database_cpu_ms_per_request": round(1000 * server_cpu["database"] / per_request, 2),
        "machine_cpu_busy_percent": round(
            100 * machine_busy / elapsed / (psutil.cpu_count() or 1), 1
        ),
        # Cores used by everything else on the machine meanwhile (other people's work).
        "other_processes_cpu_cores": round(max(others, 0) / elapsed, 2),
        "load_generator_cpu_percent": round(100 * client_cpu / elapsed, 1),
        "endpoints": endpoints,
    }


def ceiling(host: str, settings: dict, server: ServerCpu) -> dict:
    env = Environment(user_classes=[HealthzUser], host=host, stop_timeout=STOP_TIMEOUT)
    runner = env.create_local_runner()
    try:
        users = settings["ceiling_users"]
        return window(
            env,
            users,
            spawn_rate=users,
            settle=1,
            seconds=settings["ceiling_seconds"],
            server=server,
        )
    finally:
        runner.quit()


def mix(host: str, settings: dict, server: ServerCpu) -> dict:
    env = Environment(user_classes=MIX, host=host, stop_timeout=STOP_TIMEOUT)
    runner = env.create_local_runner()
    try:
        steps = []
        users = settings["first_users"]
        deadline = time.monotonic() + settings["ramp_budget_seconds"]
        while True:
            step = window(
                env,
                users,
                spawn_rate=settings["spawn_rate"],
                settle=settings["settle_seconds"],
                seconds=settings["step_seconds"],
                server=server,
            )
            steps.append(step)
            best = max(s["requests_per_second"] for s in steps)
            grew = step["requests_per_second"] >= GROWTH * max(
                [s["requests_per_second"] for s in steps[:-1]] or [0]
            )
            bigger = users * 2
            if (
                not grew
                or bigger > settings["max_users"]
                or len(steps) >= settings["max_steps"]
                or time.monotonic() > deadline
            ):
                break
            users = bigger
        peak = next(s for s in steps if s["requests_per_second"] == best)
        # The first step's requests per user; on a machine so busy that its users had
        # not started answering yet (a tiny smoke step), the peak's.
        per_user = steps[0]["requests_per_second"] / steps[0]["users"] or (
            peak["requests_per_second"] / max(peak["users"], 1)
        )
        target = 0.8 * peak["requests_per_second"]
        users = round(target / per_user) if per_user else max(1, round(0.8 * peak["users"]))
        # Requests per user fall a little as answers slow down and reviews run out: one
        # short calibration, trusted only when nothing else took the processors.
        calibration = window(
            env,
            max(1, min(settings["max_users"], users)),
            spawn_rate=settings["spawn_rate"],
            settle=settings["settle_seconds"],
            seconds=settings["calibrate_seconds"],
            server=server,
        )
        achieved = calibration["requests_per_second"]
        if achieved and calibration["other_processes_cpu_cores"] <= QUIET_CORES:
            factor = min(max(target / achieved, 1 / MAX_CORRECTION), MAX_CORRECTION)
            users = round(calibration["users"] * factor)
        # On a shared machine, measure again while others take the processors.
        attempts = []
        for _attempt in range(settings["measure_attempts"]):
            attempts.append(
                window(
                    env,
                    max(1, min(settings["max_users"], users)),
                    spawn_rate=settings["spawn_rate"],
                    settle=settings["settle_seconds"],
                    seconds=settings["measure_seconds"],
                    server=server,
                )
            )
            if attempts[-1]["other_processes_cpu_cores"] <= QUIET_CORES:
                break
        at80 = min(attempts, key=lambda w: w["other_processes_cpu_cores"])
        return {
            "steps": steps,
            "peak": peak,
            "requests_per_user_second": round(per_user, 3),
            "at80_target_requests_per_second": round(target, 1),
            "at80_calibration": calibration,
            "at80_attempts": len(attempts),
            "at80": at80,
        }
    finally:
        runner.quit()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.surge_load")
    parser.add_argument("--host", required=True)
    parser.add_argument("--settings", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--server-pid", type=int, required=True, help="gunicorn's master")
    parser.add_argument("--database", required=True, help="the surge database's name")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = json.loads(args.settings.read_text())
    server = ServerCpu(args.server_pid, args.database)
    result = {"ceiling": ceiling(args.host, settings, server)}
    result["mix"] = mix(args.host, settings, server)
    args.out.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
