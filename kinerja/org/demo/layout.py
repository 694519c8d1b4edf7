"""The layout of a city government (Pemerintah Kota), modelled on Makassar.

The Regional Secretary (Sekretaris Daerah, JPT Pratama) tops the reporting line; each
office (Dinas/Badan) is headed by a JPT Pratama who reports to that post, with a
Secretariat and Divisions (Administrator) split into Sections and Sub-sections
(Pengawas). Health centres (puskesmas) and schools are units of the health and
education offices, led by a functional official who heads the unit (domain.md §1.5).
"""

import datetime
from dataclasses import dataclass

from kinerja.org.demo import posts as p
from kinerja.org.demo.names import PLACES, STREETS
from kinerja.org.demo.people import Post
from kinerja.org.demo.plan import Plan
from kinerja.org.enums import FunctionalLevel, UnitKind

SUBBAGIAN = (
    "Subbagian Umum dan Kepegawaian",
    "Subbagian Keuangan",
    "Subbagian Perencanaan dan Pelaporan",
)


@dataclass(frozen=True)
class Office:
    """An office (perangkat daerah): its divisions as (code, name, sections)."""

    code: str
    name: str
    divisions: tuple[tuple[str, str, tuple[str, ...]], ...]
    kind: str = UnitKind.OFFICE
    head: Post = p.JPT
    specialists: tuple[tuple[Post, int], ...] = ()
    subbagian: tuple[str, ...] = SUBBAGIAN
    service_units: tuple[tuple[str, str, tuple[tuple[Post, int], ...]], ...] = ()


SETDA = (
    ("AS1", "Asisten Pemerintahan dan Kesejahteraan Rakyat", (
        ("PEM", "Bagian Pemerintahan", ("Subbagian Administrasi Pemerintahan",
                                        "Subbagian Otonomi Daerah",
                                        "Subbagian Administrasi Kewilayahan"), ()),
        ("KESRA", "Bagian Kesejahteraan Rakyat", ("Subbagian Bina Mental Spiritual",
                                                  "Subbagian Kesejahteraan Sosial"), ()),
        ("HUKUM", "Bagian Hukum", ("Subbagian Perundang-undangan", "Subbagian Bantuan Hukum",
                                   "Subbagian Dokumentasi dan Informasi Hukum"),
         ((p.LEGAL_DRAFTER, 3),)),
    )),
    ("AS2", "Asisten Perekonomian dan Pembangunan", (
        ("EKON", "Bagian Perekonomian dan Sumber Daya Alam", (
            "Subbagian Perekonomian", "Subbagian Sumber Daya Alam",
            "Subbagian Badan Usaha Milik Daerah"), ()),
        ("ADPEM", "Bagian Administrasi Pembangunan", (
            "Subbagian Program Pembangunan", "Subbagian Pengendalian Pembangunan",
            "Subbagian Evaluasi dan Pelaporan Pembangunan"), ((p.PLANNER, 2),)),
        ("PBJ", "Bagian Pengadaan Barang dan Jasa", (
            "Subbagian Pengelolaan Pengadaan Barang dan Jasa",
            "Subbagian Layanan Pengadaan Secara Elektronik",
            "Subbagian Pembinaan dan Advokasi Pengadaan"), ((p.PROCUREMENT, 4),)),
    )),
    ("AS3", "Asisten Administrasi Umum", (
        ("UMUM", "Bagian Umum", ("Subbagian Tata Usaha Pimpinan", "Subbagian Rumah Tangga",
                                 "Subbagian Keuangan"), ()),
        ("ORG", "Bagian Organisasi", ("Subbagian Kelembagaan dan Analisis Jabatan",
                                      "Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja",
                                      "Subbagian Tata Laksana"), ((p.POLICY, 2),)),
        ("PROKOM", "Bagian Protokol dan Komunikasi Pimpinan", (
            "Subbagian Protokol", "Subbagian Komunikasi Pimpinan",
            "Subbagian Dokumentasi Pimpinan"), ((p.PUBLIC_RELATIONS, 3),)),
    )),
)  # fmt: skip

