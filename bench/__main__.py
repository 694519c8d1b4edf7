"""The benchmark runner; see bench/__init__.py."""

import argparse
import datetime
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

import psycopg

from bench import BENCH_DATABASE_URL, MODULES, REGISTRY, Options

RESULTS = Path(__file__).resolve().parent.parent / "var" / "bench" / "results.json"


def fresh_database(url: str) -> None:
    """Drop and recreate the scratch database, then migrate it."""
    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def machine(url: str) -> dict:
    memory_kb = 0
    with open("/proc/meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    with psycopg.connect(url) as connection:
        database = connection.execute("SELECT version()").fetchone()[0]
    return {
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "cpu": _cpu_model(),
        "python": platform.python_version(),
        "database": database.split(" on ")[0],
    }


def _cpu_model() -> str:
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, to check it runs")
    args = parser.parse_args(argv)
    for module in MODULES:
        importlib.import_module(module)
    names = args.names or list(REGISTRY)
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(REGISTRY)}")

    url = os.environ.setdefault("DATABASE_URL", BENCH_DATABASE_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    fresh_database(url)
    about = machine(url)
    print(
        "Machine: {cores} cores, {memory_gib} GiB, {cpu}; Python {python}; {database}; "
        "load average {load_average_1min}".format(**about)
    )

    results = {}
    for name in names:
        description, function = REGISTRY[name]
        print(f"\n== {name}: {description}")
        started = time.perf_counter()
        figures = function(Options(smoke=args.smoke))
        figures["wall_seconds"] = round(time.perf_counter() - started, 2)
        results[name] = figures
        width = max(len(key) for key in figures)
        for key, value in figures.items():
            print(f"  {key:<{width}}  {value}")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    stored = json.loads(RESULTS.read_text()) if RESULTS.exists() else {"results": {}}
    for name, figures in results.items():
        # A smoke run is kept apart, so it never replaces a real measurement.
        stored["results"][f"{name} (smoke)" if args.smoke else name] = {
            "figures": figures,
            "smoke": args.smoke,
            "at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "command": "python -m bench " + " ".join(argv),
            "machine": about,
        }
    RESULTS.write_text(json.dumps(stored, indent=2, ensure_ascii=False) + "\n")
    print(f"\nWritten to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
