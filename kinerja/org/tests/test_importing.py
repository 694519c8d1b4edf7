"""Import of units, positions and employees: good files (CSV, semicolon CSV, XLSX), every
kind of bad row with its exact message, re-import, and nothing written on error."""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import translation

from kinerja.core.models import ActivityLog
from kinerja.org.enums import AssignmentKind, FunctionalLevel, PositionKind, UnitKind
from kinerja.org.importing import Source, import_apply, import_check
from kinerja.org.importing.blank import template_csv, template_xlsx
from kinerja.org.importing.columns import RecordKind
from kinerja.org.models import Assignment, Employee, Position, Unit

UNITS = [
    ["KODE_UNOR", "NAMA_UNOR", "KODE_UNOR_INDUK", "JENIS_UNOR"],
    ["DISDIK", "Dinas Pendidikan", "SETDA", "DINAS"],
    ["SD-1", "SD Negeri 1", "DISDIK", "SEKOLAH"],
]
POSITIONS = [
    [
        "KODE_JABATAN",
        "NAMA_JABATAN",
        "KODE_UNOR",
        "JENIS_JABATAN",
        "JENJANG",
        "KODE_JABATAN_ATASAN",
        "KEPALA_UNOR",
    ],
    ["KADISDIK", "Kepala Dinas Pendidikan", "DISDIK", "JPT_PRATAMA", "", "SEKDA", "Y"],
    ["KASEK-1", "Kepala SD Negeri 1", "SD-1", "FUNGSIONAL", "AHLI_MUDA", "KADISDIK", "Y"],
    ["GURU-1", "Guru SD Negeri 1", "SD-1", "fungsional", "Ahli Pertama", "KASEK-1", ""],
]
EMPLOYEES = [
    [
        "NIP",
        "NAMA",
        "GELAR_DEPAN",
        "GELAR_BELAKANG",
        "JENIS_PEGAWAI",
        "GOL_RUANG",
        "EMAIL",
        "NOMOR_HP",
        "KODE_JABATAN",
        "JENIS_PENUGASAN",
        "TMT_JABATAN",
    ],
    [
        "198503302010011002",
        "Budi Santoso",
        "Dr.",
        "M.Pd.",
        "PNS",
        "IV/b",
        "budi@contoh.go.id",
        "081234567890",
        "KADISDIK",
        "DEFINITIF",
        "02-01-2024",
    ],
    [
        "199012122019032015",
        "Sari Dewi",
        "",
        "S.Pd.",
        "PNS",
        "iii/c",
        "",
        "",
        "GURU-1",
        "",
        "2024-01-02",
    ],
    [
        "198807072023211004",
        "Rudi Hartono",
        "",
        "",
        "PPPK",
        "IX",
        "",
        "",
        "GURU-1",
        "",
        "02/01/2024",
    ],
]
BUDI, SARI, RUDI = "198503302010011002", "199012122019032015", "198807072023211004"


def csv_bytes(rows, delimiter=",", bom=False) -> bytes:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    return (("\ufeff" if bom else "") + text).encode()


def sources(units=UNITS, positions=POSITIONS, employees=EMPLOYEES):
    return [
        Source("unor.csv", csv_bytes(units)),
        Source("jabatan.csv", csv_bytes(positions)),
        Source("pegawai.csv", csv_bytes(employees)),
    ]


def changed(rows, row, column, value):
    """A copy of ``rows`` with one cell replaced (row 1 is the header)."""
    copy = [list(r) for r in rows]
    copy[row - 1][rows[0].index(column)] = value
    return copy


def workbook(**sheets) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def table_counts():
    return {
        model.__name__: model.objects.count()
        for model in (Unit, Position, Employee, Assignment, get_user_model(), ActivityLog)
    }


def report_lines(report):
    with translation.override("en"):
        return [(e.sheet, e.row, e.column, e.message) for e in report.errors]


# --- good files ------------------------------------------------------------------------


