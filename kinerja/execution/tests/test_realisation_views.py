"""The report pages through the test client: My reports, the report screen with inline
saves, evidence uploads (and attacks on them), downloads, submit and reopen."""

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import Evidence, PeriodReport, Realisation
from kinerja.execution.services.evidence import evidence_add_file
from kinerja.execution.services.realisation import realisation_save, report_for
from kinerja.execution.tests.realisation_world import PDF_BYTES, PNG_BYTES, add_indicators, build
from kinerja.planning.enums import SkpStatus


@pytest.fixture
def rw(world):
    return build(world)


def login(client, world, key):
    client.force_login(world.users[key])
    return client


def _url(name, *args):
    return reverse(f"execution:{name}", args=args)


def _save_url(rw, indicator):
    return _url("realisation_save", rw.report.uuid, indicator.uuid)


def _upload(client, rw, name, data, content_type="application/pdf", htmx=True):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(
        _url("evidence_file_add", rw.report.uuid, rw.quantity.uuid),
        {"file": SimpleUploadedFile(name, data, content_type=content_type), "title": "Bukti"},
        headers=headers,
    )


# --- pages -----------------------------------------------------------------------------


def test_my_reports_lists_the_windows_with_status(client, world, rw):
    response = login(client, world, "staff").get(_url("my_reports"))
    assert response.status_code == 200
    entries = response.context["entries"]
    assert len(entries) == rw.period.windows.count()
    assert [e.report for e in entries if e.report] == [rw.report]
    assert b'data-report-status="draft"' in response.content


def test_my_reports_start_opens_a_report_for_a_past_window(client, world, rw):
    earlier = rw.period.windows.filter(end_date__lt=rw.window.start_date).first()
    if earlier is None:
        pytest.skip("today is in the first window")
    login(client, world, "staff")
    response = client.post(_url("report_start", rw.skp.uuid, earlier.uuid))
    report = PeriodReport.objects.get(skp=rw.skp, window=earlier)
    assert response.status_code == 302
    assert response.url == _url("report_detail", report.uuid)


def test_report_start_by_the_assessor_is_refused(client, world, rw):
    earlier = rw.period.windows.exclude(pk=rw.window.pk).first()
    login(client, world, "section_head")
    response = client.post(_url("report_start", rw.skp.uuid, earlier.uuid))
    assert response.status_code == 403
    assert not PeriodReport.objects.filter(window=earlier).exists()


def test_report_page_shows_every_indicator_with_why_panel(client, world, rw):
    response = login(client, world, "staff").get(_url("report_detail", rw.report.uuid))
    assert response.status_code == 200
    assert response.content.count(b'data-testid="report-row"') == 3
    assert response.content.count(b'data-testid="why"') == 3
    assert response.context["can_edit"] is True
    assert b'data-testid="realisation-form"' in response.content


def test_report_page_for_the_assessor_is_read_only(client, world, rw):
    response = login(client, world, "section_head").get(_url("report_detail", rw.report.uuid))
    assert response.status_code == 200
    assert response.context["can_edit"] is False
    assert b'data-testid="realisation-form"' not in response.content
    assert b'data-testid="realisation-readonly"' in response.content


@pytest.mark.parametrize("key", ["peer", "nurse", "other_hr", "other_employee"])
def test_report_page_is_hidden_from_others(client, world, rw, key):
    response = login(client, world, key).get(_url("report_detail", rw.report.uuid))
    assert response.status_code == 404


def _queries_for_report_page(client, world, report):
    login(client, world, "staff")
    client.get(_url("report_detail", report.uuid))  # warm the session and caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(_url("report_detail", report.uuid))
    assert response.status_code == 200
    return len(context.captured_queries)


def test_report_page_query_count_does_not_grow_with_indicators(client, world):
    one = build(world, extra_indicators=False)

    def fill(indicator):
        realisation_save(report=one.report, indicator=indicator, value="4", actor=None)
        evidence_add_file(
            report=one.report,
            indicator=indicator,
            upload=SimpleUploadedFile("a.pdf", PDF_BYTES),
            actor=None,
        )

    fill(one.quantity)
    few = _queries_for_report_page(client, world, one.report)
    for indicator in add_indicators(one.skp, 10):
        fill(indicator)
    many = _queries_for_report_page(client, world, one.report)
    assert Realisation.objects.filter(report=one.report).count() == 11
    assert many == few


# --- inline saves ----------------------------------------------------------------------


