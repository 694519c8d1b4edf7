"""Tables for download as CSV or XLSX: the one writer behind every export.

It lives in ``core`` so that every layer can export with it (``appraisal``'s activity log
and credit points, ``reporting``'s compliance lists). CSV is produced line by line, so a
long list can be streamed in constant memory; XLSX uses openpyxl's write-only mode,
which streams rows to the file instead of keeping a cell object per value.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TITLE_MAX = 31  # Excel refuses longer sheet names


class _Echo:
    """A file that hands back what is written to it, for ``csv.writer``."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Iterable[Any] | None, rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """The table as CSV text, one line at a time (for ``StreamingHttpResponse``, or
    joined for a small file)."""
    writer = csv.writer(_Echo())
    if header is not None:
        yield writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)


def xlsx_bytes(title: str, header: Iterable[Any] | None, rows: Iterable[Iterable[Any]]) -> bytes:
    """The table as a one-sheet XLSX workbook, with a bold header row.

    Text is written as text: characters a workbook cannot hold are dropped, and a value
    starting with "=" stays typed text instead of becoming a formula that would run in
    the reader's spreadsheet."""
    # Slow imports, paid only when exporting.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:SHEET_TITLE_MAX])

    def cell(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if not value.startswith("="):
            return value
        typed = WriteOnlyCell(sheet, value=value)
        typed.data_type = "s"
        return typed

    if header is not None:
        bold = Font(bold=True)
        cells = []
        for title_text in header:
            heading = WriteOnlyCell(sheet, value=title_text)
            heading.font = bold
            cells.append(heading)
        sheet.append(cells)
    for row in rows:
        sheet.append([cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
