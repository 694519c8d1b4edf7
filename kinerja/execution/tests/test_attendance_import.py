import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.core.models import ActivityLog
from kinerja.execution.attendance_files import COLUMNS, template_csv
from kinerja.execution.models import AttendanceSummary
from kinerja.execution.services.attendance import attendance_import

HEADER = ",".join(COLUMNS)


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def row(nip, window="1", working=60, present=58, late=2, early=1, leave=2, absent=0, note=""):
    return f"{nip},{window},{working},{present},{late},{early},{leave},{absent},{note}"


def run(fw, data: bytes, name="kehadiran.csv"):
    return attendance_import(
        agency=fw.world.agency,
        period=fw.period,
        name=name,
        data=data,
        actor=fw.world.users["hr"],
    )


def test_import_creates_then_updates_set_based(fw):
    staff, peer = fw.world.staff, fw.world.peer
    report = run(fw, csv_bytes(row(staff.nip), row(peer.nip, "Triwulan II", note="Teguran lisan")))
    assert report.ok and (report.created, report.updated) == (2, 0)
    second = fw.period.windows.get(number=2)
    assert AttendanceSummary.objects.get(employee=peer).window == second
    assert AttendanceSummary.objects.get(employee=peer).discipline_note == "Teguran lisan"
    report = run(
        fw, csv_bytes(row(staff.nip, present=55), row(peer.nip, "2", note="Teguran lisan"))
    )
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert AttendanceSummary.objects.get(employee=staff).present_days == 55
    entries = ActivityLog.objects.filter(action="execution.attendance_set")
    assert entries.count() == 3
    assert entries.filter(before={"present_days": 58}).count() == 1


def test_import_xlsx(fw):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(COLUMNS))
    sheet.append([fw.world.staff.nip, 1, 60, 60, 0, 0, 0, 0, None])
    out = io.BytesIO()
    workbook.save(out)
    report = run(fw, out.getvalue(), name="kehadiran.xlsx")
    assert report.ok, report.errors
    assert AttendanceSummary.objects.get().present_days == 60


def test_import_semicolon_csv(fw):
    data = csv_bytes(row(fw.world.staff.nip).replace(",", ";"), header=HEADER.replace(",", ";"))
    assert run(fw, data).ok


@pytest.mark.parametrize(
    ("bad", "column"),
    [
        (lambda w: row("199001012020121001"), "NIP"),
        (lambda w: row(w.other_employee.nip), "NIP"),
        (lambda w: row(w.staff.nip, present=-1), "HARI_HADIR"),
        (lambda w: row(w.staff.nip, working=50, present=51), "HARI_HADIR"),
        (lambda w: row(w.staff.nip, present="lima"), "HARI_HADIR"),
        (lambda w: row(w.staff.nip, working="6.5"), "HARI_KERJA"),
        (lambda w: row(w.staff.nip, working=200, present=10), "HARI_KERJA"),
        (lambda w: row(w.staff.nip, window="9"), "PERIODE"),
        (lambda w: row(w.staff.nip, present=50, leave=10, absent=5), "CUTI"),
        (lambda w: row(w.staff.nip, present=5, late=6), "TERLAMBAT"),
        (lambda w: row(w.staff.nip, working=""), "HARI_KERJA"),
    ],
)
def test_import_bad_row_writes_nothing(fw, bad, column):
    good = row(fw.world.peer.nip)
    report = run(fw, csv_bytes(good, bad(fw.world)))
    assert not report.ok and not report.applied
    assert [(e.row, e.column) for e in report.errors] == [(3, column)]
    assert not AttendanceSummary.objects.exists()
    assert not ActivityLog.objects.filter(action__startswith="execution.attendance").exists()


def test_import_duplicate_rows_refused(fw):
    report = run(fw, csv_bytes(row(fw.world.staff.nip), row(fw.world.staff.nip, "Triwulan I")))
    assert [(e.row, e.column) for e in report.errors] == [(3, "NIP")]
    assert not AttendanceSummary.objects.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("kehadiran.csv", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"),
        ("kehadiran.exe", b"NIP,PERIODE\n1,1\n"),
        ("kehadiran.xlsx", b"PK\x03\x04 not really a workbook"),
        ("kehadiran.csv", "NIP,PERIODE,HARI_KERJA,HARI_HADIR\n".encode("utf-16")),
        ("kehadiran.csv", b"NAMA,UMUR\nBudi,40\n"),
        ("kehadiran.csv", b""),
        ("kehadiran.csv", HEADER.encode() + b"\n"),
    ],
)
def test_import_bad_file_refused(fw, name, data):
    report = run(fw, data, name=name)
    assert not report.ok
    assert report.errors[0].row in {None, 1}
    assert not AttendanceSummary.objects.exists()


