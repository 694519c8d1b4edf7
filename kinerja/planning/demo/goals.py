"""Organisation goals (sasaran strategis) with key indicators (IKU) of the demo city and
its offices, and the results their senior executives (JPT) plan against them.

Each goal names the result its unit head plans for it (``rhk``), the perspective of
that result (domain.md §1.3) and the units whose people deliver it (``feeds``: unit
code prefixes), so the cascade below a head follows the subject of the goal.
"""

from dataclasses import dataclass

from kinerja.planning.demo.results import Measure, cost, qty, qual, time
from kinerja.planning.enums import Perspective

SERVICE = Perspective.SERVICE_RECIPIENTS
PROCESS = Perspective.BUSINESS_PROCESS
INTERNAL = Perspective.INTERNAL_STRENGTHENING
BUDGET = Perspective.BUDGET


@dataclass(frozen=True)
class GoalSpec:
    number: int
    title: str
    ikus: tuple[Measure, ...]
    rhk: str
    perspective: str
    feeds: tuple[str, ...] = ()


CITY_GOALS = (
    GoalSpec(1, "Meningkatnya kualitas tata kelola pemerintahan daerah", (
        qual("Nilai evaluasi SAKIP Kota", 75, unit="nilai"),
        qual("Indeks Reformasi Birokrasi", 75, unit="indeks"),
    ), "Terwujudnya tata kelola pemerintahan yang efektif dan akuntabel", INTERNAL,
        ("BKPSDM",)),
    GoalSpec(2, "Meningkatnya kualitas pelayanan publik", (
        qual("Indeks kepuasan masyarakat terhadap pelayanan publik", 85, unit="indeks"),
        qual("Persentase perangkat daerah berpredikat kepatuhan pelayanan publik tinggi",
             100),
    ), "Meningkatnya kualitas pelayanan publik perangkat daerah", SERVICE,
        ("DPMPTSP-PERIZINAN", "DPMPTSP-PENGADUAN")),
    GoalSpec(3, "Meningkatnya kualitas sumber daya manusia", (
        qual("Indeks Pembangunan Manusia", 83.5, unit="indeks"),
        qual("Usia harapan hidup", 72.5, unit="tahun"),
    ), "Meningkatnya mutu layanan pendidikan dan kesehatan kota", SERVICE,
        ("DINKES", "DISDIK")),
    GoalSpec(4, "Meningkatnya pertumbuhan ekonomi daerah yang inklusif", (
        qual("Laju pertumbuhan ekonomi", 5.5),
        qty("Jumlah kunjungan wisatawan", 1800000, unit="kunjungan"),
    ), "Terkoordinasinya kebijakan perekonomian, investasi dan pariwisata", PROCESS,
        ("DISPAR", "DPMPTSP-PM")),
    GoalSpec(5, "Meningkatnya kualitas lingkungan hidup dan transportasi kota", (
        qual("Indeks kualitas lingkungan hidup", 62, unit="indeks"),
        qual("Persentase sampah yang tertangani", 85),
    ), "Terkendalinya kualitas lingkungan hidup dan transportasi kota", PROCESS,
        ("DLH", "DISHUB")),
    GoalSpec(6, "Meningkatnya akuntabilitas pengelolaan keuangan daerah", (
        cost("Persentase realisasi belanja daerah", 95),
        qual("Persentase rekomendasi hasil pemeriksaan BPK yang ditindaklanjuti", 90),
    ), "Terkelolanya keuangan daerah secara tertib dan akuntabel", BUDGET),
)  # fmt: skip

