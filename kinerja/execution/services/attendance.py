"""Import of attendance and discipline summaries per reporting window (issue 4 item 12):
input the assessor reads beside the behaviour rating, never a score.

All or nothing: every row is checked first (the NIP belongs to the agency, the window
to the chosen period, the numbers are whole, not negative and add up); if any row is
wrong, nothing is written and the report lists every problem with its row. Otherwise
the rows are upserted set-based (one read, one bulk insert, one bulk update) and each
changed summary gets an activity log entry.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.core.clock import now
from kinerja.core.models import ActivityLog
from kinerja.core.services import log_action
from kinerja.execution.attendance_files import FileProblem, read_rows
from kinerja.execution.models import AttendanceSummary
from kinerja.org.models import Agency, Employee
from kinerja.planning.models import AssessmentPeriod

NUMBER_FIELDS = (
    ("HARI_KERJA", "working_days"),
    ("HARI_HADIR", "present_days"),
    ("TERLAMBAT", "late_count"),
    ("PULANG_CEPAT", "early_leave_count"),
    ("CUTI", "leave_days"),
    ("ALPA", "absent_days"),
)
REQUIRED_NUMBERS = {"HARI_KERJA", "HARI_HADIR"}
FIELDS = [name for _column, name in NUMBER_FIELDS] + ["discipline_note"]
MAX_NOTE = 2000


@dataclass
class AttendanceImportReport:
    errors: list[FileProblem] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged


def _window_lookup(period: AssessmentPeriod) -> dict[str, object]:
    lookup: dict[str, object] = {}
    for window in period.windows.all():
        lookup[str(window.number)] = window
        label = window.label.strip().casefold()
        lookup[label] = window
        # "Triwulan I 2026" may be written without the period's year: "Triwulan I".
        year = f" {period.year}"
        if label.endswith(year):
            lookup[label.removesuffix(year)] = window
    return lookup


def _number(text: str, column: str, row: int, errors: list[FileProblem]) -> int | None:
    if text == "":
        if column in REQUIRED_NUMBERS:
            errors.append(
                FileProblem(row, column, _("%(column)s is required.") % {"column": column})
            )
            return None
        return 0
    try:
        value = int(text)
    except ValueError:
        errors.append(
            FileProblem(
                row,
                column,
                _("%(column)s must be a whole number, not “%(value)s”.")
                % {"column": column, "value": text[:40]},
            )
        )
        return None
    if value < 0:
        errors.append(
            FileProblem(row, column, _("%(column)s cannot be negative.") % {"column": column})
        )
        return None
    return value


def _check_row(number: int, cells: dict[str, str], window, errors: list[FileProblem]):
    values: dict[str, object] = {}
    before = len(errors)
    for column, name in NUMBER_FIELDS:
        values[name] = _number(cells.get(column, ""), column, number, errors)
    if len(errors) > before:
        return None
    working = values["working_days"]
    span = (window.end_date - window.start_date).days + 1
    if working > span:
        errors.append(
            FileProblem(
                number,
                "HARI_KERJA",
                _("%(count)s working days do not fit in %(window)s (%(days)s days).")
                % {"count": working, "window": window.label, "days": span},
            )
        )
    if values["present_days"] > working:
        errors.append(
            FileProblem(number, "HARI_HADIR", _("Days present cannot exceed working days."))
        )
    elif values["present_days"] + values["leave_days"] + values["absent_days"] > working:
        errors.append(
            FileProblem(
                number,
                "CUTI",
                _("Days present, on leave and absent add up to more than the working days."),
            )
        )
    for column, name in (("TERLAMBAT", "late_count"), ("PULANG_CEPAT", "early_leave_count")):
        if values[name] > values["present_days"]:
            errors.append(
                FileProblem(
                    number,
                    column,
                    _("%(column)s cannot exceed the days present.") % {"column": column},
                )
            )
    note = cells.get("CATATAN_DISIPLIN", "")
    if len(note) > MAX_NOTE:
        errors.append(
            FileProblem(
                number,
                "CATATAN_DISIPLIN",
                _("The note is at most %(count)s characters long.") % {"count": MAX_NOTE},
            )
        )
    values["discipline_note"] = note
    return None if len(errors) > before else values


def attendance_check(
    *, agency: Agency, period: AssessmentPeriod, name: str, data: bytes
) -> tuple[list[tuple[int, dict]], list[FileProblem]]:
    """Every row checked: (employee id, window, values) per good row, and the problems."""
    limit = settings.IMPORT_MAX_UPLOAD_BYTES
    if len(data) > limit:
        return [], [
            FileProblem(
                None,
                "",
                _("The file is larger than %(limit)s MB.") % {"limit": limit // (1024 * 1024)},
            )
        ]
    if period.agency_id != agency.pk:
        return [], [FileProblem(None, "", _("This period belongs to another agency."))]
    rows, errors = read_rows(name, data)
    if errors:
        return [], errors
    if not rows:
        return [], [FileProblem(None, "", _("The file has no rows under the header."))]
    nips = {cells.get("NIP", "") for _number, cells in rows}
    employees = dict(Employee.objects.filter(agency=agency, nip__in=nips).values_list("nip", "pk"))
    windows = _window_lookup(period)
    checked = []
    seen: dict[tuple[int, int], int] = {}
    for number, cells in rows:
        nip = cells.get("NIP", "")
        employee_id = employees.get(nip)
        if not nip:
            errors.append(FileProblem(number, "NIP", _("NIP is required.")))
        elif employee_id is None:
            errors.append(
                FileProblem(
                    number, "NIP", _("No employee of this agency has NIP %(nip)s.") % {"nip": nip}
                )
            )
        label = cells.get("PERIODE", "")
        window = windows.get(label.strip().casefold())
        if window is None:
            errors.append(
                FileProblem(
                    number,
                    "PERIODE",
                    _("“%(value)s” is not a reporting window of %(period)s.")
                    % {"value": label[:40], "period": period.year},
                )
            )
            continue
        values = _check_row(number, cells, window, errors)
        if employee_id is None or values is None:
            continue
        key = (employee_id, window.pk)
        if key in seen:
            errors.append(
                FileProblem(
                    number,
                    "NIP",
                    _("NIP %(nip)s and window %(window)s already appear in row %(row)s.")
                    % {"nip": nip, "window": window.label, "row": seen[key]},
                )
            )
            continue
        seen[key] = number
        checked.append((number, {"employee_id": employee_id, "window": window, **values}))
    return checked, errors


@transaction.atomic
def attendance_import(
    *, agency: Agency, period: AssessmentPeriod, name: str, data: bytes, actor
) -> AttendanceImportReport:
    """Check every row; write all of them, or none when any row is wrong."""
    checked, errors = attendance_check(agency=agency, period=period, name=name, data=data)
    report = AttendanceImportReport(errors=errors)
    if errors:
        return report
    source = name[:200]
    keys = {(row["employee_id"], row["window"].pk) for _n, row in checked}
    existing = {
        (s.employee_id, s.window_id): s
        for s in AttendanceSummary.objects.filter(
            window__period=period, employee_id__in={k[0] for k in keys}
        )
    }
    stamp = now()
    new, changed, logs = [], [], []
    for _number, row in checked:
        values = {f: row[f] for f in FIELDS}
        current = existing.get((row["employee_id"], row["window"].pk))
        if current is None:
            summary = AttendanceSummary(
                employee_id=row["employee_id"], window=row["window"], source=source, **values
            )
            new.append(summary)
            logs.append(_log(actor, summary, None, values))
            continue
        before = {n: getattr(current, n) for n in FIELDS if getattr(current, n) != values[n]}
        if not before:
            report.unchanged += 1
            continue
        for n, value in values.items():
            setattr(current, n, value)
        current.source = source
        current.updated_at = stamp
        changed.append(current)
        logs.append(_log(actor, current, before, {n: values[n] for n in before}))
    AttendanceSummary.objects.bulk_create(new, batch_size=1000)
    AttendanceSummary.objects.bulk_update(
        changed, [*FIELDS, "source", "updated_at"], batch_size=1000
    )
    ActivityLog.objects.bulk_create(logs, batch_size=1000)
    report.created, report.updated, report.applied = len(new), len(changed), True
    log_action(
        actor=actor,
        action="execution.attendance_import",
        obj=period,
        after={
            "file": source,
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
        },
    )
    return report


def _log(actor, summary: AttendanceSummary, before, after) -> ActivityLog:
    return ActivityLog(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action="execution.attendance_set",
        object_type=AttendanceSummary._meta.label_lower,
        object_uuid=summary.uuid,
        subject_employee_id=summary.employee_id,
        before=before,
        after={"window": summary.window.number, **after},
    )
