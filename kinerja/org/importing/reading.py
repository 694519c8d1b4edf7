"""Turning uploaded files into sheets of raw rows: CSV (UTF-8, comma or semicolon) and
XLSX (every sheet of a workbook). Nothing here knows what a valid row is."""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from kinerja.org.importing.columns import SIGNATURES, normalise_header
from kinerja.org.importing.messages import RowError

XLSX_MAGIC = b"PK\x03\x04"
# A workbook is a zip archive; refusing huge unpacked sizes keeps a small "zip bomb"
# upload from exhausting the worker's memory.
MAX_UNPACKED_BYTES = 400 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """One uploaded file: its name as the user knows it and its bytes."""

    name: str
    data: bytes


@dataclass
class Sheet:
    """The rows of one CSV file or one workbook sheet. ``columns`` maps a documented
    column name to its position; each row is (spreadsheet row number, cell values)."""

    label: str
    kind: str
    columns: dict[str, int]
    rows: list[tuple[int, list]] = field(default_factory=list)


def looks_like(source: Source) -> str | None:
    """ "xlsx", "csv" or None, from the content (never trusting the file name alone)."""
    if source.data.startswith(XLSX_MAGIC):
        return "xlsx" if source.name.lower().endswith(".xlsx") else None
    if not source.name.lower().endswith((".csv", ".txt")) or b"\x00" in source.data[:65536]:
        return None
    return "csv"


def read_sources(sources: list[Source]) -> tuple[list[Sheet], list[RowError]]:
    sheets: list[Sheet] = []
    errors: list[RowError] = []
    for source in sources:
        kind = looks_like(source)
        if kind == "xlsx":
            _read_xlsx(source, sheets, errors)
        elif kind == "csv":
            _read_csv(source, sheets, errors)
        else:
            errors.append(RowError(source.name, None, "", "file_type"))
    return sheets, errors


def _read_csv(source: Source, sheets: list[Sheet], errors: list[RowError]) -> None:
    try:
        text = source.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        errors.append(RowError(source.name, None, "", "file_encoding"))
        return
    first_line = text.split("\n", 1)[0]
    # Indonesian Excel writes ";" because "," is the decimal separator there.
    delimiter = max((";", ",", "\t"), key=first_line.count)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    _collect(source.name, enumerate(rows, start=1), sheets, errors)


def _read_xlsx(source: Source, sheets: list[Sheet], errors: list[RowError]) -> None:
    # Imported here: openpyxl is heavy and only needed when a workbook arrives.
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            limit = MAX_UNPACKED_BYTES // (1024 * 1024)
            errors.append(RowError(source.name, None, "", "file_too_big", {"limit": limit}))
            return
        workbook = openpyxl.load_workbook(io.BytesIO(source.data), read_only=True, data_only=True)
    except Exception:  # any failure to open means "not a usable workbook"
        errors.append(RowError(source.name, None, "", "file_damaged"))
        return
    try:
        for worksheet in workbook.worksheets:
            rows = enumerate(worksheet.iter_rows(values_only=True), start=1)
            _collect(f"{source.name} / {worksheet.title}", rows, sheets, errors)
    finally:
        workbook.close()


def _is_blank(values) -> bool:
    try:
        return not "".join(values).strip()
    except TypeError:  # a workbook row mixes numbers, dates and empty cells
        return all(value is None or not str(value).strip() for value in values)


def _collect(label: str, rows, sheets: list[Sheet], errors: list[RowError]) -> None:
    """Find the header (the first non-blank row), tell the kind, keep the non-blank rows."""
    for number, values in rows:
        if not _is_blank(values):
            header_row, header = number, [normalise_header(value) for value in values]
            break
    else:
        return
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        if not name:
            continue
        if name in columns:
            errors.append(RowError(label, header_row, name, "column_twice"))
        columns.setdefault(name, index)
    kind = next((kind for kind, signature in SIGNATURES if signature in columns), None)
    if kind is None:
        errors.append(RowError(label, header_row, "", "sheet_unknown"))
        return
    sheet = Sheet(label=label, kind=kind, columns=columns)
    for number, values in rows:
        if not _is_blank(values):
            sheet.rows.append((number, values if isinstance(values, list) else list(values)))
    sheets.append(sheet)


def cell_text(value: object) -> str:
    """A cell as stripped text. Whole numbers lose the ".0" a spreadsheet adds."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value).strip()
