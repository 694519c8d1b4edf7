"""Import of units (UNOR), positions (jabatan) and employees (pegawai) from CSV and XLSX
files with SIASN-like columns (docs/import.md).

The pipeline is read → check → plan → write. ``import_check`` stops after the plan (the
dry run); ``import_apply`` repeats the check inside one transaction against what the
database holds at that moment and writes only when there is no error at all, so a bad
file changes nothing. Re-importing updates units and positions by code and employees
by NIP instead of duplicating them.
"""

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction

from kinerja.core.services import log_action
from kinerja.org.importing.checking import Checker
from kinerja.org.importing.columns import COLUMNS, RecordKind
from kinerja.org.importing.messages import RowError
from kinerja.org.importing.planning import make_plan
from kinerja.org.importing.reading import Source, looks_like, read_sources
from kinerja.org.importing.state import load_state
from kinerja.org.importing.writing import write_plan
from kinerja.org.models import Agency

__all__ = [
    "COLUMNS",
    "ImportReport",
    "RecordKind",
    "RowError",
    "Source",
    "import_apply",
    "import_check",
    "looks_like",
]

Progress = Callable[[int], None]


@dataclass
class ImportReport:
    """The outcome of a dry run or an import. ``counts`` and ``samples`` are filled
    only when there is no error; ``applied`` tells whether anything was written."""

    errors: list[RowError] = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    samples: dict = field(default_factory=dict)
    applied: bool = False
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def _nothing(_percent: int) -> None:
    """The default progress callback: nobody is watching."""


@contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """Pause Python's cycle collector while rows are read, checked and written. The
    rows make no reference cycles, but at 100,000 rows their millions of objects set
    it off again and again, each time walking everything alive: a third of the
    import's Python time. Reference counting still frees everything as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _nips(sheets) -> list[str]:
    nips = []
    for sheet in sheets:
        if sheet.kind == RecordKind.EMPLOYEES:
            index = sheet.columns["NIP"]
            nips.extend(str(v[index]).strip() for _n, v in sheet.rows if index < len(v))
    return nips


def _check(agency: Agency, sheets, report: ImportReport, progress: Progress):
    started = time.perf_counter()
    state = load_state(agency, _nips(sheets))
    progress(30)
    checker = Checker(state)
    checked = checker.check(sheets)
    report.errors.extend(checker.errors)
    if not report.errors and not any(sheet.rows for sheet in sheets):
        report.errors.append(RowError("", None, "", "nothing"))
    plan = make_plan(checked, state, report.errors)
    # In the order a person reads the files: sheet by sheet, row by row (stable, so the
    # columns of one row keep their order).
    order = {sheet.label: index for index, sheet in enumerate(sheets)}
    report.errors.sort(key=lambda error: (order.get(error.sheet, -1), error.row or 0))
    report.seconds["check"] = time.perf_counter() - started
    if not report.errors:
        report.counts, report.samples = plan.counts(), plan.samples()
    return plan


def _read(sources: list[Source], report: ImportReport):
    started = time.perf_counter()
    sheets, errors = read_sources(sources)
    report.errors.extend(errors)
    report.seconds["read"] = time.perf_counter() - started
    return sheets


def import_check(
    *, agency: Agency, sources: list[Source], progress: Progress = _nothing
) -> ImportReport:
    """The dry run: every error, or what an import would create and update."""
    report = ImportReport()
    with _without_cycle_collector():
        sheets = _read(sources, report)
        progress(20)
        _check(agency, sheets, report, progress)
    progress(100)
    return report


def import_apply(
    *, agency: Agency, sources: list[Source], actor=None, progress: Progress = _nothing
) -> ImportReport:
    """Check and write in one transaction; on any error write nothing."""
    report = ImportReport()
    with _without_cycle_collector():
        _apply(agency, sources, actor, progress, report)
    if report.applied:
        progress(100)
    return report


def _apply(
    agency: Agency, sources: list[Source], actor, progress: Progress, report: ImportReport
) -> None:
    sheets = _read(sources, report)
    progress(20)
    with transaction.atomic():
        plan = _check(agency, sheets, report, progress)
        if report.errors:
            return
        progress(50)
        started = time.perf_counter()
        write_plan(plan, agency, progress)
        log_action(
            actor=actor,
            action="org.import",
            obj=agency,
            after=report.counts,
            reason=", ".join(source.name for source in sources),
        )
        report.seconds["write"] = time.perf_counter() - started
        report.applied = True
        started = time.perf_counter()
    # Deferred foreign-key checks run at the commit, so it is a phase of its own.
    report.seconds["commit"] = time.perf_counter() - started
