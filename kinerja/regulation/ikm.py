"""The public satisfaction index (Indeks Kepuasan Masyarakat, IKM).

Source: PermenPAN-RB 14/2017 on the Survei Kepuasan Masyarakat (domain.md §4). Nine
elements (unsur), each answered on a 1–4 scale with element-specific wording; the mean
per element (NRR) is weighted by exactly 1/9 and converted to 25–100 by multiplying by
25; the grade (mutu pelayanan A–D) is read from the NI interval table.

Everything here is exact (``fractions.Fraction``) until a figure is shown: the weight
is 1/9, never 0.111 (domain.md §8 item 8; the worked example that rounds the weight
gives 90.56 instead of the correct 91.48). Figures are rounded half up, to 4 decimals for
NRR and 2 for the index, only when displayed.

Explanations are plain Indonesian sentences, because the official survey language is
Indonesian and this module imports nothing (no translation machinery).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from kinerja.regulation.sampling import Interval, mean_interval, round_half_up

SOURCE = "PermenPAN-RB 14/2017 (Pedoman Penyusunan Survei Kepuasan Masyarakat)"

SCALE_MIN = 1
SCALE_MAX = 4
CONVERSION = 25  # 1–4 becomes 25–100
INDEX_MIN = SCALE_MIN * CONVERSION
INDEX_MAX = SCALE_MAX * CONVERSION


@dataclass(frozen=True)
class Element:
    """One survey element with its question and its 1–4 answer wording (index 0 is 1)."""

    code: str
    name_id: str
    name_en: str
    question_id: str
    question_en: str
    answers_id: tuple[str, str, str, str]
    answers_en: tuple[str, str, str, str]

    def name(self, language: str) -> str:
        return self.name_en if language.startswith("en") else self.name_id

    def question(self, language: str) -> str:
        return self.question_en if language.startswith("en") else self.question_id

    def answers(self, language: str) -> tuple[str, str, str, str]:
        """The four answers, worst (1) first."""
        return self.answers_en if language.startswith("en") else self.answers_id


# The nine elements in the order of the Permen's annex, with the questionnaire wording
# customary in units that follow it (the answers go from 1, worst, to 4, best). Some
# tools swap elements 8 and 9; the order does not change the index (domain.md §4.1).
ELEMENTS_2017: tuple[Element, ...] = (
    Element(
        "u1",
        "Persyaratan",
        "Requirements",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan "
        "jenis pelayanannya?",
        "How well do the service requirements fit the kind of service?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ("Not suitable", "Less suitable", "Suitable", "Very suitable"),
    ),
    Element(
        "u2",
        "Sistem, Mekanisme, dan Prosedur",
        "System, mechanism and procedure",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "How easy is the service procedure at this unit?",
        ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
        ("Not easy", "Not quite easy", "Easy", "Very easy"),
    ),
    Element(
        "u3",
        "Waktu Penyelesaian",
        "Completion time",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        "How fast was the service delivered?",
        ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
        ("Not fast", "Not quite fast", "Fast", "Very fast"),
    ),
    Element(
        "u4",
        "Biaya/Tarif",
        "Cost/fee",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        "How fair is the cost or fee of the service?",
        ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
        ("Very expensive", "Quite expensive", "Cheap", "Free"),
    ),
    Element(
        "u5",
        "Produk Spesifikasi Jenis Pelayanan",
        "Product specification of the service",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang "
        "tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        "How well does the result you received match what the service standard promises?",
        ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
        ("Not suitable", "Less suitable", "Suitable", "Very suitable"),
    ),
    Element(
        "u6",
        "Kompetensi Pelaksana",
        "Staff competence",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        "How competent were the staff who served you?",
        ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
        ("Not competent", "Less competent", "Competent", "Very competent"),
    ),
    Element(
        "u7",
        "Perilaku Pelaksana",
        "Staff behaviour",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
        "kesopanan dan keramahan?",
        "How polite and friendly were the staff who served you?",
        (
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ),
        (
            "Not polite or friendly",
            "Less polite and friendly",
            "Polite and friendly",
            "Very polite and friendly",
        ),
    ),
    Element(
        "u8",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Handling of complaints, suggestions and input",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        "How are complaints from service users handled?",
        (
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ),
        ("There is none", "Exists but does not work", "Works, but not fully", "Well managed"),
    ),
    Element(
        "u9",
        "Sarana dan Prasarana",
        "Facilities",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        "How good are the facilities?",
        ("Buruk", "Cukup", "Baik", "Sangat baik"),
        ("Poor", "Fair", "Good", "Very good"),
    ),
)
ELEMENT_CODES: tuple[str, ...] = tuple(e.code for e in ELEMENTS_2017)
ELEMENT_COUNT = len(ELEMENTS_2017)
WEIGHT = Fraction(1, ELEMENT_COUNT)


class Grade(StrEnum):
    """Mutu pelayanan."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


