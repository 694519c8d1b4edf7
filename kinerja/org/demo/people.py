"""Believable civil servants for a post: name, titles, grade, NIP, contact details.

Everything here is a pure function of the random generator it is given, so a seed
always yields the same people. Ages, grades and NIPs are computed against a fixed
reference year rather than today, so the same seed gives the same NIPs next year too.
"""

import datetime
import random
import re
from dataclasses import dataclass

from kinerja.org.demo.names import (
    FAMILY,
    FEMALE_GIVEN,
    HEALTH_MASTERS,
    MALE_GIVEN,
    MASTERS,
    OFFICE_DEGREES,
    PELAKSANA_DEGREES,
    PHONE_PREFIXES,
)
from kinerja.org.enums import EmploymentType, FunctionalLevel, PositionKind
from kinerja.regulation.nip import EmploymentType as NipType
from kinerja.regulation.nip import build_nip

REFERENCE_YEAR = 2025
LAST_APPOINTMENT_YEAR = 2024  # every generated NIP is in the past from 2025 on
FIRST_PPPK_YEAR = 2019  # the first PPPK intake

LEVEL_NAMES = {
    FunctionalLevel.PEMULA: "Pemula",
    FunctionalLevel.TERAMPIL: "Terampil",
    FunctionalLevel.MAHIR: "Mahir",
    FunctionalLevel.PENYELIA: "Penyelia",
    FunctionalLevel.AHLI_PERTAMA: "Ahli Pertama",
    FunctionalLevel.AHLI_MUDA: "Ahli Muda",
    FunctionalLevel.AHLI_MADYA: "Ahli Madya",
    FunctionalLevel.AHLI_UTAMA: "Ahli Utama",
}
ENTRY_LEVELS = frozenset(
    {FunctionalLevel.PEMULA, FunctionalLevel.TERAMPIL, FunctionalLevel.AHLI_PERTAMA}
)
SKILL_TRACK = frozenset(
    {
        FunctionalLevel.PEMULA,
        FunctionalLevel.TERAMPIL,
        FunctionalLevel.MAHIR,
        FunctionalLevel.PENYELIA,
    }
)

# Golongan that fit each functional level or post kind (PNS), and the PPPK golongan
# of the same level (Perpres 98/2020 maps levels onto I … XVII).
PNS_GRADES_BY_LEVEL = {
    FunctionalLevel.PEMULA: ("II/a", "II/b"),
    FunctionalLevel.TERAMPIL: ("II/b", "II/c", "II/d"),
    FunctionalLevel.MAHIR: ("III/a", "III/b"),
    FunctionalLevel.PENYELIA: ("III/c", "III/d"),
    FunctionalLevel.AHLI_PERTAMA: ("III/a", "III/b"),
    FunctionalLevel.AHLI_MUDA: ("III/c", "III/d"),
    FunctionalLevel.AHLI_MADYA: ("IV/a", "IV/b", "IV/c"),
    FunctionalLevel.AHLI_UTAMA: ("IV/d", "IV/e"),
}
PPPK_GRADE_BY_LEVEL = {
    FunctionalLevel.PEMULA: "V",
    FunctionalLevel.TERAMPIL: "VII",
    FunctionalLevel.MAHIR: "VIII",
    FunctionalLevel.PENYELIA: "IX",
    FunctionalLevel.AHLI_PERTAMA: "IX",
    FunctionalLevel.AHLI_MUDA: "XI",
    FunctionalLevel.AHLI_MADYA: "XIII",
    FunctionalLevel.AHLI_UTAMA: "XV",
}
PNS_GRADES_BY_KIND = {
    PositionKind.JPT_PRATAMA: ("IV/b", "IV/c", "IV/c", "IV/c", "IV/d"),
    PositionKind.ADMINISTRATOR: ("III/d", "IV/a", "IV/a", "IV/b", "IV/b"),
    PositionKind.PENGAWAS: ("III/c", "III/d", "III/d", "IV/a"),
}
AGES_BY_LEVEL = {
    FunctionalLevel.PEMULA: (22, 35),
    FunctionalLevel.TERAMPIL: (23, 45),
    FunctionalLevel.MAHIR: (28, 50),
    FunctionalLevel.PENYELIA: (35, 56),
    FunctionalLevel.AHLI_PERTAMA: (24, 42),
    FunctionalLevel.AHLI_MUDA: (32, 52),
    FunctionalLevel.AHLI_MADYA: (40, 56),
    FunctionalLevel.AHLI_UTAMA: (50, 56),
}
AGES_BY_KIND = {
    PositionKind.JPT_PRATAMA: (47, 56),
    PositionKind.ADMINISTRATOR: (40, 55),
    PositionKind.PENGAWAS: (33, 55),
    PositionKind.PELAKSANA: (22, 56),
}
MASTERS_CHANCE = {
    PositionKind.JPT_PRATAMA: 0.95,
    PositionKind.ADMINISTRATOR: 0.6,
    PositionKind.PENGAWAS: 0.3,
    FunctionalLevel.AHLI_MUDA: 0.3,
    FunctionalLevel.AHLI_MADYA: 0.6,
    FunctionalLevel.AHLI_UTAMA: 0.8,
}