OFFICES = (
    Office("DINKES", "Dinas Kesehatan", (
        ("KESMAS", "Bidang Kesehatan Masyarakat", (
            "Seksi Kesehatan Keluarga dan Gizi",
            "Seksi Promosi Kesehatan dan Pemberdayaan Masyarakat",
            "Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga")),
        ("P2P", "Bidang Pencegahan dan Pengendalian Penyakit", (
            "Seksi Surveilans dan Imunisasi",
            "Seksi Pencegahan dan Pengendalian Penyakit Menular",
            "Seksi Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan Jiwa")),
        ("YANKES", "Bidang Pelayanan Kesehatan", (
            "Seksi Pelayanan Kesehatan Primer", "Seksi Pelayanan Kesehatan Rujukan",
            "Seksi Pelayanan Kesehatan Tradisional")),
        ("SDK", "Bidang Sumber Daya Kesehatan", (
            "Seksi Kefarmasian", "Seksi Alat Kesehatan dan Perbekalan Kesehatan Rumah Tangga",
            "Seksi Sumber Daya Manusia Kesehatan")),
    ), head=p.JPT_DOCTOR, specialists=(
        (p.EPIDEMIOLOGIST, 2), (p.HEALTH_ADMINISTRATOR, 2), (p.HEALTH_EDUCATOR, 1),
        (p.NURSE, 1), (p.PHARMACIST, 1),
    )),
    Office("DISDIK", "Dinas Pendidikan", (
        ("SD", "Bidang Pembinaan Sekolah Dasar", (
            "Seksi Kurikulum dan Penilaian Sekolah Dasar",
            "Seksi Peserta Didik dan Pembangunan Karakter Sekolah Dasar",
            "Seksi Sarana dan Prasarana Sekolah Dasar")),
        ("SMP", "Bidang Pembinaan Sekolah Menengah Pertama", (
            "Seksi Kurikulum dan Penilaian Sekolah Menengah Pertama",
            "Seksi Peserta Didik dan Pembangunan Karakter Sekolah Menengah Pertama",
            "Seksi Sarana dan Prasarana Sekolah Menengah Pertama")),
        ("PAUD", "Bidang Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal", (
            "Seksi Kurikulum dan Penilaian PAUD dan Pendidikan Nonformal",
            "Seksi Kelembagaan dan Sarana Prasarana PAUD dan Pendidikan Nonformal")),
        ("GTK", "Bidang Pembinaan Ketenagaan", (
            "Seksi Pendidik dan Tenaga Kependidikan Sekolah Dasar",
            "Seksi Pendidik dan Tenaga Kependidikan Sekolah Menengah Pertama",
            "Seksi Pendidik dan Tenaga Kependidikan PAUD dan Pendidikan Nonformal")),
    ), head=p.JPT_TEACHER, specialists=((p.SCHOOL_SUPERVISOR, 3), (p.POLICY, 1))),
    Office("DISHUB", "Dinas Perhubungan", (
        ("LALIN", "Bidang Lalu Lintas", (
            "Seksi Manajemen dan Rekayasa Lalu Lintas", "Seksi Pengendalian dan Operasional",
            "Seksi Perlengkapan Jalan")),
        ("ANGKUTAN", "Bidang Angkutan", (
            "Seksi Angkutan Orang", "Seksi Angkutan Barang", "Seksi Terminal")),
        ("KESELAMATAN", "Bidang Pengembangan dan Keselamatan Transportasi", (
            "Seksi Keselamatan Transportasi", "Seksi Pengembangan Sarana dan Prasarana")),
    ), specialists=((p.VEHICLE_TESTER, 1), (p.OPS_OPERATOR, 2)), service_units=(
        ("PKB", "UPT Pengujian Kendaraan Bermotor", (
            (p.VEHICLE_TESTER, 6), (p.OPS_OPERATOR, 2), (p.CLERK, 1))),
    )),
    Office("DLH", "Dinas Lingkungan Hidup", (
        ("SAMPAH", "Bidang Pengelolaan Sampah dan Limbah Bahan Berbahaya dan Beracun", (
            "Seksi Pengurangan Sampah", "Seksi Penanganan Sampah",
            "Seksi Pengelolaan Limbah Bahan Berbahaya dan Beracun")),
        ("TATA", "Bidang Tata Lingkungan", (
            "Seksi Perencanaan dan Kajian Dampak Lingkungan",
            "Seksi Pemeliharaan Lingkungan Hidup")),
        ("PPKL", "Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan", (
            "Seksi Pemantauan Lingkungan", "Seksi Pengendalian Pencemaran",
            "Seksi Penegakan Hukum Lingkungan")),
    ), specialists=((p.ENVIRONMENT_CONTROLLER, 2), (p.ENVIRONMENT_INSPECTOR, 1)), service_units=(
        ("TPA", "UPT Tempat Pemrosesan Akhir Sampah Antang", (
            (p.OPS_OPERATOR, 6), (p.ENVIRONMENT_CONTROLLER, 1), (p.CLERK, 1))),
        ("LAB", "UPT Laboratorium Lingkungan", (
            (p.ENVIRONMENT_CONTROLLER, 3), (p.OPS_ADMIN, 1), (p.CLERK, 1))),
    )),
    Office("DISPAR", "Dinas Pariwisata", (
        ("DESTINASI", "Bidang Destinasi Pariwisata", (
            "Seksi Pengembangan Destinasi", "Seksi Daya Tarik Wisata",
            "Seksi Usaha Pariwisata")),
        ("PEMASARAN", "Bidang Pemasaran Pariwisata", (
            "Seksi Promosi Pariwisata", "Seksi Kemitraan dan Kerja Sama Pariwisata",
            "Seksi Informasi Pariwisata")),
        ("EKRAF", "Bidang Ekonomi Kreatif", (
            "Seksi Pengembangan Ekonomi Kreatif",
            "Seksi Sumber Daya Manusia Pariwisata dan Ekonomi Kreatif")),
    ), specialists=((p.TOURISM, 2),), subbagian=SUBBAGIAN[:2]),
    Office("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", (
        ("PENGADAAN", "Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian", (
            "Subbidang Pengadaan dan Pemberhentian",
            "Subbidang Data dan Informasi Kepegawaian")),
        ("MUTASI", "Bidang Mutasi dan Promosi", (
            "Subbidang Mutasi", "Subbidang Promosi dan Kepangkatan")),
        ("BANGKOM", "Bidang Pengembangan Kompetensi Aparatur", (
            "Subbidang Pengembangan Kompetensi Teknis dan Fungsional",
            "Subbidang Pengembangan Kompetensi Manajerial")),
        ("KINERJA", "Bidang Penilaian Kinerja Aparatur dan Penghargaan", (
            "Subbidang Penilaian Kinerja Aparatur",
            "Subbidang Penghargaan, Disiplin dan Kesejahteraan")),
    ), kind=UnitKind.BOARD, specialists=((p.HR_ANALYST, 3), (p.HR_ASSESSOR, 1))),
    Office("DPMPTSP", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", (
        ("PM", "Bidang Penanaman Modal", (
            "Seksi Promosi dan Kerja Sama Penanaman Modal",
            "Seksi Pengendalian Pelaksanaan Penanaman Modal")),
        ("PERIZINAN", "Bidang Pelayanan Perizinan", (
            "Seksi Perizinan Berusaha", "Seksi Perizinan Non-Berusaha",
            "Seksi Perizinan Bangunan Gedung")),
        ("PENGADUAN", "Bidang Pengaduan, Kebijakan dan Pelaporan Layanan", (
            "Seksi Pengaduan dan Informasi Layanan", "Seksi Kebijakan dan Pelaporan")),
    ), specialists=((p.INVESTMENT, 2), (p.POLICY, 1)), subbagian=SUBBAGIAN[:2]),
)  # fmt: skip

