"""The import's error report: one entry per problem, with sheet, row, column and reason.

Entries keep a code and parameters rather than text, so a report stored by a background
job is shown in the language of whoever reads it, not of the worker that made it.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from kinerja.org.services import nip_problem_message
from kinerja.regulation.nip import NipProblem

MESSAGES = {
    "file_type": _("This is neither a CSV file nor an XLSX workbook."),
    "file_encoding": _(
        "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (comma delimited)”."
    ),
    "file_damaged": _("The workbook cannot be read: it is damaged or not an XLSX file."),
    "file_too_big": _("The workbook unpacks to more than %(limit)s MB."),
    "sheet_unknown": _(
        "Cannot tell what this sheet holds: units need the column NAMA_UNOR, positions "
        "NAMA_JABATAN and employees NIP."
    ),
    "column_missing": _("This required column is missing."),
    "column_twice": _("This column appears twice."),
    "nothing": _("The files contain no rows to import."),
    "required": _("A value is required."),
    "too_long": _("At most %(limit)s characters are allowed; this value has %(length)s."),
    "choice": _("“%(value)s” is not allowed; use one of: %(allowed)s."),
    "date": _("“%(value)s” is not a date; write dd-mm-yyyy or yyyy-mm-dd."),
    "duplicate": _("“%(value)s” already appears in %(sheet)s row %(row)s."),
    "unit_unknown": _("No unit has the code “%(value)s” in this file or in the agency."),
    "position_unknown": _("No position has the code “%(value)s” in this file or in the agency."),
    "unit_cycle": _("The parent units go round in a circle: %(chain)s."),
    "position_cycle": _("The reporting line goes round in a circle: %(chain)s."),
    "level_required": _("A functional position needs a level (JENJANG)."),
    "level_forbidden": _("Only functional positions have a level (JENJANG); leave it empty."),
    "nip_number": _(
        "The NIP was stored as a number and lost digits; format the column as text and type "
        "the NIP again."
    ),
    "grade": _("%(grade)s is not a grade of %(type)s."),
    "email": _("Enter a valid email address."),
    "other_agency": _("This NIP belongs to an employee of another agency."),
    "login_taken": _("The login %(value)s already belongs to another employee."),
    "differs": _("Differs from %(sheet)s row %(row)s of the same NIP."),
    "same_day": _("The employee already starts another definitive post on that date."),
    "before_current": _(
        "The TMT is before the start of the employee's current definitive post (%(date)s)."
    ),
}


@dataclass(frozen=True)
class RowError:
    """One problem: where (sheet, row, column) and why (a code from ``MESSAGES`` or a
    NIP problem as ``nip.<problem>``). ``row`` is the spreadsheet row number, the
    header being row 1, or None for a problem with a whole file."""

    sheet: str
    row: int | None
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        if self.code.startswith("nip."):
            return nip_problem_message(NipProblem(self.code.removeprefix("nip.")))
        return str(MESSAGES[self.code] % self.params) if self.params else str(MESSAGES[self.code])

    def as_dict(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "code": self.code,
            "params": self.params,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RowError":
        return cls(**data)

    def __str__(self) -> str:
        where = f"{self.sheet}:{self.row}" if self.row else self.sheet
        return (
            f"{where} {self.column} — {self.message}"
            if self.column
            else f"{where} — {self.message}"
        )