# A pelaksana's schooling decides the entry grade: (title, PNS grades, PPPK grade).
PELAKSANA_SCHOOLING = (
    ("", ("II/a", "II/b", "II/c", "II/d", "III/a"), "V"),
    ("A.Md.", ("II/c", "II/d", "III/a", "III/b"), "VII"),
    ("", ("II/a", "II/b", "II/c", "II/d"), "V"),
    (None, ("III/a", "III/b", "III/c"), "IX"),  # None: a bachelor's degree of the office
)


@dataclass(frozen=True)
class Post:
    """A kind of post staff hold, and who fits it.

    ``levels`` are (level, weight) pairs for functional posts; ``skilled_title`` and
    ``expert_title`` are the degrees after the name on the skill and expert tracks
    (empty: a degree of the office); ``front_title`` comes before the name ("dr.");
    ``masters`` are the fitting master's degrees (empty: those of the office).
    """

    name: str
    kind: str = PositionKind.PELAKSANA
    levels: tuple[tuple[str, int], ...] = ()
    pppk_share: float = 0.0
    female_share: float = 0.5
    front_title: str = ""
    skilled_title: str = ""
    expert_title: str = ""
    health: bool = False
    masters: tuple[str, ...] = ()

    @property
    def entry_levels(self) -> tuple[tuple[str, int], ...]:
        """The levels a newly appointed PPPK holds: the first of each track."""
        return tuple((lv, w) for lv, w in self.levels if lv in ENTRY_LEVELS) or self.levels


@dataclass(slots=True)
class PersonRow:
    nip: str
    name: str
    front_title: str
    back_title: str
    employment_type: str
    grade: str
    sex: str
    birth_date: datetime.date
    appointed: datetime.date
    email: str
    phone: str