def test_import_check_good_files_counts_and_writes_nothing(world):
    before = table_counts()

    report = import_check(agency=world.agency, sources=sources())

    assert report.errors == []
    assert report.counts == {
        "units": {"create": 2, "update": 0, "unchanged": 0},
        "positions": {"create": 3, "update": 0, "unchanged": 0},
        "employees": {"create": 3, "update": 0, "unchanged": 0},
        "assignments": {"start": 3, "end": 0},
        "logins": {"create": 3, "link": 0},
    }
    assert report.samples["units"][0] == {
        "row": 2,
        "key": "DISDIK",
        "name": "Dinas Pendidikan",
        "action": "create",
        "changes": [],
    }
    assert not report.applied
    assert table_counts() == before


def test_import_apply_good_csv_files_creates_everything(world):
    report = import_apply(agency=world.agency, sources=sources(), actor=world.users["hr"])

    assert report.applied
    disdik = Unit.objects.get(agency=world.agency, code="DISDIK")
    school = Unit.objects.get(agency=world.agency, code="SD-1")
    assert (disdik.parent, disdik.kind, disdik.depth) == (world.root, UnitKind.OFFICE, 1)
    assert disdik.path == f"{world.root.path}{disdik.pk}/"
    assert school.path == f"{disdik.path}{school.pk}/"
    assert school.kind == UnitKind.SCHOOL
    kadis = Position.objects.get(agency=world.agency, code="KADISDIK")
    teacher = Position.objects.get(agency=world.agency, code="GURU-1")
    assert (kadis.unit, kadis.reports_to, kadis.is_unit_head) == (
        disdik,
        world.positions["sekda"],
        True,
    )
    assert (teacher.kind, teacher.level, teacher.is_unit_head) == (
        PositionKind.FUNGSIONAL,
        FunctionalLevel.AHLI_PERTAMA,
        False,
    )
    assert teacher.reports_to.code == "KASEK-1"
    budi = Employee.objects.get(nip=BUDI)
    assert (budi.full_name, budi.grade, budi.email, budi.phone) == (
        "Dr. Budi Santoso, M.Pd.",
        "IV/b",
        "budi@contoh.go.id",
        "081234567890",
    )
    assert (budi.sex, budi.birth_date, budi.agency) == (
        "M",
        datetime.date(1985, 3, 30),
        world.agency,
    )
    assert budi.user.username == BUDI
    assert not budi.user.has_usable_password()
    assert Employee.objects.get(nip=SARI).grade == "III/c"
    rudi = Employee.objects.get(nip=RUDI)
    assert (rudi.employment_type, rudi.grade, rudi.sex) == ("PPPK", "IX", "M")
    assignment = budi.assignments.get()
    assert (assignment.position, assignment.kind, assignment.start_date, assignment.end_date) == (
        kadis,
        AssignmentKind.DEFINITIVE,
        datetime.date(2024, 1, 2),
        None,
    )
    assert Assignment.objects.filter(position=teacher).count() == 2
    log = ActivityLog.objects.get(action="org.import")
    assert log.actor == world.users["hr"]
    assert log.after["employees"] == {"create": 3, "update": 0, "unchanged": 0}
    assert log.reason == "unor.csv, jabatan.csv, pegawai.csv"


def test_import_apply_semicolon_csv_with_bom(world):
    files = [
        Source("unor.csv", csv_bytes(UNITS, ";", bom=True)),
        Source("jabatan.csv", csv_bytes(POSITIONS, ";", bom=True)),
        Source("pegawai.csv", csv_bytes(EMPLOYEES, ";", bom=True)),
    ]

    report = import_apply(agency=world.agency, sources=files)

    assert report.applied, report_lines(report)
    assert Employee.objects.filter(nip__in=[BUDI, SARI, RUDI]).count() == 3


def test_import_apply_xlsx_workbook_with_three_sheets(world):
    employees = [list(row) for row in EMPLOYEES]
    employees[1][10] = datetime.date(2024, 1, 2)  # a real date cell
    data = workbook(UNOR=UNITS, JABATAN=POSITIONS, PEGAWAI=employees)

    report = import_apply(agency=world.agency, sources=[Source("data.xlsx", data)])

    assert report.applied, report_lines(report)
    assert report.counts["employees"]["create"] == 3
    assert Employee.objects.get(nip=BUDI).assignments.get().start_date == datetime.date(2024, 1, 2)


