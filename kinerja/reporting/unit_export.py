"""A unit's SKPs as one XLSX sheet, one row per indicator (HR's "Laporan SKP").

Built with openpyxl's write-only mode, which streams rows to the file instead of holding
a cell object per value: an agency of 10,000 employees exports in seconds.
"""

import io
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kinerja.org.models import Unit
from kinerja.planning.models import AssessmentPeriod, Skp
from kinerja.reporting.selectors import PlanRow, unit_plan_rows, unit_plans

# Column widths in characters, in the order of ``_values``.
WIDTHS = (20, 28, 30, 28, 16, 8, 12, 12, 12, 45, 45, 12, 45, 10, 14)
HEADER_FILL = "DDE4EE"


def _headers() -> list[str]:
    return [
        _("NIP"),
        _("Name"),
        _("Position"),
        _("Unit"),
        _("SKP status"),
        _("Version"),
        _("SKP start"),
        _("SKP end"),
        _("Result kind"),
        _("Planned result (RHK)"),
        _("Supports the superior's result"),
        _("Aspect"),
        _("Indicator (IKI)"),
        _("Target"),
        _("Unit of measure"),
    ]


def _values(row: PlanRow) -> list[Any]:
    skp, result, indicator = row.skp, row.result, row.indicator
    target: Any = ""
    if indicator is not None:
        target = (
            indicator.target_value
            if indicator.target_value is not None
            else (indicator.target_text)
        )
    return [
        skp.employee.nip,
        skp.employee.full_name,
        skp.position.name,
        skp.position.unit.name,
        skp.get_status_display(),
        skp.version,
        skp.start_date,
        skp.end_date,
        result.get_kind_display() if result else "",
        result.text if result else "",
        row.supports,
        indicator.get_aspect_display() if indicator else "",
        indicator.text if indicator else "",
        target,
        indicator.target_unit if indicator else "",
    ]


def unit_skp_xlsx(unit: Unit, period: AssessmentPeriod, queryset: QuerySet[Skp]) -> bytes:
    """The live SKPs among ``queryset`` (what the reader may see) for posts in ``unit``
    and the units below it, in ``period``."""
    # Slow imports, paid only when exporting.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=f"SKP {period.year}")
    sheet.freeze_panes = "A2"
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    wrap = Alignment(wrap_text=True, vertical="center")
    header = []
    for title in _headers():
        cell = WriteOnlyCell(sheet, value=title)
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        header.append(cell)
    sheet.append(header)

    def clean(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith("="):
            # Typed text, never a formula: a result written "=HYPERLINK(…)" must not
            # run in the reader's spreadsheet.
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            return cell
        return value

    rows = 1
    for row in unit_plan_rows(unit_plans(queryset, unit, period)):
        sheet.append([clean(value) for value in _values(row)])
        rows += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(WIDTHS))}{rows}"

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