@dataclass(frozen=True)
class Band:
    grade: Grade
    label_id: str  # kinerja unit pelayanan
    label_en: str
    ni_from: Fraction  # lowest NRR of the band, inclusive
    ni_to: Fraction  # highest NRR as printed in the table
    nik_from: Decimal
    nik_to: Decimal

    def label(self, language: str) -> str:
        """Kinerja unit pelayanan in ``language`` (Indonesian unless English)."""
        return self.label_en if language.startswith("en") else self.label_id


# The table of the Permen (domain.md §4.4), best first. The printed NI intervals leave
# gaps (2.5996–2.60, 3.064–3.0644, 3.532–3.5324). They are closed downwards: each band
# starts at its printed lower bound, inclusive, and reaches up to the next band's lower
# bound, exclusive. So a weighted NRR in a gap keeps the lower grade: it has not reached
# the next band's printed start. The NIK lower bounds are exactly the NI lower bounds
# × 25 (65.00, 76.61, 88.31), so both columns give the same grade for the same value.
BANDS_2017: tuple[Band, ...] = (
    Band(
        Grade.A,
        "Sangat Baik",
        "Very good",
        Fraction("3.5324"),
        Fraction(4),
        Decimal("88.31"),
        Decimal("100.00"),
    ),
    Band(
        Grade.B,
        "Baik",
        "Good",
        Fraction("3.0644"),
        Fraction("3.532"),
        Decimal("76.61"),
        Decimal("88.30"),
    ),
    Band(
        Grade.C,
        "Kurang Baik",
        "Not quite good",
        Fraction("2.60"),
        Fraction("3.064"),
        Decimal("65.00"),
        Decimal("76.60"),
    ),
    Band(
        Grade.D,
        "Tidak Baik",
        "Not good",
        Fraction(1),
        Fraction("2.5996"),
        Decimal("25.00"),
        Decimal("64.99"),
    ),
)


def band_for_ni(ni: Fraction) -> Band:
    """The band of a weighted NRR (1–4), gaps closed downwards (see ``BANDS_2017``)."""
    if not SCALE_MIN <= ni <= SCALE_MAX:
        raise ValueError(f"NRR {ni} is outside {SCALE_MIN}–{SCALE_MAX}")
    for band in BANDS_2017:
        if ni >= band.ni_from:
            return band
    raise AssertionError("unreachable: the last band starts at the scale minimum")


def band_for_index(index: Fraction) -> Band:
    """The band of an index value (25–100): the band of index / 25."""
    return band_for_ni(Fraction(index) / CONVERSION)


Answers = Sequence[int | None]


def _check(answers: Answers) -> None:
    if len(answers) != ELEMENT_COUNT:
        raise ValueError(f"expected {ELEMENT_COUNT} answers, got {len(answers)}")
    for value in answers:
        if value is not None and not SCALE_MIN <= value <= SCALE_MAX:
            raise ValueError(f"answer {value} is outside {SCALE_MIN}–{SCALE_MAX}")


@dataclass(frozen=True)
class ElementResult:
    element: Element
    answered: int
    total: int
    nrr: Fraction | None  # None when nobody answered the element
    interval: Interval | None
    explanation: str

    @property
    def nrr_display(self) -> Decimal | None:
        return None if self.nrr is None else round_half_up(self.nrr, 4)

    @property
    def weighted_display(self) -> Decimal | None:
        """NRR × 1/9, the element's share of the weighted NRR."""
        return None if self.nrr is None else round_half_up(self.nrr * WEIGHT, 4)

    @property
    def index_display(self) -> Decimal | None:
        """The element's NRR on the 25–100 scale (the customary "NRR × 25" column)."""
        return None if self.nrr is None else round_half_up(self.nrr * CONVERSION, 2)


@dataclass(frozen=True)
class IndexResult:
    respondents: int
    elements: tuple[ElementResult, ...]
    weighted_nrr: Fraction | None  # mean of the NRRs = Σ NRR × 1/9
    index: Fraction | None  # weighted NRR × 25
    band: Band | None
    interval: Interval | None  # on the 25–100 scale
    explanation: str
    grade_explanation: str
    interval_explanation: str

    @property
    def index_display(self) -> Decimal | None:
        return None if self.index is None else round_half_up(self.index, 2)

    @property
    def weighted_nrr_display(self) -> Decimal | None:
        return None if self.weighted_nrr is None else round_half_up(self.weighted_nrr, 4)


def element_nrr(values: Iterable[int | None]) -> Fraction | None:
    """NRR of one element: the sum of its scores over the number who answered it."""
    answered = [v for v in values if v is not None]
    return Fraction(sum(answered), len(answered)) if answered else None


def weighted_nrr(nrrs: Sequence[Fraction]) -> Fraction:
    """Σ NRR_u × 1/9 with the exact weight — the same as the mean of the nine NRRs."""
    if len(nrrs) != ELEMENT_COUNT:
        raise ValueError(f"expected {ELEMENT_COUNT} NRRs, got {len(nrrs)}")
    return sum((nrr * WEIGHT for nrr in nrrs), Fraction(0))


def index_from_nrrs(nrrs: Sequence[Fraction]) -> Fraction:
    """IKM = weighted NRR × 25 (25–100)."""
    return weighted_nrr(nrrs) * CONVERSION