# The three assistants of the Regional Secretary: (city goal, result, perspective,
# indicators) by the code of their unit.
ASSISTANT_RESULTS = {
    "AS1": (
        (2, "Terkoordinasinya penyelenggaraan pemerintahan dan pelayanan publik", SERVICE, (
            qual("Persentase rekomendasi kebijakan pemerintahan yang ditindaklanjuti", 80),
            qty("Jumlah rapat koordinasi perangkat daerah dan kecamatan", 12, unit="kali"),
        )),
        (3, "Terkoordinasinya program kesejahteraan rakyat", SERVICE, (
            qual("Persentase program kesejahteraan rakyat yang terlaksana", 90),
            qty("Jumlah kegiatan pembinaan mental spiritual", 12, unit="kegiatan"),
        )),
    ),
    "AS2": (
        (4, "Terkoordinasinya kebijakan perekonomian dan pembangunan", PROCESS, (
            qual("Persentase realisasi fisik kegiatan pembangunan", 95),
            qty("Jumlah laporan pengendalian pembangunan", 12, unit="laporan"),
        )),
        (5, "Terkendalinya pengadaan barang/jasa pemerintah daerah", PROCESS, (
            qual("Persentase paket pengadaan yang selesai tepat waktu", 95),
            time("Rata-rata waktu proses tender", 35, unit="hari"),
        )),
    ),
    "AS3": (
        (1, "Terkoordinasinya administrasi umum dan organisasi Sekretariat Daerah", INTERNAL, (
            qual("Nilai evaluasi kelembagaan perangkat daerah", 80, unit="nilai"),
            qty("Jumlah dokumen analisis jabatan dan tata laksana", 10, unit="dokumen"),
        )),
        (6, "Terkelolanya anggaran Sekretariat Daerah secara akuntabel", BUDGET, (
            cost("Persentase realisasi anggaran Sekretariat Daerah", 95),
        )),
    ),
}  # fmt: skip

OFFICE_GOALS = {
    "DINKES": (
        GoalSpec(1, "Meningkatnya derajat kesehatan masyarakat", (
            qual("Angka kematian ibu per 100.000 kelahiran hidup", 85,
                 unit="per 100.000 KH"),
            qual("Prevalensi balita stunting", 14),
        ), "Menurunnya angka kematian ibu dan prevalensi stunting", SERVICE,
            ("DINKES-KESMAS", "DINKES-PKM")),
        GoalSpec(2, "Meningkatnya mutu pelayanan kesehatan dasar", (
            qual("Persentase puskesmas terakreditasi paripurna", 60),
            qual("Indeks kepuasan masyarakat terhadap layanan puskesmas", 85, unit="indeks"),
        ), "Meningkatnya mutu dan akses layanan kesehatan di puskesmas", PROCESS,
            ("DINKES-YANKES", "DINKES-SDK", "DINKES-PKM")),
        GoalSpec(3, "Meningkatnya pengendalian penyakit menular dan tidak menular", (
            qual("Cakupan imunisasi dasar lengkap", 95),
            qual("Angka keberhasilan pengobatan tuberkulosis", 90),
        ), "Terkendalinya penyakit menular dan tidak menular", SERVICE, ("DINKES-P2P",)),
    ),
    "DISDIK": (
        GoalSpec(1, "Meningkatnya mutu pendidikan dasar", (
            qual("Persentase sekolah terakreditasi A", 70),
            qual("Persentase satuan pendidikan dengan literasi di atas kompetensi minimum",
                 75),
        ), "Meningkatnya mutu layanan pendidikan dasar", SERVICE,
            ("DISDIK-SD", "DISDIK-SMP", "DISDIK-GTK")),
        GoalSpec(2, "Meningkatnya akses dan pemerataan pendidikan", (
            qual("Angka partisipasi murni SD", 99),
            qual("Angka partisipasi murni SMP", 85),
        ), "Meratanya akses layanan pendidikan anak usia dini dan dasar", PROCESS,
            ("DISDIK-PAUD", "DISDIK-SMP")),
    ),
    "DISHUB": (
        GoalSpec(1, "Meningkatnya keselamatan dan kelancaran lalu lintas", (
            qual("Rasio kecelakaan lalu lintas per 100.000 penduduk", 25,
                 unit="per 100.000"),
            qual("Rata-rata kecepatan perjalanan di jalan arteri", 27, unit="km/jam"),
        ), "Meningkatnya keselamatan dan kelancaran lalu lintas kota", SERVICE,
            ("DISHUB-LALIN", "DISHUB-KESELAMATAN")),
        GoalSpec(2, "Meningkatnya kualitas pelayanan angkutan umum dan pengujian kendaraan", (
            qual("Persentase kendaraan wajib uji yang laik jalan", 90),
            qual("Indeks kepuasan pengguna layanan pengujian kendaraan", 82, unit="indeks"),
        ), "Meningkatnya mutu layanan angkutan umum dan pengujian kendaraan", PROCESS,
            ("DISHUB-ANGKUTAN", "DISHUB-PKB")),
    ),
    "DLH": (
        GoalSpec(1, "Meningkatnya kualitas lingkungan hidup", (
            qual("Indeks kualitas lingkungan hidup", 62, unit="indeks"),
            qual("Indeks kualitas udara", 85, unit="indeks"),
        ), "Terkendalinya pencemaran dan kerusakan lingkungan hidup", SERVICE,
            ("DLH-PPKL", "DLH-TATA", "DLH-LAB")),
        GoalSpec(2, "Meningkatnya pengelolaan sampah", (
            qual("Persentase sampah yang tertangani", 85),
            qual("Persentase pengurangan sampah", 25),
        ), "Meningkatnya penanganan dan pengurangan sampah kota", PROCESS,
            ("DLH-SAMPAH", "DLH-TPA")),
    ),
    "DISPAR": (
        GoalSpec(1, "Meningkatnya kunjungan wisatawan", (
            qty("Jumlah kunjungan wisatawan nusantara", 1800000, unit="kunjungan"),
            qty("Jumlah kunjungan wisatawan mancanegara", 25000, unit="kunjungan"),
        ), "Meningkatnya daya tarik dan promosi destinasi wisata", SERVICE,
            ("DISPAR-DESTINASI", "DISPAR-PEMASARAN")),
        GoalSpec(2, "Meningkatnya daya saing ekonomi kreatif dan usaha pariwisata", (
            qty("Jumlah usaha pariwisata dan ekonomi kreatif bersertifikat", 150,
                unit="usaha"),
            qual("Kontribusi sektor pariwisata terhadap PDRB", 6.5),
        ), "Meningkatnya kualitas usaha pariwisata dan ekonomi kreatif", PROCESS,
            ("DISPAR-EKRAF",)),
    ),
    "BKPSDM": (
        GoalSpec(1, "Meningkatnya profesionalitas ASN", (
            qual("Indeks profesionalitas ASN", 72, unit="indeks"),
            qual("Persentase ASN yang memenuhi standar kompetensi jabatan", 60),
        ), "Meningkatnya kompetensi dan profesionalitas ASN", SERVICE,
            ("BKPSDM-BANGKOM", "BKPSDM-PENGADAAN", "BKPSDM-MUTASI")),
        GoalSpec(2, "Meningkatnya kualitas manajemen kinerja ASN", (
            qual("Persentase ASN dengan SKP yang ditetapkan tepat waktu", 95),
            qual("Persentase ASN dengan predikat kinerja minimal Baik", 90),
        ), "Terselenggaranya manajemen kinerja ASN yang objektif", PROCESS,
            ("BKPSDM-KINERJA",)),
    ),
    "DPMPTSP": (
        GoalSpec(1, "Meningkatnya kualitas pelayanan perizinan", (
            time("Rata-rata waktu penyelesaian izin (hari)", 3, unit="hari"),
            qual("Indeks kepuasan masyarakat atas layanan perizinan", 86, unit="indeks"),
        ), "Meningkatnya kecepatan dan kepastian layanan perizinan", SERVICE,
            ("DPMPTSP-PERIZINAN", "DPMPTSP-PENGADUAN")),
        GoalSpec(2, "Meningkatnya realisasi investasi", (
            qty("Nilai realisasi investasi", 8000, unit="miliar rupiah"),
            qty("Jumlah proyek penanaman modal baru", 500, unit="proyek"),
        ), "Meningkatnya realisasi penanaman modal", PROCESS, ("DPMPTSP-PM",)),
    ),
}  # fmt: skip


