"""Demo 360° feedback: one closed round over the demo agency's Bidang Kesehatan
Masyarakat (the unit of the demo employee, assessor and assessor's superior) in the
current period, so the rounds list, the progress page, the summary beside the
behaviour rating and the API all show real content.

Raters are proposed by the real service from the org chart; most of them answer, so
most people show peer and subordinate figures. One person (the first in name order
with at least four proposed peers, other than the demo logins) gets exactly two peer
answers, so their peer group shows nothing. Answers are written set-based, like
``answer_submit`` writes them (no rater on the answer, the form only marked answered),
with scores drawn around a per-person level. Same seed, same answers. No notification
or email is sent: the round goes from draft to closed without inviting anyone.
"""

import random
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.multirater.enums import AssignmentStatus
from kinerja.multirater.models import Answer, RaterAssignment, Round
from kinerja.multirater.services import round_close, round_open, round_start
from kinerja.org.demo import DEFAULT_SEED, persona_assignments
from kinerja.org.models import Agency, Unit
from kinerja.planning.models import AssessmentPeriod
from kinerja.regulation.berakhlak import CORE_VALUE_CODES

ANSWER_RATE = {"assessor": 1.0, "self": 0.9, "peer": 0.85, "subordinate": 0.85}

COMMENTS = {
    "berorientasi_pelayanan": [
        "Sigap melayani warga yang datang, termasuk di luar jam layanan.",
        "Perlu lebih sabar menjelaskan prosedur kepada masyarakat.",
    ],
    "akuntabel": [
        "Laporan kegiatan selalu lengkap dan tepat waktu.",
        "Sebaiknya bukti dukung diunggah segera setelah kegiatan.",
    ],
    "kompeten": [
        "Sering berbagi ilmu dari pelatihan kepada rekan seksi.",
        "Menguasai aplikasi pencatatan dengan baik.",
    ],
    "harmonis": [
        "Ringan tangan membantu rekan yang kewalahan.",
        "Menjaga suasana kerja tetap nyaman saat beban tinggi.",
    ],
    "loyal": ["Menjaga kerahasiaan data pasien dengan baik."],
    "adaptif": [
        "Cepat menyesuaikan diri dengan sistem pelaporan baru.",
        "Perlu lebih berani mencoba cara kerja baru.",
    ],
    "kolaboratif": [
        "Aktif mengajak puskesmas bekerja sama dalam kegiatan promosi kesehatan.",
        "Bisa lebih melibatkan kader posyandu sejak perencanaan.",
    ],
    "overall": [
        "Rekan kerja yang dapat diandalkan.",
        "Terus pertahankan semangat kerjanya.",
        "Koordinasi dengan seksi lain masih bisa ditingkatkan.",
    ],
}


@dataclass(frozen=True)
class DemoRound:
    round: Round
    subjects: int
    answers: int


def _score(rng: random.Random, level: float, relation: str) -> int:
    bias = 0.4 if relation == "self" else 0.0
    return max(1, min(5, round(rng.gauss(level + bias, 0.7))))


@transaction.atomic
def demo_multirater_create(
    *,
    agency: Agency,
    period: AssessmentPeriod,
    seed: int = DEFAULT_SEED,
    unit: Unit | None = None,
    actor=None,
) -> DemoRound:
    """The closed demo round (see the module docstring), over ``unit`` if given. Does
    nothing when the period already has a round over that unit."""
    personas = persona_assignments(agency)
    if unit is None:
        if "assessor_superior" not in personas:
            raise ApplicationError(_("The demo agency has no demo assessor's superior."))
        unit = personas["assessor_superior"].position.unit
    existing = Round.objects.filter(period=period, root_unit=unit).first()
    if existing is not None:
        return DemoRound(round=existing, subjects=0, answers=0)
    round_ = round_open(root_unit=unit, period=period, actor=actor, draft=True)
    round_start(round=round_, actor=actor, tell_raters=False, reason="demo")
    rng = random.Random(f"multirater:{seed}")  # noqa: S311 -- demo data, not a secret
    persona_ids = {a.employee_id for a in personas.values()}
    assignments = list(
        RaterAssignment.objects.filter(subject__round=round_)
        .select_related("subject")
        .order_by("subject__employee__name", "subject_id", "relation", "rater_id")
    )
    by_subject: dict[int, list[RaterAssignment]] = {}
    for assignment in assignments:
        by_subject.setdefault(assignment.subject_id, []).append(assignment)
    hidden_subject = next(
        (
            subject_id
            for subject_id, rows in by_subject.items()
            if rows[0].subject.employee_id not in persona_ids
            and sum(r.relation == "peer" for r in rows) >= 4
        ),
        None,
    )
    answers, answered = [], []
    for subject_id, rows in by_subject.items():
        levels = {code: rng.uniform(3.0, 4.6) for code in CORE_VALUE_CODES}
        peers_left = 2 if subject_id == hidden_subject else None
        for assignment in rows:
            if assignment.relation == "peer" and peers_left is not None:
                if peers_left == 0:
                    continue
                peers_left -= 1
            elif rng.random() > ANSWER_RATE[assignment.relation]:
                continue
            comments = {}
            if rng.random() < 0.5:
                key = rng.choice(list(COMMENTS))
                comments[key] = rng.choice(COMMENTS[key])
            answers.append(
                Answer(
                    subject_id=subject_id,
                    relation=assignment.relation,
                    scores={
                        code: _score(rng, levels[code], assignment.relation)
                        for code in CORE_VALUE_CODES
                    },
                    comments=comments,
                )
            )
            answered.append(assignment.pk)
    # Random keys, and inserted in a shuffled order, as the live path leaves them.
    rng.shuffle(answers)
    Answer.objects.bulk_create(answers)
    RaterAssignment.objects.filter(pk__in=answered).update(status=AssignmentStatus.ANSWERED)
    log_action(
        actor=actor,
        action="multirater.answer_received",
        obj=round_,
        after={"answers": len(answers)},
    )
    round_close(round=round_, actor=actor, reason="demo")
    return DemoRound(round=round_, subjects=len(by_subject), answers=len(answers))
