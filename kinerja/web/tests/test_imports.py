"""The import pages: upload → dry run → confirm → import, the error report, templates,
and who may use them."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from kinerja.org.models import Employee, ImportJob, ImportStatus, Unit
from kinerja.org.tests.test_importing import (
    BUDI,
    EMPLOYEES,
    POSITIONS,
    UNITS,
    changed,
    csv_bytes,
    table_counts,
)


def uploads(units=UNITS, positions=POSITIONS, employees=EMPLOYEES):
    return [
        SimpleUploadedFile("unor.csv", csv_bytes(units), content_type="text/csv"),
        SimpleUploadedFile("jabatan.csv", csv_bytes(positions), content_type="text/csv"),
        SimpleUploadedFile("pegawai.csv", csv_bytes(employees), content_type="text/csv"),
    ]


@pytest.fixture
def hr_client(client, world):
    client.force_login(world.users["hr"])
    client.cookies["django_language"] = "en"  # assertions below use the source strings
    return client


def upload(client, agency, files, capture):
    with capture(execute=True):
        return client.post(reverse("org:import"), {"agency": agency.pk, "files": files})


def test_import_page_shows_the_form_and_templates_to_an_hr_admin(hr_client):
    response = hr_client.get(reverse("org:import"))

    assert response.status_code == 200
    assert reverse("org:import_template", args=["kinerja-impor.xlsx"]) in response.text
    assert 'name="files"' in response.text
    assert "KODE_UNOR_INDUK" in response.text


def test_import_upload_dry_run_then_confirm_imports(
    hr_client, world, django_capture_on_commit_callbacks, settings
):
    response = upload(hr_client, world.agency, uploads(), django_capture_on_commit_callbacks)

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("org:import_job", args=[job.uuid])
    assert (job.status, job.progress, job.created_by) == (
        ImportStatus.READY,
        100,
        world.users["hr"],
    )
    assert job.counts["employees"] == {"create": 3, "update": 0, "unchanged": 0}
    assert not Employee.objects.filter(nip=BUDI).exists()
    stored = [settings.MEDIA_ROOT / f["path"] for f in job.files]
    assert all(path.exists() and "imports" in path.parts for path in stored)

    page = hr_client.get(response["Location"])
    assert "Dry run: no errors." in page.text
    assert "Import now" in page.text

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = hr_client.post(reverse("org:import_confirm", args=[job.uuid]))

    job.refresh_from_db()
    assert confirmed.status_code == 302
    assert job.status == ImportStatus.DONE
    assert job.finished_at is not None
    assert Employee.objects.get(nip=BUDI).agency == world.agency
    assert Unit.objects.filter(agency=world.agency, code="SD-1").exists()
    assert not any(path.exists() for path in stored)
    assert "The import is done." in hr_client.get(response["Location"]).text


def test_import_upload_with_bad_rows_shows_the_report_and_writes_nothing(
    hr_client, world, django_capture_on_commit_callbacks
):
    employees = changed(EMPLOYEES, 3, "GOL_RUANG", "V/a")
    employees = changed(employees, 4, "NIP", "123")
    before = table_counts()

    response = upload(
        hr_client, world.agency, uploads(employees=employees), django_capture_on_commit_callbacks
    )

    job = ImportJob.objects.get()
    assert (job.status, job.error_count) == (ImportStatus.INVALID, 2)
    assert job.files and not job.counts
    page = hr_client.get(response["Location"])
    assert "2 problems found. Nothing was written" in page.text
    assert "V/a is not a grade of PNS." in page.text
    assert "A NIP has exactly 18 digits." in page.text
    assert "Import now" not in page.text
    counts = table_counts()
    assert {k: v for k, v in counts.items() if k != "User"} == {
        k: v for k, v in before.items() if k != "User"
    }
    assert counts["User"] == before["User"]


def test_import_report_reads_in_the_language_of_the_reader(
    hr_client, world, django_capture_on_commit_callbacks
):
    upload(
        hr_client,
        world.agency,
        uploads(employees=changed(EMPLOYEES, 2, "EMAIL", "budi@")),
        django_capture_on_commit_callbacks,
    )
    job = ImportJob.objects.get()

    english = hr_client.get(reverse("org:import_job", args=[job.uuid]))
    hr_client.cookies["django_language"] = "id"
    indonesian = hr_client.get(reverse("org:import_job", args=[job.uuid]))

    with translation.override("id"):
        in_indonesian = translation.gettext("Enter a valid email address.")
    assert in_indonesian != "Enter a valid email address."
    assert "Enter a valid email address." in english.text
    assert in_indonesian in indonesian.text


def test_import_confirm_of_a_job_with_errors_is_refused(
    hr_client, world, django_capture_on_commit_callbacks
):
    upload(
        hr_client,
        world.agency,
        uploads(employees=changed(EMPLOYEES, 2, "NAMA", "")),
        django_capture_on_commit_callbacks,
    )
    job = ImportJob.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        hr_client.post(reverse("org:import_confirm", args=[job.uuid]))

    job.refresh_from_db()
    assert job.status == ImportStatus.INVALID
    assert not Employee.objects.filter(nip=BUDI).exists()


def test_import_progress_partial_for_htmx_polling(hr_client, world):
    job = ImportJob.objects.create(
        agency=world.agency, status=ImportStatus.APPLYING, progress=55, files=[]
    )

    response = hr_client.get(reverse("org:import_job", args=[job.uuid]), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'hx-trigger="every 1s"' in response.text
    assert 'aria-valuenow="55"' in response.text


def test_import_upload_refuses_a_file_that_is_not_csv_or_xlsx(
    hr_client, world, django_capture_on_commit_callbacks
):
    fake = SimpleUploadedFile("pegawai.csv", b"\x00\x01binary\x00", content_type="text/csv")

    response = upload(hr_client, world.agency, [fake], django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert "pegawai.csv is neither a CSV file nor an XLSX workbook." in response.text
    assert not ImportJob.objects.exists()


def test_import_upload_refuses_a_file_over_the_size_limit(
    hr_client, world, django_capture_on_commit_callbacks, settings
):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024 * 1024
    big = SimpleUploadedFile("pegawai.csv", b"NIP,NAMA\n" + b"1,x\n" * 300_000)

    response = upload(hr_client, world.agency, [big], django_capture_on_commit_callbacks)

    assert "pegawai.csv is larger than 1 MB." in response.text
    assert not ImportJob.objects.exists()


def test_import_page_is_refused_to_an_employee(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.users["staff"])
    before = table_counts()

    page = client.get(reverse("org:import"))
    posted = upload(client, world.agency, uploads(), django_capture_on_commit_callbacks)
    template = client.get(reverse("org:import_template", args=["pegawai.csv"]))

    assert (page.status_code, posted.status_code, template.status_code) == (403, 403, 403)
    assert not ImportJob.objects.exists()
    assert table_counts() == before


def test_import_hr_admin_of_another_agency_cannot_import_here(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.users["other_hr"])
    before = table_counts()

    response = upload(client, world.agency, uploads(), django_capture_on_commit_callbacks)

    assert response.status_code == 200  # the form refuses the agency choice
    assert not ImportJob.objects.exists()
    assert table_counts() == before


def test_import_job_of_another_agency_is_hidden(client, world):
    job = ImportJob.objects.create(agency=world.agency, status=ImportStatus.READY, files=[])
    client.force_login(world.users["other_hr"])

    shown = client.get(reverse("org:import_job", args=[job.uuid]))
    confirmed = client.post(reverse("org:import_confirm", args=[job.uuid]))

    job.refresh_from_db()
    assert (shown.status_code, confirmed.status_code) == (404, 404)
    assert job.status == ImportStatus.READY


def test_import_superadmin_chooses_the_agency(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.users["superadmin"])

    page = client.get(reverse("org:import"))
    upload(client, world.other_agency, uploads(), django_capture_on_commit_callbacks)

    assert '<select name="agency"' in page.text
    job = ImportJob.objects.get()
    assert job.agency == world.other_agency
    # SETDA exists in the other agency too, but SEKDA (a position) does not.
    assert job.status == ImportStatus.INVALID


def test_import_templates_download(hr_client):
    csv_response = hr_client.get(reverse("org:import_template", args=["pegawai.csv"]))
    xlsx_response = hr_client.get(reverse("org:import_template", args=["kinerja-impor.xlsx"]))

    assert csv_response["Content-Type"] == "text/csv"
    assert csv_response.content.decode("utf-8-sig").startswith("NIP,NAMA,GELAR_DEPAN")
    book = openpyxl.load_workbook(io.BytesIO(xlsx_response.content), read_only=True)
    assert book.sheetnames == ["UNOR", "JABATAN", "PEGAWAI"]
    assert hr_client.get(reverse("org:import_template", args=["other.csv"])).status_code == 404


def test_import_navigation_entry_only_for_hr_admins(client, world):
    client.force_login(world.users["hr"])
    hr_home = client.get(reverse("web:home"))
    client.force_login(world.users["staff"])
    staff_home = client.get(reverse("web:home"))

    assert reverse("org:import") in hr_home.text
    assert reverse("org:import") not in staff_home.text


def test_import_cancel_discards_a_checked_job(
    hr_client, world, django_capture_on_commit_callbacks, settings
):
    upload(hr_client, world.agency, uploads(), django_capture_on_commit_callbacks)
    job = ImportJob.objects.get()
    stored = [settings.MEDIA_ROOT / f["path"] for f in job.files]

    response = hr_client.post(reverse("org:import_cancel", args=[job.uuid]))

    job.refresh_from_db()
    assert response["Location"] == reverse("org:import")
    assert job.status == ImportStatus.CANCELLED
    assert not any(path.exists() for path in stored)
    assert hr_client.post(reverse("org:import_confirm", args=[job.uuid])).status_code == 302
    job.refresh_from_db()
    assert job.status == ImportStatus.CANCELLED
    assert not Employee.objects.filter(nip=BUDI).exists()
