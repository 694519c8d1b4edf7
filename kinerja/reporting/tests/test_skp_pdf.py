import datetime
import re
import shutil
import subprocess

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from kinerja.org.tests.factories import AssignmentFactory
from kinerja.planning.enums import Aspect
from kinerja.planning.models import Skp
from kinerja.planning.selectors import skp_detail
from kinerja.planning.services import indicator_add, result_add
from kinerja.planning.tests.conftest import approved
from kinerja.reporting.selectors import Party, skp_parties
from kinerja.reporting.skp_document import skp_pdf
from kinerja.reporting.tests.conftest import RESULT_TEXT


def poppler(tool: str, *args: str, pdf: bytes) -> str:
    """Run a poppler-utils tool (scripts/setup.sh --test installs them) on the PDF."""
    path = shutil.which(tool)
    assert path, f"{tool} is missing: run scripts/setup.sh --test"
    return subprocess.run(  # noqa: S603 -- a fixed tool on our own output
        [path, *args], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as poppler reads it, whitespace collapsed (cells wrap)."""
    return re.sub(r"\s+", " ", poppler("pdftotext", "-raw", "-", "-", pdf=pdf))


def page_count(pdf: bytes) -> int:
    info = poppler("pdfinfo", "-", pdf=pdf)
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def render(skp: Skp, language: str = "en") -> bytes:
    with translation.override(language):
        return skp_pdf(skp_detail(Skp.objects.all(), skp.uuid))


def test_skp_pdf_of_an_approved_plan_prints_the_whole_form(staff_plan, world):
    approved(staff_plan, approver=world.section_head)

    pdf = render(staff_plan)

    assert pdf.startswith(b"%PDF-")
    assert page_count(pdf) == 3
    text = pdf_text(pdf)
    for expected in [
        "EMPLOYEE PERFORMANCE PLAN QUANTITATIVE WORK RESULTS APPROACH "
        "FOR ADMINISTRATION AND FUNCTIONAL OFFICIALS PEMERINTAH KOTA CONTOH",
        # The three identity blocks: employee, assessor, assessor's superior.
        f"1 NAME Eka Staf Dewi Kasi Citra Kabid 2 NIP {world.staff.nip} "
        f"{world.section_head.nip} {world.division_head.nip} "
        "3 RANK/GRADE Penata Muda, III/a Penata Tingkat I, III/d Pembina, IV/a "
        "4 POSITION Pengadministrasi Rujukan Kepala Seksi Rujukan Kepala Bidang Pelayanan "
        "5 WORK UNIT Seksi Rujukan Seksi Rujukan Bidang Pelayanan",
        # Each result: the superior's result it supports, the result, its indicators.
        f"A. MAIN 1 Rujukan terverifikasi {RESULT_TEXT} "
        "Quantity (kuantitas) Jumlah dokumen rujukan yang diverifikasi 120 dokumen "
        "Quality (kualitas) Persentase dokumen tanpa kesalahan 100 % "
        "Time (waktu) Waktu penyelesaian verifikasi 12 bulan "
        "B. ADDITIONAL 1 – Membantu kegiatan bakti sosial "
        "Quantity (kuantitas) Jumlah kegiatan yang diikuti 2 kegiatan",
        "1 Berorientasi Pelayanan • Memahami dan memenuhi kebutuhan masyarakat "
        "• Ramah, cekatan, solutif, dan dapat diandalkan • Melakukan perbaikan tiada henti "
        "Harapan berorientasi_pelayanan",
        "7 Kolaboratif",
        "Harapan kolaboratif",
        "ANNEX TO THE EMPLOYEE PERFORMANCE PLAN "
        "Resource support (dukungan sumber daya) Akses aplikasi SISRUTE "
        "Accountability scheme (skema pertanggungjawaban) Laporan triwulanan "
        "Consequences (konsekuensi) Apresiasi bila target tercapai",
        f"SKP {staff_plan.period.year} of Eka Staf, NIP {world.staff.nip}, version 1 1 / 3",
    ]:
        assert expected in text
    assert text.count(f"Employee assessed Eka Staf NIP {world.staff.nip} Makassar, ") == 2
    # Signed under the form and again under the annex.
    assert text.count(f"Performance assessor Dewi Kasi NIP {world.section_head.nip}") == 2
    assert "DRAFT" not in text


def test_skp_pdf_dates_and_place_are_in_indonesian(staff_plan, world):
    approved(staff_plan, approver=world.section_head)
    year = staff_plan.period.year

    with translation.override("id"):
        text = pdf_text(render(staff_plan, "id"))
        signed = date_format(timezone.localdate(staff_plan.approved_at), "d F Y")

    assert f"01 JANUARI {year}" in text
    assert f"31 DESEMBER {year}" in text
    assert f"Makassar, {signed}" in text


def test_skp_pdf_of_a_draft_is_watermarked_and_names_the_derived_assessor(staff_plan, world):
    text = pdf_text(render(staff_plan))

    assert "DRAFT" in text
    assert "1 NAME Eka Staf Dewi Kasi Citra Kabid" in text


def test_skp_pdf_of_a_senior_executive_has_perspectives_and_goals(plan, world):
    text = pdf_text(render(plan.kadis))

    assert "FOR SENIOR EXECUTIVES (JPT) AND HEADS OF INDEPENDENT UNITS" in text
    assert "PERSPECTIVE" in text
    assert "ASPECT" not in text
    assert (
        "A. MAIN 1 Pelayanan kesehatan rujukan meningkat "
        "Supports: S1 Meningkatnya derajat kesehatan "
        "Jumlah Pelayanan kesehatan rujukan meningkat 12 dokumen "
        "Service recipients (penerima layanan) B. ADDITIONAL None."
    ) in text
    # Above the Sekda the line ends: the agency's political head is the superior.
    assert "1 NAME Budi Kadis Andi Sekda Wali Kota Contoh 2 NIP" in text


def test_skp_parties_print_the_approval_snapshot(staff_plan, world):
    approved(staff_plan, approver=world.section_head)
    # Recorded at approval (e.g. a delegated assessor); the org chart would say otherwise.
    Skp.objects.filter(pk=staff_plan.pk).update(
        approved_by=world.division_head, assessor_superior_at_approval=world.head_of_office
    )

    parties = skp_parties(Skp.objects.get(pk=staff_plan.pk))

    assert parties.assessor == Party(
        name="Citra Kabid",
        nip=world.division_head.nip,
        rank="Pembina, IV/a",
        position="Kepala Bidang Pelayanan",
        unit="Bidang Pelayanan",
    )
    assert parties.assessor_superior.name == "Budi Kadis"


def test_skp_parties_of_a_draft_follow_the_org_chart(staff_plan, world):
    world.section_head.assignments.update(end_date=datetime.date(2024, 6, 30))
    AssignmentFactory(
        employee=world.peer, position=world.positions["kasi"], start_date=datetime.date(2024, 7, 1)
    )

    parties = skp_parties(Skp.objects.get(pk=staff_plan.pk))

    assert parties.assessor.name == "Fajar Rekan"
    assert parties.assessor.position == "Kepala Seksi Rujukan"


@pytest.mark.parametrize("status", ["submitted", "returned"])
def test_skp_pdf_of_an_unapproved_plan_is_a_draft(staff_plan, status):
    Skp.objects.filter(pk=staff_plan.pk).update(status=status)

    assert "DRAFT" in pdf_text(render(staff_plan))


def test_skp_pdf_of_a_superseded_version_says_so(plan):
    Skp.objects.filter(pk=plan.kasi.pk).update(status="superseded")

    text = pdf_text(render(plan.kasi))

    assert "SUPERSEDED" in text
    assert "DRAFT" not in text


def test_skp_pdf_repeats_the_table_header_on_every_page(plan):
    for number in range(9):
        result = result_add(skp=plan.staff, text=f"Hasil kerja nomor {number}")
        for aspect in [Aspect.QUANTITY, Aspect.QUALITY, Aspect.TIME, Aspect.COST]:
            indicator_add(
                result=result, aspect=aspect, text="Indikator", target_value=1, target_unit="x"
            )

    pdf = render(plan.staff)

    assert page_count(pdf) == 4
    header = "No SUPERIOR'S PLANNED RESULT SUPPORTED PLANNED WORK RESULT ASPECT"
    assert pdf_text(pdf).count(header) == 2
