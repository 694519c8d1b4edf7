"""Planned results (RHK) with their indicators (IKI), per kind of work, for the demo.

Each pool holds the results that people doing one kind of work plan in a city
government, phrased as on printed SKPs (domain.md §1.3): a result, then a quantity,
a quality and a time indicator with a target range. ``{unit}`` stands for the name of
the planner's unit. ``library`` marks the indicator a result offers in the indicator
library (None: not offered there).
"""

import math
import random
from dataclasses import dataclass
from decimal import Decimal

from kinerja.org.enums import PositionKind
from kinerja.planning.enums import Aspect

FUNCTIONAL = PositionKind.FUNGSIONAL
EXECUTOR = PositionKind.PELAKSANA
ADMINISTRATOR = PositionKind.ADMINISTRATOR


@dataclass(frozen=True)
class Measure:
    aspect: str
    text: str
    low: float
    high: float
    unit: str

    def target(self, rng: random.Random) -> Decimal:
        """A target in the range, rounded as a planner would (to tens or hundreds for
        large counts); fixed when the range is one value."""
        if self.low == self.high:
            return Decimal(str(self.low))
        return self._rounded(rng.uniform(self.low, self.high))

    def typical(self) -> Decimal:
        """The middle of the range, as the indicator library suggests it."""
        if self.low == self.high:
            return Decimal(str(self.low))
        return self._rounded((self.low + self.high) / 2)

    def _rounded(self, value: float) -> Decimal:
        step = 10 ** max(0, int(math.log10(self.high)) - 1) if self.high >= 100 else 1
        return Decimal(round(value / step) * step)


@dataclass(frozen=True)
class ResultTemplate:
    text: str
    measures: tuple[Measure, ...]
    library: int | None = None


@dataclass(frozen=True)
class Pool:
    """Results of one kind of work, and where the indicator library files them."""

    field: str
    position_kind: str
    results: tuple[ResultTemplate, ...]


def qty(text: str, low: float, high: float | None = None, unit: str = "") -> Measure:
    return Measure(Aspect.QUANTITY, text, low, low if high is None else high, unit)


def qual(text: str, low: float, high: float | None = None, unit: str = "%") -> Measure:
    return Measure(Aspect.QUALITY, text, low, low if high is None else high, unit)


def time(text: str, low: float, high: float | None = None, unit: str = "bulan") -> Measure:
    return Measure(Aspect.TIME, text, low, low if high is None else high, unit)


def cost(text: str, low: float, high: float | None = None, unit: str = "%") -> Measure:
    return Measure(Aspect.COST, text, low, low if high is None else high, unit)


def rhk(text: str, *measures: Measure, library: int | None = None) -> ResultTemplate:
    return ResultTemplate(text, measures, library)


MONTHLY = time("Laporan capaian disampaikan setiap bulan", 12)

# Fields of the indicator library (IndicatorTemplate.field).
HEALTH = "Pelayanan kesehatan"
PUBLIC_HEALTH = "Kesehatan masyarakat"
EDUCATION = "Pendidikan dan pembelajaran"
SCHOOL_SUPPORT = "Tenaga kependidikan"
LICENSING = "Perizinan"
INVESTMENT = "Penanaman modal"
TRANSPORT = "Perhubungan"
ENVIRONMENT = "Lingkungan hidup"
TOURISM = "Pariwisata"
HR = "Kepegawaian"
ADMINISTRATION = "Administrasi perkantoran"
FINANCE = "Keuangan"
PLANNING = "Perencanaan dan pelaporan"
PROGRAMME = "Program dan kegiatan"
IT = "Teknologi informasi"
LEGAL = "Hukum"
PROCUREMENT = "Pengadaan barang/jasa"
PUBLIC_RELATIONS = "Kehumasan"
POLICY = "Analisis kebijakan"

