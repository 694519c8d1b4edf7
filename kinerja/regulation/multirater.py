"""360° feedback on the BerAKHLAK values: the scale, the anonymity threshold and the
aggregation of answers by rater group.

Source: the seven core values and their guide behaviours are SE MenPAN-RB 20/2021
(domain.md §2, ``berakhlak.py``). PermenPAN-RB 6/2022 asks the assessor for one
qualitative behaviour rating and gives **no numeric 360° scale**; the 1–5 scale below is
this application's own (the *house scale*), a frequency scale of the kind used in
multi-rater surveys, so the anchors describe what a rater saw rather than a verdict.
The result of a round is an *input* the assessor reads beside the behaviour rating,
never a score that sets it.

Anonymity (house rule, issue 5): the answers of peers and of subordinates are released
only as aggregates, and only when at least ``MIN_GROUP`` people of that group answered.
A round may ask for more (``min_group``), never fewer. The assessor is a single person
whose identity the employee knows, and the self-assessment is the employee's own, so
those two groups are not anonymous and are shown as they are.
"""

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from kinerja.regulation.berakhlak import BERAKHLAK_2021, CORE_VALUE_CODES

SOURCE = (
    "SE MenPAN-RB 20/2021 (nilai dasar BerAKHLAK); skala 1–5 dan ambang anonimitas "
    "adalah aturan aplikasi ini, karena PermenPAN-RB 6/2022 tidak menetapkan skala "
    "umpan balik 360°"
)

MIN_GROUP = 3
"""The fewest answers of an anonymous group that may ever be shown. A round may raise
it; nothing may lower it."""

MAX_PROPOSED_PEERS = 5
"""How many peers are proposed for one employee: enough that the group can reach the
threshold when some of them do not answer, few enough not to burden a large unit."""

MIN_PROPOSED_PEERS = 3
"""Below this many peers in the employee's own unit and level, the proposal widens to
the parent unit."""


class Relation(StrEnum):
    """How a rater stands to the employee rated (the rater group)."""

    ASSESSOR = "assessor"
    PEER = "peer"
    SUBORDINATE = "subordinate"
    SELF = "self"


ANONYMOUS_RELATIONS: frozenset[Relation] = frozenset({Relation.PEER, Relation.SUBORDINATE})

RELATION_NAMES: dict[Relation, str] = {
    Relation.ASSESSOR: "pejabat penilai",
    Relation.PEER: "rekan kerja",
    Relation.SUBORDINATE: "bawahan",
    Relation.SELF: "diri sendiri",
}


@dataclass(frozen=True)
class ScalePoint:
    score: int
    label: str  # short, for the answer form's buttons
    description: str  # what the rater saw, in full


HOUSE_SCALE_1_5: tuple[ScalePoint, ...] = (
    ScalePoint(1, "Sangat jarang", "Hampir tidak pernah menunjukkan perilaku ini."),
    ScalePoint(2, "Jarang", "Sesekali menunjukkan perilaku ini, masih perlu banyak dorongan."),
    ScalePoint(3, "Kadang-kadang", "Menunjukkan perilaku ini pada sebagian kesempatan."),
    ScalePoint(4, "Sering", "Menunjukkan perilaku ini pada sebagian besar kesempatan."),
    ScalePoint(5, "Selalu", "Selalu menunjukkan perilaku ini dan menjadi teladan bagi orang lain."),
)
SCALE_MIN = HOUSE_SCALE_1_5[0].score
SCALE_MAX = HOUSE_SCALE_1_5[-1].score


def effective_min_group(configured: int | None = None) -> int:
    """The threshold a round applies: its own setting, but never below ``MIN_GROUP``."""
    if configured is None:
        return MIN_GROUP
    return max(MIN_GROUP, int(configured))


def is_anonymous(relation: str) -> bool:
    return relation in ANONYMOUS_RELATIONS


def score_problems(scores: Mapping[str, object]) -> list[str]:
    """What is wrong with one rater's scores: every value scored, each 1–5, nothing else.

    Returns codes: ``missing:<value>``, ``range:<value>``, ``unknown:<key>``.
    """
    problems = []
    for code in CORE_VALUE_CODES:
        if code not in scores or scores[code] is None or scores[code] == "":
            problems.append(f"missing:{code}")
            continue
        value = scores[code]
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not SCALE_MIN <= value <= SCALE_MAX
        ):
            problems.append(f"range:{code}")
    problems.extend(f"unknown:{key}" for key in scores if key not in CORE_VALUE_CODES)
    return problems