def test_inline_save_returns_the_row_and_stores_the_value(client, world, rw):
    login(client, world, "staff")
    response = client.post(
        _save_url(rw, rw.quantity),
        {"value": "9", "narrative": "Sembilan berkas"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert f'id="row-{rw.quantity.uuid}"'.encode() in response.content
    assert b'data-testid="row-saved"' in response.content
    assert b'hx-swap-oob="true"' in response.content
    realisation = Realisation.objects.get(report=rw.report, indicator=rw.quantity)
    assert realisation.value == Decimal(9)
    assert realisation.narrative == "Sembilan berkas"


def test_inline_save_asks_whether_the_evaluation_is_final_once(client, world, rw):
    login(client, world, "staff")
    with CaptureQueriesContext(connection) as captured:
        response = client.post(
            _save_url(rw, rw.quantity), {"value": "9"}, headers={"HX-Request": "true"}
        )
    assert response.status_code == 200
    finality = [q for q in captured if '"appraisal_evaluation"' in q["sql"]]
    assert len(finality) == 1  # by the save; the row's flags know the answer


def test_inline_save_of_a_negative_number_keeps_the_old_value(client, world, rw):
    realisation_save(report=rw.report, indicator=rw.quantity, value="4", actor=None)
    login(client, world, "staff")
    response = client.post(
        _save_url(rw, rw.quantity), {"value": "-3", "narrative": ""}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert b'data-testid="row-error"' in response.content
    assert b'value="-3"' in response.content  # what the user typed stays in the field
    assert Realisation.objects.get(indicator=rw.quantity).value == Decimal(4)


def test_inline_save_without_htmx_redirects_to_the_row(client, world, rw):
    login(client, world, "staff")
    response = client.post(_save_url(rw, rw.quantity), {"value": "2"})
    assert response.status_code == 302
    assert response.url.endswith(f"#row-{rw.quantity.uuid}")


@pytest.mark.parametrize(("key", "status"), [("section_head", 403), ("peer", 404), ("nurse", 404)])
def test_inline_save_by_others_changes_nothing(client, world, rw, key, status):
    login(client, world, key)
    response = client.post(_save_url(rw, rw.quantity), {"value": "99"})
    assert response.status_code == status
    assert not Realisation.objects.exists()


def test_inline_save_by_hr_helps_the_employee(client, world, rw):
    login(client, world, "hr")
    response = client.post(_save_url(rw, rw.quantity), {"value": "3"})
    assert response.status_code == 302
    assert Realisation.objects.get(indicator=rw.quantity).value == Decimal(3)


def test_inline_save_of_another_skps_indicator_is_404(client, world, rw):
    other = rw.kasi.results.first().indicators.first()
    login(client, world, "staff")
    response = client.post(_url("realisation_save", rw.report.uuid, other.uuid), {"value": "1"})
    assert response.status_code == 404
    assert not Realisation.objects.exists()


# --- uploads and their attacks ---------------------------------------------------------


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("laporan.pdf", PDF_BYTES, "application/pdf"),
        ("FOTO.PNG", PNG_BYTES, "image/png"),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        (
            "notulen.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "application/msword"),
    ],
)
def test_upload_accepts_real_documents(client, world, rw, name, data, content_type):
    login(client, world, "staff")
    response = _upload(client, rw, name, data)
    assert response.status_code == 200
    assert b'data-testid="row-saved"' in response.content
    evidence = Evidence.objects.get()
    assert evidence.content_type == content_type
    assert evidence.original_name == name
    assert evidence.size_bytes == len(data)
    assert name not in evidence.file.name  # stored under a random name
    assert evidence.file.name.startswith("evidence/")
    with evidence.file.open("rb") as handle:
        assert handle.read() == data


def _zip_with(names) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("setup.pdf", b"MZ\x90\x00\x03" + b"\x00" * 60),  # a Windows program renamed
        ("elf.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 40),
        ("halaman.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("gambar.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'),
        ("gambar.png", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
        ("skrip.pdf", b"#!/bin/sh\nrm -rf /\n"),
        ("laporan.pdf", PNG_BYTES),  # the extension disagrees with the content
        ("foto.png", PDF_BYTES),
        ("laporan", PDF_BYTES),  # no extension
        ("laporan.pdf.exe", PDF_BYTES),
        ("arsip.docx", _zip_with(["payload.exe"])),  # a zip that is not a Word file
        ("arsip.xlsx", _docx()),  # a Word file named as a spreadsheet
    ],
)
def test_upload_refuses_what_is_not_evidence(client, world, rw, name, data):
    login(client, world, "staff")
    response = _upload(client, rw, name, data)
    assert response.status_code == 200
    assert b'data-testid="row-error"' in response.content
    assert not Evidence.objects.exists()


def test_upload_refuses_an_oversized_file(client, world, rw, settings):
    settings.MAX_UPLOAD_BYTES = 1024
    login(client, world, "staff")
    response = _upload(client, rw, "besar.pdf", PDF_BYTES + b"0" * 2000)
    assert b'data-testid="row-error"' in response.content
    assert not Evidence.objects.exists()


def test_upload_refuses_an_eleven_megabyte_file(client, world, rw):
    login(client, world, "staff")
    data = PDF_BYTES + b"0" * (11 * 1024 * 1024)
    response = _upload(client, rw, "besar.pdf", data)
    assert b'data-testid="row-error"' in response.content
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\system32\\laporan.pdf", "laporan.pdf"),
        ("/etc/laporan.pdf", "laporan.pdf"),
        ("lap\x00oran\n.pdf", "laporan.pdf"),
        ("laporan\u202efdp.pdf", "laporanfdp.pdf"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
        ('kutip"an.pdf', "kutip'an.pdf"),
    ],
)
def test_upload_cleans_dangerous_names(client, world, rw, name, shown, settings):
    login(client, world, "staff")
    response = _upload(client, rw, name, PDF_BYTES)
    assert response.status_code == 200
    evidence = Evidence.objects.get()
    assert evidence.original_name == shown
    media = str(settings.MEDIA_ROOT)
    assert evidence.file.path.startswith(media)
    assert ".." not in evidence.file.name


def test_upload_by_the_assessor_is_refused(client, world, rw):
    login(client, world, "section_head")
    response = _upload(client, rw, "a.pdf", PDF_BYTES)
    assert response.status_code == 403
    assert not Evidence.objects.exists()


def test_upload_to_a_submitted_report_is_refused(client, world, rw):
    PeriodReport.objects.filter(pk=rw.report.pk).update(status=ReportStatus.SUBMITTED)
    login(client, world, "staff")
    response = _upload(client, rw, "a.pdf", PDF_BYTES)
    assert b'data-testid="row-error"' in response.content
    assert not Evidence.objects.exists()


# --- downloads -------------------------------------------------------------------------


def _evidence(rw, name="laporan.pdf", data=PDF_BYTES):
    return evidence_add_file(
        report=rw.report,
        indicator=rw.quantity,
        upload=SimpleUploadedFile(name, data),
        actor=None,
    )


@pytest.mark.parametrize("key", ["staff", "section_head", "division_head", "hr", "superadmin"])
def test_download_streams_the_file_to_those_who_may_read_the_skp(client, world, rw, key):
    evidence = _evidence(rw)
    response = login(client, world, key).get(_url("evidence_download", evidence.uuid))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    response.close()
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="laporan.pdf"' in response["Content-Disposition"]


def test_download_shows_a_picture_inline(client, world, rw):
    evidence = _evidence(rw, "foto.png", PNG_BYTES)
    response = login(client, world, "staff").get(_url("evidence_download", evidence.uuid))
    response.close()
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")


@pytest.mark.parametrize("key", ["peer", "nurse", "other_hr", "other_employee"])
def test_download_of_someone_elses_file_by_guessing_its_url_is_404(client, world, rw, key):
    evidence = _evidence(rw)
    response = login(client, world, key).get(_url("evidence_download", evidence.uuid))
    assert response.status_code == 404
    assert PDF_BYTES not in response.content


def test_download_needs_a_login(client, world, rw):
    evidence = _evidence(rw)
    response = client.get(_url("evidence_download", evidence.uuid))
    assert response.status_code == 302
    assert "/login" in response.url or "masuk" in response.url


def test_evidence_is_not_under_static_files(settings, world, rw):
    evidence = _evidence(rw)
    assert str(settings.STATIC_ROOT) not in evidence.file.path
    assert evidence.file.path.startswith(str(settings.MEDIA_ROOT))


# --- links and deleting ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://drive.example.go.id/berkas/1", True),
        ("http://example.com/a?b=c", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>x</script>", False),
        ("ftp://example.com/x", False),
        ("file:///etc/passwd", False),
        ("https://", False),
    ],
)
def test_link_add_accepts_only_web_links(client, world, rw, url, ok):
    login(client, world, "staff")
    client.post(
        _url("evidence_link_add", rw.report.uuid, rw.quantity.uuid),
        {"url": url, "title": "Tautan"},
        headers={"HX-Request": "true"},
    )
    assert Evidence.objects.filter(url=url).exists() is ok


def test_evidence_delete_removes_the_row_and_the_file(
    client, world, rw, django_capture_on_commit_callbacks
):
    evidence = _evidence(rw)
    path = evidence.file.path
    login(client, world, "staff")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url("evidence_delete", evidence.uuid), headers={"HX-Request": "true"}
        )
    assert response.status_code == 200
    assert not Evidence.objects.exists()
    assert not Path(path).exists()
    assert ActivityLog.objects.filter(action="execution.evidence_delete").exists()


