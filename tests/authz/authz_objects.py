"""The objects the matrix's cells are about, made for a target ``t`` (see ``Target``):
one per cell, through the services where they exist, rolled back after the cell.

A capability adds here how to reach its objects from an employee; the expectations
file then builds URLs from them (``url=lambda t: reverse("…", args=[skp(t).uuid])``).
"""

from decimal import Decimal

from kinerja.core.clock import today
from kinerja.org.models import ImportJob
from kinerja.planning.enums import AnnexKind, Aspect
from kinerja.planning.models import AssessmentPeriod, CascadeLink
from kinerja.planning.services import (
    annex_item_add,
    indicator_add,
    period_create,
    result_add,
    skp_create,
)


def import_job(t):
    """An import job of the target's agency."""
    return t.once(
        "import_job",
        lambda: ImportJob.objects.create(
            agency=t.agency, files=[{"name": f"rahasia-{t.agency.code}.csv", "path": ""}]
        ),
    )


def period(t, employee=None):
    """This year's assessment period of the agency of ``employee`` (the target's)."""
    agency = (employee or t.emp).agency
    return AssessmentPeriod.objects.filter(
        agency=agency, year=today().year
    ).first() or period_create(agency=agency, year=today().year)


def skp(t):
    """A draft SKP of the target employee for their post."""
    return t.once("skp", lambda: _draft(t, t.emp))


def result(t):
    return t.once("result", lambda: result_add(skp=skp(t), text=f"RHK rahasia {t.emp.nip}"))


def indicator(t):
    return t.once(
        "indicator",
        lambda: indicator_add(
            result=result(t),
            aspect=Aspect.QUANTITY,
            text=f"IKI rahasia {t.emp.nip}",
            target_value=Decimal(12),
            target_unit="dokumen",
        ),
    )


def annex_item(t):
    return t.once(
        "annex_item",
        lambda: annex_item_add(skp=skp(t), kind=AnnexKind.RESOURCE_SUPPORT, text="Laptop"),
    )


def cascade_link(t):
    """A link from one of the target's results to another (the checks the service does on
    links do not matter to who may remove it)."""
    other = t.once("other_result", lambda: result_add(skp=skp(t), text="RHK lain"))
    return t.once(
        "cascade_link", lambda: CascadeLink.objects.create(result=result(t), supports_result=other)
    )


def _draft(t, employee):
    key = f"draft:{employee.pk}"
    return t.once(key, lambda: skp_create(employee=employee, period=period(t, employee)))


# --- reporting: evaluation documents and bulk jobs (H6) ------------------------------------


def final_evaluation(t):
    """A final first-window evaluation of the target's SKP (written directly: reporting
    only reads evaluations)."""
    from kinerja.appraisal.models import Evaluation

    def make():
        plan = skp(t)
        return Evaluation.objects.create(
            skp=plan,
            window=plan.period.windows.order_by("number").first(),
            status="final",
            results_rating="as_expected",
            behaviour_rating="as_expected",
            predicate="baik",
        )

    return t.once("final_evaluation", make)


def document_batch(t):
    """A queued bulk document job started by the target's login, for the target's unit
    (the staff's section when the target holds no post)."""
    from kinerja.reporting.models import DocumentBatch

    def make():
        employee = t.employee
        holding = (
            employee.assignments.select_related("position__unit").first() if employee else None
        )
        unit = holding.position.unit if holding else t.world.section
        return DocumentBatch.objects.create(
            unit=unit,
            period=period(t, employee) if employee else period(t, t.world.staff),
            requested_by=t.require(t.user, "login"),
            total=1,
        )

    return t.once("document_batch", make)


# --- appraisal: organisation results and calibration (H4) ---------------------------------


def rated_evaluation(t):
    """A rated, not yet final, first-window evaluation of the target's SKP, which is
    approved directly (only the ratings matter for calibration)."""
    from kinerja.appraisal.models import Evaluation
    from kinerja.planning.enums import SkpStatus
    from kinerja.planning.models import Skp

    def make():
        plan = skp(t)
        Skp.objects.filter(pk=plan.pk).update(status=SkpStatus.APPROVED)
        return Evaluation.objects.create(
            skp=plan,
            window=plan.period.windows.order_by("number").first(),
            results_rating="as_expected",
            behaviour_rating="as_expected",
            predicate="baik",
        )

    return t.once("rated_evaluation", make)


# --- surveys: public satisfaction survey (H7) ----------------------------------------------


def _survey_of(unit):
    import datetime

    from kinerja.surveys.models import SurveyPeriod, SurveyUnit

    survey_unit, created = SurveyUnit.objects.get_or_create(
        unit=unit, defaults={"slug": f"authz-{unit.pk}", "population_served": 50}
    )
    if created:
        SurveyPeriod.objects.create(
            agency=unit.agency,
            unit=unit,
            name="Triwulan uji",
            start_date=today() - datetime.timedelta(days=10),
            end_date=today() + datetime.timedelta(days=10),
        )
    return survey_unit


def survey_unit(t):
    """The public survey of the target's unit, with a period open today."""
    return t.once("survey_unit", lambda: _survey_of(t.unit))


def public_survey(t):
    """The Puskesmas's public survey, for routes about no persona's object."""
    return t.once("public_survey", lambda: _survey_of(t.world.puskesmas))


# --- appraisal: periodic and annual evaluations (helper H3) ------------------------------


def evaluation_skp(t):
    """An approved SKP of the target for the whole year (approval forced: who may read
    or rate an evaluation does not depend on how the plan was approved)."""
    from kinerja.planning.enums import SkpStatus
    from kinerja.planning.models import Skp

    def make():
        year = period(t)
        made = skp_create(employee=t.emp, period=year, on=year.start_date)
        Skp.objects.filter(pk=made.pk).update(status=SkpStatus.APPROVED)
        made.refresh_from_db()
        return made

    return t.once("evaluation_skp", make)


# --- multirater: 360° feedback rounds (helper H8) --------------------------------------


def multirater_round(t):
    """An open 360° round over the target's unit in this year's period."""
    from kinerja.multirater.services import round_open

    return t.once("multirater_round", lambda: round_open(root_unit=t.unit, period=period(t)))


def multirater_subject(t):
    """The target rated in that round."""
    return t.once("multirater_subject", lambda: multirater_round(t).subjects.get(employee=t.emp))


def multirater_task(t):
    """The target's own self-assessment form in that round (the target is its rater)."""
    return t.once(
        "multirater_task",
        lambda: multirater_subject(t).assignments.get(rater=t.emp, relation="self"),
    )
