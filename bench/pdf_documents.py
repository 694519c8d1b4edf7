"""SKP PDFs per second: the official form (three A4 landscape pages) for approved plans.

Each document is what the download view does: load the SKP with ``skp_detail`` (a
fixed number of queries), derive its parties, render the template and lay it out with
WeasyPrint. Measured in one process, and in one worker process per core as a bulk job
(a unit's or an agency's SKPs at the end of January) runs them.
"""

import datetime
import multiprocessing
import os
import re
import shutil
import subprocess
import time
from decimal import Decimal

from bench import Options, benchmark

DOCUMENTS, SMOKE_DOCUMENTS = 60, 4
GOAL_PER_SECOND = 10  # issue 6: at least ten documents a second on a 2-core machine


def _organisation(count: int, *, code: str = "bench-pdf", first: int = 0):
    """A section head and ``count`` staff under a head of office, each with an approved,
    complete SKP: three main results of three indicators, one additional result, the
    seven expectations and the annex (not timed). ``code`` names the agency and
    ``first`` shifts the NIP sequence, so several organisations fit in one database."""
    from kinerja.core.clock import today
    from kinerja.org.enums import EmploymentType, PositionKind, UnitKind
    from kinerja.org.models import Agency, Assignment, Employee, Position
    from kinerja.org.services import unit_create
    from kinerja.planning.enums import AnnexKind, Aspect, ResultKind, SkpStatus
    from kinerja.planning.models import (
        AnnexItem,
        BehaviourExpectation,
        CascadeLink,
        Indicator,
        PlannedResult,
        Skp,
    )
    from kinerja.planning.services import period_create
    from kinerja.regulation.berakhlak import CORE_VALUE_CODES
    from kinerja.regulation.nip import EmploymentType as NipType
    from kinerja.regulation.nip import build_nip

    # Agency names are unique: each benchmark's organisation carries its code.
    agency = Agency.objects.create(
        name=f"Pemerintah Kabupaten Tolok Ukur ({code})",
        code=code,
        head_title="Bupati",
        city="Ukur",
    )
    office = unit_create(
        agency=agency, parent=None, name="Dinas Kesehatan", code="DINKES", kind=UnitKind.OFFICE
    )
    section = unit_create(
        agency=agency,
        parent=office,
        name="Seksi Pelayanan Rujukan",
        code="RUJ",
        kind=UnitKind.SECTION,
    )
    head_post = Position.objects.create(
        agency=agency,
        unit=office,
        code="KADIS",
        name="Kepala Dinas Kesehatan",
        kind=PositionKind.JPT_PRATAMA,
        is_unit_head=True,
    )
    section_post = Position.objects.create(
        agency=agency,
        unit=section,
        code="KASI",
        name="Kepala Seksi Pelayanan Rujukan",
        kind=PositionKind.PENGAWAS,
        is_unit_head=True,
        reports_to=head_post,
    )
    staff_posts = Position.objects.bulk_create(
        Position(
            agency=agency,
            unit=section,
            code=f"STAF{n}",
            name="Pengadministrasi Rujukan",
            kind=PositionKind.PELAKSANA,
            reports_to=section_post,
        )
        for n in range(count)
    )

    def person(n: int, name: str, grade: str) -> Employee:
        birth = datetime.date(1970, 1, 1) + datetime.timedelta(days=n * 37)
        nip = build_nip(
            employment_type=NipType.PNS,
            birth_date=birth,
            appointment_year=birth.year + 25,
            appointment_month=3,
            sex="M" if n % 2 else "F",
            sequence=first + n + 1,
            pppk_field=1,
        )
        return Employee(
            agency=agency,
            nip=nip,
            name=name,
            employment_type=EmploymentType.PNS,
            grade=grade,
            sex="M" if n % 2 else "F",
            birth_date=birth,
        )

    people = Employee.objects.bulk_create(
        [person(0, "Budi Santoso", "IV/b"), person(1, "Dewi Lestari", "III/d")]
        + [person(n + 2, f"Pegawai Rujukan {n:03d}", "III/a") for n in range(count)]
    )
    head, section_head, staff = people[0], people[1], people[2:]
    start = datetime.date(2020, 1, 1)
    Assignment.objects.bulk_create(
        Assignment(employee=employee, position=post, start_date=start)
        for employee, post in [
            (head, head_post),
            (section_head, section_post),
            *zip(staff, staff_posts, strict=True),
        ]
    )
    period = period_create(agency=agency, year=today().year)
    now = datetime.datetime.now(datetime.UTC)

    def plan(employee, post) -> Skp:
        return Skp(
            employee=employee,
            period=period,
            position=post,
            start_date=period.start_date,
            end_date=period.end_date,
            approach=period.approach,
            status=SkpStatus.APPROVED,
            approved_at=now,
            approved_by=section_head,
            assessor_superior_at_approval=head,
        )

    superior_skp = Skp.objects.create(
        employee=section_head,
        period=period,
        position=section_post,
        start_date=period.start_date,
        end_date=period.end_date,
        approach=period.approach,
        status=SkpStatus.APPROVED,
        approved_at=now,
        approved_by=head,
    )
    superior_result = PlannedResult.objects.create(
        skp=superior_skp, text="Layanan rujukan pasien tepat waktu dan terverifikasi"
    )
    skps = Skp.objects.bulk_create(
        plan(employee, post) for employee, post in zip(staff, staff_posts, strict=True)
    )
    results = PlannedResult.objects.bulk_create(
        PlannedResult(
            skp=skp,
            kind=ResultKind.MAIN if r < 3 else ResultKind.ADDITIONAL,
            text=f"Dokumen rujukan pasien nomor {r + 1} terverifikasi dan tercatat lengkap",
            order=r,
        )
        for skp in skps
        for r in range(4)
    )
    CascadeLink.objects.bulk_create(
        CascadeLink(result=result, supports_result=superior_result)
        for result in results
        if result.kind == ResultKind.MAIN
    )
    aspects = [
        (Aspect.QUANTITY, "Jumlah dokumen rujukan yang diverifikasi", Decimal(120), "dokumen"),
        (Aspect.QUALITY, "Persentase dokumen rujukan tanpa kesalahan", Decimal(100), "%"),
        (Aspect.TIME, "Waktu penyelesaian verifikasi dokumen", Decimal(12), "bulan"),
    ]
    Indicator.objects.bulk_create(
        Indicator(result=result, aspect=a, text=t, target_value=v, target_unit=u, order=i)
        for result in results
        for i, (a, t, v, u) in enumerate(aspects if result.kind == ResultKind.MAIN else aspects[:1])
    )
    BehaviourExpectation.objects.bulk_create(
        BehaviourExpectation(
            skp=skp,
            core_value=code,
            text="Menjelaskan prosedur rujukan dengan bahasa yang mudah dipahami pasien",
        )
        for skp in skps
        for code in CORE_VALUE_CODES
    )
    AnnexItem.objects.bulk_create(
        AnnexItem(skp=skp, kind=kind, text=text, order=1)
        for skp in skps
        for kind, text in [
            (AnnexKind.RESOURCE_SUPPORT, "Akses aplikasi rujukan dan komputer kerja"),
            (AnnexKind.ACCOUNTABILITY, "Laporan triwulanan kepada Kepala Seksi"),
            (AnnexKind.CONSEQUENCE, "Target tercapai: apresiasi; tidak tercapai: pembinaan"),
        ]
    )
    return [str(skp.uuid) for skp in skps]