@pytest.mark.parametrize(("key", "status"), [("section_head", 403), ("peer", 404)])
def test_evidence_delete_by_others_changes_nothing(client, world, rw, key, status):
    evidence = _evidence(rw)
    response = login(client, world, key).post(_url("evidence_delete", evidence.uuid))
    assert response.status_code == status
    assert Evidence.objects.filter(pk=evidence.pk).exists()


# --- submit and reopen -----------------------------------------------------------------


def _fill(rw):
    realisation_save(report=rw.report, indicator=rw.quantity, value="3", actor=None)
    realisation_save(report=rw.report, indicator=rw.time, value="3", actor=None)
    realisation_save(report=rw.report, indicator=rw.narrative, narrative="Baik", actor=None)


def test_submit_then_reopen_through_the_pages(client, world, rw):
    _fill(rw)
    login(client, world, "staff")
    response = client.post(_url("report_submit", rw.report.uuid), {"note": "Selesai"})
    assert response.status_code == 302
    rw.report.refresh_from_db()
    assert rw.report.status == ReportStatus.SUBMITTED
    page = client.get(_url("report_detail", rw.report.uuid))
    assert page.context["can_edit"] is False
    login(client, world, "section_head")
    page = client.get(_url("report_detail", rw.report.uuid))
    assert page.context["can_reopen"] is True
    client.post(_url("report_reopen", rw.report.uuid), {"reason": "Tambah bukti"})
    rw.report.refresh_from_db()
    assert rw.report.status == ReportStatus.DRAFT


