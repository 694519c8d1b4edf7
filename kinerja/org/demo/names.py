"""Word lists for believable people in a South Sulawesi city government.

Given names mix the Bugis-Makassar names common in Makassar's civil service with names
from elsewhere in Indonesia; family names include father's names and the Makassar
"Dg." (Daeng) honorific names. Academic titles follow the spelling of official
documents (front: "dr.", "Dr.", back: "S.Kep., Ns.", "M.Si.").
"""

MALE_GIVEN = (
    "Muhammad", "Muh. Yusran", "Ahmad", "Abdul Rahman", "Abdul Haris", "Andi Muhammad",
    "Andi Baso", "Andi Tenri Sau", "Syahrul", "Syamsul", "Burhanuddin", "Kamaruddin",
    "Amiruddin", "Jamaluddin", "Syarifuddin", "Nasruddin", "Haeruddin", "Baharuddin",
    "Ridwan", "Rusdi", "Ilham", "Iqbal", "Fadli", "Akbar", "Rizal", "Irwan", "Hendra",
    "Arfan", "Asriadi", "Sudirman", "Muhlis", "Arsyad", "Jufri", "Rahmat", "Taufik",
    "Ismail", "Yusuf", "Hamzah", "Firman", "Fahmi", "Agus", "Budi", "Eko", "Bambang",
    "Hasan", "Husain", "Zainal", "Mansyur", "Darwis", "Anwar", "Hasbi", "Syahrir", "Aswar",
    "Muhtar", "Wahyu", "Reza", "Fajar", "Ardiansyah", "Irfan", "Alimuddin", "Basri",
    "Asdar", "Nasrun", "Syaiful", "Hidayat", "Ramli", "Kaharuddin", "Amran", "Sukri",
    "Nur Alam", "Erwin", "Arief", "Yudi", "Andi Fachruddin", "Bahtiar", "Sahrir", "Kasim",
)  # fmt: skip

FEMALE_GIVEN = (
    "Nurhayati", "Sitti Aisyah", "Sitti Nurbaya", "St. Khadijah", "Hasnawati", "Nurjannah",
    "Hasmawati", "Rosmiati", "Suriani", "Kasmawati", "Nurhaedah", "Hamsiah", "Darmawati",
    "Irmawati", "Rahmawati", "Fitriani", "Nur Aisyah", "Andi Besse", "Andi Tenri Ajeng",
    "Andi Nurul", "Hasnah", "Megawati", "Ratnasari", "Asniar", "Syamsiah", "Marwah",
    "Jumriah", "Hijrah", "Nurul Hidayah", "Sri Wahyuni", "Dewi Sartika", "Rini", "Yuliana",
    "Mardiana", "Nurlina", "Haslinda", "Musdalifah", "Fatmawati", "Nurmiati", "Sumarni",
    "Herlina", "Indah", "Ayu Lestari", "Riska", "Wahidah", "Nurfadillah", "Hariani",
    "Rasmiati", "Hartini", "Risnawati", "Nurhikmah", "Andi Ummu", "Sri Rahayu", "Ernawati",
    "Husnul Khatimah", "Nurindah", "Aminah", "Masita", "Mutmainnah", "Satriani",
)  # fmt: skip

FAMILY = (
    "Rahman", "Hasanuddin", "Mappaseng", "Mattalatta", "Sanusi", "Tahir", "Amir", "Saleh",
    "Syamsuddin", "Nurdin", "Haris", "Yusuf", "Hamzah", "Baharuddin", "Arifin", "Rauf",
    "Lamuru", "Patunru", "Pananrangi", "Massikki", "Pallawa", "Karim", "Latif", "Hafid",
    "Kadir", "Gani", "Pabittei", "Wahid", "Sulaiman", "Jafar", "Usman", "Mahmud", "Bakri",
    "Sahabuddin", "Thamrin", "Ibrahim", "Mustari", "Natsir", "Mappiasse", "Sikki",
    "Dg. Nai", "Dg. Tala", "Dg. Ngalle", "Dg. Sikki", "Dg. Bollo", "Dg. Tutu", "Dg. Rate",
    "Santoso", "Setiawan", "Pratama", "Saputra", "Wijaya", "Kusuma", "Siregar", "Manurung",
    "Tumbelaka", "Rumengan", "Pattiasina", "Lestari", "Ramadhani", "Hidayat", "Said",
)  # fmt: skip

# Mobile number prefixes of the Indonesian operators (Telkomsel, Indosat, XL, Tri).
PHONE_PREFIXES = (
    "0811", "0812", "0813", "0821", "0822", "0852", "0853",
    "0814", "0815", "0816", "0856", "0857", "0858",
    "0817", "0818", "0819", "0859", "0877", "0878",
    "0895", "0896", "0897",
)  # fmt: skip

# Degrees of office staff.
OFFICE_DEGREES = ("S.E.", "S.Sos.", "S.H.", "S.STP", "S.IP.", "S.T.", "S.Kom.", "S.AP.", "S.Pd.")
# Graduates of the civil service academy (S.STP) start as officials, not as pelaksana.
PELAKSANA_DEGREES = ("S.E.", "S.Sos.", "S.H.", "S.IP.", "S.T.", "S.Kom.", "S.AP.", "S.Pd.")
MASTERS = ("M.Si.", "M.M.", "M.H.", "M.AP.", "M.T.", "M.Pd.")
HEALTH_MASTERS = ("M.Kes.", "M.KM.")

STREETS = (
    "Jl. Jend. Ahmad Yani", "Jl. Urip Sumoharjo", "Jl. A.P. Pettarani", "Jl. Sultan Alauddin",
    "Jl. Perintis Kemerdekaan", "Jl. Veteran Selatan", "Jl. Gunung Bawakaraeng",
    "Jl. Sam Ratulangi", "Jl. Hertasning", "Jl. Abdullah Daeng Sirua", "Jl. Tamalate",
    "Jl. Andi Pangeran Pettarani", "Jl. Landak Baru", "Jl. Kandea", "Jl. Cendrawasih",
    "Jl. Rappocini Raya", "Jl. Boulevard", "Jl. Antang Raya", "Jl. Sungai Saddang",
)  # fmt: skip

PLACES = (
    "Kassi-Kassi", "Batua", "Tamalanrea", "Antang", "Jongaya", "Mamajang", "Pampang",
    "Sudiang", "Kaluku Bodoa", "Minasa Upa", "Paccerakkang", "Bara-Baraya", "Makkasau",
    "Pattingalloang", "Barombong", "Mangasa", "Tamamaung", "Rappokalling", "Bangkala",
    "Tamangapa", "Maccini Sawah", "Panambungan", "Tabaringan", "Layang", "Andalas",
    "Malimongan Baru", "Cendrawasih", "Maradekaya", "Karuwisi", "Tarakan", "Sudiang Raya",
    "Balang Baru", "Jumpandang Baru", "Daya", "Bira", "Kodingareng", "Barrang Lompo",
)  # fmt: skip