# Further offices of a large local government, used only by synthetic agencies.
EXTRA_OFFICES = (
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", UnitKind.BOARD),
    ("BPKAD", "Badan Pengelolaan Keuangan dan Aset Daerah", UnitKind.BOARD),
    ("BAPENDA", "Badan Pendapatan Daerah", UnitKind.BOARD),
    ("DINSOS", "Dinas Sosial", UnitKind.OFFICE),
    ("DISDUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil", UnitKind.OFFICE),
    ("DISDAG", "Dinas Perdagangan", UnitKind.OFFICE),
    ("DISKOP", "Dinas Koperasi dan Usaha Kecil dan Menengah", UnitKind.OFFICE),
    ("DISTAN", "Dinas Pertanian", UnitKind.OFFICE),
    ("DKP", "Dinas Perikanan", UnitKind.OFFICE),
    ("SATPOLPP", "Satuan Polisi Pamong Praja", UnitKind.OFFICE),
    ("BPBD", "Badan Penanggulangan Bencana Daerah", UnitKind.BOARD),
    ("DPU", "Dinas Pekerjaan Umum", UnitKind.OFFICE),
    ("DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman", UnitKind.OFFICE),
    ("DISBUD", "Dinas Kebudayaan", UnitKind.OFFICE),
    ("DISPORA", "Dinas Pemuda dan Olahraga", UnitKind.OFFICE),
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika", UnitKind.OFFICE),
    ("DKPANGAN", "Dinas Ketahanan Pangan", UnitKind.OFFICE),
    ("DISNAKER", "Dinas Tenaga Kerja", UnitKind.OFFICE),
    ("DP3A", "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", UnitKind.OFFICE),
    ("DISPUSIP", "Dinas Perpustakaan dan Kearsipan", UnitKind.OFFICE),
    ("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik", UnitKind.BOARD),
    ("DPPKB", "Dinas Pengendalian Penduduk dan Keluarga Berencana", UnitKind.OFFICE),
)
GENERIC_DIVISIONS = (
    ("PROG", "Bidang Program dan Perencanaan", ("Seksi Perencanaan",
                                                 "Seksi Evaluasi dan Pelaporan")),
    ("YAN", "Bidang Pelayanan", ("Seksi Pelayanan Umum", "Seksi Pelayanan Teknis",
                                 "Seksi Pengaduan")),
    ("DAL", "Bidang Pengendalian dan Pembinaan", ("Seksi Pengawasan", "Seksi Pembinaan")),
)  # fmt: skip