def _slug(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


class PersonFactory:
    """Makes people for posts, keeping NIPs and e-mail addresses unique."""

    def __init__(self, rng: random.Random, *, email_domain: str, taken_nips: set[str]):
        self.rng = rng
        self.email_domain = email_domain
        self.taken = taken_nips
        self.emails: dict[str, int] = {}

    def person(self, post: Post, level: str, *, pppk: bool) -> PersonRow:
        rng = self.rng
        female = rng.random() < post.female_share
        low, high = AGES_BY_LEVEL.get(level) or AGES_BY_KIND[post.kind]
        if pppk:
            low = max(low, 25)
        age = rng.randint(low, max(low, high))
        birth = datetime.date(REFERENCE_YEAR - age, 1, 1) + datetime.timedelta(
            days=rng.randrange(365)
        )
        given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
        family = rng.choice(FAMILY) if rng.random() < 0.8 else ""
        name = f"{given} {family}".strip()
        front, back, grade = self._titles_and_grade(post, level, age, female, pppk)
        sex = "F" if female else "M"
        if pppk:
            year = rng.randint(min(max(FIRST_PPPK_YEAR, birth.year + 22), LAST_APPOINTMENT_YEAR),
                               LAST_APPOINTMENT_YEAR)  # fmt: skip
            appointed = datetime.date(year, rng.choice((1, 3, 4, 7)), 1)
        else:
            start_age = rng.randint(26, 31) if post.front_title else rng.randint(22, 30)
            year = min(birth.year + start_age, LAST_APPOINTMENT_YEAR)
            appointed = datetime.date(year, rng.choice((1, 1, 1, 2, 3, 4, 12)), 1)
        nip, birth = self._nip(pppk, birth, appointed, sex)
        return PersonRow(
            nip=nip,
            name=name,
            front_title=front,
            back_title=back,
            employment_type=EmploymentType.PPPK if pppk else EmploymentType.PNS,
            grade=grade,
            sex=sex,
            birth_date=birth,
            appointed=appointed,
            email=self._email(given, family),
            phone=f"{rng.choice(PHONE_PREFIXES)}{rng.randrange(10**7, 10**8)}",
        )

    def _titles_and_grade(
        self, post: Post, level: str, age: int, female: bool, pppk: bool
    ) -> tuple[str, str, str]:
        rng = self.rng
        if post.kind == PositionKind.PELAKSANA:
            title, pns_grades, pppk_grade = rng.choice(PELAKSANA_SCHOOLING)
            back = rng.choice(PELAKSANA_DEGREES) if title is None else title
            grade = pppk_grade if pppk else rng.choice(pns_grades)
        else:
            if level:
                grade = (
                    PPPK_GRADE_BY_LEVEL[level] if pppk else rng.choice(PNS_GRADES_BY_LEVEL[level])
                )
                skilled = level in SKILL_TRACK
            else:
                grade = rng.choice(PNS_GRADES_BY_KIND[post.kind])
                skilled = False
            back = post.skilled_title if skilled else post.expert_title
            if not back and not post.front_title:
                back = "A.Md." if skilled else rng.choice(OFFICE_DEGREES)
            chance = MASTERS_CHANCE.get(level or post.kind, 0.0)
            if not skilled and rng.random() < chance:
                masters = rng.choice(post.masters or (HEALTH_MASTERS if post.health else MASTERS))
                back = f"{back}, {masters}" if back else masters
        fronts = [post.front_title]
        if post.kind == PositionKind.JPT_PRATAMA and rng.random() < 0.25:
            fronts.insert(0, "Dr.")
        if age >= 40 and rng.random() < 0.25:
            fronts.append("Hj." if female else "H.")
        return " ".join(f for f in fronts if f), back, grade

    def _nip(
        self, pppk: bool, birth: datetime.date, appointed: datetime.date, sex: str
    ) -> tuple[str, datetime.date]:
        for sequence in range(1, 1000):
            nip = build_nip(
                employment_type=NipType.PPPK if pppk else NipType.PNS,
                birth_date=birth,
                appointment_year=appointed.year,
                appointment_month=appointed.month,
                sex=sex,
                sequence=sequence,
                pppk_field=1,
            )
            if nip not in self.taken:
                self.taken.add(nip)
                return nip, birth
        # A thousand people born on one day and appointed in one month: shift the
        # birth day instead of failing.
        return self._nip(pppk, birth + datetime.timedelta(days=1), appointed, sex)

    def _email(self, given: str, family: str) -> str:
        """firstname.lastname, skipping honorifics such as "Andi" and "St."."""
        words = [w for w in given.split() if w not in ("Andi", "Muh.", "St.")] or given.split()
        last = family.rsplit(maxsplit=1)[-1] if family else (words[-1] if len(words) > 1 else "")
        local = f"{_slug(words[0])}.{_slug(last)}" if last else _slug(words[0])
        count = self.emails.get(local, 0) + 1
        self.emails[local] = count
        suffix = str(count) if count > 1 else ""
        return f"{local}{suffix}@{self.email_domain}"