def test_import_apply_separate_xlsx_and_csv_files(world):
    files = [
        Source("unor.xlsx", workbook(Sheet1=UNITS)),
        Source("jabatan.csv", csv_bytes(POSITIONS)),
        Source("pegawai.xlsx", workbook(Data=EMPLOYEES)),
    ]

    report = import_apply(agency=world.agency, sources=files)

    assert report.applied, report_lines(report)


def test_import_templates_import_cleanly_into_a_prepared_agency(world):
    # The example rows refer to SETDA/KADIS/SEKDA, which the world already has.
    files = [Source(f"{kind}.csv", template_csv(kind)) for kind in RecordKind.ORDER]

    assert import_check(agency=world.agency, sources=files).errors == []
    xlsx = import_check(agency=world.agency, sources=[Source("t.xlsx", template_xlsx())])
    assert xlsx.errors == []
    assert xlsx.counts["employees"]["create"] == 1


# --- re-import -------------------------------------------------------------------------


def test_import_reimport_same_files_changes_nothing(world):
    import_apply(agency=world.agency, sources=sources())
    before = table_counts()

    report = import_apply(agency=world.agency, sources=sources())

    assert report.counts == {
        "units": {"create": 0, "update": 0, "unchanged": 2},
        "positions": {"create": 0, "update": 0, "unchanged": 3},
        "employees": {"create": 0, "update": 0, "unchanged": 3},
        "assignments": {"start": 0, "end": 0},
        "logins": {"create": 0, "link": 0},
    }
    assert table_counts() == {**before, "ActivityLog": before["ActivityLog"] + 1}


def test_import_reimport_updates_by_nip_and_code(world):
    import_apply(agency=world.agency, sources=sources())
    units = changed(UNITS, 3, "KODE_UNOR_INDUK", "DINKES")
    positions = changed(POSITIONS, 4, "NAMA_JABATAN", "Guru Kelas SD Negeri 1")
    employees = changed(EMPLOYEES, 3, "NAMA", "Sari Dewi Lestari")
    employees = changed(employees, 3, "KODE_JABATAN", "KASEK-1")
    employees = changed(employees, 3, "TMT_JABATAN", "01-07-2025")
    employees = [row[:7] for row in employees]  # no NOMOR_HP … TMT: keep what is stored
    employees[0] += ["KODE_JABATAN", "TMT_JABATAN"]
    employees[2] += ["KASEK-1", "01-07-2025"]
    employees[1] += ["KADISDIK", "02-01-2024"]
    employees[3] += ["GURU-1", "02-01-2024"]

    report = import_apply(agency=world.agency, sources=sources(units, positions, employees))

    assert report.counts == {
        "units": {"create": 0, "update": 1, "unchanged": 1},
        "positions": {"create": 0, "update": 1, "unchanged": 2},
        "employees": {"create": 0, "update": 1, "unchanged": 2},
        "assignments": {"start": 1, "end": 1},
        "logins": {"create": 0, "link": 0},
    }
    school = Unit.objects.get(agency=world.agency, code="SD-1")
    assert school.parent == world.health
    assert school.path == f"{world.health.path}{school.pk}/"
    assert school.depth == world.health.depth + 1
    assert Position.objects.get(code="GURU-1").name == "Guru Kelas SD Negeri 1"
    sari = Employee.objects.get(nip=SARI)
    assert sari.name == "Sari Dewi Lestari"
    assert Employee.objects.filter(nip=SARI).count() == 1
    assert Employee.objects.get(nip=BUDI).phone == "081234567890"  # column absent: kept
    history = list(
        sari.assignments.order_by("start_date").values_list("position__code", "end_date")
    )
    assert history == [("GURU-1", datetime.date(2025, 6, 30)), ("KASEK-1", None)]


