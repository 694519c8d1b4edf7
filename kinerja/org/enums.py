"""Reference vocabularies of the organisation: unit kinds, position kinds, grades."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    SECRETARIAT = "secretariat", _("Secretariat (Sekretariat)")
    OFFICE = "office", _("Office (Dinas)")
    BOARD = "board", _("Agency body (Badan)")
    DIVISION = "division", _("Division (Bidang/Bagian)")
    SECTION = "section", _("Section (Seksi/Subbagian)")
    HEALTH_CENTRE = "health_centre", _("Community health centre (Puskesmas)")
    SCHOOL = "school", _("School (Sekolah)")
    SERVICE = "service", _("Service unit (UPT)")
    OTHER = "other", _("Other unit")


class PositionKind(models.TextChoices):
    """Jenis jabatan (UU ASN): the three JPT tiers, administration posts and functional posts."""

    JPT_UTAMA = "jpt_utama", _("JPT Utama")
    JPT_MADYA = "jpt_madya", _("JPT Madya")
    JPT_PRATAMA = "jpt_pratama", _("JPT Pratama")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Pengawas (supervisor)")
    PELAKSANA = "pelaksana", _("Pelaksana (executor)")
    FUNGSIONAL = "fungsional", _("Functional (Fungsional)")

    @classmethod
    def structural(cls) -> frozenset[str]:
        """Kinds that may act as assessor (pejabat penilai kinerja): JPT, administrator
        and supervisor posts (domain.md §1.5)."""
        return frozenset(
            {cls.JPT_UTAMA, cls.JPT_MADYA, cls.JPT_PRATAMA, cls.ADMINISTRATOR, cls.PENGAWAS}
        )

    @classmethod
    def jpt(cls) -> frozenset[str]:
        return frozenset({cls.JPT_UTAMA, cls.JPT_MADYA, cls.JPT_PRATAMA})


class FunctionalLevel(models.TextChoices):
    """Jenjang jabatan fungsional: skill track (keterampilan) then expert track (keahlian)."""

    PEMULA = "pemula", _("Pemula")
    TERAMPIL = "terampil", _("Terampil")
    MAHIR = "mahir", _("Mahir")
    PENYELIA = "penyelia", _("Penyelia")
    AHLI_PERTAMA = "ahli_pertama", _("Ahli Pertama")
    AHLI_MUDA = "ahli_muda", _("Ahli Muda")
    AHLI_MADYA = "ahli_madya", _("Ahli Madya")
    AHLI_UTAMA = "ahli_utama", _("Ahli Utama")


class EmploymentType(models.TextChoices):
    PNS = "PNS", _("Civil servant (PNS)")
    PPPK = "PPPK", _("Contract civil servant (PPPK)")


class AssignmentKind(models.TextChoices):
    """How a position is held: definitively, or as acting official (Plt/Plh)."""

    DEFINITIVE = "definitive", _("Definitive")
    PLT = "plt", _("Acting (Plt)")
    PLH = "plh", _("Daily acting (Plh)")


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


PNS_GRADES = [
    f"{roman}/{letter}"
    for roman, letters in (("I", "abcd"), ("II", "abcd"), ("III", "abcd"), ("IV", "abcde"))
    for letter in letters
]
"""Golongan/ruang of PNS, I/a … IV/e."""

PPPK_GRADES = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]  # fmt: skip
"""Golongan of PPPK, I … XVII (Perpres 98/2020)."""

GRADES_BY_TYPE: dict[str, list[str]] = {
    EmploymentType.PNS: PNS_GRADES,
    EmploymentType.PPPK: PPPK_GRADES,
}
