"""What assessors write on demo SKPs: BerAKHLAK expectations, annex lines and the
comments that send a plan back."""

# The leader's specific expectation (ekspektasi khusus pimpinan) per core value code.
EXPECTATIONS: dict[str, tuple[str, ...]] = {
    "berorientasi_pelayanan": (
        "Melayani penerima layanan dengan ramah dan tuntas sesuai standar pelayanan",
        "Menindaklanjuti setiap keluhan penerima layanan paling lambat satu hari kerja",
        "Memberikan solusi atas kebutuhan penerima layanan, bukan sekadar menjawab",
    ),
    "akuntabel": (
        "Menyelesaikan pekerjaan dengan jujur, cermat dan tepat waktu",
        "Menggunakan barang milik daerah hanya untuk kepentingan dinas",
        "Melaporkan capaian kerja secara berkala dengan data yang dapat diverifikasi",
    ),
    "kompeten": (
        "Mengikuti paling sedikit 20 jam pelajaran pengembangan kompetensi dalam setahun",
        "Berbagi pengetahuan dengan rekan kerja setelah mengikuti pelatihan",
        "Menguasai aplikasi kerja yang digunakan unit",
    ),
    "harmonis": (
        "Menghargai pendapat rekan kerja dan penerima layanan tanpa membedakan latar belakang",
        "Membantu rekan kerja yang membutuhkan bantuan",
        "Menjaga suasana kerja yang kondusif di unit",
    ),
    "loyal": (
        "Menjaga nama baik instansi di dalam dan di luar kantor, termasuk di media sosial",
        "Menjaga kerahasiaan data dan dokumen jabatan",
        "Mendukung kebijakan pimpinan dan pemerintah yang sah",
    ),
    "adaptif": (
        "Cepat menyesuaikan diri dengan perubahan aplikasi dan prosedur kerja",
        "Mengusulkan paling sedikit satu perbaikan cara kerja dalam setahun",
        "Proaktif menyelesaikan masalah tanpa menunggu perintah",
    ),
    "kolaboratif": (
        "Terbuka bekerja sama lintas seksi dan lintas perangkat daerah",
        "Aktif berkontribusi dalam kerja tim",
        "Memberi kesempatan kepada rekan kerja untuk berkontribusi",
    ),
}

# Resources by pool of work; every plan also gets the general line.
RESOURCES_GENERAL = "Sarana kerja (komputer, jaringan internet) dan anggaran kegiatan unit"
RESOURCES: dict[str, str] = {
    "doctor": "Obat, alat kesehatan dan bahan medis habis pakai",
    "dentist": "Dental unit dan bahan medis habis pakai kedokteran gigi",
    "nurse": "Alat kesehatan dan bahan medis habis pakai",
    "midwife": "Alat kesehatan ibu dan anak serta buku KIA",
    "pharmacy": "Persediaan obat dan aplikasi pengelolaan obat",
    "laboratory": "Reagen dan alat laboratorium yang terkalibrasi",
    "nutrition": "Pemberian makanan tambahan dan alat antropometri",
    "health_centre_head": "Dana kapitasi JKN dan bantuan operasional kesehatan (BOK)",
    "teacher": "Buku teks, modul ajar dan media pembelajaran",
    "school_head": "Dana bantuan operasional sekolah (BOS)",
    "licensing": "Aplikasi perizinan berusaha terintegrasi (OSS) dan ruang layanan",
    "vehicle_testing": "Peralatan uji kendaraan yang terkalibrasi",
    "environment": "Armada pengangkutan sampah dan alat pelindung diri",
    "tpa_ops": "Alat berat dan bahan bakar operasional TPA",
    "tourism": "Materi promosi dan anggaran penyelenggaraan event",
    "hr": "Aplikasi SIASN dan e-Kinerja",
    "finance": "Aplikasi pengelolaan keuangan daerah (SIPD)",
    "planning": "Aplikasi perencanaan dan penganggaran (SIPD)",
}

ACCOUNTABILITY = (
    "Laporan triwulanan capaian kinerja kepada atasan langsung",
    "Laporan bulanan kegiatan melalui aplikasi e-Kinerja",
)

CONSEQUENCES = (
    "Capaian target menjadi dasar penilaian kinerja dan pemberian tambahan penghasilan "
    "pegawai (TPP)",
    "Jika target tidak tercapai, atasan langsung melakukan pembinaan dan menyusun rencana "
    "percepatan bersama pegawai",
)
SENIOR_CONSEQUENCE = (
    "Capaian kinerja menjadi dasar evaluasi kinerja pejabat pimpinan tinggi oleh Wali Kota"
)

REVIEW_COMMENTS = (
    "Target kuantitas RHK pertama terlalu rendah dibanding capaian tahun lalu; mohon disesuaikan.",
    "Indikator kualitas belum terukur. Gunakan persentase terhadap standar pelayanan.",
    "Mohon tambahkan RHK yang mendukung percepatan waktu layanan di unit kita, lalu ajukan "
    "kembali.",
    "Satuan target pada indikator waktu belum sesuai; gunakan hari atau bulan, bukan persen.",
)
