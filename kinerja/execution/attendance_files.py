"""Reading an uploaded attendance summary (CSV or XLSX) into raw rows, and the blank
template. The same safeguards as the organisation import (kinerja.org.importing), whose
pieces it uses: the type is told from the content, a workbook's unpacked size is capped,
CSV is UTF-8 with "," or ";", headers and cells are normalised the same way, and the
file-level problems read the same. Nothing here knows what a valid row is."""

import csv
import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kinerja.org.importing import Source, looks_like
from kinerja.org.importing.columns import normalise_header
from kinerja.org.importing.messages import MESSAGES
from kinerja.org.importing.reading import cell_text

MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 50_000

# Documented columns, in template order. PERIODE is the reporting window's number (1–4
# for quarters) or its label ("Triwulan I").
COLUMNS = (
    "NIP",
    "PERIODE",
    "HARI_KERJA",
    "HARI_HADIR",
    "TERLAMBAT",
    "PULANG_CEPAT",
    "CUTI",
    "ALPA",
    "CATATAN_DISIPLIN",
)
REQUIRED = ("NIP", "PERIODE", "HARI_KERJA", "HARI_HADIR")
EXAMPLE = ("198703152010012001", "1", "62", "60", "3", "1", "2", "0", "")


@dataclass(frozen=True)
class FileProblem:
    """A problem with the file as a whole or one row (``row`` None: the whole file)."""

    row: int | None
    column: str
    message: str


def _file_problem(code: str, **params) -> list[FileProblem]:
    """A problem with the whole file, worded as in the organisation import."""
    message = MESSAGES[code] % params if params else str(MESSAGES[code])
    return [FileProblem(None, "", message)]


def read_rows(name: str, data: bytes) -> tuple[list[tuple[int, dict[str, str]]], list[FileProblem]]:
    """The non-blank rows under the header as {column: text}, with their row numbers."""
    kind = looks_like(Source(name, data))
    if kind is None:
        return [], _file_problem("file_type")
    if kind == "csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return [], _file_problem("file_encoding")
        first_line = text.split("\n", 1)[0]
        # Indonesian Excel writes ";" because "," is the decimal separator there.
        delimiter = max((";", ",", "\t"), key=first_line.count)
        rows = enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1)
        return _collect(rows)
    return _read_xlsx(data)


def _read_xlsx(data: bytes):
    # Imported here: openpyxl is heavy and only needed when a workbook arrives.
    import openpyxl

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            return [], _file_problem("file_too_big", limit=MAX_UNPACKED_BYTES // (1024 * 1024))
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # any failure to open means "not a usable workbook"
        return [], _file_problem("file_damaged")
    try:
        worksheet = workbook.worksheets[0]
        return _collect(enumerate(worksheet.iter_rows(values_only=True), start=1))
    finally:
        workbook.close()


def _blank(values) -> bool:
    return all(value is None or not str(value).strip() for value in values)


def _collect(rows) -> tuple[list[tuple[int, dict[str, str]]], list[FileProblem]]:
    for number, values in rows:
        if not _blank(values):
            header_row, header = number, [normalise_header(value) for value in values]
            break
    else:
        return [], [FileProblem(None, "", _("The file is empty."))]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        return [], [
            FileProblem(
                header_row,
                ", ".join(missing),
                _("The header lacks the columns %(columns)s.") % {"columns": ", ".join(missing)},
            )
        ]
    positions = {name: header.index(name) for name in COLUMNS if name in header}
    found: list[tuple[int, dict[str, str]]] = []
    for number, values in rows:
        if _blank(values):
            continue
        if len(found) >= MAX_ROWS:
            return [], [
                FileProblem(None, "", _("At most %(count)s rows per file.") % {"count": MAX_ROWS})
            ]
        cells = list(values)
        found.append(
            (
                number,
                {
                    name: cell_text(cells[index]) if index < len(cells) else ""
                    for name, index in positions.items()
                },
            )
        )
    return found, []


def template_csv() -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens it with the right encoding."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerow(EXAMPLE)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
