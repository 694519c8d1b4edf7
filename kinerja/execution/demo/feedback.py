"""Demo continuous feedback, performance guidance and attendance for the windows that
have ended: feedback threads on most approved SKPs (some with the employee's reply),
a guidance log around the demo logins (one session answered with B.1.8, one B.1.9
competence evaluation) and an attendance summary per employee and window.

Deterministic by seed and set-based: the rows go in through the organisation demo's
COPY writer (feedback messages keep their dates inside the window) or ``bulk_create``.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from kinerja.core.clock import today
from kinerja.execution.enums import COACHING_FEEDBACK_STATEMENTS, CoachingKind
from kinerja.execution.models import (
    AttendanceSummary,
    CoachingFeedback,
    CoachingSession,
    CompetenceEvaluation,
    CompetenceScore,
    FeedbackMessage,
)
from kinerja.notifications.models import Notification
from kinerja.org.demo import persona_assignments
from kinerja.org.demo.writer import insert_rows
from kinerja.org.models import Employee
from kinerja.planning.enums import SkpStatus
from kinerja.planning.models import AssessmentPeriod, PlannedResult, Skp
from kinerja.regulation.berakhlak import CORE_VALUE_CODES
from kinerja.regulation.competences import default_competences

# Shares of the approved SKPs with feedback in a window, of threads the employee answers,
# of employees with a logged guidance session.
FEEDBACK_SHARE = 0.65
REPLY_SHARE = 0.35
COACHED_SHARE = 0.08

RESULT_FEEDBACK = (
    "Bukti dukung sudah lengkap dan rapi, pertahankan.",
    "Realisasi sudah sesuai target triwulan ini. Tolong lampirkan notulen rapatnya juga.",
    "Capaian masih di bawah target; mari kita bahas kendalanya minggu depan.",
    "Laporan sudah baik, tetapi data pendukungnya belum diperbarui ke bulan terakhir.",
    "Terima kasih, hasil kerja ini sangat membantu unit kita.",
    "Mohon percepat penyelesaian dokumen yang tertunda sebelum akhir bulan.",
    "Kualitas dokumen meningkat dibanding triwulan lalu. Lanjutkan.",
    "Sebaiknya koordinasi dengan bidang terkait lebih awal agar jadwal tidak mundur.",
    "Target kuantitas tercapai; perhatikan ketepatan waktu pengumpulan laporan.",
    "Bukti dukung berupa foto kegiatan belum cukup, tambahkan daftar hadir.",
)
VALUE_FEEDBACK = {
    "berorientasi_pelayanan": "Pelayanan kepada masyarakat ramah dan cepat, banyak apresiasi.",
    "akuntabel": "Laporan penggunaan anggaran disampaikan tepat waktu dan jujur.",
    "kompeten": "Aktif mengikuti pelatihan dan mau membagikan ilmunya ke rekan kerja.",
    "harmonis": "Menjaga suasana kerja yang kondusif dan mudah membantu rekan.",
    "loyal": "Menjaga kerahasiaan data dan nama baik instansi dengan baik.",
    "adaptif": "Cepat menyesuaikan diri dengan aplikasi baru dan mengusulkan perbaikan.",
    "kolaboratif": "Terbuka bekerja sama lintas bidang untuk menyelesaikan pekerjaan.",
}
REPLIES = (
    "Terima kasih atas masukannya, Pak/Bu. Akan saya tindak lanjuti.",
    "Baik, dokumen pendukungnya akan saya lengkapi minggu ini.",
    "Siap. Kendalanya ada pada data dari puskesmas yang terlambat masuk.",
    "Terima kasih, saya akan jadwalkan koordinasi lebih awal.",
    "Baik, Bu. Mohon arahan format laporannya.",
)
TOPICS = (
    ("Penyusunan target triwulan berikutnya", CoachingKind.DIALOGUE),
    ("Ketepatan waktu pelaporan", CoachingKind.COACHING),
    ("Pengembangan kemampuan analisis data", CoachingKind.MENTORING),
    ("Kendala kehadiran dan beban kerja", CoachingKind.COUNSELLING),
)
DISCIPLINE_NOTES = (
    "Teguran lisan atas ketidakhadiran tanpa keterangan.",
    "Sudah dibina oleh atasan langsung terkait keterlambatan.",
)


@dataclass
class FeedbackDemo:
    messages: int = 0
    sessions: int = 0
    attendance: int = 0


def _at(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _weekdays(start: datetime.date, end: datetime.date) -> int:
    days = (end - start).days + 1
    return sum(1 for i in range(days) if (start + datetime.timedelta(i)).weekday() < 5)


@transaction.atomic
def demo_feedback_create(*, agency, period: AssessmentPeriod, seed: int) -> FeedbackDemo:
    on = today()
    windows = [w for w in period.windows.order_by("number") if w.end_date < on]
    made = FeedbackDemo()
    if not windows:
        return made
    rng = random.Random(f"feedback-{seed}")  # noqa: S311 -- reproducible demo data
    personas = {k: a.employee for k, a in persona_assignments(agency).items()}
    skps = list(
        Skp.objects.filter(
            period=period, status=SkpStatus.APPROVED, approved_by__isnull=False
        ).values_list("pk", "uuid", "employee_id", "approved_by_id")
    )
    results: dict[int, list[tuple[int, object]]] = {}
    for pk, uuid, skp_id in (
        PlannedResult.objects.filter(skp_id__in=[s[0] for s in skps])
        .values_list("pk", "uuid", "skp_id")
        .order_by("skp_id", "kind", "order", "pk")
    ):
        results.setdefault(skp_id, []).append((pk, uuid))
    made.messages = _feedback(rng, windows, skps, results, personas)
    made.sessions = _coaching(rng, period, windows, skps, personas)
    made.attendance = _attendance(rng, agency, windows, personas)
    return made


def _feedback(rng, windows, skps, results, personas) -> int:
    persona = personas.get("employee")
    rows = []
    persona_threads = []
    for skp_id, skp_uuid, employee_id, assessor_id in skps:
        mine = persona is not None and employee_id == persona.pk
        own_results = results.get(skp_id, [])
        for window in windows:
            if not mine and rng.random() > FEEDBACK_SHARE:
                continue
            picked = rng.sample(own_results, k=min(len(own_results), 3 if mine else 1))
            threads = [(r_id, "", r_uuid) for r_id, r_uuid in picked]
            values = rng.sample(CORE_VALUE_CODES, k=2 if mine else rng.choice((0, 1, 1)))
            threads += [(None, code, None) for code in values]
            for result_id, value, result_uuid in threads:
                day = window.end_date - datetime.timedelta(days=rng.randint(3, 25))
                text = VALUE_FEEDBACK[value] if value else rng.choice(RESULT_FEEDBACK)
                rows.append(
                    (
                        skp_id,
                        window.pk,
                        result_id,
                        value,
                        assessor_id,
                        text,
                        _at(day, 10, rng.randint(0, 59)),
                    )
                )
                if mine or rng.random() < REPLY_SHARE:
                    reply_day = day + datetime.timedelta(days=1)
                    rows.append(
                        (skp_id, window.pk, result_id, value, employee_id, rng.choice(REPLIES),
                         _at(reply_day, 8, rng.randint(0, 59)))
                    )  # fmt: skip
                if mine:
                    persona_threads.append((skp_uuid, window, result_uuid, value, text))
    insert_rows(
        FeedbackMessage,
        ("skp_id", "window_id", "result_id", "core_value", "author_id", "text", "created_at"),
        rows,
    )
    _persona_notices(personas, persona_threads)
    return len(rows)


def _persona_notices(personas, threads) -> None:
    """The employee login's notifications about the latest window's feedback."""
    employee = personas.get("employee")
    assessor = personas.get("assessor")
    if employee is None or employee.user_id is None or not threads:
        return
    latest = max(t[1].number for t in threads)
    name = assessor.full_name if assessor else "Atasan"
    notices = []
    for skp_uuid, window, result_uuid, value, text in threads:
        if window.number != latest:
            continue
        key = f"r-{result_uuid}" if result_uuid else f"v-{value}"
        url = reverse("execution:feedback_page", args=[skp_uuid, window.number])
        with override("id"):
            title = _("%(name)s wrote feedback on your performance (%(window)s)") % {
                "name": name,
                "window": window.label,
            }
        notices.append(
            Notification(
                recipient_id=employee.user_id, title=title, body=text, link=f"{url}#thread-{key}"
            )
        )
    Notification.objects.bulk_create(notices)


def _coaching(rng, period, windows, skps, personas) -> int:
    """Sessions logged by assessors: the employee login's log with three sessions (the
    first answered with B.1.8) and a B.1.9 evaluation; a few sessions across the agency."""
    sessions: list[CoachingSession] = []
    employee, assessor = personas.get("employee"), personas.get("assessor")
    if employee is not None and assessor is not None:
        for window, (topic, kind) in zip(windows, TOPICS, strict=False):
            held = window.end_date - datetime.timedelta(days=10)
            sessions.append(
                CoachingSession(
                    employee=employee,
                    coach=assessor,
                    period=period,
                    held_on=held,
                    kind=kind,
                    topic=topic,
                    notes="Membahas capaian triwulan dan bukti dukung yang masih kurang.",
                    agreed_actions="Melengkapi bukti dukung dan menyusun jadwal kerja mingguan.",
                    follow_up_on=held + datetime.timedelta(days=30),
                )
            )
    for _skp_id, _uuid, employee_id, assessor_id in skps:
        if employee is not None and employee_id == employee.pk:
            continue
        if rng.random() < COACHED_SHARE:
            window = rng.choice(windows)
            topic, kind = rng.choice(TOPICS)
            sessions.append(
                CoachingSession(
                    employee_id=employee_id,
                    coach_id=assessor_id,
                    period=period,
                    held_on=window.end_date - datetime.timedelta(days=rng.randint(5, 40)),
                    kind=kind,
                    topic=topic,
                    notes="Diskusi capaian dan hambatan pekerjaan.",
                    agreed_actions="Menyusun rencana perbaikan dan melapor dua minggu lagi.",
                )
            )
    CoachingSession.objects.bulk_create(sessions, batch_size=1000)
    answered = [s for i, s in enumerate(sessions) if i == 0 or rng.random() < 0.5]
    count = len(COACHING_FEEDBACK_STATEMENTS)
    CoachingFeedback.objects.bulk_create(
        [
            CoachingFeedback(
                session=s,
                answers=[rng.choice((3, 3, 4, 4, 2)) for _ in range(count)],
                comment="Sesi yang bermanfaat." if rng.random() < 0.5 else "",
            )
            for s in answered
        ],
        batch_size=1000,
    )
    if employee is not None and assessor is not None:
        _competences(rng, employee, assessor, period, windows[-1])
    return len(sessions)


def _competences(rng, employee, assessor, period, window) -> None:
    evaluation = CompetenceEvaluation.objects.create(
        employee=employee,
        evaluator=assessor,
        period=period,
        evaluated_on=window.end_date - datetime.timedelta(days=5),
        note="Secara umum kompetensi sesuai tuntutan jabatan; perlu penguatan analisis data.",
    )
    reasons = {
        3: "Sesuai dengan yang diharapkan dari jabatannya.",
        4: "Menonjol dalam pekerjaan sehari-hari dan menjadi contoh rekan.",
        2: "Masih perlu bimbingan; sudah disepakati rencana pengembangan.",
    }
    scores = []
    for name in default_competences(""):
        score = rng.choice((3, 3, 4, 4, 2))
        scores.append(
            CompetenceScore(
                evaluation=evaluation, competence=name, score=score, reason=reasons[score]
            )
        )
    CompetenceScore.objects.bulk_create(scores)


def _attendance(rng, agency, windows, personas) -> int:
    people = list(
        Employee.objects.filter(agency=agency, is_active=True, assignments__isnull=False)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    rows = []
    for window in windows:
        working = _weekdays(window.start_date, window.end_date) - rng.randint(2, 4)  # holidays
        for employee_id in people:
            leave = rng.choice((0, 0, 0, 0, 1, 2, 3, 5))
            absent = rng.choice((0,) * 30 + (1, 2, 4))
            present = working - leave - absent
            late = min(present, rng.choice((0, 0, 0, 1, 2, 3, 5, 8)))
            early = min(present, rng.choice((0, 0, 0, 0, 1, 2)))
            note = rng.choice(DISCIPLINE_NOTES) if absent >= 4 else ""
            rows.append(
                (employee_id, window.pk, working, present, late, early, leave, absent, note,
                 "Demo: sistem presensi")
            )  # fmt: skip
    insert_rows(
        AttendanceSummary,
        ("employee_id", "window_id", "working_days", "present_days", "late_count",
         "early_leave_count", "leave_days", "absent_days", "discipline_note", "source"),
        rows,
    )  # fmt: skip
    return len(rows)
