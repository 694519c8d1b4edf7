"""Ranks (pangkat) of civil servants by grade (golongan/ruang).

Source: PP 99/2000 (Kenaikan Pangkat PNS), Lampiran I, as amended by PP 12/2002. The names
are proper names printed on every official form ("Pangkat/Gol. Ruang"), so they stay in
Indonesian. PPPK have a golongan (Perpres 98/2020) but no pangkat.
"""

PNS_RANKS_2000: dict[str, str] = {
    "I/a": "Juru Muda",
    "I/b": "Juru Muda Tingkat I",
    "I/c": "Juru",
    "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
    "IV/c": "Pembina Utama Muda",
    "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}


def rank_and_grade(grade: str) -> str:
    """The "Pangkat/Gol. Ruang" cell: "Penata Muda, III/a" for a PNS grade; the bare
    grade for a PPPK golongan or an unknown one; empty when there is no grade."""
    rank = PNS_RANKS_2000.get(grade)
    return f"{rank}, {grade}" if rank else grade