PRIMARY_SCHOOLS = (
    "SD Negeri Sudirman I", "SD Negeri Mangkura II", "SD Inpres Bertingkat Mangasa",
    "SD Negeri Pongtiku", "SD Negeri Bawakaraeng I", "SD Negeri Kompleks IKIP I",
    "SD Inpres Tamalanrea IV", "SD Negeri Kalukuang", "SD Negeri Labuang Baji",
)  # fmt: skip
JUNIOR_SCHOOL_NUMBERS = (1, 3, 6, 8, 12, 24)

# Posts left vacant. The first four are held by an acting official (Plt), see
# ``special_cases``; the others simply wait for an appointment.
PLT_POSTS = ("DINKES-YANKES-KEPALA", "DINKES-PKM02-KEPALA", "DISDIK-SD05-KEPALA", "DISPAR-KEPALA")
VACANT_POSTS = frozenset(
    {
        *PLT_POSTS,
        "DISHUB-LALIN-S3-KEPALA",
        "DLH-PPKL-S2-KEPALA",
        "SETDA-AS3-UMUM-S2-KEPALA",
        "BKPSDM-MUTASI-S2-KEPALA",
    }
)

# The demo logins: persona → code of the post its person holds (see ``personas``).
PERSONA_POSTS = {
    "employee": "DINKES-KESMAS-S2-001",
    "assessor": "DINKES-KESMAS-S2-KEPALA",
    "assessor_superior": "DINKES-KESMAS-KEPALA",
    "school_head": "DISDIK-SD01-KEPALA",
    "teacher": "DISDIK-SD01-001",
    "hr_admin": "BKPSDM-KINERJA-S1-001",
    "leader": "DINKES-KEPALA",
}
TRANSFER_FROM = "DLH-SAMPAH-S1"
TRANSFER_TO = "DISHUB-ANGKUTAN-S1"


