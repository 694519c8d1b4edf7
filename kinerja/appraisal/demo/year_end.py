"""Demo year end: the annual results of two units made final, with credit points and
objections, so the objection, credit point, activity log and year-end screens all show
real content while the current year is still running.

The units are the division of the demo "assessor's superior" (which holds the demo
employee and assessor) and the school of the demo teacher (functional posts, so credit
points are due). Each approved SKP there gets an annual evaluation rated as its
assessor would (mostly as expected); ``annual_finalise_bulk`` then makes them final,
set-based, exactly as HR would at the year's end. The demo employee objects (waiting for
the assessor's superior), and one colleague's objection has been explained by the
assessor and decided with a change — all through the services, so the log and the
notifications are the real ones. Deterministic by seed.
"""

import random
from dataclasses import dataclass

from django.db.models import Q

from kinerja.appraisal.models import Evaluation, Objection
from kinerja.appraisal.services.objection import (
    objection_assessor_statement,
    objection_decide,
    objection_file,
)
from kinerja.appraisal.services.year_end import annual_finalise_bulk
from kinerja.core.clock import now
from kinerja.org.demo import persona_assignments
from kinerja.org.models import Agency, Unit
from kinerja.planning.models import AssessmentPeriod, Skp
from kinerja.regulation.predicate import Rating, employee_predicate

RESULTS = [(Rating.AS_EXPECTED, 0.72), (Rating.ABOVE, 0.18), (Rating.BELOW, 0.10)]
BEHAVIOUR = [(Rating.AS_EXPECTED, 0.7), (Rating.ABOVE, 0.22), (Rating.BELOW, 0.08)]
UPGRADE = {Rating.BELOW: Rating.AS_EXPECTED, Rating.AS_EXPECTED: Rating.ABOVE}


@dataclass(frozen=True)
class DemoYearEnd:
    units: int
    finalised: int
    credit_points: int
    objections: int


def _weighted(rng: random.Random, choices) -> Rating:
    return rng.choices([c for c, _w in choices], weights=[w for _c, w in choices])[0]


def _units(agency: Agency) -> list[Unit]:
    holders = persona_assignments(agency)
    units = []
    for persona in ("assessor_superior", "teacher"):
        if persona in holders:
            unit = holders[persona].position.unit
            if unit not in units:
                units.append(unit)
    return units


def _rate(units: list[Unit], period: AssessmentPeriod, rng: random.Random) -> None:
    """An annual evaluation, rated and not final, for every approved SKP of the units."""
    in_units = Q()
    for unit in units:
        in_units |= Q(position__unit__path__startswith=unit.path)
    skps = (
        Skp.objects.filter(in_units, period=period, status="approved")
        .exclude(evaluations__window__isnull=True)
        .order_by("pk")
    )
    stamp = now()
    rows = []
    for skp in skps:
        results, behaviour = _weighted(rng, RESULTS), _weighted(rng, BEHAVIOUR)
        rows.append(
            Evaluation(
                skp=skp,
                window=None,
                results_rating=results.value,
                behaviour_rating=behaviour.value,
                predicate=employee_predicate(results, behaviour).value,
                assessor_id=skp.approved_by_id,
                rated_at=stamp,
                notes="Catatan akhir tahun: pertahankan capaian dan perbaiki ketepatan waktu.",
            )
        )
    Evaluation.objects.bulk_create(rows, batch_size=1000)


def _objections(agency: Agency, units: list[Unit], period: AssessmentPeriod) -> int:
    """The demo employee's objection, waiting; a colleague's, explained and decided."""
    holders = persona_assignments(agency)
    made = 0
    final = Evaluation.objects.filter(
        window__isnull=True, status="final", skp__period=period
    ).select_related("skp__employee__user", "assessor__user")
    employee = holders.get("employee")
    if employee is not None:
        own = final.filter(skp__employee=employee.employee).first()
        if own is not None and not own.objections.exists():
            objection_file(
                evaluation=own,
                reasons=(
                    "Semua target kuantitas tercapai dan bukti dukung sudah saya unggah; "
                    "mohon rating hasil kerja saya ditinjau kembali."
                ),
                actor=employee.employee.user,
            )
            made += 1
    colleague = (
        final.filter(skp__position__unit__path__startswith=units[0].path, assessor__isnull=False)
        .exclude(skp__employee=employee.employee if employee else None)
        .exclude(objections__isnull=False)
        .filter(results_rating__in=list(UPGRADE))
        .order_by("skp__employee__name", "pk")
        .first()
    )
    if colleague is None:
        return made
    objection = objection_file(
        evaluation=colleague,
        reasons=(
            "Saya menangani dua tugas tambahan dari pimpinan yang belum tercatat di SKP; "
            "mohon dipertimbangkan dalam rating hasil kerja."
        ),
        actor=colleague.skp.employee.user,
    )
    made += 1
    if colleague.assessor is not None and colleague.assessor.user is not None:
        objection_assessor_statement(
            objection=objection,
            statement=(
                "Tugas tambahan memang dikerjakan, tetapi tidak diajukan sebagai perubahan "
                "SKP sehingga tidak dinilai; capaian RHK utama di bawah target."
            ),
            actor=colleague.assessor.user,
        )
    objection = Objection.objects.select_related("decider__user").get(pk=objection.pk)
    if objection.decider is not None and objection.decider.user is not None:
        objection_decide(
            objection=objection,
            decision="change",
            results_rating=UPGRADE[Rating(colleague.results_rating)].value,
            behaviour_rating=colleague.behaviour_rating,
            reason=(
                "Setelah mendengar pegawai dan penilai: tugas tambahan dari pimpinan "
                "terbukti dan bernilai; rating hasil kerja dinaikkan satu tingkat."
            ),
            actor=objection.decider.user,
        )
    return made


def demo_year_end_create(*, agency: Agency, period: AssessmentPeriod, seed: int) -> DemoYearEnd:
    """Finalise the annual results of the demo units, with credit points and objections."""
    units = _units(agency)
    if not units or Objection.objects.filter(evaluation__skp__period=period).exists():
        return DemoYearEnd(units=0, finalised=0, credit_points=0, objections=0)
    rng = random.Random(f"year-end-{seed}")  # noqa: S311 -- demo data, not secrets
    _rate(units, period, rng)
    holders = persona_assignments(agency)
    hr = holders["hr_admin"].employee.user if "hr_admin" in holders else None
    finalised = credit = 0
    for unit in units:
        counts = annual_finalise_bulk(agency_or_unit=unit, period=period, actor=hr)
        finalised += counts["finalised"]
        credit += counts["credit_points"]
    objections = _objections(agency, units, period)
    return DemoYearEnd(
        units=len(units), finalised=finalised, credit_points=credit, objections=objections
    )
