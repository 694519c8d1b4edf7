"""Demo realisations (realisasi) with evidence for the windows of the current period
that have ended, so the report screens, the assessor's queue and the recommendations
show real content.

For the approved SKPs of the demo agency: most employees report every ended window;
the first window is almost all submitted, the latest one has more drafts and a few
reports not started. Each employee has a steady profile — most around target, some
above, some below — so the recommended ratings differ. A few realisations carry a link
and a few a small real PDF, written through the storage under a random name like any
upload. The demo "employee" login has its earlier windows submitted (one with a PDF)
and the latest one as a draft to finish; the demo assessor's other team members have
the latest one submitted, waiting for the assessor.

Deterministic by seed and set-based: ids are reserved and the rows go in through the
organisation demo's COPY writer.
"""

import datetime
import hashlib
import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from kinerja.core.clock import today
from kinerja.execution.enums import EvidenceKind, ReportStatus
from kinerja.execution.models import Evidence, PeriodReport, Realisation
from kinerja.execution.models.realisation import evidence_path
from kinerja.org.demo import persona_assignments
from kinerja.org.demo.writer import insert_rows, reserve_ids
from kinerja.org.models import Assignment
from kinerja.org.selectors import active_on
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import AssessmentPeriod, Indicator, Skp
from kinerja.regulation.achievement import is_lower_better, window_target

# (submitted, draft) shares of the reports per window; the rest are not started.
FIRST_WINDOW = (0.92, 0.05)
MIDDLE_WINDOW = (0.85, 0.10)
LATEST_WINDOW = (0.60, 0.25)
# Employee profiles: how far from the window target they land, and how many have each.
PROFILES = (
    ("around", 0.70, (0.92, 1.06)),
    ("above", 0.15, (1.12, 1.35)),
    ("below", 0.15, (0.55, 0.86)),
)
DRAFT_FILLED = 0.6
NARRATIVE_SHARE = 0.3
LINK_SHARE = 0.04
PDF_FILES = 24

NARRATIVES = (
    "Sesuai jadwal; dokumen sudah diarsipkan.",
    "Tercapai berkat koordinasi dengan bidang terkait.",
    "Sebagian tertunda karena data dari unit lain terlambat masuk.",
    "Dikerjakan bersama tim; rincian ada di bukti dukung.",
    "Ada kendala jaringan pada aplikasi, sudah dilaporkan ke Diskominfo.",
    "Target terlampaui karena permintaan layanan meningkat.",
)
QUALITATIVE = (
    "Kegiatan terlaksana sesuai rencana dan dilaporkan kepada atasan.",
    "Dokumen disusun lengkap dan telah diperiksa atasan langsung.",
    "Layanan berjalan baik; keluhan masyarakat ditindaklanjuti.",
)
LINK_TITLES = ("Folder bukti dukung", "Berita kegiatan", "Dasbor capaian", "Notulen rapat")
NOTES = ("", "", "Mohon diperiksa.", "Bukti dukung lengkap di tautan.", "")


@dataclass
class RealisationsDemo:
    reports: int = 0
    submitted: int = 0
    realisations: int = 0
    evidence: int = 0
    files: int = 0


def _pdf_text(text: str) -> str:
    return (
        text.encode("latin-1", "replace")
        .decode("latin-1")
        .replace("\\", "\\\\")
        .replace("(", "\\(")
        .replace(")", "\\)")
    )


def tiny_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF showing ``lines`` in Helvetica (a few hundred bytes)."""
    stream = "BT /F1 12 Tf 72 770 Td 16 TL " + " ".join(f"({_pdf_text(line)}) '" for line in lines)
    stream += " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


def _value(rng, indicator, window, count, ratio) -> Decimal:
    target = window_target(
        indicator.target_value, aspect=indicator.aspect, number=window.number, count=count
    )
    wobble = Decimal(str(round(ratio * rng.uniform(0.97, 1.03), 4)))
    value = target / wobble if is_lower_better(indicator.aspect) else target * wobble
    if indicator.target_value == indicator.target_value.to_integral_value():
        return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _status(rng, index: int, last: int, mine: bool, handed_in: bool = False) -> str | None:
    if mine:
        return ReportStatus.DRAFT if index == last and index > 0 else ReportStatus.SUBMITTED
    shares = FIRST_WINDOW if index == 0 else LATEST_WINDOW if index == last else MIDDLE_WINDOW
    draw = rng.random()
    if handed_in and index == last:
        return ReportStatus.SUBMITTED
    if draw < shares[0]:
        return ReportStatus.SUBMITTED
    if draw < shares[0] + shares[1]:
        return ReportStatus.DRAFT
    return None


def team_of(assignment, on: datetime.date) -> set[int]:
    """The employees whose post reports to ``assignment``'s post on ``on`` (a demo
    persona's team); empty without the persona."""
    if assignment is None:
        return set()
    return set(
        Assignment.objects.filter(
            active_on(on), position__reports_to_id=assignment.position_id
        ).values_list("employee_id", flat=True)
    )


def _at(day: datetime.date, rng) -> datetime.datetime:
    moment = datetime.datetime.combine(day, datetime.time(8)) + datetime.timedelta(
        minutes=rng.randint(0, 540)
    )
    return timezone.make_aware(moment)


def _indicators(skp_ids: list[int]) -> dict[int, list]:
    """Per SKP, its indicators as light rows (pk, aspect, target_value, skp), in order."""
    found: dict[int, list] = {}
    for indicator in (
        Indicator.objects.filter(result__skp_id__in=skp_ids)
        .order_by("result__skp_id", "-result__kind", "result__order", "order", "pk")
        .values_list("pk", "aspect", "target_value", "result__skp_id", named=True)
    ):
        found.setdefault(indicator.result__skp_id, []).append(indicator)
    return found