def index_from_total(total: int, respondents: int) -> Fraction:
    """IKM = 25 × (sum of all scores) ÷ (respondents × 9), for respondents who answered
    every element (domain.md §4.3): then each NRR has the same divisor and the weighted
    NRR is the grand mean, so sums per group or period give the exact index."""
    if respondents < 1:
        raise ValueError("the index needs at least one respondent")
    return Fraction(total, respondents * ELEMENT_COUNT) * CONVERSION


def _fmt(value: Decimal | Fraction | None, places: int = 2) -> str:
    """A number in Indonesian notation (decimal comma)."""
    if value is None:
        return "-"
    if isinstance(value, Fraction):
        value = round_half_up(value, places)
    return str(value).replace(".", ",")


def explain_grade(index: Fraction) -> str:
    band = band_for_index(index)
    ni = Fraction(index) / CONVERSION
    return (
        f"Nilai indeks {_fmt(index)} setara NRR tertimbang {_fmt(ni, 4)} (indeks ÷ 25). "
        f"Menurut tabel {SOURCE}, NRR {_fmt(band.ni_from, 4)} ke atas "
        f"{'sampai 4,00' if band.grade == Grade.A else 'dan di bawah batas mutu berikutnya'} "
        f"bermutu {band.grade} ({band.label_id}); nilai di celah antara dua interval tabel "
        f"tetap di mutu yang lebih rendah karena belum mencapai batas bawah mutu berikutnya."
    )


INDEX_INTERVAL_METHOD = (
    "Selang kepercayaan indeks: untuk setiap responden dihitung rata-rata jawabannya atas "
    "unsur yang ia isi, dikali 25; lalu selang t 95 % dari rata-rata nilai-nilai itu "
    "(rata-rata ± t × simpangan baku sampel ÷ √n), dipotong pada rentang 25–100. Bila semua "
    "unsur diisi, rata-rata nilai responden sama persis dengan IKM."
)


def index_result(
    responses: Sequence[Answers], confidence: Fraction = Fraction(95, 100)
) -> IndexResult:
    """NRR per element with its t-interval, the index with its interval, and the grade.

    ``responses`` holds one sequence of nine answers (1–4 or None for a blank) per
    respondent, in the order of ``ELEMENTS_2017``.
    """
    for answers in responses:
        _check(answers)
    n = len(responses)
    elements = []
    for position, element in enumerate(ELEMENTS_2017):
        values: list[int] = [v for a in responses if (v := a[position]) is not None]
        nrr = element_nrr(values)
        interval = (
            mean_interval(values, confidence, low=SCALE_MIN, high=SCALE_MAX) if values else None
        )
        if nrr is None:
            text = f"Unsur {element.name_id}: belum ada jawaban."
        else:
            text = (
                f"NRR {element.name_id} = jumlah nilai {sum(values)} ÷ {len(values)} responden "
                f"yang menjawab = {_fmt(nrr, 4)}."
            )
            if interval is not None:
                text += " " + interval.explanation
            else:
                text += " Selang kepercayaan memerlukan sedikitnya dua jawaban."
        elements.append(ElementResult(element, len(values), sum(values), nrr, interval, text))
    nrrs = [e.nrr for e in elements]
    if n == 0 or any(nrr is None for nrr in nrrs):
        return IndexResult(
            respondents=n,
            elements=tuple(elements),
            weighted_nrr=None,
            index=None,
            band=None,
            interval=None,
            explanation=(
                "Indeks belum dapat dihitung: setiap unsur memerlukan sedikitnya satu jawaban."
            ),
            grade_explanation="Mutu pelayanan belum dapat ditentukan tanpa indeks.",
            interval_explanation=INDEX_INTERVAL_METHOD,
        )
    complete = [nrr for nrr in nrrs if nrr is not None]
    weighted = weighted_nrr(complete)
    index = weighted * CONVERSION
    per_respondent = []
    for answers in responses:
        given = [v for v in answers if v is not None]
        if given:
            per_respondent.append(Fraction(sum(given), len(given)) * CONVERSION)
    interval = mean_interval(per_respondent, confidence, low=INDEX_MIN, high=INDEX_MAX)
    nrr_terms = " + ".join(_fmt(nrr, 4) for nrr in complete)
    explanation = (
        f"IKM = (jumlah NRR sembilan unsur × 1/9) × 25 = ({nrr_terms}) ÷ 9 × 25 = "
        f"{_fmt(weighted, 4)} × 25 = {_fmt(index)}. Bobot setiap unsur tepat 1/9 "
        f"(bukan 0,111 yang dibulatkan), sesuai {SOURCE}."
    )
    interval_text = INDEX_INTERVAL_METHOD
    if interval is not None:
        interval_text += " " + interval.explanation
    return IndexResult(
        respondents=n,
        elements=tuple(elements),
        weighted_nrr=weighted,
        index=index,
        band=band_for_ni(weighted),
        interval=interval,
        explanation=explanation,
        grade_explanation=explain_grade(index),
        interval_explanation=interval_text,
    )