def test_import_oversized_refused(fw, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 100
    report = run(fw, csv_bytes(*[row(fw.world.staff.nip)] * 10))
    assert not report.ok and report.errors[0].row is None
    assert not AttendanceSummary.objects.exists()


def test_template_csv_parses_header(fw):
    text = template_csv().decode("utf-8-sig")
    assert text.splitlines()[0] == HEADER


# --- the page --------------------------------------------------------------------------


def _upload(data: bytes, name="kehadiran.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_attendance_page_import_by_hr(client, fw):
    client.force_login(fw.world.users["hr"])
    url = reverse("execution:attendance")
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"period": fw.period.pk, "file": _upload(csv_bytes(row(fw.world.staff.nip)))}
    )
    assert response.status_code == 200
    assert b'id="import-result"' in response.content
    assert AttendanceSummary.objects.count() == 1


def test_attendance_page_shows_row_errors(client, fw):
    client.force_login(fw.world.users["hr"])
    response = client.post(
        reverse("execution:attendance"),
        {"period": fw.period.pk, "file": _upload(csv_bytes(row("123"), row("456")))},
    )
    assert response.status_code == 400
    assert response.content.count(b'class="import-error"') == 2
    assert not AttendanceSummary.objects.exists()


def test_attendance_page_oversized_upload_refused(client, fw, settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 50
    client.force_login(fw.world.users["hr"])
    response = client.post(
        reverse("execution:attendance"),
        {"period": fw.period.pk, "file": _upload(csv_bytes(row(fw.world.staff.nip)))},
    )
    assert response.status_code == 200
    assert b"invalid-feedback" in response.content
    assert not AttendanceSummary.objects.exists()


@pytest.mark.parametrize("who", ["staff", "section_head", "leader", "other_hr"])
def test_attendance_page_denied_and_nothing_changes(client, fw, who):
    client.force_login(fw.world.users[who])
    url = reverse("execution:attendance")
    response = client.post(
        url, {"period": fw.period.pk, "file": _upload(csv_bytes(row(fw.world.staff.nip)))}
    )
    assert response.status_code in {403, 200}
    assert not AttendanceSummary.objects.exists()
    if who != "other_hr":
        assert response.status_code == 403
        assert client.get(reverse("execution:attendance_template")).status_code == 403


def test_attendance_template_download(client, fw):
    client.force_login(fw.world.users["hr"])
    response = client.get(reverse("execution:attendance_template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")


def test_attendance_import_query_count_constant(fw, world):
    from kinerja.org.tests.factories import AssignmentFactory, EmployeeFactory

    few = csv_bytes(row(world.staff.nip))
    with CaptureQueriesContext(connection) as small:
        assert run(fw, few).ok
    AttendanceSummary.objects.all().delete()
    people = [world.staff]
    for _ in range(12):
        person = EmployeeFactory(agency=world.agency)
        AssignmentFactory(employee=person, position=world.positions["peer"])
        people.append(person)
    with CaptureQueriesContext(connection) as large:
        assert run(fw, csv_bytes(*[row(p.nip) for p in people])).ok
    assert AttendanceSummary.objects.count() == 13
    assert len(large) == len(small)


def test_import_workbook_too_large_unpacked_refused(fw, monkeypatch):
    from openpyxl import Workbook

    from kinerja.execution import attendance_files

    workbook = Workbook()
    workbook.active.append(list(COLUMNS))
    workbook.active.append([fw.world.staff.nip, 1, 60, 60, 0, 0, 0, 0, "x" * 5000])
    out = io.BytesIO()
    workbook.save(out)
    monkeypatch.setattr(attendance_files, "MAX_UNPACKED_BYTES", 1000)
    report = run(fw, out.getvalue(), name="kehadiran.xlsx")
    assert not report.ok and report.errors[0].row is None
    assert not AttendanceSummary.objects.exists()


def test_attendance_page_query_count_constant(client, fw):
    client.force_login(fw.world.users["hr"])
    url = reverse("execution:attendance")
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    assert run(
        fw,
        csv_bytes(
            *[row(p.nip, str(n)) for p in [fw.world.staff, fw.world.peer] for n in (1, 2, 3)]
        ),
    ).ok
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