def test_import_acting_row_adds_plt_beside_the_definitive_post(world):
    employees = [*EMPLOYEES, [*EMPLOYEES[2][:8], "KASEK-1", "PLT", "01-02-2024"]]

    report = import_apply(agency=world.agency, sources=sources(employees=employees))

    assert report.applied, report_lines(report)
    held = set(
        Employee.objects.get(nip=SARI).assignments.values_list("position__code", "kind", "end_date")
    )
    assert held == {
        ("GURU-1", AssignmentKind.DEFINITIVE, None),
        ("KASEK-1", AssignmentKind.PLT, None),
    }


def test_import_links_an_existing_login_with_the_nip_as_username(world):
    user = get_user_model().objects.create_user(username=BUDI, password="x-Pa55word-x")

    report = import_apply(agency=world.agency, sources=sources())

    assert report.counts["logins"] == {"create": 2, "link": 1}
    assert Employee.objects.get(nip=BUDI).user == user


# --- bad rows --------------------------------------------------------------------------

ALLOWED_UNIT_KINDS = "SEKRETARIAT, DINAS, BADAN, BIDANG, BAGIAN, SEKSI, SUBBAGIAN, SUBBIDANG, "
ALLOWED_UNIT_KINDS += "PUSKESMAS, SEKOLAH, UPT, LAINNYA"

BAD_ROWS = [
    # units
    ("units", 2, "NAMA_UNOR", "", "unor.csv", "A value is required."),
    (
        "units",
        2,
        "JENIS_UNOR",
        "KANTOR",
        "unor.csv",
        f"“KANTOR” is not allowed; use one of: {ALLOWED_UNIT_KINDS}.",
    ),
    (
        "units",
        2,
        "KODE_UNOR_INDUK",
        "XYZ",
        "unor.csv",
        "No unit has the code “XYZ” in this file or in the agency.",
    ),
    ("units", 3, "KODE_UNOR", "DISDIK", "unor.csv", "“DISDIK” already appears in unor.csv row 2."),
    (
        "units",
        2,
        "NAMA_UNOR",
        "D" * 201,
        "unor.csv",
        "At most 200 characters are allowed; this value has 201.",
    ),
    # positions
    (
        "positions",
        2,
        "JENIS_JABATAN",
        "ESELON_II",
        "jabatan.csv",
        "“ESELON_II” is not allowed; use one of: JPT_UTAMA, JPT_MADYA, JPT_PRATAMA, "
        "ADMINISTRATOR, PENGAWAS, PELAKSANA, FUNGSIONAL.",
    ),
    (
        "positions",
        3,
        "JENJANG",
        "",
        "jabatan.csv",
        "A functional position needs a level (JENJANG).",
    ),
    (
        "positions",
        2,
        "JENJANG",
        "AHLI_MUDA",
        "jabatan.csv",
        "Only functional positions have a level (JENJANG); leave it empty.",
    ),
    (
        "positions",
        2,
        "KODE_UNOR",
        "NOPE",
        "jabatan.csv",
        "No unit has the code “NOPE” in this file or in the agency.",
    ),
    (
        "positions",
        2,
        "KODE_JABATAN_ATASAN",
        "BOSS",
        "jabatan.csv",
        "No position has the code “BOSS” in this file or in the agency.",
    ),
    (
        "positions",
        2,
        "KEPALA_UNOR",
        "MAYBE",
        "jabatan.csv",
        "“MAYBE” is not allowed; use one of: Y, YA, 1, TRUE, N, TIDAK, 0, FALSE.",
    ),
    (
        "positions",
        4,
        "KODE_JABATAN",
        "KASEK-1",
        "jabatan.csv",
        "“KASEK-1” already appears in jabatan.csv row 3.",
    ),
    # employees
    ("employees", 2, "NIP", "19850330201001100", "pegawai.csv", "A NIP has exactly 18 digits."),
    ("employees", 2, "NIP", "19850330201001100X", "pegawai.csv", "A NIP contains digits only."),
    (
        "employees",
        2,
        "NIP",
        "198513302010011002",
        "pegawai.csv",
        "The first 8 digits must be a real birth date (yyyymmdd).",
    ),
    (
        "employees",
        2,
        "NIP",
        "198503302010013002",
        "pegawai.csv",
        "Digit 15 must be 1 (male) or 2 (female).",
    ),
    (
        "employees",
        2,
        "NIP",
        "1.98503E+17",
        "pegawai.csv",
        "The NIP was stored as a number and lost digits; format the column as text and type "
        "the NIP again.",
    ),
    ("employees", 2, "NAMA", "", "pegawai.csv", "A value is required."),
    (
        "employees",
        2,
        "JENIS_PEGAWAI",
        "HONORER",
        "pegawai.csv",
        "“HONORER” is not allowed; use one of: PNS, PPPK.",
    ),
    ("employees", 4, "GOL_RUANG", "IV/b", "pegawai.csv", "IV/b is not a grade of PPPK."),
    ("employees", 2, "GOL_RUANG", "V/a", "pegawai.csv", "V/a is not a grade of PNS."),
    ("employees", 2, "EMAIL", "budi@", "pegawai.csv", "Enter a valid email address."),
    (
        "employees",
        2,
        "KODE_JABATAN",
        "NOPE",
        "pegawai.csv",
        "No position has the code “NOPE” in this file or in the agency.",
    ),
    (
        "employees",
        2,
        "JENIS_PENUGASAN",
        "TETAP",
        "pegawai.csv",
        "“TETAP” is not allowed; use one of: DEFINITIF, PLT, PLH.",
    ),
    (
        "employees",
        2,
        "TMT_JABATAN",
        "31-02-2024",
        "pegawai.csv",
        "“31-02-2024” is not a date; write dd-mm-yyyy or yyyy-mm-dd.",
    ),
    ("employees", 2, "TMT_JABATAN", "", "pegawai.csv", "A value is required."),
    (
        "employees",
        3,
        "NIP",
        BUDI,
        "pegawai.csv",
        f"“{BUDI}” already appears in pegawai.csv row 2.",
    ),
]


