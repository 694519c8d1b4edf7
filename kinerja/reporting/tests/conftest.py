"""The planning fixtures (``plan``) reused, and a staff plan with every part of the form."""

from decimal import Decimal

import pytest

from kinerja.planning.enums import AnnexKind, Aspect, ResultKind
from kinerja.planning.services import (
    annex_item_add,
    indicator_add,
    link_to_result,
    result_add,
)
from kinerja.planning.tests import conftest as planning_fixtures

# The planning suite's world of approved plans, as a fixture of this suite too.
plan = planning_fixtures.plan
RESULT_TEXT = "Dokumen rujukan pasien terverifikasi lengkap"


@pytest.fixture
def staff_plan(plan, world):
    """The staff member's complete draft: a main result supporting the Kasi's (three
    indicators), an additional result (one indicator) and one annex item per list."""
    world.agency.city = "Makassar"
    world.agency.save(update_fields=["city"])
    skp = plan.staff
    result = result_add(skp=skp, text=RESULT_TEXT)
    link_to_result(result=result, target=plan.kasi_result)
    for aspect, text, target, unit in [
        (Aspect.QUANTITY, "Jumlah dokumen rujukan yang diverifikasi", 120, "dokumen"),
        (Aspect.QUALITY, "Persentase dokumen tanpa kesalahan", 100, "%"),
        (Aspect.TIME, "Waktu penyelesaian verifikasi", 12, "bulan"),
    ]:
        indicator_add(
            result=result,
            aspect=aspect,
            text=text,
            target_value=Decimal(target),
            target_unit=unit,
        )
    extra = result_add(skp=skp, text="Membantu kegiatan bakti sosial", kind=ResultKind.ADDITIONAL)
    indicator_add(
        result=extra,
        aspect=Aspect.QUANTITY,
        text="Jumlah kegiatan yang diikuti",
        target_value=Decimal(2),
        target_unit="kegiatan",
    )
    annex_item_add(skp=skp, kind=AnnexKind.RESOURCE_SUPPORT, text="Akses aplikasi SISRUTE")
    annex_item_add(skp=skp, kind=AnnexKind.ACCOUNTABILITY, text="Laporan triwulanan")
    annex_item_add(skp=skp, kind=AnnexKind.CONSEQUENCE, text="Apresiasi bila target tercapai")
    return skp


# --- evaluation documents -------------------------------------------------------------
# Reporting only reads: the evaluation, its report and feedback are written straight with
# the ORM here, as the appraisal and execution services would leave them.

FEEDBACK_ON_RESULT = "Bukti verifikasi lengkap, pertahankan ketepatan waktu"
FEEDBACK_ON_VALUE = "Pelayanan kepada pasien rujukan sangat ramah"
EVALUATION_NOTES = "Pertahankan kinerja; ikuti pelatihan SISRUTE lanjutan"


def make_evaluation(skp, window, *, assessor, results="above", behaviour="above", final=True):
    from kinerja.appraisal.enums import EvaluationStatus
    from kinerja.appraisal.models import Evaluation
    from kinerja.core.clock import now
    from kinerja.regulation.predicate import employee_predicate

    return Evaluation.objects.create(
        skp=skp,
        window=window,
        status=EvaluationStatus.FINAL if final else EvaluationStatus.DRAFT,
        results_rating=results,
        behaviour_rating=behaviour,
        predicate=employee_predicate(results, behaviour).value,
        assessor=assessor,
        notes=EVALUATION_NOTES,
        rated_at=now(),
        finalised_at=now() if final else None,
        finalised_by=assessor if final else None,
    )


def submitted_report(skp, window, values=None):
    from kinerja.core.clock import now
    from kinerja.execution.enums import ReportStatus
    from kinerja.execution.models import PeriodReport, Realisation

    report = PeriodReport.objects.create(
        skp=skp, window=window, status=ReportStatus.SUBMITTED, submitted_at=now()
    )
    indicators = [i for r in skp.results.all() for i in r.indicators.all()]
    Realisation.objects.bulk_create(
        Realisation(report=report, indicator=i, value=Decimal(values or 30), narrative="")
        for i in indicators
    )
    return report


@pytest.fixture
def evaluated(staff_plan, plan, world):
    """The staff member's approved plan, a submitted first-quarter report with evidence,
    feedback on a result and on a value, the section's organisation result (Baik) and
    the Kasi's final evaluation (above/above: Sangat Baik)."""
    from kinerja.appraisal.models import OrganisationResult
    from kinerja.execution.enums import EvidenceKind
    from kinerja.execution.models import Evidence, FeedbackMessage
    from kinerja.planning.tests.conftest import approved

    approved(staff_plan, approver=world.section_head)
    window = plan.period.windows.get(number=1)
    report = submitted_report(staff_plan, window)
    first = report.realisations.order_by("pk").first()
    first.narrative = "Seratus dua puluh dokumen diverifikasi"
    first.save()
    Evidence.objects.create(
        realisation=first,
        kind=EvidenceKind.LINK,
        url="https://example.org/rekap-rujukan",
        title="Rekap verifikasi rujukan",
    )
    result = staff_plan.results.order_by("order", "pk").first()
    FeedbackMessage.objects.create(
        skp=staff_plan,
        window=window,
        result=result,
        author=world.section_head,
        text=FEEDBACK_ON_RESULT,
    )
    FeedbackMessage.objects.create(
        skp=staff_plan,
        window=window,
        core_value="berorientasi_pelayanan",
        author=world.section_head,
        text=FEEDBACK_ON_VALUE,
    )
    OrganisationResult.objects.create(
        unit=world.section,
        period=plan.period,
        window=window,
        predicate="baik",
        basis="Rencana aksi triwulan I tercapai",
        recorded_by=world.division_head,
    )
    return make_evaluation(staff_plan, window, assessor=world.section_head)
