"""Ratings and the employee performance predicate (predikat kinerja pegawai).

Source: PermenPAN-RB 6/2022, annex (domain.md §1.7). The assessor gives two ratings on a
three-level scale; the predicate is read from the official 3×3 matrix. Kept as a table
per regulation so a later regulation is a new table, not an edit of old results.
"""

from enum import StrEnum


class Rating(StrEnum):
    """Rating Hasil Kerja / Rating Perilaku Kerja."""

    ABOVE = "above"  # Di Atas Ekspektasi
    AS_EXPECTED = "as_expected"  # Sesuai Ekspektasi
    BELOW = "below"  # Di Bawah Ekspektasi


class EmployeePredicate(StrEnum):
    """Predikat Kinerja Pegawai, best first."""

    SANGAT_BAIK = "sangat_baik"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"  # also "Cukup" in the credit-point rules
    KURANG = "kurang"  # Kurang/Misconduct
    SANGAT_KURANG = "sangat_kurang"


class OrganisationPredicate(StrEnum):
    """Predikat kinerja organisasi (SE MenPAN-RB 3/2023), best first."""

    ISTIMEWA = "istimewa"
    BAIK = "baik"
    BUTUH_PERBAIKAN = "butuh_perbaikan"  # also "Cukup"
    KURANG = "kurang"
    SANGAT_KURANG = "sangat_kurang"


RATING_NAMES: dict[Rating, str] = {
    Rating.ABOVE: "Di Atas Ekspektasi",
    Rating.AS_EXPECTED: "Sesuai Ekspektasi",
    Rating.BELOW: "Di Bawah Ekspektasi",
}

EMPLOYEE_PREDICATE_NAMES: dict[EmployeePredicate, str] = {
    EmployeePredicate.SANGAT_BAIK: "Sangat Baik",
    EmployeePredicate.BAIK: "Baik",
    EmployeePredicate.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    EmployeePredicate.KURANG: "Kurang/Misconduct",
    EmployeePredicate.SANGAT_KURANG: "Sangat Kurang",
}

ORGANISATION_PREDICATE_NAMES: dict[OrganisationPredicate, str] = {
    OrganisationPredicate.ISTIMEWA: "Istimewa",
    OrganisationPredicate.BAIK: "Baik",
    OrganisationPredicate.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    OrganisationPredicate.KURANG: "Kurang",
    OrganisationPredicate.SANGAT_KURANG: "Sangat Kurang",
}

PREDICATE_MATRIX_2022: dict[tuple[Rating, Rating], EmployeePredicate] = {
    # (results rating, behaviour rating) → predicate; PermenPAN-RB 6/2022 annex.
    (Rating.ABOVE, Rating.ABOVE): EmployeePredicate.SANGAT_BAIK,
    (Rating.ABOVE, Rating.AS_EXPECTED): EmployeePredicate.BAIK,
    (Rating.ABOVE, Rating.BELOW): EmployeePredicate.KURANG,
    (Rating.AS_EXPECTED, Rating.ABOVE): EmployeePredicate.BAIK,
    (Rating.AS_EXPECTED, Rating.AS_EXPECTED): EmployeePredicate.BAIK,
    (Rating.AS_EXPECTED, Rating.BELOW): EmployeePredicate.KURANG,
    (Rating.BELOW, Rating.ABOVE): EmployeePredicate.BUTUH_PERBAIKAN,
    (Rating.BELOW, Rating.AS_EXPECTED): EmployeePredicate.BUTUH_PERBAIKAN,
    (Rating.BELOW, Rating.BELOW): EmployeePredicate.SANGAT_KURANG,
}

MATRIX_SOURCE = "PermenPAN-RB 6/2022, Lampiran: matriks predikat kinerja pegawai"


def employee_predicate(
    results: Rating | str,
    behaviour: Rating | str,
    matrix: dict[tuple[Rating, Rating], EmployeePredicate] = PREDICATE_MATRIX_2022,
) -> EmployeePredicate:
    """The predicate for a results rating and a behaviour rating (domain.md §1.7).

    Poor behaviour caps the predicate at Kurang whatever the results; only
    above-expectation on both axes gives Sangat Baik.
    """
    return matrix[(Rating(results), Rating(behaviour))]


def explain_predicate(results: Rating | str, behaviour: Rating | str) -> str:
    """One plain-Indonesian sentence saying which matrix cell gave the predicate."""
    predicate = employee_predicate(results, behaviour)
    return (
        f"Rating hasil kerja {RATING_NAMES[Rating(results)]} dan rating perilaku kerja "
        f"{RATING_NAMES[Rating(behaviour)]} menghasilkan predikat "
        f"{EMPLOYEE_PREDICATE_NAMES[predicate]} menurut {MATRIX_SOURCE}."
    )


UNIT_HEAD_RESULTS_RATING: dict[OrganisationPredicate, Rating] = {
    # SE MenPAN-RB 3/2023 step 3: a unit head's Rating Hasil Kerja is the unit's result.
    # The SE maps five organisation predicates onto a three-level rating without saying
    # how; this reading (only Istimewa is above, only Baik as expected) is [UNCONFIRMED].
    OrganisationPredicate.ISTIMEWA: Rating.ABOVE,
    OrganisationPredicate.BAIK: Rating.AS_EXPECTED,
    OrganisationPredicate.BUTUH_PERBAIKAN: Rating.BELOW,
    OrganisationPredicate.KURANG: Rating.BELOW,
    OrganisationPredicate.SANGAT_KURANG: Rating.BELOW,
}


def unit_head_results_rating(organisation: OrganisationPredicate | str) -> Rating:
    """The results rating of the person who leads a unit, from the unit's predicate."""
    return UNIT_HEAD_RESULTS_RATING[OrganisationPredicate(organisation)]