def generic_goals(office_name: str) -> tuple[GoalSpec, ...]:
    """Goals of an office the demo has no specific text for (synthetic agencies)."""
    return (
        GoalSpec(1, f"Meningkatnya kinerja pelayanan {office_name}", (
            qual("Indeks kepuasan masyarakat terhadap layanan", 82, unit="indeks"),
            qual("Persentase capaian standar pelayanan", 95),
        ), f"Meningkatnya kualitas layanan {office_name}", SERVICE),
    )  # fmt: skip


def internal_goal(number: int, office_code: str, office_name: str) -> GoalSpec:
    """Every office also plans for its own accountability; its secretariat delivers it."""
    return GoalSpec(
        number,
        f"Meningkatnya akuntabilitas kinerja dan keuangan {office_name}",
        (
            qual("Nilai evaluasi SAKIP perangkat daerah", 78, unit="nilai"),
            cost("Persentase realisasi anggaran", 95),
        ),
        f"Terwujudnya tata kelola {office_name} yang akuntabel",
        INTERNAL,
        (f"{office_code}-SEKR",),
    )


def plan_period_source(year: int) -> str:
    """The planning documents a goal comes from: the five-year plan in force and this
    year's performance agreement."""
    first = 2025 + 5 * ((year - 2025) // 5)
    return f"Renstra {first}–{first + 4}, PK {year}"