def layout(
    plan: Plan, *, city: str, health_centres: int, schools: int, extra_offices: int = 0
) -> None:
    """Units and head posts of the whole government, with staff slots to fill."""
    plan.vacant = VACANT_POSTS
    sekda = _secretariat(plan)
    for office in OFFICES:
        _office(plan, office, sekda)
    for index in range(health_centres):
        _health_centre(plan, index)
    for index in range(schools):
        _school(plan, index, schools, city)
    for index in range(min(extra_offices, len(EXTRA_OFFICES))):
        code, name, kind = EXTRA_OFFICES[index]
        _office(plan, Office(code, name, GENERIC_DIVISIONS, kind=kind), sekda)


def personas(plan: Plan) -> None:
    """The posts of the demo logins that are not heads, created first in their units so
    their codes are the ``-001`` ones in ``PERSONA_POSTS``."""
    plan.staff("DINKES-KESMAS-S2", p.CLERK, pppk=False)
    plan.staff("DISDIK-SD01", p.CLASS_TEACHER, FunctionalLevel.AHLI_PERTAMA, pppk=True)
    plan.staff("BKPSDM-KINERJA-S1", p.HR_ANALYST, FunctionalLevel.AHLI_MUDA, pppk=False)


def special_cases(plan: Plan, today: datetime.date) -> None:
    """Acting officials (Plt) in vacant posts and one transfer (mutasi) this year."""
    days = datetime.timedelta
    section_head = plan.holders["DINKES-YANKES-S1-KEPALA"]
    plan.acting(section_head, "DINKES-YANKES-KEPALA", today - days(150))
    _code, doctor = plan.staff("DINKES-PKM02", p.DOCTOR, FunctionalLevel.AHLI_MUDA, pppk=False)
    plan.acting(doctor, "DINKES-PKM02-KEPALA", today - days(75))
    _code, teacher = plan.staff(
        "DISDIK-SD05", p.CLASS_TEACHER, FunctionalLevel.AHLI_MADYA, pppk=False
    )
    plan.acting(teacher, "DISDIK-SD05-KEPALA", today - days(200))
    secretary = plan.holders["DISPAR-SEKR-KEPALA"]
    plan.acting(secretary, "DISPAR-KEPALA", today - days(45))
    _code, mover = plan.staff(TRANSFER_FROM, p.CLERK, pppk=False)
    plan.transfer(mover, TRANSFER_TO, p.OPS_ADMIN, transfer_date(today))


