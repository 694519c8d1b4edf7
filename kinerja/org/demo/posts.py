"""The posts (jabatan) staff hold in the demo, and the mix of them in each kind of unit.

Pelaksana posts use the names of KepmenPAN-RB 11/2024 (Penata/Pengelola/Operator
Layanan Operasional, Pengadministrasi Perkantoran); functional posts carry their level
(jenjang) in the name, as on a decree: "Perawat Ahli Pertama".
"""

from kinerja.org.demo.people import Post
from kinerja.org.enums import FunctionalLevel, PositionKind

F = PositionKind.FUNGSIONAL
PEMULA = FunctionalLevel.PEMULA
TERAMPIL = FunctionalLevel.TERAMPIL
MAHIR = FunctionalLevel.MAHIR
PENYELIA = FunctionalLevel.PENYELIA
PERTAMA = FunctionalLevel.AHLI_PERTAMA
MUDA = FunctionalLevel.AHLI_MUDA
MADYA = FunctionalLevel.AHLI_MADYA

EXPERT = ((PERTAMA, 3), (MUDA, 2), (MADYA, 1))
SKILLED = ((TERAMPIL, 3), (MAHIR, 2), (PENYELIA, 1))

# Heads of units (the person behind a structural post).
JPT = Post("Kepala", PositionKind.JPT_PRATAMA, female_share=0.3)
JPT_DOCTOR = Post("Kepala", PositionKind.JPT_PRATAMA, front_title="dr.", health=True)
JPT_TEACHER = Post("Kepala", PositionKind.JPT_PRATAMA, expert_title="S.Pd.", female_share=0.4,
                   masters=("M.Pd.", "M.Si."))  # fmt: skip
ADMINISTRATOR = Post("Kepala", PositionKind.ADMINISTRATOR, female_share=0.4)
PENGAWAS = Post("Kepala", PositionKind.PENGAWAS, female_share=0.5)

# Office staff.
CLERK = Post("Pengadministrasi Perkantoran", pppk_share=0.1, female_share=0.55)
OPS_ADMIN = Post("Penata Layanan Operasional", pppk_share=0.1)
OPS_MANAGER = Post("Pengelola Layanan Operasional", pppk_share=0.1)
OPS_OPERATOR = Post("Operator Layanan Operasional", pppk_share=0.2, female_share=0.3)
POLICY = Post("Analis Kebijakan", F, EXPERT)
COMPUTER = Post(
    "Pranata Komputer", F, ((TERAMPIL, 2), (PERTAMA, 2), (MUDA, 1)),
    skilled_title="A.Md.Kom.", expert_title="S.Kom.", pppk_share=0.2, female_share=0.35,
)  # fmt: skip
ARCHIVIST = Post("Arsiparis", F, ((TERAMPIL, 2), (MAHIR, 1), (PERTAMA, 1)), female_share=0.6)
PLANNER = Post("Perencana", F, ((PERTAMA, 2), (MUDA, 2)))
FINANCE = Post("Analis Keuangan Pusat dan Daerah", F, ((PERTAMA, 2), (MUDA, 1)),
               expert_title="S.E.", female_share=0.6)  # fmt: skip
HR_ANALYST = Post("Analis Sumber Daya Manusia Aparatur", F, EXPERT, female_share=0.6)
HR_ASSESSOR = Post("Asesor Sumber Daya Manusia Aparatur", F, ((PERTAMA, 1), (MUDA, 1)))
LEGAL_DRAFTER = Post("Perancang Peraturan Perundang-undangan", F, ((PERTAMA, 2), (MUDA, 1)),
                     expert_title="S.H.")  # fmt: skip
PROCUREMENT = Post("Pengelola Pengadaan Barang/Jasa", F, ((PERTAMA, 2), (MUDA, 1)))
PUBLIC_RELATIONS = Post("Pranata Hubungan Masyarakat", F, ((TERAMPIL, 1), (PERTAMA, 2)))

# Health.
DOCTOR = Post("Dokter", F, ((PERTAMA, 3), (MUDA, 3), (MADYA, 1)), pppk_share=0.1,
              female_share=0.65, front_title="dr.", health=True)  # fmt: skip
DENTIST = Post("Dokter Gigi", F, ((PERTAMA, 2), (MUDA, 1)), female_share=0.7,
               front_title="drg.", health=True)  # fmt: skip
NURSE = Post(
    "Perawat", F, ((TERAMPIL, 3), (MAHIR, 2), (PENYELIA, 1), (PERTAMA, 3), (MUDA, 1)),
    pppk_share=0.35, female_share=0.75, skilled_title="A.Md.Kep.",
    expert_title="S.Kep., Ns.", health=True,
)  # fmt: skip
MIDWIFE = Post(
    "Bidan", F, ((TERAMPIL, 3), (MAHIR, 2), (PENYELIA, 1), (PERTAMA, 2), (MUDA, 1)),
    pppk_share=0.3, female_share=1.0, skilled_title="A.Md.Keb.", expert_title="S.Tr.Keb.",
    health=True,
)  # fmt: skip
PHARMACIST = Post("Apoteker", F, ((PERTAMA, 2), (MUDA, 1)), female_share=0.7,
                  expert_title="S.Farm., Apt.", health=True)  # fmt: skip
PHARMACY_ASSISTANT = Post("Asisten Apoteker", F, ((TERAMPIL, 2), (MAHIR, 1)), pppk_share=0.3,
                          female_share=0.8, skilled_title="A.Md.Farm.", health=True)  # fmt: skip
LAB = Post("Pranata Laboratorium Kesehatan", F, ((TERAMPIL, 2), (MAHIR, 1), (PERTAMA, 1)),
           pppk_share=0.3, female_share=0.7, skilled_title="A.Md.AK.",
           expert_title="S.Tr.AK.", health=True)  # fmt: skip