POOLS: dict[str, Pool] = {
    "doctor": Pool(HEALTH, FUNCTIONAL, (
        rhk("Layanan pemeriksaan pasien tepat waktu",
            qty("Jumlah pasien yang diperiksa dan ditangani", 2400, 4200, "pasien"),
            qual("Persentase pemeriksaan pasien yang sesuai standar pelayanan medis", 95, 100),
            time("Rata-rata waktu tunggu pasien sampai diperiksa dokter", 20, 30, "menit"),
            library=2),
        rhk("Diagnosis dan rujukan pasien yang tepat",
            qty("Jumlah rujukan pasien ke fasilitas kesehatan lanjutan yang diproses",
                120, 300, "rujukan"),
            qual("Persentase rujukan yang tepat indikasi medis", 98, 100),
            time("Rata-rata waktu penyelesaian administrasi rujukan", 15, 30, "menit"),
            library=1),
        rhk("Pelayanan kesehatan luar gedung di wilayah kerja",
            qty("Jumlah kegiatan posyandu dan kunjungan luar gedung yang dilaksanakan",
                24, 48, "kegiatan"),
            qual("Persentase temuan kasus yang ditindaklanjuti", 100),
            time("Kegiatan luar gedung terlaksana sesuai jadwal", 12)),
    )),
    "dentist": Pool(HEALTH, FUNCTIONAL, (
        rhk("Layanan kesehatan gigi dan mulut yang bermutu",
            qty("Jumlah pasien gigi dan mulut yang dilayani", 900, 1500, "pasien"),
            qual("Persentase tindakan gigi sesuai standar prosedur operasional", 100),
            time("Rata-rata waktu tunggu pasien poli gigi", 30, unit="menit")),
        rhk("Pemeriksaan kesehatan gigi anak sekolah (UKGS)",
            qty("Jumlah sekolah yang mendapat pemeriksaan UKGS", 6, 12, "sekolah"),
            qual("Persentase siswa bermasalah gigi yang ditangani atau dirujuk", 100),
            time("Pemeriksaan UKGS dilaksanakan setiap semester", 2, unit="semester")),
    )),
    "nurse": Pool(HEALTH, FUNCTIONAL, (
        rhk("Asuhan keperawatan pasien sesuai standar",
            qty("Jumlah pasien yang mendapat asuhan keperawatan", 1200, 2400, "pasien"),
            qual("Persentase dokumentasi asuhan keperawatan yang lengkap", 95, 100),
            time("Waktu tanggap pelayanan pasien gawat darurat", 5, unit="menit"),
            library=2),
        rhk("Perawatan kesehatan masyarakat melalui kunjungan rumah",
            qty("Jumlah keluarga rawan kesehatan yang dikunjungi", 48, 96, "keluarga"),
            qual("Persentase keluarga binaan yang mencapai tingkat kemandirian", 60, 75),
            time("Kunjungan rumah terlaksana sesuai jadwal", 12)),
        rhk("Tindakan keperawatan yang aman bagi pasien",
            qty("Jumlah tindakan keperawatan yang dilaksanakan", 1500, 3000, "tindakan"),
            qual("Jumlah insiden keselamatan pasien akibat tindakan keperawatan", 0,
                 unit="insiden"),
            MONTHLY),
    )),
    "midwife": Pool(HEALTH, FUNCTIONAL, (
        rhk("Pelayanan antenatal ibu hamil sesuai standar",
            qty("Jumlah kunjungan antenatal (ANC) yang dilayani", 300, 600, "kunjungan"),
            qual("Persentase ibu hamil yang mendapat pelayanan ANC minimal enam kali", 95, 100),
            time("Rata-rata waktu pelayanan ANC per ibu hamil", 30, unit="menit"),
            library=1),
        rhk("Persalinan yang ditolong tenaga kesehatan di fasilitas kesehatan",
            qty("Jumlah persalinan yang ditolong", 24, 60, "persalinan"),
            qual("Persentase persalinan yang ditangani sesuai standar asuhan persalinan normal",
                 100),
            MONTHLY),
        rhk("Pelayanan keluarga berencana dan kesehatan bayi baru lahir",
            qty("Jumlah layanan KB dan kunjungan neonatal yang diberikan", 200, 400, "layanan"),
            qual("Persentase bayi baru lahir yang mendapat kunjungan neonatal lengkap", 95, 100),
            MONTHLY),
    )),
    "pharmacy": Pool(HEALTH, FUNCTIONAL, (
        rhk("Pelayanan resep yang cepat dan tepat",
            qty("Jumlah resep yang dilayani", 12000, 24000, "resep"),
            qual("Persentase resep yang dilayani tanpa kesalahan pemberian obat", 100),
            time("Rata-rata waktu pelayanan resep obat jadi", 10, 15, "menit"),
            library=2),
        rhk("Ketersediaan obat dan bahan medis habis pakai",
            qty("Jumlah laporan pemakaian dan lembar permintaan obat (LPLPO) yang disusun",
                12, unit="laporan"),
            qual("Persentase ketersediaan obat esensial", 95),
            time("LPLPO disampaikan paling lambat tanggal 5 setiap bulan", 12)),
    )),
    "laboratory": Pool(HEALTH, FUNCTIONAL, (
        rhk("Pemeriksaan laboratorium yang akurat dan tepat waktu",
            qty("Jumlah sampel yang diperiksa di laboratorium", 3000, 6000, "sampel"),
            qual("Persentase hasil pemeriksaan yang lolos pemantapan mutu internal", 98, 100),
            time("Rata-rata waktu tunggu hasil pemeriksaan laboratorium", 60, 120, "menit"),
            library=1),
        rhk("Peralatan laboratorium yang terpelihara",
            qty("Jumlah alat laboratorium yang dipelihara", 10, 20, "alat"),
            qual("Persentase alat laboratorium yang berfungsi baik", 100),
            MONTHLY),
    )),
    "nutrition": Pool(HEALTH, FUNCTIONAL, (
        rhk("Penanganan balita gizi kurang dan stunting",
            qty("Jumlah balita bermasalah gizi yang ditangani", 40, 120, "balita"),
            qual("Persentase balita gizi kurang yang membaik status gizinya", 70, 85),
            MONTHLY, library=1),
        rhk("Konseling gizi yang bermutu",
            qty("Jumlah sesi konseling gizi", 150, 300, "sesi"),
            qual("Persentase sasaran konseling yang menerapkan anjuran gizi", 75),
            MONTHLY),
    )),
    "medical_records": Pool(HEALTH, FUNCTIONAL, (
        rhk("Rekam medis pasien yang lengkap dan tertib",
            qty("Jumlah berkas rekam medis yang dikelola", 6000, 12000, "berkas"),
            qual("Persentase rekam medis yang lengkap dalam 24 jam setelah pelayanan", 95),
            time("Waktu penyediaan dokumen rekam medis rawat jalan", 10, unit="menit"),
            library=1),
    )),
    "health_desk": Pool(HEALTH, EXECUTOR, (
        rhk("Layanan pendaftaran pasien yang cepat dan tertib",
            qty("Jumlah pasien yang didaftarkan", 8000, 15000, "pasien"),
            qual("Persentase data pendaftaran pasien yang lengkap dan benar", 98),
            time("Rata-rata waktu pendaftaran per pasien", 5, unit="menit")),
    )),
    "sanitarian": Pool(PUBLIC_HEALTH, FUNCTIONAL, (
        rhk("Inspeksi kesehatan lingkungan tempat dan fasilitas umum",
            qty("Jumlah tempat dan fasilitas umum yang diinspeksi", 60, 120, "lokasi"),
            qual("Persentase tempat dan fasilitas umum yang memenuhi syarat kesehatan", 80, 90),
            MONTHLY, library=0),
        rhk("Sanitasi total berbasis masyarakat (STBM) di wilayah kerja",
            qty("Jumlah RW yang mendapat pemicuan STBM", 6, 12, "RW"),
            qual("Persentase RW terverifikasi stop buang air besar sembarangan", 80),
            MONTHLY),
    )),
    "health_promotion": Pool(PUBLIC_HEALTH, FUNCTIONAL, (
        rhk("Penyuluhan kesehatan yang menjangkau masyarakat",
            qty("Jumlah kegiatan penyuluhan kesehatan", 48, 96, "kegiatan"),
            qual("Persentase peserta yang meningkat pengetahuannya (pre-test dan post-test)",
                 75, 85),
            MONTHLY, library=0),
        rhk("Media promosi kesehatan yang informatif",
            qty("Jumlah media promosi kesehatan yang diproduksi", 12, 24, "media"),
            qual("Persentase media yang lolos uji coba keterbacaan", 90),
            MONTHLY),
    )),
    "surveillance": Pool(PUBLIC_HEALTH, FUNCTIONAL, (
        rhk("Surveilans penyakit yang lengkap dan tepat waktu",
            qty("Jumlah laporan surveilans mingguan (W2) yang dianalisis", 52, unit="laporan"),
            qual("Persentase kelengkapan laporan surveilans puskesmas", 90, 95),
            time("Waktu respons penyelidikan epidemiologi sejak sinyal KLB", 24, unit="jam"),
            library=2),
        rhk("Cakupan imunisasi dasar lengkap",
            qty("Jumlah bayi yang mendapat imunisasi dasar lengkap", 800, 1500, "bayi"),
            qual("Persentase cakupan imunisasi dasar lengkap", 95),
            MONTHLY),
    )),
    "health_admin": Pool(PUBLIC_HEALTH, FUNCTIONAL, (
        rhk("Data dan laporan program kesehatan yang akurat",
            qty("Jumlah laporan program kesehatan yang dikompilasi", 12, unit="laporan"),
            qual("Persentase laporan puskesmas yang lengkap dan valid", 90, 100),
            time("Laporan disampaikan paling lambat tanggal 10 bulan berikutnya", 12)),
        rhk("Pembinaan program kesehatan di puskesmas",
            qty("Jumlah kunjungan pembinaan ke puskesmas", 10, 20, "kunjungan"),
            qual("Persentase rekomendasi pembinaan yang ditindaklanjuti puskesmas", 80),
            MONTHLY),
    )),
    "teacher": Pool(EDUCATION, FUNCTIONAL, (
        rhk("Pembelajaran kelas yang bermutu",
            qty("Jumlah modul ajar yang disusun dan dilaksanakan", 18, 36, "modul"),
            qual("Persentase peserta didik yang mencapai kriteria ketercapaian tujuan "
                 "pembelajaran", 80, 90),
            time("Pembelajaran terlaksana sesuai kalender pendidikan", 2, unit="semester"),
            library=1),
        rhk("Kehadiran siswa yang tinggi",
            qty("Jumlah peserta didik yang dibina kehadirannya", 28, 32, "siswa"),
            qual("Persentase rata-rata kehadiran siswa", 95),
            time("Rekap kehadiran siswa disampaikan setiap bulan", 12),
            library=1),
        rhk("Partisipasi orang tua dalam pembelajaran",
            qty("Jumlah pertemuan dengan orang tua atau wali murid", 4, 6, "pertemuan"),
            qual("Persentase orang tua yang hadir dalam pertemuan kelas", 75, 85),
            time("Pertemuan dilaksanakan setiap semester", 2, unit="semester"),
            library=1),
        rhk("Penilaian hasil belajar yang objektif",
            qty("Jumlah laporan hasil belajar (rapor) yang diselesaikan", 28, 32, "rapor"),
            qual("Persentase nilai yang diinput tepat dan terverifikasi", 100),
            time("Rapor diselesaikan sebelum pembagian rapor", 2, unit="semester"),
            library=0),
    )),
    "librarian": Pool(SCHOOL_SUPPORT, FUNCTIONAL, (
        rhk("Layanan perpustakaan sekolah yang dimanfaatkan siswa",
            qty("Jumlah peminjaman buku oleh peserta didik", 600, 1200, "peminjaman"),
            qual("Persentase koleksi yang terkatalog", 90),
            MONTHLY, library=0),
        rhk("Gerakan literasi sekolah",
            qty("Jumlah kegiatan literasi yang diselenggarakan", 12, 24, "kegiatan"),
            qual("Persentase kelas yang mengikuti kegiatan literasi", 100),
            MONTHLY),
    )),
    "school_supervisor": Pool(SCHOOL_SUPPORT, FUNCTIONAL, (
        rhk("Pendampingan sekolah binaan",
            qty("Jumlah sekolah binaan yang didampingi", 8, 12, "sekolah"),
            qual("Persentase sekolah binaan yang rapor pendidikannya meningkat", 70),
            time("Pendampingan dilaksanakan setiap semester", 2, unit="semester"),
            library=1),
        rhk("Supervisi manajerial kepala sekolah",
            qty("Jumlah kepala sekolah yang disupervisi", 8, 12, "orang"),
            qual("Persentase kepala sekolah dengan hasil supervisi baik", 85),
            time("Supervisi dilaksanakan setiap semester", 2, unit="semester")),
    )),
    "school_admin": Pool(SCHOOL_SUPPORT, EXECUTOR, (
        rhk("Data pokok pendidikan (Dapodik) yang mutakhir",
            qty("Jumlah data peserta didik dan pendidik yang dimutakhirkan", 200, 600, "data"),
            qual("Persentase data Dapodik yang valid", 100),
            time("Sinkronisasi Dapodik dilaksanakan setiap semester", 2, unit="semester"),
            library=1),
        rhk("Administrasi kesiswaan yang tertib",
            qty("Jumlah layanan administrasi kesiswaan yang diselesaikan", 150, 400, "layanan"),
            qual("Persentase dokumen kesiswaan yang lengkap", 100),
            time("Rata-rata waktu penyelesaian surat keterangan siswa", 1, unit="hari")),
    )),
    "licensing": Pool(LICENSING, EXECUTOR, (
        rhk("Izin terbit tepat waktu",
            qty("Jumlah permohonan izin yang diproses", 600, 1500, "permohonan"),
            qual("Persentase izin terbit sesuai standar pelayanan", 98, 100),
            time("Rata-rata waktu penyelesaian izin", 3, 5, "hari"),
            library=2),
        rhk("Verifikasi berkas permohonan izin yang cermat",
            qty("Jumlah berkas permohonan yang diverifikasi", 800, 1800, "berkas"),
            qual("Persentase berkas yang diverifikasi tanpa kesalahan", 100),
            time("Waktu verifikasi berkas permohonan", 1, unit="hari")),
        rhk("Pengaduan layanan perizinan yang tertangani",
            qty("Jumlah pengaduan yang ditindaklanjuti", 60, 150, "pengaduan"),
            qual("Persentase pengaduan yang selesai ditangani", 95, 100),
            time("Rata-rata waktu penyelesaian pengaduan", 5, unit="hari"),
            library=2),
        rhk("Survei kepuasan masyarakat atas layanan perizinan",
            qty("Jumlah responden survei kepuasan", 400, unit="responden"),
            qual("Indeks kepuasan masyarakat atas layanan perizinan", 84, 88, "indeks"),
            time("Survei dilaksanakan setiap semester", 2, unit="semester")),
    )),
    "investment": Pool(INVESTMENT, FUNCTIONAL, (
        rhk("Promosi peluang penanaman modal",
            qty("Jumlah kegiatan promosi dan temu usaha investasi", 4, 8, "kegiatan"),
            qual("Persentase calon investor yang menindaklanjuti minat investasi", 30),
            MONTHLY, library=0),
        rhk("Pengendalian pelaksanaan penanaman modal",
            qty("Jumlah laporan kegiatan penanaman modal (LKPM) yang diverifikasi",
                200, 400, "laporan"),
            qual("Persentase pelaku usaha yang patuh menyampaikan LKPM", 80),
            time("Verifikasi LKPM setiap triwulan", 4, unit="triwulan")),
    )),
    "vehicle_testing": Pool(TRANSPORT, FUNCTIONAL, (
        rhk("Pengujian kendaraan bermotor yang cepat dan tepat",
            qty("Jumlah kendaraan bermotor yang diuji", 1500, 3000, "kendaraan"),
            qual("Persentase pengujian sesuai prosedur dan standar laik jalan", 100),
            time("Rata-rata waktu pengujian per kendaraan", 30, 45, "menit"),
            library=2),
        rhk("Peralatan uji kendaraan yang terkalibrasi",
            qty("Jumlah alat uji yang dipelihara", 8, 12, "alat"),
            qual("Persentase alat uji yang tersertifikasi kalibrasi", 100),
            MONTHLY),
    )),
    "traffic": Pool(TRANSPORT, EXECUTOR, (
        rhk("Kelancaran lalu lintas di ruas jalan utama",
            qty("Jumlah titik rawan kemacetan yang ditangani", 8, 20, "titik"),
            qual("Rata-rata kecepatan perjalanan di jalan arteri", 25, 30, "km/jam"),
            time("Pengaturan lalu lintas pada jam sibuk", 12),
            library=1),
        rhk("Perlengkapan jalan yang berfungsi baik",
            qty("Jumlah rambu, marka dan lampu lalu lintas yang dipelihara", 100, 300, "unit"),
            qual("Persentase lampu lalu lintas (APILL) yang berfungsi baik", 95),
            time("Waktu perbaikan APILL sejak laporan kerusakan", 2, unit="hari"),
            library=2),
        rhk("Pelayanan angkutan umum dan terminal yang tertib",
            qty("Jumlah angkutan umum yang diperiksa kelaikannya (ramp check)",
                200, 500, "kendaraan"),
            qual("Persentase angkutan umum yang memenuhi standar pelayanan minimal", 85),
            MONTHLY),
    )),
    "environment": Pool(ENVIRONMENT, FUNCTIONAL, (
        rhk("Sampah rumah tangga terangkut ke tempat pemrosesan akhir",
            qty("Jumlah ritase armada pengangkutan sampah yang diawasi", 2000, 4000, "ritase"),
            qual("Persentase sampah yang tertangani", 85, 90),
            time("Pengangkutan sampah sesuai jadwal", 12),
            library=1),
        rhk("Pengurangan sampah melalui bank sampah",
            qty("Jumlah bank sampah yang dibina", 10, 30, "unit"),
            qual("Persentase pengurangan sampah terhadap timbulan", 20, 25),
            MONTHLY),
        rhk("Pengawasan ketaatan usaha terhadap persetujuan lingkungan",
            qty("Jumlah usaha dan kegiatan yang diawasi", 20, 50, "usaha"),
            qual("Persentase usaha yang taat terhadap dokumen lingkungan", 80),
            time("Rata-rata waktu tindak lanjut pengaduan pencemaran", 3, unit="hari"),
            library=2),
    )),
    "environment_lab": Pool(ENVIRONMENT, FUNCTIONAL, (
        rhk("Pemantauan kualitas air dan udara",
            qty("Jumlah sampel air dan udara yang diuji", 120, 240, "sampel"),
            qual("Persentase hasil uji yang memenuhi baku mutu metode", 100),
            time("Waktu penerbitan laporan hasil uji", 7, unit="hari"),
            library=0),
        rhk("Kajian dokumen lingkungan yang tepat waktu",
            qty("Jumlah dokumen UKL-UPL dan SPPL yang dikaji", 40, 80, "dokumen"),
            qual("Persentase kajian yang selesai tanpa perbaikan berulang", 90),
            time("Rata-rata waktu pemeriksaan dokumen", 10, unit="hari")),
    )),
    "tpa_ops": Pool(ENVIRONMENT, EXECUTOR, (
        rhk("Operasional tempat pemrosesan akhir sampah yang tertib",
            qty("Jumlah jam operasi alat berat di TPA", 1500, 2500, "jam"),
            qual("Persentase area sel sampah yang ditutup tanah sesuai jadwal", 90),
            MONTHLY),
        rhk("Pencatatan sampah yang masuk ke TPA",
            qty("Jumlah truk sampah yang dicatat di jembatan timbang", 20000, 30000, "truk"),
            qual("Persentase data timbangan yang lengkap", 100),
            MONTHLY),
    )),
    "tourism": Pool(TOURISM, FUNCTIONAL, (
        rhk("Promosi pariwisata daerah yang menjangkau wisatawan",
            qty("Jumlah kegiatan promosi pariwisata (pameran, famtrip, media digital)",
                6, 12, "kegiatan"),
            qual("Persentase kenaikan kunjungan wisatawan", 5, 10),
            MONTHLY, library=0),
        rhk("Event pariwisata yang terselenggara dengan baik",
            qty("Jumlah event pariwisata yang diselenggarakan", 3, 8, "event"),
            qual("Persentase pengunjung event yang puas", 80, 85),
            time("Event terlaksana sesuai kalender event daerah", 12),
            library=0),
        rhk("Usaha pariwisata dan ekonomi kreatif yang terbina",
            qty("Jumlah pelaku usaha pariwisata yang dibina", 40, 100, "pelaku usaha"),
            qual("Persentase usaha pariwisata yang bersertifikat standar usaha", 60),
            MONTHLY),
    )),
    "hr": Pool(HR, FUNCTIONAL, (
        rhk("Layanan kenaikan pangkat tepat waktu",
            qty("Jumlah usulan kenaikan pangkat yang diproses", 300, 800, "usulan"),
            qual("Persentase usulan yang disetujui tanpa perbaikan berkas", 90, 95),
            time("Rata-rata waktu pemrosesan usulan", 5, unit="hari"),
            library=2),
        rhk("Data kepegawaian yang mutakhir",
            qty("Jumlah data ASN yang dimutakhirkan di SIASN", 1000, 3000, "data"),
            qual("Persentase data ASN yang valid", 98),
            MONTHLY),
        rhk("Pengembangan kompetensi ASN",
            qty("Jumlah ASN yang mengikuti pengembangan kompetensi", 200, 500, "orang"),
            qual("Persentase ASN yang memenuhi 20 jam pelajaran pengembangan kompetensi", 80),
            MONTHLY),
        rhk("Penilaian kinerja ASN yang objektif dan tepat waktu",
            qty("Jumlah SKP yang diverifikasi", 500, 1500, "SKP"),
            qual("Persentase SKP yang ditetapkan sebelum batas waktu", 95),
            time("Verifikasi penetapan SKP selesai", 1, unit="bulan"),
            library=1),
    )),
    "office_admin": Pool(ADMINISTRATION, EXECUTOR, (
        rhk("Administrasi persuratan yang tertib",
            qty("Jumlah surat masuk dan keluar yang diagendakan", 600, 1500, "surat"),
            qual("Persentase surat yang terdistribusi tanpa kesalahan", 100),
            time("Waktu distribusi surat masuk", 1, unit="hari"),
            library=0),
        rhk("Arsip dinamis yang tertata",
            qty("Jumlah berkas arsip yang ditata dan dideskripsikan", 300, 800, "berkas"),
            qual("Persentase arsip yang ditemukan kembali saat dibutuhkan", 95),
            time("Waktu penemuan kembali arsip", 10, unit="menit")),
        rhk("Laporan bulanan {unit} yang tepat waktu",
            qty("Jumlah laporan bulanan yang disusun", 12, unit="laporan"),
            qual("Persentase laporan yang diterima tanpa revisi", 90),
            time("Laporan disampaikan paling lambat tanggal 10 bulan berikutnya", 12)),
        rhk("Barang milik daerah di {unit} yang tercatat",
            qty("Jumlah barang milik daerah yang diinventarisasi", 150, 400, "unit"),
            qual("Persentase barang yang cocok antara catatan dan fisik", 95),
            time("Inventarisasi dilaksanakan setiap semester", 2, unit="semester")),
    )),
    "archive": Pool(ADMINISTRATION, FUNCTIONAL, (
        rhk("Pengelolaan arsip dinamis sesuai klasifikasi",
            qty("Jumlah berkas arsip yang diolah", 500, 1200, "berkas"),
            qual("Persentase arsip yang sesuai klasifikasi arsip", 95),
            MONTHLY, library=1),
        rhk("Penyusutan arsip inaktif",
            qty("Jumlah boks arsip inaktif yang dinilai", 20, 60, "boks"),
            qual("Persentase daftar arsip usul musnah yang disetujui", 90),
            MONTHLY),
    )),
    "finance": Pool(FINANCE, FUNCTIONAL, (
        rhk("Surat pertanggungjawaban (SPJ) yang lengkap dan tepat waktu",
            qty("Jumlah SPJ yang diverifikasi", 300, 700, "SPJ"),
            qual("Persentase SPJ yang lengkap dan sah", 100),
            time("Rata-rata waktu verifikasi SPJ", 3, unit="hari"),
            library=2),
        rhk("Laporan keuangan yang andal",
            qty("Jumlah laporan keuangan yang disusun", 5, unit="laporan"),
            qual("Persentase temuan pemeriksaan keuangan yang ditindaklanjuti", 100),
            time("Laporan keuangan disampaikan tepat waktu", 4, unit="triwulan"),
            library=1),
        rhk("Realisasi anggaran sesuai rencana",
            qty("Jumlah laporan realisasi anggaran bulanan", 12, unit="laporan"),
            cost("Persentase realisasi anggaran", 90, 95),
            MONTHLY),
    )),
    "planning": Pool(PLANNING, FUNCTIONAL, (
        rhk("Dokumen perencanaan yang berkualitas",
            qty("Jumlah dokumen perencanaan (Renja, RKA, Perjanjian Kinerja) yang disusun",
                3, 5, "dokumen"),
            qual("Persentase program yang selaras dengan Renstra", 100),
            time("Dokumen perencanaan ditetapkan sesuai jadwal", 12),
            library=0),
        rhk("Laporan kinerja yang akuntabel",
            qty("Jumlah laporan capaian kinerja (triwulanan dan LKjIP)", 5, unit="laporan"),
            qual("Nilai evaluasi SAKIP perangkat daerah", 72, 80, "nilai"),
            time("Laporan capaian kinerja disampaikan setiap triwulan", 4, unit="triwulan"),
            library=1),
        rhk("Monitoring dan evaluasi program",
            qty("Jumlah kegiatan monitoring dan evaluasi", 4, 12, "kegiatan"),
            qual("Persentase rekomendasi evaluasi yang ditindaklanjuti", 80),
            MONTHLY),
    )),
    "it": Pool(IT, FUNCTIONAL, (
        rhk("Layanan sistem informasi yang andal",
            qty("Jumlah aplikasi dan sistem yang dikelola", 3, 8, "aplikasi"),
            qual("Persentase ketersediaan layanan sistem (uptime)", 98, 99),
            time("Waktu pemulihan gangguan sistem", 4, unit="jam"),
            library=1),
        rhk("Dukungan teknis bagi pengguna",
            qty("Jumlah permintaan dukungan TI yang diselesaikan", 100, 300, "tiket"),
            qual("Persentase tiket yang selesai pada penanganan pertama", 80),
            time("Rata-rata waktu penyelesaian tiket", 1, unit="hari")),
    )),
    "legal": Pool(LEGAL, FUNCTIONAL, (
        rhk("Rancangan produk hukum daerah yang harmonis",
            qty("Jumlah rancangan peraturan daerah dan peraturan wali kota yang disusun",
                6, 15, "rancangan"),
            qual("Persentase rancangan yang lolos harmonisasi tanpa catatan substansial", 90),
            time("Rata-rata waktu penyusunan rancangan", 30, unit="hari"),
            library=1),
        rhk("Bantuan hukum bagi pemerintah daerah",
            qty("Jumlah perkara yang didampingi", 5, 15, "perkara"),
            qual("Persentase dokumen persidangan yang disampaikan tepat waktu", 100),
            MONTHLY),
    )),
    "procurement": Pool(PROCUREMENT, FUNCTIONAL, (
        rhk("Pengadaan barang/jasa yang tepat waktu",
            qty("Jumlah paket pengadaan yang diproses", 20, 60, "paket"),
            qual("Persentase paket tanpa sanggah yang terbukti", 100),
            time("Rata-rata waktu proses tender", 30, 45, "hari"),
            library=2),
        rhk("Belanja melalui katalog elektronik",
            qty("Jumlah paket e-purchasing yang difasilitasi", 40, 100, "paket"),
            qual("Persentase belanja produk dalam negeri", 60, 80),
            MONTHLY),
    )),
    "public_relations": Pool(PUBLIC_RELATIONS, FUNCTIONAL, (
        rhk("Informasi publik dan publikasi kegiatan pimpinan",
            qty("Jumlah berita dan rilis yang dipublikasikan", 150, 300, "berita"),
            qual("Persentase permohonan informasi publik yang dijawab", 100),
            time("Publikasi kegiatan pada hari pelaksanaan", 1, unit="hari"),
            library=0),
    )),
    "policy": Pool(POLICY, FUNCTIONAL, (
        rhk("Rekomendasi kebijakan berbasis bukti",
            qty("Jumlah kajian dan ringkasan kebijakan yang disusun", 2, 4, "kajian"),
            qual("Persentase rekomendasi yang digunakan pimpinan", 50, 75),
            MONTHLY, library=0),
        rhk("Analisis jabatan dan beban kerja",
            qty("Jumlah jabatan yang dianalisis", 20, 60, "jabatan"),
            qual("Persentase dokumen analisis jabatan yang ditetapkan", 90),
            MONTHLY),
    )),
    # Heads of units: programme delivery, budget and people.
    "programme": Pool(PROGRAMME, ADMINISTRATOR, (
        rhk("Program dan kegiatan {unit} terlaksana sesuai rencana",
            qty("Jumlah program dan kegiatan yang terlaksana dalam setahun", 4, 12, "kegiatan"),
            qual("Persentase capaian output kegiatan", 95, 100),
            time("Kegiatan terlaksana sesuai jadwal", 12),
            library=0),
        rhk("Anggaran {unit} terserap sesuai rencana",
            qty("Jumlah laporan realisasi fisik dan keuangan", 12, unit="laporan"),
            cost("Persentase realisasi anggaran kegiatan", 90, 95),
            time("Laporan realisasi disampaikan setiap bulan", 12),
            library=1),
        rhk("Kinerja pegawai {unit} yang terkelola",
            qty("Jumlah pegawai yang kinerjanya dipantau dan dinilai", 4, 12, "orang"),
            qual("Persentase pegawai dengan predikat kinerja minimal Baik", 90, 100),
            time("Penilaian kinerja periodik tepat waktu", 4, unit="triwulan"),
            library=1),
        rhk("Inovasi layanan {unit}",
            qty("Jumlah inovasi layanan yang diterapkan", 1, 2, "inovasi"),
            qual("Indeks kepuasan penerima layanan", 80, 88, "indeks"),
            MONTHLY),
    )),
    "health_centre_head": Pool(HEALTH, FUNCTIONAL, (
        rhk("Pelayanan kesehatan dasar {unit} yang bermutu",
            qty("Jumlah kunjungan pasien", 25000, 40000, "kunjungan"),
            qual("Indeks kepuasan masyarakat terhadap layanan puskesmas", 82, 88, "indeks"),
            time("Rata-rata waktu tunggu pelayanan rawat jalan", 30, 45, "menit")),
        rhk("Capaian standar pelayanan minimal kesehatan di wilayah {unit}",
            qty("Jumlah indikator SPM bidang kesehatan yang dipantau", 12, unit="indikator"),
            qual("Persentase capaian SPM bidang kesehatan", 90, 100),
            time("Evaluasi capaian SPM setiap triwulan", 4, unit="triwulan")),
        rhk("Manajemen {unit} yang akuntabel",
            qty("Jumlah dokumen manajemen puskesmas (RUK, RPK, PKP) yang disusun", 3,
                unit="dokumen"),
            qual("Persentase rekomendasi akreditasi yang ditindaklanjuti", 90, 100),
            time("Lokakarya mini puskesmas dilaksanakan setiap bulan", 12)),
    )),
    "school_head": Pool(EDUCATION, FUNCTIONAL, (
        rhk("Pembelajaran yang bermutu di {unit}",
            qty("Jumlah supervisi akademik kepada guru", 20, 40, "kali"),
            qual("Persentase guru dengan hasil supervisi akademik baik", 85, 95),
            time("Supervisi akademik dilaksanakan setiap semester", 2, unit="semester")),
        rhk("Hasil belajar peserta didik {unit} yang meningkat",
            qty("Jumlah rapor pendidikan yang dianalisis dan ditindaklanjuti", 1,
                unit="dokumen"),
            qual("Persentase peserta didik yang naik kelas atau lulus", 98, 100),
            time("Rencana tindak lanjut rapor pendidikan ditetapkan", 1, unit="bulan")),
        rhk("Tata kelola dana BOS {unit} yang akuntabel",
            qty("Jumlah laporan penggunaan dana BOS", 4, unit="laporan"),
            qual("Persentase penggunaan dana BOS sesuai petunjuk teknis", 100),
            time("Laporan dana BOS disampaikan setiap triwulan", 4, unit="triwulan")),
    )),
}  # fmt: skip

