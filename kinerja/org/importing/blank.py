"""The downloadable templates: a CSV per record kind and one XLSX workbook with a sheet
per kind, each with the header and one example row."""

import csv
import io

from kinerja.org.importing.columns import COLUMNS, RecordKind

# Columns that hold digits but are not numbers: a spreadsheet must keep them as text,
# or an 18-digit NIP loses its last digits and a phone number its leading zero.
TEXT_COLUMNS = {"NIP", "NOMOR_HP"}


def template_csv(kind: str) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens it with the right encoding."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.name for column in COLUMNS[kind]])
    writer.writerow([column.example for column in COLUMNS[kind]])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def template_xlsx() -> bytes:
    # Imported here: openpyxl is heavy and only needed for this download.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for kind in RecordKind.ORDER:
        sheet = workbook.create_sheet(RecordKind.SHEET_NAMES[kind])
        columns = COLUMNS[kind]
        sheet.append([column.name for column in columns])
        sheet.append([column.example for column in columns])
        for index, column in enumerate(columns, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.cell(row=1, column=index).font = Font(bold=True)
            sheet.column_dimensions[letter].width = max(len(column.name), 14) + 2
            if column.name in TEXT_COLUMNS:
                for row in range(2, 1002):
                    sheet.cell(row=row, column=index).number_format = "@"
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