@pytest.mark.parametrize("case", BAD_ROWS, ids=lambda case: f"{case[2]}={case[3][:20]!r}")
def test_import_bad_row_is_reported_precisely_and_nothing_is_written(world, case):
    kind, row, column, value, sheet, message = case
    tables = {"units": UNITS, "positions": POSITIONS, "employees": EMPLOYEES}
    tables[kind] = changed(tables[kind], row, column, value)
    before = table_counts()

    report = import_apply(agency=world.agency, sources=sources(**tables))

    assert (sheet, row, column, message) in report_lines(report)
    assert not report.applied
    assert table_counts() == before


def test_import_units_in_a_circle_are_reported_on_each_row(world):
    units = changed(UNITS, 2, "KODE_UNOR_INDUK", "SD-1")

    report = import_check(agency=world.agency, sources=sources(units=units))

    assert report_lines(report) == [
        (
            "unor.csv",
            2,
            "KODE_UNOR_INDUK",
            "The parent units go round in a circle: DISDIK → SD-1 → DISDIK.",
        ),
        (
            "unor.csv",
            3,
            "KODE_UNOR_INDUK",
            "The parent units go round in a circle: SD-1 → DISDIK → SD-1.",
        ),
    ]


def test_import_moving_a_stored_unit_below_its_own_child_is_a_circle(world):
    units = [UNITS[0], ["SETDA", "Sekretariat Daerah", "DINKES", "SEKRETARIAT"]]

    report = import_check(agency=world.agency, sources=[Source("unor.csv", csv_bytes(units))])

    assert report_lines(report) == [
        (
            "unor.csv",
            2,
            "KODE_UNOR_INDUK",
            "The parent units go round in a circle: SETDA → DINKES → SETDA.",
        )
    ]