# What heads of units in each field add to the programme results.
HEAD_RESULTS: dict[str, tuple[ResultTemplate, ...]] = {
    "health": (
        rhk("Layanan kesehatan yang dibina {unit} sesuai standar pelayanan minimal",
            qty("Jumlah puskesmas yang dibina dan dievaluasi", 10, unit="puskesmas"),
            qual("Persentase capaian indikator SPM kesehatan yang menjadi tanggung jawab "
                 "unit", 90, 100),
            time("Pembinaan dan evaluasi dilaksanakan setiap triwulan", 4, unit="triwulan")),
    ),
    "education": (
        rhk("Mutu satuan pendidikan binaan {unit} yang meningkat",
            qty("Jumlah satuan pendidikan yang dibina", 9, 15, "sekolah"),
            qual("Persentase satuan pendidikan dengan rapor pendidikan kategori baik", 70, 80),
            time("Pembinaan dilaksanakan setiap semester", 2, unit="semester")),
    ),
    "transport": (
        rhk("Layanan perhubungan {unit} yang selamat dan tertib",
            qty("Jumlah kegiatan pengawasan dan pengendalian transportasi", 24, 48,
                "kegiatan"),
            qual("Persentase pelanggaran yang ditindaklanjuti", 90, 100),
            MONTHLY),
    ),
    "environment": (
        rhk("Pengendalian lingkungan hidup {unit} yang efektif",
            qty("Jumlah kegiatan pengendalian dan pengawasan lingkungan", 12, 36, "kegiatan"),
            qual("Persentase pengaduan lingkungan yang ditindaklanjuti", 100),
            time("Rata-rata waktu tindak lanjut pengaduan", 3, unit="hari")),
    ),
    "tourism": (
        rhk("Pengembangan pariwisata {unit} sesuai rencana",
            qty("Jumlah program pengembangan pariwisata yang dilaksanakan", 4, 8, "program"),
            qual("Persentase kenaikan kunjungan wisatawan", 5, 10),
            MONTHLY),
    ),
    "hr": (
        rhk("Layanan kepegawaian {unit} yang cepat dan akurat",
            qty("Jumlah layanan kepegawaian yang diselesaikan", 500, 1500, "layanan"),
            qual("Persentase layanan yang selesai sesuai standar waktu", 95),
            time("Rata-rata waktu penyelesaian layanan", 5, unit="hari")),
    ),
    "licensing": (
        rhk("Layanan perizinan {unit} yang cepat dan pasti",
            qty("Jumlah izin yang diterbitkan", 1500, 4000, "izin"),
            qual("Persentase izin terbit sesuai standar pelayanan", 98),
            time("Rata-rata waktu penyelesaian izin", 3, unit="hari")),
    ),
    "investment": (
        rhk("Iklim penanaman modal yang kondusif",
            qty("Jumlah kegiatan promosi dan fasilitasi investasi", 6, 12, "kegiatan"),
            qual("Persentase realisasi investasi terhadap target", 90, 100),
            time("Laporan realisasi investasi setiap triwulan", 4, unit="triwulan")),
    ),
    "finance": (
        rhk("Pengelolaan keuangan {unit} yang tertib dan akuntabel",
            qty("Jumlah laporan keuangan yang disusun", 5, unit="laporan"),
            qual("Persentase temuan pemeriksaan keuangan yang ditindaklanjuti", 100),
            time("Laporan keuangan disampaikan tepat waktu", 4, unit="triwulan")),
    ),
    "planning": (
        rhk("Perencanaan dan pelaporan kinerja yang berkualitas",
            qty("Jumlah dokumen perencanaan dan laporan kinerja yang disusun", 6, 8,
                "dokumen"),
            qual("Nilai evaluasi SAKIP", 75, 80, "nilai"),
            MONTHLY),
    ),
    "administration": (
        rhk("Layanan administrasi umum {unit} yang tertib",
            qty("Jumlah layanan administrasi umum yang diselesaikan", 300, 800, "layanan"),
            qual("Persentase layanan yang selesai tanpa keluhan", 95),
            time("Rata-rata waktu penyelesaian layanan administrasi", 1, unit="hari")),
    ),
    "legal": POOLS["legal"].results[:1],
    "procurement": POOLS["procurement"].results[:1],
    "public_relations": POOLS["public_relations"].results,
    "policy": (
        rhk("Koordinasi kebijakan {unit} yang efektif",
            qty("Jumlah rapat koordinasi dan bahan kebijakan yang disiapkan", 12, 24,
                "kegiatan"),
            qual("Persentase hasil koordinasi yang ditindaklanjuti perangkat daerah", 80),
            MONTHLY),
    ),
    "programme": (),
}  # fmt: skip