@transaction.atomic
def demo_realisations_create(*, agency, period: AssessmentPeriod, seed: int) -> RealisationsDemo:
    made = RealisationsDemo()
    on = today()
    all_windows = list(period.windows.order_by("number"))
    windows = [w for w in all_windows if w.end_date < on]
    if not windows or PeriodReport.objects.filter(skp__period=period).exists():
        return made
    rng = random.Random(f"realisations-{seed}")  # noqa: S311 -- reproducible demo data
    assignments = persona_assignments(agency)
    personas = {k: a.employee.pk for k, a in assignments.items()}
    me = personas.get("employee")
    # The demo assessor's other team members hand in the latest window, so the
    # assessor's "waiting for me" has someone to rate (the evaluations demo leaves them
    # unrated there).
    handed_in = team_of(assignments.get("assessor"), on) - {me}
    skps = list(
        Skp.objects.filter(period=period, employee__agency=agency, status=SkpStatus.APPROVED)
        .order_by("pk")
        .values_list("pk", "employee_id", "start_date", "end_date")
    )
    indicators = _indicators([s[0] for s in skps])
    count = len(all_windows)
    last = len(windows) - 1

    reports, realisations, links = [], [], []
    file_candidates: list[tuple[int, int]] = []  # (realisation id, report id)
    plans = []
    for skp_id, employee_id, start, end in skps:
        _name, _share, spread = rng.choices(PROFILES, weights=[p[1] for p in PROFILES])[0]
        ratio = rng.uniform(*spread)
        for index, window in enumerate(windows):
            if not (start <= window.end_date and end >= window.start_date):
                continue
            status = _status(rng, index, last, employee_id == me, employee_id in handed_in)
            if status is not None:
                plans.append((skp_id, window, status, ratio))
    report_ids = reserve_ids(PeriodReport, len(plans))
    for report_id, (skp_id, window, status, ratio) in zip(report_ids, plans, strict=True):
        submitted = status == ReportStatus.SUBMITTED
        when = _at(window.end_date + datetime.timedelta(days=rng.randint(1, 12)), rng)
        reports.append(
            (
                report_id,
                skp_id,
                window.pk,
                status,
                when if submitted else None,
                rng.choice(NOTES) if submitted else "",
                when,
            )
        )
        made.submitted += submitted
        for indicator in indicators.get(skp_id, []):
            if not submitted and rng.random() > DRAFT_FILLED:
                continue
            if indicator.target_value is None:
                value, narrative = None, rng.choice(QUALITATIVE)
            else:
                value = _value(rng, indicator, window, count, ratio)
                narrative = rng.choice(NARRATIVES) if rng.random() < NARRATIVE_SHARE else ""
            realisations.append((report_id, indicator.pk, value, narrative))
    realisation_ids = reserve_ids(Realisation, len(realisations))
    for realisation_id, (report_id, *_rest) in zip(realisation_ids, realisations, strict=True):
        if rng.random() < LINK_SHARE:
            links.append(realisation_id)
        file_candidates.append((realisation_id, report_id))
    insert_rows(
        PeriodReport,
        ("id", "skp_id", "window_id", "status", "submitted_at", "note", "created_at"),
        reports,
    )
    insert_rows(
        Realisation,
        ("id", "report_id", "indicator_id", "value", "narrative"),
        ((rid, *row) for rid, row in zip(realisation_ids, realisations, strict=True)),
    )
    made.reports = len(reports)
    made.realisations = len(realisations)
    made.evidence = _links(rng, links)
    made.files = _files(rng, file_candidates, reports, skps, me)
    made.evidence += made.files
    return made


def _links(rng, realisation_ids: list[int]) -> int:
    insert_rows(
        Evidence,
        ("realisation_id", "kind", "url", "title"),
        (
            (
                realisation_id,
                EvidenceKind.LINK,
                f"https://arsip.kinerja.example.id/bukti/{realisation_id:06d}",
                rng.choice(LINK_TITLES),
            )
            for realisation_id in realisation_ids
        ),
    )
    return len(realisation_ids)


def _files(rng, candidates, reports, skps, me) -> int:
    """A few small PDFs: on the demo employee's first report, and on random others."""
    employee_of_skp = {s[0]: s[1] for s in skps}
    report_info = {r[0]: (employee_of_skp[r[1]], r[2]) for r in reports}
    first_window = min((r[2] for r in reports), default=None)
    mine = [
        c for c in candidates if report_info[c[1]][0] == me and report_info[c[1]][1] == first_window
    ][:2]
    others = [c for c in candidates if report_info[c[1]][0] != me]
    picked = mine + rng.sample(others, k=min(PDF_FILES - len(mine), len(others)))
    rows = []
    for number, (realisation_id, _report_id) in enumerate(picked, start=1):
        data = tiny_pdf(
            [
                "Bukti dukung kinerja (data demo)",
                f"Nomor: BD-{number:03d}/{realisation_id}",
                "Notulen rapat koordinasi dan daftar hadir.",
            ]
        )
        name = default_storage.save(
            evidence_path(SimpleNamespace(extension=".pdf"), "bukti.pdf"), ContentFile(data)
        )
        rows.append(
            (
                realisation_id,
                EvidenceKind.FILE,
                name,
                f"notulen-rapat-{number:02d}.pdf",
                "application/pdf",
                ".pdf",
                len(data),
                hashlib.sha256(data).hexdigest(),
                "Notulen dan daftar hadir",
            )
        )
    insert_rows(
        Evidence,
        (
            "realisation_id",
            "kind",
            "file",
            "original_name",
            "content_type",
            "extension",
            "size_bytes",
            "sha256",
            "title",
        ),
        rows,
    )
    return len(rows)
