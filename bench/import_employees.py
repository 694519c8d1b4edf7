"""Importing 100,000 employees against PostgreSQL's COPY of the same rows.

The ceiling is COPY of the very CSV file into a plain table with the employee columns
(no indexes, no checks): as fast as PostgreSQL can take those bytes. The import is the
real thing: reading, checking every row (NIP, grade, email, position, dates),
planning, and writing logins, employees and their posts in one transaction.
"""

import csv
import datetime
import io
import os
import statistics
import time

import psycopg

from bench import BENCH_DATABASE_URL, Options, benchmark
from kinerja.regulation.nip import EmploymentType, build_nip

ROWS, SMOKE_ROWS = 100_000, 2_000
UNITS, POSITIONS_PER_UNIT = 50, 10
HEADER = [
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
]
FIRST_NAMES = ["Andi", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko"]
LAST_NAMES = ["Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Kusuma", "Pratama", "Putri"]
PNS_GRADES = ["II/c", "III/a", "III/b", "III/c", "III/d", "IV/a"]
PPPK_GRADES = ["V", "VII", "IX", "X"]


def organisation_csv() -> tuple[bytes, bytes]:
    """Units and positions the employees are placed in (not timed)."""
    units = io.StringIO()
    writer = csv.writer(units)
    writer.writerow(["KODE_UNOR", "NAMA_UNOR", "KODE_UNOR_INDUK", "JENIS_UNOR"])
    writer.writerow(["PEMDA", "Sekretariat Daerah", "", "SEKRETARIAT"])
    for u in range(UNITS):
        writer.writerow([f"U{u:03d}", f"Dinas {u}", "PEMDA", "DINAS"])
    positions = io.StringIO()
    writer = csv.writer(positions)
    writer.writerow(["KODE_JABATAN", "NAMA_JABATAN", "KODE_UNOR", "JENIS_JABATAN", "JENJANG"])
    for u in range(UNITS):
        for p in range(POSITIONS_PER_UNIT):
            kind, level = ("PELAKSANA", "") if p % 2 else ("FUNGSIONAL", "AHLI_PERTAMA")
            writer.writerow([f"J{u:03d}-{p}", f"Jabatan {p} Dinas {u}", f"U{u:03d}", kind, level])
    return units.getvalue().encode(), positions.getvalue().encode()


def employees_csv(count: int) -> bytes:
    """``count`` deterministic, valid employee rows (every NIP unique)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    first_birth = datetime.date(1965, 1, 1)
    for i in range(count):
        birth = first_birth + datetime.timedelta(days=i % 12_000)
        pppk = i % 5 == 4
        nip = build_nip(
            employment_type=EmploymentType.PPPK if pppk else EmploymentType.PNS,
            birth_date=birth,
            appointment_year=birth.year + 23,
            appointment_month=1 + i % 12,
            sex="M" if i % 2 else "F",
            sequence=1 + i // 12_000,
        )
        grade = PPPK_GRADES[i % 4] if pppk else PNS_GRADES[i % 6]
        position = f"J{i % UNITS:03d}-{i % POSITIONS_PER_UNIT}"
        writer.writerow(
            [
                nip,
                f"{FIRST_NAMES[i % 10]} {LAST_NAMES[i % 8]} {i}",
                "dr." if i % 17 == 0 else "",
                "S.E." if i % 3 == 0 else "",
                "PPPK" if pppk else "PNS",
                grade,
                f"pegawai{i}@contoh.go.id",
                f"08{i:010d}",
                position,
                "DEFINITIF",
                f"{1 + i % 28:02d}-{1 + i % 12:02d}-2024",
            ]
        )
    return out.getvalue().encode()


def copy_ceiling(data: bytes, repeats: int = 3) -> float:
    """Median seconds of COPY of the file into a plain table of the employee columns."""
    # The same scratch database the import writes to (``DATABASE_URL``, set by the runner).
    url = os.environ.get("DATABASE_URL", BENCH_DATABASE_URL)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS bench_employee_copy ("
            "nip varchar(18), nama varchar(150), gelar_depan varchar(40),"
            "gelar_belakang varchar(60), jenis_pegawai varchar(4), gol_ruang varchar(5),"
            "email varchar(254), nomor_hp varchar(30), kode_jabatan varchar(40),"
            "jenis_penugasan varchar(12), tmt_jabatan date)"
        )
        connection.execute("SET datestyle = 'ISO, DMY'")
        timings = []
        for _ in range(repeats):
            connection.execute("TRUNCATE bench_employee_copy")
            started = time.perf_counter()
            with connection.cursor().copy(
                "COPY bench_employee_copy FROM STDIN WITH (FORMAT csv, HEADER true)"
            ) as copy:
                copy.write(data)
            timings.append(time.perf_counter() - started)
        connection.execute("DROP TABLE bench_employee_copy")
    return statistics.median(timings)


@benchmark("import_employees", "import 100,000 employee rows vs COPY of the same rows")
def run(options: Options) -> dict:
    from kinerja.org.importing import Source, import_apply, import_check
    from kinerja.org.models import Agency, Employee

    count = SMOKE_ROWS if options.smoke else ROWS
    agency = Agency.objects.create(name="Pemerintah Kabupaten Tolok Impor", code="bench-import")
    units, positions = organisation_csv()
    setup = import_apply(
        agency=agency, sources=[Source("unor.csv", units), Source("jabatan.csv", positions)]
    )
    assert setup.ok, setup.errors[:5]
    data = employees_csv(count)
    sources = [Source("pegawai.csv", data)]

    copy_seconds = copy_ceiling(data)

    started = time.perf_counter()
    dry_run = import_check(agency=agency, sources=sources)
    check_seconds = time.perf_counter() - started
    assert dry_run.ok, [str(e) for e in dry_run.errors[:5]]

    started = time.perf_counter()
    report = import_apply(agency=agency, sources=sources)
    import_seconds = time.perf_counter() - started
    assert report.applied, [str(e) for e in report.errors[:5]]
    assert Employee.objects.filter(agency=agency).count() == count

    started = time.perf_counter()
    again = import_apply(agency=agency, sources=sources)
    reimport_seconds = time.perf_counter() - started
    assert again.counts["employees"]["unchanged"] == count

    return {
        "rows": count,
        "csv_megabytes": round(len(data) / 1e6, 1),
        "copy_seconds": round(copy_seconds, 3),
        "copy_rows_per_second": round(count / copy_seconds),
        "import_seconds": round(import_seconds, 2),
        "import_rows_per_second": round(count / import_seconds),
        "import_phases_seconds": {k: round(v, 2) for k, v in report.seconds.items()},
        "import_vs_copy_speed": round(copy_seconds / import_seconds, 3),
        "dry_run_seconds": round(check_seconds, 2),
        "reimport_unchanged_seconds": round(reimport_seconds, 2),
    }