def test_import_reporting_line_in_a_circle_is_reported(world):
    positions = changed(POSITIONS, 2, "KODE_JABATAN_ATASAN", "GURU-1")

    report = import_check(agency=world.agency, sources=sources(positions=positions))

    assert report_lines(report)[0] == (
        "jabatan.csv",
        2,
        "KODE_JABATAN_ATASAN",
        "The reporting line goes round in a circle: KADISDIK → GURU-1 → KASEK-1 → KADISDIK.",
    )
    assert len(report.errors) == 3


def test_import_nip_of_another_agency_is_refused(world):
    nip = world.other_employee.nip
    employees = changed(EMPLOYEES, 2, "NIP", nip)
    before = table_counts()

    report = import_apply(agency=world.agency, sources=sources(employees=employees))

    assert report_lines(report) == [
        ("pegawai.csv", 2, "NIP", "This NIP belongs to an employee of another agency.")
    ]
    assert table_counts() == before
    assert Employee.objects.get(nip=nip).name == "Joko Lain"


def test_import_second_row_of_a_nip_must_agree_with_the_first(world):
    employees = [*EMPLOYEES, ["199012122019032015", "Sari D.", "", "S.Pd.", "PNS", "III/c", "", ""]]
    employees[-1] += ["KASEK-1", "PLT", "01-02-2024"]

    report = import_check(agency=world.agency, sources=sources(employees=employees))

    assert report_lines(report) == [
        ("pegawai.csv", 5, "NAMA", "Differs from pegawai.csv row 3 of the same NIP.")
    ]


def test_import_tmt_before_the_current_post_is_refused(world):
    import_apply(agency=world.agency, sources=sources())
    employees = changed(EMPLOYEES, 2, "KODE_JABATAN", "KASEK-1")
    employees = changed(employees, 2, "TMT_JABATAN", "01-01-2023")

    report = import_check(agency=world.agency, sources=sources(employees=employees))

    assert report_lines(report) == [
        (
            "pegawai.csv",
            2,
            "TMT_JABATAN",
            "The TMT is before the start of the employee's current definitive post (02-01-2024).",
        )
    ]


def test_import_new_definitive_post_on_the_same_day_is_refused(world):
    import_apply(agency=world.agency, sources=sources())
    employees = changed(EMPLOYEES, 2, "KODE_JABATAN", "KASEK-1")

    report = import_check(agency=world.agency, sources=sources(employees=employees))

    assert report_lines(report) == [
        (
            "pegawai.csv",
            2,
            "TMT_JABATAN",
            "The employee already starts another definitive post on that date.",
        )
    ]


# --- bad files -------------------------------------------------------------------------


def test_import_file_that_is_neither_csv_nor_xlsx_is_refused(world):
    report = import_check(agency=world.agency, sources=[Source("foto.png", b"\x89PNG\r\n\x1a\n")])

    assert report_lines(report) == [
        ("foto.png", None, "", "This is neither a CSV file nor an XLSX workbook.")
    ]


def test_import_csv_that_is_not_utf8_is_refused(world):
    data = "KODE_UNOR,NAMA_UNOR,JENIS_UNOR\nX,Dinas Pariwisata é,DINAS\n".encode("cp1252")

    report = import_check(agency=world.agency, sources=[Source("unor.csv", data)])

    assert report_lines(report) == [
        (
            "unor.csv",
            None,
            "",
            "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (comma delimited)”.",
        )
    ]


def test_import_damaged_workbook_is_refused(world):
    report = import_check(agency=world.agency, sources=[Source("x.xlsx", b"PK\x03\x04broken")])

    assert report_lines(report) == [
        ("x.xlsx", None, "", "The workbook cannot be read: it is damaged or not an XLSX file.")
    ]


def test_import_sheet_of_unknown_kind_and_missing_column_are_reported(world):
    files = [
        Source("lain.csv", csv_bytes([["A", "B"], ["1", "2"]])),
        Source("pegawai.csv", csv_bytes([["NIP", "NAMA"], [BUDI, "Budi"]])),
    ]

    report = import_check(agency=world.agency, sources=files)

    assert report_lines(report) == [
        (
            "lain.csv",
            1,
            "",
            "Cannot tell what this sheet holds: units need the column NAMA_UNOR, positions "
            "NAMA_JABATAN and employees NIP.",
        ),
        ("pegawai.csv", 1, "JENIS_PEGAWAI", "This required column is missing."),
    ]