@dataclass(frozen=True)
class ValueAggregate:
    """One core value within one rater group: how many scored it, the mean and how the
    scores spread over the scale (``distribution[score] = count``)."""

    code: str
    count: int
    mean: Fraction
    distribution: dict[int, int]

    @property
    def mean_display(self) -> str:
        """The mean with two decimals and a decimal comma, as Indonesian documents write."""
        rounded = round(float(self.mean), 2)
        return f"{rounded:.2f}".replace(".", ",")


@dataclass(frozen=True)
class GroupAggregate:
    relation: str
    count: int
    values: tuple[ValueAggregate, ...]


def aggregate_group(
    relation: str, answers: Sequence[Mapping[str, int]], *, min_group: int | None = None
) -> GroupAggregate | None:
    """The aggregate of one rater group's answers, or ``None`` when it may not be shown.

    For an anonymous group (peers, subordinates) nothing is computed at all below the
    threshold, so no figure can leak through a rounding or a "why" panel. The assessor
    and self groups are shown from one answer on.
    """
    if not answers:
        return None
    if is_anonymous(relation) and len(answers) < effective_min_group(min_group):
        return None
    values = []
    for code in CORE_VALUE_CODES:
        scores = [int(a[code]) for a in answers if a.get(code) is not None]
        if not scores:
            continue
        distribution = {point.score: 0 for point in HOUSE_SCALE_1_5}
        for score in scores:
            distribution[score] += 1
        values.append(
            ValueAggregate(
                code=code,
                count=len(scores),
                mean=Fraction(sum(scores), len(scores)),
                distribution=distribution,
            )
        )
    return GroupAggregate(relation=relation, count=len(answers), values=tuple(values))


def release_comments(
    relation: str,
    comments: Iterable[str],
    *,
    answered: int,
    min_group: int | None = None,
    rng: random.Random | None = None,
) -> list[str]:
    """The comments of a group that may be shown, in a fresh random order.

    An anonymous group's comments are released only when its answers reach the
    threshold, like its figures. The order is drawn anew each time (by default from the
    operating system's generator), so it says nothing about who answered first.
    """
    texts = [text.strip() for text in comments if text and text.strip()]
    if is_anonymous(relation) and answered < effective_min_group(min_group):
        return []
    (rng or random.SystemRandom()).shuffle(texts)
    return texts


def explain_scale() -> str:
    points = "; ".join(f"{p.score} = {p.label} ({p.description})" for p in HOUSE_SCALE_1_5)
    return (
        f"Setiap penilai memberi skor {SCALE_MIN}–{SCALE_MAX} untuk masing-masing dari "
        f"{len(BERAKHLAK_2021)} nilai dasar BerAKHLAK: {points} Skala ini adalah skala "
        "aplikasi; PermenPAN-RB 6/2022 tidak menetapkan skala angka untuk umpan balik 360°."
    )


def explain_group(relation: str, count: int, *, min_group: int | None = None) -> str:
    """Why a group's figures are shown or hidden, in plain Indonesian."""
    threshold = effective_min_group(min_group)
    name = RELATION_NAMES.get(Relation(relation), relation)
    if not is_anonymous(relation):
        if count == 0:
            return f"Belum ada jawaban dari {name}."
        return (
            f"Jawaban {name} tidak anonim (hanya satu orang) dan ditampilkan apa adanya "
            "sebagai bahan pertimbangan, bukan sebagai nilai."
        )
    if count < threshold:
        return (
            f"Tidak ditampilkan: kurang dari {threshold} {name} menjawab, sehingga "
            "jawaban perorangan dapat dikenali. Angka dan komentar kelompok ini "
            "dirahasiakan."
        )
    return (
        f"Rata-rata dan sebaran skor dari {count} {name} (minimal {threshold} agar "
        "anonim). Komentar ditampilkan tanpa nama dan dalam urutan acak. Hasil ini "
        "adalah masukan bagi pejabat penilai untuk rating perilaku kerja, bukan nilai "
        "otomatis."
    )