def test_submit_incomplete_report_stays_draft(client, world, rw):
    login(client, world, "staff")
    client.post(_url("report_submit", rw.report.uuid))
    rw.report.refresh_from_db()
    assert rw.report.status == ReportStatus.DRAFT


@pytest.mark.parametrize(("key", "status"), [("section_head", 403), ("hr", 403), ("peer", 404)])
def test_submit_by_others_changes_nothing(client, world, rw, key, status):
    _fill(rw)
    response = login(client, world, key).post(_url("report_submit", rw.report.uuid))
    assert response.status_code == status
    rw.report.refresh_from_db()
    assert rw.report.status == ReportStatus.DRAFT


@pytest.mark.parametrize(("key", "status"), [("staff", 403), ("hr", 403), ("division_head", 403)])
def test_reopen_by_others_than_the_assessor_changes_nothing(client, world, rw, key, status):
    PeriodReport.objects.filter(pk=rw.report.pk).update(status=ReportStatus.SUBMITTED)
    response = login(client, world, key).post(
        _url("report_reopen", rw.report.uuid), {"reason": "x"}
    )
    assert response.status_code == status
    rw.report.refresh_from_db()
    assert rw.report.status == ReportStatus.SUBMITTED


def test_skp_reports_page_for_the_assessor(client, world, rw):
    response = login(client, world, "section_head").get(_url("skp_reports", rw.skp.uuid))
    assert response.status_code == 200
    assert any(e.report == rw.report for e in response.context["entries"])


def test_report_for_an_unapproved_skp_is_refused(world, rw):
    type(rw.skp).objects.filter(pk=rw.skp.pk).update(status=SkpStatus.SUPERSEDED)
    rw.skp.refresh_from_db()
    other = rw.period.windows.exclude(pk=rw.window.pk).first()
    with pytest.raises(ApplicationError):
        report_for(skp=rw.skp, window=other)


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_my_reports_query_count_does_not_grow_with_reports(client, world, rw):
    login(client, world, "staff")
    url = _url("my_reports")
    one = _queries(client, url)
    for window in rw.period.windows.filter(start_date__lte=rw.window.start_date):
        report = report_for(skp=rw.skp, window=window)
        for indicator in add_indicators(rw.skp, 3, start=window.number * 10):
            realisation_save(report=report, indicator=indicator, value="2", actor=None)
    assert PeriodReport.objects.filter(skp=rw.skp).count() >= 1
    assert _queries(client, url) == one


def test_api_report_list_query_count_does_not_grow_with_reports(client, world, rw):
    login(client, world, "staff")
    url = "/api/v1/reports"
    one = _queries(client, url)
    for window in rw.period.windows.filter(start_date__lte=rw.window.start_date):
        report_for(skp=rw.skp, window=window)
    assert _queries(client, url) == one


@pytest.mark.parametrize(("key", "shown"), [("staff", True), ("hr", True), ("leader", False)])
def test_navigation_offers_my_reports_to_employees(client, world, key, shown):
    response = login(client, world, key).get("/")
    urls = [url for url, _label in response.context["nav_items"]]
    assert (_url("my_reports") in urls) is shown