def transfer_date(today: datetime.date) -> datetime.date:
    """The 16th of a month halfway through the current year up to today, so the
    previous post ends on the 15th; early in January, last July instead."""
    month = max(1, (today.month + 1) // 2)
    day = datetime.date(today.year, month, 16)
    return day if day <= today else datetime.date(today.year - 1, 7, 16)


def _address(plan: Plan) -> str:
    return f"{plan.rng.choice(STREETS)} No. {plan.rng.randint(1, 250)}"


def _secretariat(plan: Plan) -> str:
    top = plan.unit("SETDA", "Sekretariat Daerah", UnitKind.SECRETARIAT,
                    address="Jl. Jend. Ahmad Yani No. 2")  # fmt: skip
    sekda = plan.head(top, "Sekretaris Daerah", reports_to=None, post=p.JPT)
    for as_code, as_name, sections in SETDA:
        assistant = plan.unit(f"{top}-{as_code}", as_name, UnitKind.OTHER, top)
        assistant_post = plan.head(assistant, as_name, reports_to=sekda, post=p.JPT)
        for part_code, part_name, subparts, specialists in sections:
            part = plan.unit(f"{assistant}-{part_code}", part_name, UnitKind.DIVISION, assistant)
            part_head = plan.head(
                part, f"Kepala {part_name}", reports_to=assistant_post, post=p.ADMINISTRATOR
            )
            for number, name in enumerate(subparts, 1):
                sub = plan.unit(f"{part}-S{number}", name, UnitKind.SECTION, part)
                plan.head(sub, f"Kepala {name}", reports_to=part_head, post=p.PENGAWAS)
                plan.slot(sub, 4, p.OFFICE_GENERAL + specialists)
    return sekda


def _office(plan: Plan, office: Office, sekda: str) -> None:
    top = plan.unit(office.code, office.name, office.kind, address=_address(plan))
    head = plan.head(top, f"Kepala {office.name}", reports_to=sekda, post=office.head)
    secretariat = plan.unit(f"{top}-SEKR", f"Sekretariat {office.name}", UnitKind.SECRETARIAT, top)
    secretary = plan.head(
        secretariat, f"Sekretaris {office.name}", reports_to=head, post=p.ADMINISTRATOR
    )
    for number, name in enumerate(office.subbagian, 1):
        sub = plan.unit(f"{secretariat}-S{number}", name, UnitKind.SECTION, secretariat)
        plan.head(sub, f"Kepala {name}", reports_to=secretary, post=p.PENGAWAS)
        plan.slot(sub, 5, p.OFFICE_GENERAL + p.SECRETARIAT_EXTRA)
    for code, name, sections in office.divisions:
        division = plan.unit(f"{top}-{code}", name, UnitKind.DIVISION, top)
        division_head = plan.head(division, f"Kepala {name}", reports_to=head, post=p.ADMINISTRATOR)
        plan.slot(division, 1.2, office.specialists or ((p.POLICY, 1), (p.PLANNER, 1)))
        for number, section_name in enumerate(sections, 1):
            section = plan.unit(f"{division}-S{number}", section_name, UnitKind.SECTION, division)
            plan.head(section, f"Kepala {section_name}", reports_to=division_head, post=p.PENGAWAS)
            plan.slot(section, 5, p.OFFICE_GENERAL + office.specialists)
    for code, name, mix in office.service_units:
        service = plan.unit(f"{top}-{code}", name, UnitKind.SERVICE, top, _address(plan))
        plan.head(service, f"Kepala {name}", reports_to=head, post=p.PENGAWAS)
        plan.slot(service, 14, mix)


def _numbered(names: tuple[str, ...], index: int) -> str:
    """The index-th name, numbered once the list is used up."""
    name = names[index % len(names)]
    return name if index < len(names) else f"{name} {index // len(names) + 1}"


def _health_centre(plan: Plan, index: int) -> None:
    name = f"Puskesmas {_numbered(PLACES, index)}"
    unit = plan.unit(f"DINKES-PKM{index + 1:02d}", name, UnitKind.HEALTH_CENTRE, "DINKES",
                     _address(plan))  # fmt: skip
    level = plan.rng.choice((FunctionalLevel.AHLI_MUDA, FunctionalLevel.AHLI_MADYA))
    post = p.DOCTOR if plan.rng.random() < 0.7 else p.HEALTH_ADMINISTRATOR
    plan.head(unit, f"Kepala {name}", reports_to="DINKES-KEPALA", post=post, level=level)
    plan.slot(unit, 38, p.HEALTH_CENTRE)


def _school(plan: Plan, index: int, total: int, city: str) -> None:
    """About three in five schools are primary schools (SD), the rest junior high (SMP)."""
    junior_count = total * 2 // 5
    primary = index < total - junior_count
    if primary:
        known = index < len(PRIMARY_SCHOOLS)
        name = PRIMARY_SCHOOLS[index] if known else f"SD Negeri {index + 1} {city}".strip()
        code = f"DISDIK-SD{index + 1:02d}"
        reports_to = "DISDIK-SD-KEPALA"
    else:
        number = index - (total - junior_count)
        known = number < len(JUNIOR_SCHOOL_NUMBERS)
        school_number = JUNIOR_SCHOOL_NUMBERS[number] if known else 30 + number
        name = f"SMP Negeri {school_number} {city}".strip()
        code = f"DISDIK-SMP{number + 1:02d}"
        reports_to = "DISDIK-SMP-KEPALA"
    unit = plan.unit(code, name, UnitKind.SCHOOL, "DISDIK", _address(plan))
    level = plan.rng.choice((FunctionalLevel.AHLI_MUDA, FunctionalLevel.AHLI_MADYA))
    plan.head(unit, f"Kepala {name}", reports_to=reports_to, post=p.CLASS_TEACHER, level=level)
    plan.slot(unit, 20 if primary else 40, p.PRIMARY_SCHOOL if primary else p.JUNIOR_SCHOOL)
