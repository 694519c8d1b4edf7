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


# --- reporting: evaluation documents and bulk jobs ------------------------------------


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


# --- appraisal: organisation results and calibration ---------------------------------


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


# --- surveys: public satisfaction survey ----------------------------------------------


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


# --- multirater: 360° feedback rounds --------------------------------------


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


# --- appraisal: periodic and annual evaluations ------------------------------


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


# --- execution: feedback, guidance, notifications ----------------------------------


def coaching_session(t):
    """A guidance session of the target employee, held by their supervisor (or, at the
    top of the tree, logged by themselves: who held it does not matter here)."""
    from kinerja.execution.models import CoachingSession
    from kinerja.org.selectors import superiors_of

    def make():
        holding = superiors_of(t.emp, today()).supervisor
        return CoachingSession.objects.create(
            employee=t.emp,
            coach=holding.employee if holding else t.emp,
            period=period(t),
            held_on=today(),
            kind="coaching",
            topic=f"Bimbingan rahasia {t.emp.nip}",
        )

    return t.once("coaching_session", make)


def competence_evaluation(t):
    from kinerja.execution.models import CompetenceEvaluation, CompetenceScore

    def make():
        evaluation = CompetenceEvaluation.objects.create(
            employee=t.emp, evaluator=t.emp, period=period(t), evaluated_on=today()
        )
        CompetenceScore.objects.create(
            evaluation=evaluation, competence="Integritas", score=4, reason="Rahasia"
        )
        return evaluation

    return t.once("competence_evaluation", make)


def notification(t):
    """An in-app notification for the target's login."""
    from kinerja.notifications.models import Notification

    return t.once(
        "notification",
        lambda: Notification.objects.create(
            recipient=t.require(t.user, "login"), title="Pemberitahuan rahasia", link="/"
        ),
    )


# --- appraisal: objections, activity log, credit points, year end -------------------


def final_annual(t):
    """The target's annual evaluation, final today, rated by their assessor at the year's
    end (written directly: only who may act on it matters here)."""
    from kinerja.appraisal.models import Evaluation
    from kinerja.core.clock import now
    from kinerja.org.selectors import superiors_of

    def make():
        plan = evaluation_skp(t)
        holding = superiors_of(t.emp, plan.end_date).assessor
        return Evaluation.objects.create(
            skp=plan,
            window=None,
            status="final",
            results_rating="as_expected",
            behaviour_rating="as_expected",
            predicate="baik",
            assessor=holding.employee if holding else None,
            finalised_at=now(),
        )

    return t.once("final_annual", make)


def objection(t):
    """An objection of the target to that result, waiting for the assessor's superior."""
    import datetime

    from kinerja.appraisal.models import Objection
    from kinerja.org.selectors import superiors_of

    def make():
        evaluation = final_annual(t)
        decider = superiors_of(t.emp, evaluation.skp.end_date).assessor_superior
        return Objection.objects.create(
            evaluation=evaluation,
            filed_by=t.emp,
            reasons=f"Keberatan rahasia {t.emp.nip}",
            decide_by=today() + datetime.timedelta(days=14),
            decider=decider.employee if decider else None,
            previous_results_rating="as_expected",
            previous_behaviour_rating="as_expected",
            previous_predicate="baik",
        )

    return t.once("objection", make)


def finalisation_run(t):
    """A finished year-end run over the target's unit."""
    from kinerja.appraisal.models import FinalisationRun

    return t.once(
        "finalisation_run",
        lambda: FinalisationRun.objects.create(
            agency=t.agency, unit=t.unit, period=period(t), status="done", progress=100
        ),
    )


# --- execution: realisations and evidence ------------------------------------------


def report_skp(t):
    """An approved SKP of the target with one quantity indicator (approval forced: who may
    report does not depend on how the plan was approved)."""
    from kinerja.planning.enums import SkpStatus
    from kinerja.planning.models import Skp

    def make():
        year = period(t)
        made = skp_create(employee=t.emp, period=year, on=year.start_date)
        found = result_add(skp=made, text=f"RHK laporan {t.emp.nip}")
        indicator_add(
            result=found,
            aspect=Aspect.QUANTITY,
            text="IKI laporan",
            target_value=Decimal(12),
            target_unit="dokumen",
        )
        Skp.objects.filter(pk=made.pk).update(status=SkpStatus.APPROVED)
        made.refresh_from_db()
        return made

    return t.once("report_skp", make)


def report_window(t):
    """The reporting window containing today."""
    on = today()
    return report_skp(t).period.windows.get(start_date__lte=on, end_date__gte=on)


def period_report(t):
    """The target's draft report for the window containing today."""
    from kinerja.execution.services.realisation import report_for

    return t.once("period_report", lambda: report_for(skp=report_skp(t), window=report_window(t)))


def report_indicator(t):
    from kinerja.planning.models import Indicator

    return t.once("report_indicator", lambda: Indicator.objects.get(result__skp=report_skp(t)))


def evidence_file(t):
    """A small PDF attached as evidence to the target's report."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kinerja.execution.services.evidence import evidence_add_file

    pdf = b"%PDF-1.4\n%rahasia\ntrailer<<>>\n%%EOF\n"
    return t.once(
        "evidence_file",
        lambda: evidence_add_file(
            report=period_report(t),
            indicator=report_indicator(t),
            upload=SimpleUploadedFile(f"bukti-{t.emp.nip}.pdf", pdf),
        ),
    )
