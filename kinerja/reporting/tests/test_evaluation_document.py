"""The evaluation documents: Evaluasi Kinerja Pegawai and Dokumen Evaluasi Kinerja Pegawai."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from kinerja.appraisal.models import Evaluation, OrganisationResult
from kinerja.execution.models import FeedbackMessage
from kinerja.org.enums import EmploymentType
from kinerja.planning.enums import Aspect
from kinerja.planning.models import Indicator, PlannedResult
from kinerja.regulation.predicate import EmployeePredicate, OrganisationPredicate
from kinerja.reporting.curve import AXIS, PEAK, distribution_curve
from kinerja.reporting.evaluation_document import (
    evaluation_context,
    evaluation_detail,
    evaluation_pdf,
)
from kinerja.reporting.tests.conftest import (
    EVALUATION_NOTES,
    FEEDBACK_ON_RESULT,
    FEEDBACK_ON_VALUE,
    RESULT_TEXT,
    make_evaluation,
    submitted_report,
)
from kinerja.reporting.tests.test_skp_pdf import page_count, pdf_text
from kinerja.reporting.tests.test_views import login


def render(evaluation, language="en") -> str:
    with translation.override(language):
        pdf = evaluation_pdf(evaluation_detail(Evaluation.objects.all(), evaluation.uuid))
    assert pdf.startswith(b"%PDF-")
    return pdf_text(pdf)


def official(msgid: str) -> str:
    """A fixed label of the form as the Indonesian document prints it."""
    with translation.override("id"):
        return gettext(msgid)


def test_evaluation_pdf_prints_every_part_of_the_periodic_form(evaluated, world):
    text = render(evaluated)

    for expected in [
        world.staff.full_name,
        world.staff.nip,
        world.section_head.full_name,
        world.section_head.nip,
        "Triwulan I",
        # Capaian kinerja organisasi and its distribution guide (the "why").
        "BAIK",
        "Pola distribusi untuk predikat organisasi Baik",
        # Per RHK: the result, the indicator and target, the realisation with its
        # evidence, the continuous feedback.
        RESULT_TEXT,
        "Jumlah dokumen rujukan yang diverifikasi",
        "Target: 120 dokumen",
        "30 dokumen",
        "Seratus dua puluh dokumen diverifikasi",
        "Rekap verifikasi rujukan",
        FEEDBACK_ON_RESULT,
        # Per BerAKHLAK value: the value, its guides, the expectation and feedback.
        "Berorientasi Pelayanan",
        "Memahami dan memenuhi kebutuhan masyarakat",
        "Harapan berorientasi_pelayanan",
        FEEDBACK_ON_VALUE,
        "Kolaboratif",
        # Ratings and predicate, with the matrix rule that gives it.
        "ABOVE EXPECTATION",
        "SANGAT BAIK",
        "menghasilkan predikat Sangat Baik",
        # The signed summary: the assessor's superior and the notes.
        world.division_head.full_name,
        EVALUATION_NOTES,
        "Makassar",
    ]:
        assert expected in text, expected


def test_evaluation_pdf_in_indonesian_uses_the_official_headings(evaluated):
    text = render(evaluated, "id")

    for msgid in [
        "EMPLOYEE ASSESSED",
        "PERFORMANCE ASSESSOR",
        "ASSESSOR'S SUPERIOR",
        "PLANNED WORK RESULT",
        "LEADER'S SPECIFIC EXPECTATION",
    ]:
        assert official(msgid) in text


def test_evaluation_pdf_has_the_summary_document_on_its_own_page(evaluated):
    with translation.override("en"):
        pdf = evaluation_pdf(evaluation_detail(Evaluation.objects.all(), evaluated.uuid))

    assert page_count(pdf) >= 2
    text = pdf_text(pdf)
    assert text.index("EMPLOYEE PERFORMANCE EVALUATION DOCUMENT") > text.index(
        "EMPLOYEE PERFORMANCE PREDICATE"
    )


def test_evaluation_pdf_marks_a_draft_as_not_final(evaluated):
    Evaluation.objects.filter(pk=evaluated.pk).update(status="draft", finalised_at=None)

    assert "NOT FINAL" in render(evaluated)


def test_evaluation_pdf_of_a_final_evaluation_has_no_watermark(evaluated):
    assert "NOT FINAL" not in render(evaluated)


def test_evaluation_pdf_leaves_nip_and_rank_blank_for_non_civil_servants(evaluated, world):
    world.staff.employment_type = EmploymentType.PPPK
    world.staff.save(update_fields=["employment_type"])

    text = render(evaluated)

    assert world.staff.full_name in text
    assert world.staff.nip not in text
    assert "Penata Muda" not in text
    assert world.section_head.nip in text  # the assessor is a civil servant


def test_annual_evaluation_pdf_is_labelled_final_and_shows_every_window(evaluated, plan, world):
    second = plan.period.windows.get(number=2)
    submitted_report(evaluated.skp, second, values=75)
    annual = make_evaluation(evaluated.skp, None, assessor=world.section_head)

    text = render(annual)

    with translation.override("en"):
        assert f"PERIOD: {gettext('Final').upper()}" in text
    assert "Triwulan I: 30 dokumen" in text
    assert "Triwulan II: 75 dokumen" in text
    assert f"31 DECEMBER {plan.period.year}" in text.upper()


def test_evaluation_pdf_without_organisation_result_says_so(evaluated):
    OrganisationResult.objects.all().delete()

    text = render(evaluated)

    assert "Not recorded yet." in text


def test_evaluation_pdf_uses_the_nearest_unit_above_with_a_result(evaluated, world, plan):
    OrganisationResult.objects.all().delete()
    OrganisationResult.objects.create(
        unit=world.health, period=plan.period, window=evaluated.window, predicate="istimewa"
    )

    context = evaluation_context(evaluation_detail(Evaluation.objects.all(), evaluated.uuid))

    assert context["organisation"].unit == world.health
    assert context["curve"].ticks[-1].is_peak  # Istimewa peaks over Sangat Baik


def test_evaluation_document_costs_the_same_queries_for_more_results(evaluated, world):
    def count() -> int:
        evaluation = evaluation_detail(Evaluation.objects.all(), evaluated.uuid)
        with CaptureQueriesContext(connection) as queries:
            evaluation_context(evaluation)
        return len(queries)

    before = count()
    skp = evaluated.skp
    report = skp.reports.get(window=evaluated.window)
    for n in range(6):
        result = PlannedResult.objects.create(skp=skp, text=f"Hasil {n}", order=10 + n)
        indicator = Indicator.objects.create(
            result=result, aspect=Aspect.QUANTITY, text=f"Jumlah {n}", target_value=5
        )
        report.realisations.create(indicator=indicator, value=Decimal(2))
        FeedbackMessage.objects.create(
            skp=skp, window=evaluated.window, result=result, author=world.section_head, text="ok"
        )

    assert count() == before


# --- the curve -------------------------------------------------------------------------


@pytest.mark.parametrize("organisation", list(OrganisationPredicate))
def test_distribution_curve_peaks_over_the_predicate_the_guide_expects(organisation):
    curve = distribution_curve(organisation.value)

    peak = [t for t in curve.ticks if t.is_peak]
    assert [t.predicate for t in peak] == [PEAK[organisation]]
    # The highest point of the bell (smallest y) is above the peak tick.
    points = [tuple(map(float, p.split(","))) for p in curve.path[1:-2].split(" L")]
    top = min(points, key=lambda xy: xy[1])
    assert abs(top[0] - peak[0].x) < 6


def test_distribution_curve_marks_the_employee_predicate():
    curve = distribution_curve("baik", EmployeePredicate.SANGAT_BAIK.value)

    assert curve.marker_x == curve.ticks[AXIS.index(EmployeePredicate.SANGAT_BAIK)].x
    assert [t.is_employee for t in curve.ticks] == [False, False, False, False, True]


def test_distribution_curve_without_employee_predicate_has_no_marker():
    assert distribution_curve("kurang").marker_x is None


# --- the download view -----------------------------------------------------------------


def url(evaluation) -> str:
    return reverse("reporting:evaluation_pdf", args=[evaluation.uuid])


@pytest.mark.parametrize("persona", ["staff", "section_head", "division_head", "hr", "superadmin"])
def test_evaluation_pdf_downloads_for_the_people_concerned(client, world, evaluated, persona):
    response = login(client, world, persona).get(url(evaluated))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    year = evaluated.skp.period.year
    assert response["Content-Disposition"] == (
        f'attachment; filename="EVALUASI_{world.staff.nip}_{year}_TW1.pdf"'
    )
    assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize("persona", ["peer", "nurse", "other_hr", "other_employee"])
def test_evaluation_pdf_is_not_found_for_others(client, world, evaluated, persona):
    assert login(client, world, persona).get(url(evaluated)).status_code == 404


def test_evaluation_pdf_of_a_draft_is_not_for_the_employee_yet(client, world, evaluated):
    Evaluation.objects.filter(pk=evaluated.pk).update(status="draft", finalised_at=None)

    assert login(client, world, "staff").get(url(evaluated)).status_code == 404
    assert login(client, world, "section_head").get(url(evaluated)).status_code == 200


def test_evaluation_pdf_asks_an_anonymous_visitor_to_log_in(client, evaluated):
    response = client.get(url(evaluated))

    assert response.status_code == 302


def test_evaluation_pdf_refuses_writes(client, world, evaluated):
    assert login(client, world, "hr").post(url(evaluated)).status_code == 405