def _render(uuids: list[str]) -> bytes:
    """Render the SKPs' PDFs as the download view does; the last one."""
    from django.db import connection

    from kinerja.planning.models import Skp
    from kinerja.planning.selectors import skp_detail
    from kinerja.reporting.skp_document import skp_pdf

    pdf = b""
    for uuid in uuids:
        pdf = skp_pdf(skp_detail(Skp.objects.all(), uuid))
    connection.close()
    return pdf


def _pages(pdf: bytes) -> int | None:
    """The page count as poppler's pdfinfo reads it (None without poppler-utils)."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return None
    info = subprocess.run([pdfinfo, "-"], input=pdf, capture_output=True, check=True).stdout
    return int(re.search(rb"^Pages:\s+(\d+)", info, re.M).group(1))


def _warm() -> None:
    """Load WeasyPrint, the fonts and the stylesheet, as a long-running worker has."""
    from kinerja.reporting.pdf import html_to_pdf

    html_to_pdf("<p>warm</p>", stylesheet="skp.css")


def _rate(documents: int, seconds: float) -> float:
    return round(documents / seconds, 1)


@benchmark("pdf_documents", "SKP PDFs per second, one process and one worker per core")
def run(options: Options) -> dict:
    from django.db import connections

    count = SMOKE_DOCUMENTS if options.smoke else DOCUMENTS
    uuids = _organisation(count)
    _warm()

    started = time.perf_counter()
    cpu_started = time.process_time()
    last = _render(uuids)
    single_seconds = time.perf_counter() - started
    cpu_per_document = (time.process_time() - cpu_started) / count

    workers = os.cpu_count() or 1
    # Workers inherit the loaded WeasyPrint and fonts; each opens its own connection.
    connections.close_all()
    context = multiprocessing.get_context("fork")
    chunks = [uuids[i::workers] for i in range(workers)]
    with context.Pool(workers, initializer=_warm) as pool:
        pool.map(_render, [[] for _ in range(workers)])  # wait until every worker is warm
        started = time.perf_counter()
        pool.map(_render, chunks)
        parallel_seconds = time.perf_counter() - started

    parallel_rate = _rate(count, parallel_seconds)
    return {
        "documents": count,
        "pages_per_document": _pages(last),
        "one_process_documents_per_second": _rate(count, single_seconds),
        "cpu_seconds_per_document": round(cpu_per_document, 3),
        "workers": workers,
        "workers_documents_per_second": parallel_rate,
        "goal_documents_per_second": GOAL_PER_SECOND,
        "meets_goal": parallel_rate >= GOAL_PER_SECOND,
    }