# The Secretary of an office (Sekretaris Dinas) leads administration, finance and
# planning at once.
SECRETARY_RESULTS = (
    HEAD_RESULTS["administration"][0],
    HEAD_RESULTS["finance"][0],
    HEAD_RESULTS["planning"][0],
)

ADDITIONAL_RESULTS = (
    rhk("Menjadi anggota tim pelaksana peringatan Hari Jadi Kota",
        qty("Jumlah kegiatan yang didukung", 1, 3, "kegiatan")),
    rhk("Menjadi narasumber berbagi pengetahuan di unit kerja",
        qty("Jumlah sesi berbagi pengetahuan", 1, 4, "sesi")),
    rhk("Menjadi anggota tim penyusun standar operasional prosedur",
        qty("Jumlah SOP yang disusun", 1, 3, "SOP")),
    rhk("Mengikuti pelatihan peningkatan kompetensi teknis",
        qty("Jumlah jam pelajaran pelatihan yang diikuti", 20, 40, "JP")),
)  # fmt: skip


# Functional and executor posts by the start of their name (the level follows).
POST_POOLS = (
    ("Dokter Gigi", "dentist"),
    ("Dokter", "doctor"),
    ("Perawat", "nurse"),
    ("Bidan", "midwife"),
    ("Apoteker", "pharmacy"),
    ("Asisten Apoteker", "pharmacy"),
    ("Pranata Laboratorium Kesehatan", "laboratory"),
    ("Nutrisionis", "nutrition"),
    ("Tenaga Sanitasi Lingkungan", "sanitarian"),
    ("Penyuluh Kesehatan Masyarakat", "health_promotion"),
    ("Perekam Medis", "medical_records"),
    ("Epidemiolog Kesehatan", "surveillance"),
    ("Administrator Kesehatan", "health_admin"),
    ("Guru", "teacher"),
    ("Pustakawan", "librarian"),
    ("Pengawas Sekolah", "school_supervisor"),
    ("Penguji Kendaraan Bermotor", "vehicle_testing"),
    ("Pengendali Dampak Lingkungan", "environment_lab"),
    ("Pengawas Lingkungan Hidup", "environment"),
    ("Adyatama Kepariwisataan", "tourism"),
    ("Penata Kelola Penanaman Modal", "investment"),
    ("Analis Sumber Daya Manusia Aparatur", "hr"),
    ("Asesor Sumber Daya Manusia Aparatur", "hr"),
    ("Perancang Peraturan", "legal"),
    ("Pengelola Pengadaan", "procurement"),
    ("Pranata Hubungan Masyarakat", "public_relations"),
    ("Analis Kebijakan", "policy"),
    ("Pranata Komputer", "it"),
    ("Arsiparis", "archive"),
    ("Perencana", "planning"),
    ("Analis Keuangan", "finance"),
)

# The pool of executor staff (pelaksana) by the field of their unit; office
# administration is added to every one of them.
EXECUTOR_POOLS = {
    "health": "health_admin",
    "health_centre": "health_desk",
    "education": "school_admin",
    "school": "school_admin",
    "transport": "traffic",
    "vehicle_testing": "vehicle_testing",
    "environment": "environment",
    "landfill": "tpa_ops",
    "tourism": "tourism",
    "hr": "hr",
    "licensing": "licensing",
    "investment": "investment",
    "finance": "finance",
    "planning": "planning",
}


def post_pool(position_name: str) -> str | None:
    for prefix, pool in POST_POOLS:
        if position_name.startswith(prefix):
            return pool
    return None


def render(text: str, unit_name: str) -> str:
    return text.replace("{unit}", unit_name)
