"""Benchmarks: ``python -m bench [names...] [--smoke]`` (``make bench``).

A benchmark is a function registered with ``@benchmark("name")``; it receives the
options and returns a dict of figures (seconds, rows/s, ratios). The runner prepares a
scratch PostgreSQL database, prints a table and merges the results into
var/bench/results.json together with a description of the machine.
"""

from collections.abc import Callable
from dataclasses import dataclass

BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/kinerja_bench"


@dataclass(frozen=True)
class Options:
    smoke: bool


Benchmark = Callable[[Options], dict]
REGISTRY: dict[str, tuple[str, Benchmark]] = {}

# The modules that register benchmarks; add yours here.
MODULES = [
    "bench.import_employees",
    "bench.pdf_documents",
    "bench.evaluation_documents",
    "bench.surge",
    "bench.finalisation",
]


def benchmark(name: str, description: str) -> Callable[[Benchmark], Benchmark]:
    def register(function: Benchmark) -> Benchmark:
        REGISTRY[name] = (description, function)
        return function

    return register
