"""The competences a leader scores in the competence evaluation (Evaluasi Kompetensi
Pegawai, format B.1.9 of PermenPAN-RB 6/2022): the default list offered to the leader.

Source: PermenPAN-RB 38/2017 on the competence standards of ASN posts (Standar
Kompetensi Jabatan ASN), annex: the eight managerial competences and the one
socio-cultural competence required of every post. Technical competences differ per
post and are typed by the leader. Kept in the official Indonesian wording.
"""

MANAGERIAL_2017: tuple[str, ...] = (
    "Integritas",
    "Kerja Sama",
    "Komunikasi",
    "Orientasi pada Hasil",
    "Pelayanan Publik",
    "Pengembangan Diri dan Orang Lain",
    "Mengelola Perubahan",
    "Pengambilan Keputusan",
)

SOCIO_CULTURAL_2017: tuple[str, ...] = ("Perekat Bangsa",)

COMPETENCE_SCALE = (1, 2, 3, 4, 5)
"""B.1.9 scores each competence from 1 (lowest) to 5 (highest)."""

GUIDANCE_ANSWER_SCALE = (1, 2, 3, 4)
"""B.1.8 (Umpan Balik Pelaksanaan Bimbingan Kinerja): the employee answers each statement
about a guidance session 1 strongly disagree, 2 disagree, 3 agree, 4 strongly agree."""


def default_competences(post_kind: str) -> tuple[str, ...]:
    """The competences offered for a post of ``post_kind`` (a PositionKind value).

    PermenPAN-RB 38/2017 requires the managerial and socio-cultural competences of every
    post, structural and functional alike; only the required level differs, which B.1.9
    does not score. So every kind gets the same nine; the leader adds technical ones.
    """
    del post_kind  # the same list for every kind; the parameter keeps callers honest
    return MANAGERIAL_2017 + SOCIO_CULTURAL_2017