def test_import_nip_stored_as_a_number_in_a_workbook_is_explained(world):
    rows = [EMPLOYEES[0], [198503302010011002, *EMPLOYEES[1][1:8], "KADIS", "", "02-01-2024"]]

    report = import_check(
        agency=world.agency, sources=[Source("pegawai.xlsx", workbook(PEGAWAI=rows))]
    )

    assert [line[:3] for line in report_lines(report)] == [("pegawai.xlsx / PEGAWAI", 2, "NIP")]
    assert report.errors[0].code == "nip_number"


def test_import_empty_files_report_nothing_to_import(world):
    report = import_check(agency=world.agency, sources=[Source("unor.csv", csv_bytes([UNITS[0]]))])

    assert report_lines(report) == [("", None, "", "The files contain no rows to import.")]


# --- management command ----------------------------------------------------------------


def write_files(tmp_path, **tables):
    paths = []
    for name, rows in tables.items():
        path = tmp_path / f"{name}.csv"
        path.write_bytes(csv_bytes(rows))
        paths.append(str(path))
    return paths


def test_import_org_command_dry_run_reports_and_writes_nothing(world, tmp_path, capsys):
    files = write_files(tmp_path, unor=UNITS, jabatan=POSITIONS, pegawai=EMPLOYEES)
    before = table_counts()

    with translation.override("en"):
        call_command("import_org", "--agency", "kota-contoh", "--dry-run", *files)

    out = capsys.readouterr().out
    assert "Employees: 3 new, 0 updated, 0 unchanged" in out
    assert "Dry run: nothing was written." in out
    assert table_counts() == before


def test_import_org_command_imports(world, tmp_path, capsys):
    files = write_files(tmp_path, unor=UNITS, jabatan=POSITIONS, pegawai=EMPLOYEES)

    with translation.override("en"):
        call_command("import_org", "--agency", "kota-contoh", *files)

    assert "Imported." in capsys.readouterr().out
    assert Employee.objects.filter(nip__in=[BUDI, SARI, RUDI]).count() == 3


def test_import_org_command_prints_the_row_report_and_fails(world, tmp_path, capsys):
    employees = changed(EMPLOYEES, 3, "GOL_RUANG", "V/a")
    files = write_files(tmp_path, unor=UNITS, jabatan=POSITIONS, pegawai=employees)
    before = table_counts()

    with translation.override("en"), pytest.raises(CommandError, match="1 error"):
        call_command("import_org", "--agency", "kota-contoh", *files)

    assert "pegawai.csv\t3\tGOL_RUANG\tV/a is not a grade of PNS." in capsys.readouterr().out
    assert table_counts() == before


def test_import_without_parent_and_reports_to_columns_keeps_the_tree(world):
    units = [["KODE_UNOR", "NAMA_UNOR", "JENIS_UNOR"], ["DINKES", "Dinas Kesehatan Kota", "DINAS"]]
    positions = [
        ["KODE_JABATAN", "NAMA_JABATAN", "KODE_UNOR", "JENIS_JABATAN"],
        ["KADIS", "Kepala Dinas Kesehatan Kota", "DINKES", "JPT_PRATAMA"],
    ]
    files = [Source("unor.csv", csv_bytes(units)), Source("jabatan.csv", csv_bytes(positions))]

    report = import_apply(agency=world.agency, sources=files)

    assert report.counts["units"] == {"create": 0, "update": 1, "unchanged": 0}
    world.health.refresh_from_db()
    kadis = Position.objects.get(pk=world.positions["kadis"].pk)
    assert (world.health.name, world.health.parent, world.health.path) == (
        "Dinas Kesehatan Kota",
        world.root,
        f"{world.root.path}{world.health.pk}/",
    )
    assert (kadis.name, kadis.reports_to, kadis.is_unit_head) == (
        "Kepala Dinas Kesehatan Kota",
        world.positions["sekda"],
        True,
    )
