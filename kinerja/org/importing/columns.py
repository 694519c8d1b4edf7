"""The import columns (SIASN-like names) and their vocabularies.

One table per record kind drives the reader, the validator, the downloadable templates
and docs/import.md, so the four can never disagree about a column.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from kinerja.org.enums import AssignmentKind, FunctionalLevel, PositionKind, UnitKind


class RecordKind:
    """The three kinds of rows an import can hold, with the sheet name of the template."""

    UNITS = "units"
    POSITIONS = "positions"
    EMPLOYEES = "employees"
    ORDER = (UNITS, POSITIONS, EMPLOYEES)
    SHEET_NAMES = {UNITS: "UNOR", POSITIONS: "JABATAN", EMPLOYEES: "PEGAWAI"}
    LABELS = {UNITS: _("Units"), POSITIONS: _("Positions"), EMPLOYEES: _("Employees")}


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    meaning: str
    allowed: str
    example: str


UNIT_KINDS = {
    "SEKRETARIAT": UnitKind.SECRETARIAT,
    "DINAS": UnitKind.OFFICE,
    "BADAN": UnitKind.BOARD,
    "BIDANG": UnitKind.DIVISION,
    "BAGIAN": UnitKind.DIVISION,
    "SEKSI": UnitKind.SECTION,
    "SUBBAGIAN": UnitKind.SECTION,
    "SUBBIDANG": UnitKind.SECTION,
    "PUSKESMAS": UnitKind.HEALTH_CENTRE,
    "SEKOLAH": UnitKind.SCHOOL,
    "UPT": UnitKind.SERVICE,
    "LAINNYA": UnitKind.OTHER,
}
POSITION_KINDS = {kind.name: kind.value for kind in PositionKind}
LEVELS = {level.name: level.value for level in FunctionalLevel}
ASSIGNMENT_KINDS = {
    "DEFINITIF": AssignmentKind.DEFINITIVE,
    "PLT": AssignmentKind.PLT,
    "PLH": AssignmentKind.PLH,
}
EMPLOYMENT_TYPES = {"PNS": "PNS", "PPPK": "PPPK"}
FLAGS = {
    "Y": True,
    "YA": True,
    "1": True,
    "TRUE": True,
    "N": False,
    "TIDAK": False,
    "0": False,
    "FALSE": False,
}


def allowed_list(vocabulary: dict) -> str:
    return ", ".join(vocabulary)


UNIT_COLUMNS = (
    Column("KODE_UNOR", True, _("Code of the unit, unique in the agency."), "", "DINKES"),
    Column("NAMA_UNOR", True, _("Name of the unit."), "", "Dinas Kesehatan"),
    Column(
        "KODE_UNOR_INDUK",
        False,
        _("Code of the parent unit (in this file or already in Kinerja); empty for the top."),
        "",
        "SETDA",
    ),
    Column("JENIS_UNOR", True, _("Kind of unit."), allowed_list(UNIT_KINDS), "DINAS"),
    Column("ALAMAT", False, _("Address of the unit."), "", "Jl. Merdeka No. 1"),
)

POSITION_COLUMNS = (
    Column("KODE_JABATAN", True, _("Code of the position, unique in the agency."), "", "KADIS"),
    Column("NAMA_JABATAN", True, _("Name of the position."), "", "Kepala Dinas Kesehatan"),
    Column(
        "KODE_UNOR",
        True,
        _("Code of the unit the position belongs to (in this file or already in Kinerja)."),
        "",
        "DINKES",
    ),
    Column(
        "JENIS_JABATAN", True, _("Kind of position."), allowed_list(POSITION_KINDS), "JPT_PRATAMA"
    ),
    Column(
        "JENJANG",
        False,
        _("Level of a functional position; required for FUNGSIONAL, empty for other kinds."),
        allowed_list(LEVELS),
        "",
    ),
    Column(
        "KODE_JABATAN_ATASAN",
        False,
        _("Code of the position this one reports to; empty only for the top official."),
        "",
        "SEKDA",
    ),
    Column(
        "KEPALA_UNOR",
        False,
        _("Whether the holder heads the unit (e.g. head of a school); empty means no."),
        "Y, N",
        "Y",
    ),
)

EMPLOYEE_COLUMNS = (
    Column(
        "NIP",
        True,
        _("The 18-digit NIP or NI PPPK; it identifies the employee, so a re-import updates."),
        "",
        "198503302010011002",
    ),
    Column("NAMA", True, _("Name without academic titles."), "", "Budi Santoso"),
    Column("GELAR_DEPAN", False, _("Academic title before the name."), "", "dr."),
    Column("GELAR_BELAKANG", False, _("Academic titles after the name."), "", "M.Kes."),
    Column("JENIS_PEGAWAI", True, _("Employment type."), allowed_list(EMPLOYMENT_TYPES), "PNS"),
    Column(
        "GOL_RUANG",
        False,
        _("Grade (golongan/ruang) that fits the employment type."),
        _("PNS: I/a … IV/e; PPPK: I … XVII"),
        "IV/b",
    ),
    Column("EMAIL", False, _("Email address for notifications."), "", "budi@contoh.go.id"),
    Column("NOMOR_HP", False, _("Mobile phone number."), "", "081234567890"),
    Column(
        "KODE_JABATAN",
        False,
        _("Code of the position held (in this file or already in Kinerja)."),
        "",
        "KADIS",
    ),
    Column(
        "JENIS_PENUGASAN",
        False,
        _("How the position is held; empty means DEFINITIF."),
        allowed_list(ASSIGNMENT_KINDS),
        "DEFINITIF",
    ),
    Column(
        "TMT_JABATAN",
        False,
        _("Date the assignment takes effect; required with KODE_JABATAN."),
        _("dd-mm-yyyy or yyyy-mm-dd"),
        "02-01-2024",
    ),
)

COLUMNS = {
    RecordKind.UNITS: UNIT_COLUMNS,
    RecordKind.POSITIONS: POSITION_COLUMNS,
    RecordKind.EMPLOYEES: EMPLOYEE_COLUMNS,
}

# Other names for the same column, as found in SIASN and BKD exports.
ALIASES = {
    "NIP_BARU": "NIP",
    "GOLONGAN": "GOL_RUANG",
    "GOL": "GOL_RUANG",
    "NO_HP": "NOMOR_HP",
    "HP": "NOMOR_HP",
    "UNOR_INDUK": "KODE_UNOR_INDUK",
    "TMT": "TMT_JABATAN",
}

# The columns that tell which kind a sheet holds; checked in this order, because an
# employees sheet may also carry unit and position codes.
SIGNATURES = (
    (RecordKind.EMPLOYEES, "NIP"),
    (RecordKind.POSITIONS, "NAMA_JABATAN"),
    (RecordKind.UNITS, "NAMA_UNOR"),
)


def normalise_header(value: object) -> str:
    """ "Nomor HP " → "NOMOR_HP"; aliases map to the documented name."""
    name = "_".join(str(value or "").strip().upper().replace("-", " ").split())
    return ALIASES.get(name, name)


def normalise_choice(value: str) -> str:
    """ "jpt pratama" → "JPT_PRATAMA", so users may type labels as they say them."""
    return "_".join(value.strip().upper().replace("-", " ").split())
