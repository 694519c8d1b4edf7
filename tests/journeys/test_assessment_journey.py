# ruff: noqa: F811 -- pytest fixtures imported from evaluation_setup
"""Assessment journey (issue 4, item 15): the employee reports a window with a file on a
360 px phone; the assessor gives feedback, reads the recommendation, departs from it
with a justification, sees the predicate and the unit's distribution warning, and
finalises; the year is rated and finalised; the employee objects, the assessor's
superior changes the rating with a reason and the employee sees the new predicate; the
evaluation's PDF downloads. Every page, and every htmx swap, is checked with axe-core."""

import pytest
from playwright.sync_api import expect

from kinerja.appraisal.enums import ObjectionStatus
from kinerja.appraisal.models import Evaluation, Objection
from kinerja.appraisal.selectors_evaluation import default_window
from kinerja.appraisal.services.organisation import organisation_result_record
from kinerja.appraisal.tests.evaluation_setup import (  # noqa: F401 -- fixtures
    indicators_of,
    plan,
    team,
)
from kinerja.execution.enums import ReportStatus
from kinerja.execution.models import Evidence, FeedbackMessage, PeriodReport
from kinerja.regulation.predicate import employee_predicate

pytestmark = pytest.mark.browser


def small_pdf(text: str = "Notulen rapat koordinasi rujukan") -> bytes:
    """A small but real one-page PDF (header, objects, cross-reference table, trailer)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _other_rating(recommended: str) -> str:
    return "below" if recommended != "below" else "as_expected"


def _employee_reports_on_phone(phone, world, window, indicator):
    """Step 1: My reports → start the window → value inline → upload a PDF → submit."""
    phone.login_as("staff")
    phone.nav("My reports")
    start = phone.page.locator(f"form[action$='/mulai/{window.uuid}/'] button[type=submit]")
    phone.click(start, step="start the window's report")
    row = phone.page.locator(f"#row-{indicator.uuid}")
    row.locator(f"#value-{indicator.uuid}").fill("12")
    row.locator(f"#narrative-{indicator.uuid}").fill("Dua belas dokumen rujukan diverifikasi")
    phone.swap(row.get_by_role("button", name=phone.t("Save"), exact=True), step="save inline")
    row = phone.page.locator(f"#row-{indicator.uuid}")
    expect(row.get_by_test_id("row-saved")).to_be_visible()
    expect(row.get_by_test_id("achievement")).not_to_have_text("—")

    phone.click(row.locator("details summary").last, step="open 'Add evidence'")
    row.locator(f"#file-{indicator.uuid}").set_input_files(
        {"name": "notulen-rapat.pdf", "mimeType": "application/pdf", "buffer": small_pdf()}
    )
    row.locator(f"#file-title-{indicator.uuid}").fill("Notulen rapat")
    phone.swap(row.get_by_role("button", name=phone.t("Upload"), exact=True), step="upload")
    row = phone.page.locator(f"#row-{indicator.uuid}")
    expect(row.get_by_test_id("evidence")).to_have_count(1)
    expect(row.get_by_test_id("evidence").get_by_role("link")).to_have_text("notulen-rapat.pdf")

    phone.page.locator("#id_note").fill("Laporan lengkap dengan bukti dukung.")
    phone.submit("Submit the report")
    expect(phone.page.get_by_test_id("submitted-note")).to_be_visible()
    report = PeriodReport.objects.get(skp__employee=world.staff, window=window)
    assert report.status == ReportStatus.SUBMITTED
    evidence = Evidence.objects.get(realisation__report=report)
    assert evidence.content_type == "application/pdf"
    with evidence.file.open("rb") as stored:
        assert stored.read() == small_pdf()
    phone.logout()


def _assessor_rates_window(desktop, world, staff_skp, window):
    """Step 2: queue → waiting for me → evaluation: feedback, recommendation and its why,
    a departure refused without a justification, the predicate, the distribution warning
    of the section (its result recorded by the division head), final."""
    desktop.login_as("section_head")
    desktop.nav("Evaluations")
    desktop.click(desktop.page.get_by_test_id("filter-waiting"), step="only those waiting")
    rows = desktop.page.get_by_test_id("queue-row")
    expect(rows).to_have_count(1)
    evaluate = f"{desktop.t('Evaluate')} — {world.staff.full_name}"
    desktop.click(desktop.page.get_by_role("link", name=evaluate), step="open the evaluation")
    expect(desktop.page.get_by_test_id("report-state")).not_to_be_empty()
    expect(desktop.page.get_by_role("link", name="Notulen rapat")).to_be_visible()

    thread = desktop.page.get_by_test_id("result").locator(".feedback-thread").first
    thread.locator("textarea[name=text]").fill("Bukti dukung rapi, pertahankan.")
    desktop.swap(thread.get_by_role("button", name=desktop.t("Send")), step="send feedback")
    thread = desktop.page.get_by_test_id("result").locator(".feedback-thread").first
    expect(thread.locator(".feedback-message")).to_contain_text("Bukti dukung rapi")
    assert FeedbackMessage.objects.filter(skp=staff_skp, window=window).count() == 1

    recommendation = desktop.page.get_by_test_id("recommendation")
    recommended = recommendation.get_attribute("data-rating")
    assert recommended, "a submitted report with a value gives a recommendation"
    desktop.click(
        recommendation.get_by_test_id("recommendation-why").locator("summary"),
        step="why this recommendation",
    )
    expect(recommendation.locator("table tbody tr")).to_have_count(1)

    chosen = _other_rating(recommended)
    desktop.swap(
        desktop.page.locator(f"input[name=results_rating][value={chosen}]"),
        step="depart from the recommendation",
    )
    expect(desktop.page.get_by_test_id("rating-preview")).to_have_attribute("data-departs", "1")
    desktop.page.locator("input[name=behaviour_rating][value=as_expected]").check()
    desktop.submit("Save ratings")
    # Refused without a justification; what was chosen is kept.
    desktop.page.get_by_test_id("justification-error").wait_for()
    expect(desktop.page.locator(f"input[name=results_rating][value={chosen}]")).to_be_checked()
    assert not Evaluation.objects.filter(skp=staff_skp, window=window).exclude(predicate="")
    desktop.page.locator("textarea[name=justification]").fill("Target kualitas belum tercapai")
    desktop.submit("Save ratings")
    desktop.see("The ratings are saved; the predicate is shown below.")
    expected = str(employee_predicate(chosen, "as_expected"))
    predicate = desktop.page.get_by_test_id("predicate-panel").get_by_test_id("predicate")
    assert predicate.get_attribute("data-predicate") == expected
    assert desktop.page.get_by_test_id("matrix-hit").count() == 1

    warning = desktop.page.get_by_test_id("distribution").locator(".distribution-warning")
    expect(warning).to_be_visible()
    assert warning.locator(".distribution-rule").count() >= 1
    desktop.click(warning.locator("details summary"), step="why this warning")
    expect(warning.locator("details")).to_have_attribute("open", "")

    desktop.submit("Make final and deliver to the employee")
    desktop.see("The evaluation is final; the employee has been notified.")
    assert Evaluation.objects.get(skp=staff_skp, window=window).is_final


def _assessor_finalises_year(desktop, world, staff_skp):
    """Step 3: the annual evaluation, rated as recommended and made final."""
    desktop.nav("Evaluations")
    desktop.page.locator("#id_window").select_option("tahunan")
    desktop.submit("Show")
    evaluate = f"{desktop.t('Evaluate')} — {world.staff.full_name}"
    desktop.click(desktop.page.get_by_role("link", name=evaluate), step="open the year")
    recommended = desktop.page.get_by_test_id("recommendation").get_attribute("data-rating")
    results = recommended or "as_expected"
    desktop.page.locator(f"input[name=results_rating][value={results}]").check()
    desktop.page.locator("input[name=behaviour_rating][value=as_expected]").check()
    desktop.submit("Save ratings")
    desktop.see("The ratings are saved; the predicate is shown below.")
    desktop.submit("Make final and deliver to the employee")
    desktop.see("The evaluation is final; the employee has been notified.")
    annual = Evaluation.objects.get(skp=staff_skp, window__isnull=True)
    assert annual.is_final
    desktop.logout()
    return annual


def test_report_assess_finalise_object_decide_and_download(phone, desktop, world, team):
    window = default_window(team.plan.period)
    (indicator,) = indicators_of(team.staff)
    # The next-higher leader of the section has recorded its result for the window.
    organisation_result_record(
        unit=world.section,
        period=team.plan.period,
        window=window,
        predicate="baik",
        basis="Rencana aksi triwulan tercapai",
        actor=world.users["division_head"],
    )

    _employee_reports_on_phone(phone, world, window, indicator)
    _assessor_rates_window(desktop, world, team.staff, window)
    annual = _assessor_finalises_year(desktop, world, team.staff)

    # Step 4: the employee objects within the deadline on their results page.
    phone.login_as("staff")
    phone.nav("My results")
    phone.click(phone.page.get_by_test_id("annual-results-link"), step="annual results")
    card = phone.page.get_by_test_id("annual-result")
    expect(card).to_have_count(1)
    assert card.locator("[data-predicate]").first.get_attribute("data-predicate") == (
        annual.predicate
    )
    phone.click(card.get_by_test_id("object"), step="object to the result")
    expect(phone.page.get_by_test_id("deadline")).to_be_visible()
    phone.fill("Reasons for the objection", "Realisasi dua belas dokumen sudah memenuhi target.")
    phone.submit("Send the objection")
    expect(phone.page.get_by_test_id("objection-status")).to_have_attribute("data-status", "filed")
    objection = Objection.objects.get(evaluation=annual)
    assert objection.decider == world.division_head
    phone.logout()

    # The assessor's superior decides: the ratings change, with a reason.
    desktop.login_as("division_head")
    desktop.nav("Objections")
    row = desktop.page.locator(f"[data-testid=objection-row][data-uuid='{objection.uuid}']")
    desktop.click(row.get_by_role("link", name=world.staff.full_name), step="open the objection")
    form = desktop.page.get_by_test_id("decide-form")
    form.locator("input[name=decision][value=change]").check()
    new_results = "above" if annual.results_rating != "above" else "as_expected"
    form.locator("select[name=results_rating]").select_option(new_results)
    form.locator("select[name=behaviour_rating]").select_option("above")
    form.locator("textarea[name=reason]").fill("Bukti dukung menunjukkan target terlampaui.")
    desktop.submit("Record the final decision")
    expected = str(employee_predicate(new_results, "above"))
    expect(desktop.page.get_by_test_id("objection-status")).to_have_attribute(
        "data-status", ObjectionStatus.CHANGED
    )
    assert expected != annual.predicate
    annual.refresh_from_db()
    assert annual.predicate == expected and annual.is_final

    # The employee sees the new predicate, and the year's PDF downloads (step 5).
    phone.login_as("staff")
    phone.nav("My results")
    phone.click(phone.page.get_by_test_id("annual-results-link"), step="annual results")
    card = phone.page.get_by_test_id("annual-result")
    assert card.locator("[data-predicate]").first.get_attribute("data-predicate") == expected
    expect(card.locator("[data-status]")).to_have_attribute("data-status", "changed")
    phone.nav("My results")
    year = phone.page.get_by_test_id("my-evaluation").filter(
        has=phone.page.locator(f"[data-predicate='{expected}']")
    )
    phone.click(year.get_by_role("link"), step="open the annual result")
    expect(phone.page.get_by_test_id("changed-by-objection")).to_be_visible()
    # WeasyPrint's first document in the live server loads its fonts: allow for a slow,
    # shared machine beyond the kit's 10 s.
    with phone.page.expect_download(timeout=60_000) as download:
        phone.page.get_by_test_id("evaluation-pdf").click()
    path = download.value.path()
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert download.value.suggested_filename.endswith(".pdf")

    # The window's PDF too, requested with the page's session cookie.
    periodic = Evaluation.objects.get(skp=team.staff, window=window)
    response = phone.page.request.get(
        f"{phone.base_url}/laporan/evaluasi/{periodic.uuid}/pdf/", timeout=60_000
    )
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
