"""Realisation journey: an employee on a phone reports the current window — numbers and
a narrative saved inline, a PDF uploaded — and submits it; the assessor opens it on a
desktop, read-only, and reopens it with a reason."""

import datetime

import pytest
from playwright.sync_api import expect

from kinerja.core.clock import today
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import Evidence, PeriodReport
from kinerja.execution.tests.realisation_world import PDF_BYTES, build

pytestmark = pytest.mark.browser


def _no_horizontal_scroll(journey) -> None:
    width = journey.page.evaluate("document.documentElement.scrollWidth")
    assert width <= journey.page.viewport_size["width"], f"page is {width}px wide"


def test_employee_reports_a_window_on_phone_and_assessor_reopens(phone, desktop, world, tmp_path):
    made = build(world)
    PeriodReport.objects.all().delete()  # the employee starts the report from the list
    window = made.period.windows.get(start_date__lte=today(), end_date__gte=today())

    phone.login_as("staff")
    phone.nav("My reports")
    _no_horizontal_scroll(phone)
    row = phone.page.locator("[data-testid=report-window][data-status=not_started]").filter(
        has_text=window.label
    )
    phone.click(row.get_by_role("button"), step="start the current window's report")
    _no_horizontal_scroll(phone)

    for indicator, value in ((made.quantity, "7"), (made.time, "2")):
        card = phone.page.locator(f"#row-{indicator.uuid}")
        card.locator("input[name=value]").fill(value)
        phone.swap(card.get_by_role("button", name=phone.t("Save"), exact=True))
        expect(
            phone.page.locator(f"#row-{indicator.uuid} [data-testid=achievement]")
        ).not_to_have_text("—")
    card = phone.page.locator(f"#row-{made.narrative.uuid}")
    card.locator("textarea[name=narrative]").fill("Semua berkas lengkap dan benar")
    phone.swap(card.get_by_role("button", name=phone.t("Save"), exact=True))
    expect(phone.page.get_by_test_id("report-progress")).to_have_attribute("data-filled", "3")

    evidence = tmp_path / "notulen.pdf"
    evidence.write_bytes(PDF_BYTES)
    card = phone.page.locator(f"#row-{made.quantity.uuid}")
    card.locator("summary").filter(has_text=phone.t("Add evidence")).click()
    card.locator("input[type=file]").set_input_files(evidence)
    phone.swap(card.get_by_role("button", name=phone.t("Upload"), exact=True))
    expect(phone.page.locator(f"#row-{made.quantity.uuid} [data-testid=evidence]")).to_have_count(1)
    _no_horizontal_scroll(phone)
    assert Evidence.objects.get().original_name == "notulen.pdf"

    phone.fill("Note to the assessor (optional)", "Mohon diperiksa")
    phone.submit("Submit the report")
    expect(phone.page.locator("[data-report-status=submitted]").first).to_be_visible()
    report = PeriodReport.objects.get(skp=made.skp, window=window)
    assert report.status == ReportStatus.SUBMITTED

    desktop.login_as("section_head")
    desktop.visit(f"/pelaksanaan/laporan/{report.uuid}/")
    expect(desktop.page.get_by_test_id("realisation-form")).to_have_count(0)
    with desktop.page.expect_download() as download:
        desktop.page.get_by_role("link", name="notulen.pdf").click()
    assert download.value.suggested_filename == "notulen.pdf"
    desktop.fill("What should change", "Lampirkan juga daftar hadir")
    desktop.submit("Reopen the report")
    expect(desktop.page.locator("[data-report-status=draft]").first).to_be_visible()
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert report.updated_at.date() >= today() - datetime.timedelta(days=1)