NUTRITIONIST = Post("Nutrisionis", F, ((TERAMPIL, 2), (PERTAMA, 1)), pppk_share=0.3,
                    female_share=0.85, skilled_title="A.Md.Gz.", expert_title="S.Gz.",
                    health=True)  # fmt: skip
SANITARIAN = Post("Tenaga Sanitasi Lingkungan", F, ((TERAMPIL, 2), (PERTAMA, 1)),
                  pppk_share=0.3, skilled_title="A.Md.KL.", expert_title="S.KM.",
                  health=True)  # fmt: skip
HEALTH_EDUCATOR = Post("Penyuluh Kesehatan Masyarakat", F, ((PERTAMA, 2), (MUDA, 1)),
                       female_share=0.7, expert_title="S.KM.", health=True)  # fmt: skip
MEDICAL_RECORDS = Post("Perekam Medis", F, ((TERAMPIL, 2), (MAHIR, 1)), pppk_share=0.3,
                       female_share=0.7, skilled_title="A.Md.RMIK", health=True)  # fmt: skip
EPIDEMIOLOGIST = Post("Epidemiolog Kesehatan", F, ((PERTAMA, 2), (MUDA, 1)),
                      expert_title="S.KM.", health=True)  # fmt: skip
HEALTH_ADMINISTRATOR = Post("Administrator Kesehatan", F, ((PERTAMA, 2), (MUDA, 2)),
                            expert_title="S.KM.", health=True)  # fmt: skip

# Education.
TEACHER_LEVELS = ((PERTAMA, 4), (MUDA, 3), (MADYA, 2))


def teacher(subject: str, title: str = "S.Pd.", female_share: float = 0.7) -> Post:
    return Post(f"Guru {subject}", F, TEACHER_LEVELS, pppk_share=0.45,
                female_share=female_share, expert_title=title, masters=("M.Pd.",))  # fmt: skip


CLASS_TEACHER = teacher("Kelas")
RELIGION_TEACHER = teacher("Pendidikan Agama Islam", "S.Pd.I.", 0.55)
SPORTS_TEACHER = teacher("Pendidikan Jasmani, Olahraga dan Kesehatan", "S.Pd.", 0.3)
SUBJECT_TEACHERS = (
    teacher("Matematika", "S.Pd."), teacher("Bahasa Indonesia"), teacher("Bahasa Inggris"),
    teacher("Ilmu Pengetahuan Alam", "S.Pd."), teacher("Ilmu Pengetahuan Sosial"),
    teacher("Pendidikan Pancasila"), RELIGION_TEACHER, SPORTS_TEACHER,
    teacher("Seni Budaya"), teacher("Informatika", "S.Kom.", 0.5),
    teacher("Bimbingan dan Konseling", "S.Pd.", 0.75),
)  # fmt: skip
LIBRARIAN = Post("Pustakawan", F, ((TERAMPIL, 2), (PERTAMA, 1)), female_share=0.7)
SCHOOL_SUPERVISOR = Post("Pengawas Sekolah", F, ((MUDA, 1), (MADYA, 2)),
                         expert_title="S.Pd.", masters=("M.Pd.",))  # fmt: skip

# Other offices' specialists.
VEHICLE_TESTER = Post("Penguji Kendaraan Bermotor", F, ((TERAMPIL, 3), (MAHIR, 2), (PENYELIA, 1)),
                      female_share=0.15, skilled_title="A.Md.T.")  # fmt: skip
ENVIRONMENT_CONTROLLER = Post("Pengendali Dampak Lingkungan", F,
                              ((TERAMPIL, 1), (PERTAMA, 2), (MUDA, 1)))  # fmt: skip
ENVIRONMENT_INSPECTOR = Post("Pengawas Lingkungan Hidup", F, ((PERTAMA, 2), (MUDA, 1)))
TOURISM = Post("Adyatama Kepariwisataan dan Ekonomi Kreatif", F, ((PERTAMA, 2), (MUDA, 1)),
               female_share=0.6)  # fmt: skip
INVESTMENT = Post("Penata Kelola Penanaman Modal", F, ((PERTAMA, 2), (MUDA, 1)))

# Staff mixes: (post, weight). Offices share the general mix plus their specialists.
OFFICE_GENERAL = (
    (CLERK, 5), (OPS_ADMIN, 4), (OPS_MANAGER, 3), (OPS_OPERATOR, 2),
    (POLICY, 1), (COMPUTER, 1), (ARCHIVIST, 1),
)  # fmt: skip
SECRETARIAT_EXTRA = ((PLANNER, 2), (FINANCE, 3), (HR_ANALYST, 1), (ARCHIVIST, 1))
HEALTH_CENTRE = (
    (DOCTOR, 4), (DENTIST, 1), (NURSE, 12), (MIDWIFE, 8), (PHARMACIST, 1),
    (PHARMACY_ASSISTANT, 1), (LAB, 2), (NUTRITIONIST, 1), (SANITARIAN, 1),
    (HEALTH_EDUCATOR, 1), (MEDICAL_RECORDS, 2), (CLERK, 2), (OPS_OPERATOR, 1),
)  # fmt: skip
PRIMARY_SCHOOL = ((CLASS_TEACHER, 12), (RELIGION_TEACHER, 2), (SPORTS_TEACHER, 2), (OPS_ADMIN, 1))
JUNIOR_SCHOOL = (
    *((post, 3) for post in SUBJECT_TEACHERS),
    (LIBRARIAN, 1), (OPS_ADMIN, 2), (CLERK, 1),
)  # fmt: skip
