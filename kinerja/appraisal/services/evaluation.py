"""Periodic and annual evaluations: the one audited path for ratings and the predicate.

``evaluation_rate`` stores the assessor's two ratings while the evaluation is not final;
the predicate always comes from ``regulation.predicate`` (never from the caller), the
recommendation the assessor saw is kept, and a departure from it needs a justification.
``evaluation_finalise`` locks it and tells the employee; from then on it changes only
through an objection (``appraisal.services.objection``).
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.appraisal.enums import EvaluationStatus, Rating
from kinerja.appraisal.models import Evaluation
from kinerja.appraisal.selectors_evaluation import (
    ASSESSABLE_SKP_STATUSES,
    EvaluationRecommendation,
    compute_recommendation,
    evaluation_date,
    organisation_result_for,
    window_key,
)
from kinerja.appraisal.services.credit_points import credit_points_award
from kinerja.appraisal.signals import evaluations_finalised_send
from kinerja.core.clock import now
from kinerja.core.exceptions import ApplicationError
from kinerja.core.services import log_action
from kinerja.notifications.services import notify
from kinerja.org.models import Employee
from kinerja.org.selectors import superiors_of
from kinerja.planning.models import ReportingWindow, Skp
from kinerja.regulation.predicate import employee_predicate

AUDITED_FIELDS = (
    "status",
    "recommended_results_rating",
    "mean_achievement",
    "results_rating",
    "behaviour_rating",
    "justification",
    "predicate",
    "organisation_result_id",
    "notes",
    "assessor_id",
)


def _snapshot(evaluation: Evaluation) -> dict:
    values = {name: getattr(evaluation, name) for name in AUDITED_FIELDS}
    if values["mean_achievement"] is not None:
        values["mean_achievement"] = str(values["mean_achievement"])
    return values


def _changes(before: dict, after: dict) -> tuple[dict, dict]:
    names = [name for name in after if before.get(name) != after[name]]
    return {n: before.get(n) for n in names}, {n: after[n] for n in names}


def _employee_of(actor) -> Employee | None:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    return Employee.objects.filter(user=actor).first()


def _check_window(skp: Skp, window: ReportingWindow | None) -> None:
    if skp.status not in ASSESSABLE_SKP_STATUSES:
        raise ApplicationError(_("Only an approved SKP can be evaluated."))
    if window is None:
        return
    if window.period_id != skp.period_id:
        raise ApplicationError(_("That reporting window belongs to another period."))
    if window.end_date < skp.start_date or window.start_date > skp.end_date:
        raise ApplicationError(
            _("This SKP was not in force during %(window)s.") % {"window": window}
        )


def evaluation_for(*, skp: Skp, window: ReportingWindow | None) -> Evaluation:
    """The evaluation of ``skp`` for ``window`` (``None``: the year), created as a draft
    the first time it is needed."""
    _check_window(skp, window)
    existing = Evaluation.objects.filter(skp=skp, window=window).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Evaluation.objects.create(skp=skp, window=window)
    except IntegrityError:
        # Someone else created it at the same moment: theirs is the one.
        return Evaluation.objects.get(skp=skp, window=window)


def recommendation_for(*, skp: Skp, window: ReportingWindow | None) -> EvaluationRecommendation:
    """The recommended results rating from the window's cumulative realisations (the
    year: the latest realisations against the full targets), with the agency's
    thresholds; for a unit head with a recorded unit result, that result's rating."""
    return compute_recommendation(skp, window)


def _rating(value: str, what: str) -> str:
    if value not in Rating.values:
        raise ApplicationError(_("Choose the %(what)s.") % {"what": what})
    return value


_KEYS = ["skp", "window", "organisation_result", "assessor", "finalised_by"]


@transaction.atomic
def evaluation_rate(
    *,
    evaluation: Evaluation,
    results_rating: str,
    behaviour_rating: str,
    justification: str = "",
    notes: str = "",
    reason: str = "",
    actor,
) -> Evaluation:
    """Save the assessor's ratings on a non-final evaluation and derive the predicate.

    ``reason`` is recorded in the activity log (calibration passes why it revises).
    """
    if evaluation.pk is None:
        evaluation = evaluation_for(skp=evaluation.skp, window=evaluation.window)
    locked = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    skp = Skp.objects.select_related("position__unit", "period", "employee").get(pk=locked.skp_id)
    window = locked.window
    if locked.is_final:
        raise ApplicationError(
            _("This evaluation is final; it can only change through an objection.")
        )
    _check_window(skp, window)
    results = _rating(results_rating, _("results rating"))
    behaviour = _rating(behaviour_rating, _("behaviour rating"))
    justification = (justification or "").strip()
    recommendation = recommendation_for(skp=skp, window=window)
    if recommendation.enforced and results != recommendation.rating:
        raise ApplicationError(
            _(
                "This employee leads the unit, so the results rating is the unit's result: "
                "%(rating)s."
            )
            % {"rating": Rating(recommendation.rating).label}
        )
    if recommendation.rating is not None and results != recommendation.rating and not justification:
        raise ApplicationError(
            _(
                "The results rating differs from the recommendation (%(recommended)s): write "
                "a justification."
            )
            % {"recommended": Rating(recommendation.rating).label},
            extra={"field": "justification"},
        )
    before = _snapshot(locked)
    assessor = _employee_of(actor)
    if assessor is None:
        holding = superiors_of(skp.employee, evaluation_date(skp, window)).assessor
        assessor = holding.employee if holding is not None else None
    locked.results_rating = results
    locked.behaviour_rating = behaviour
    locked.justification = justification
    locked.notes = (notes or "").strip()
    locked.predicate = str(employee_predicate(results, behaviour))
    locked.recommended_results_rating = (
        str(recommendation.rating) if recommendation.rating is not None else ""
    )
    locked.mean_achievement = recommendation.mean_achievement
    locked.organisation_result = organisation_result_for(skp, window)
    locked.assessor = assessor
    locked.rated_at = now()
    # The fields' own rules (choices, lengths). The keys come from rows just read and the
    # constraints hold for a draft of an unchanged SKP and window; full_clean would spend a
    # query re-checking each of them on every save.
    locked.clean_fields(exclude=_KEYS)
    locked.save()
    old, new = _changes(before, _snapshot(locked))
    log_action(
        actor=actor,
        action="appraisal.evaluation_rate",
        obj=locked,
        subject_employee_id=skp.employee_id,
        before=old,
        after=new,
        reason=reason,
    )
    locked.skp = skp
    return locked


def final_notice_title(what: object) -> str:
    """The title of the notice telling an employee their evaluation for ``what`` (a
    window, or the year) is final; the bulk year end sends the same."""
    return _("Your performance evaluation for %(what)s is final") % {"what": what}


def final_notice_body(predicate_label: str) -> str:
    return _("Predicate: %(predicate)s. Open it to see the ratings and why.") % {
        "predicate": predicate_label
    }


def _notify_final(evaluation: Evaluation) -> None:
    skp = evaluation.skp
    user = skp.employee.user
    if user is None:
        return
    what = str(evaluation.window) if evaluation.window is not None else str(skp.period.year)
    title = final_notice_title(what)
    body = final_notice_body(evaluation.get_predicate_display())
    link = reverse("appraisal:evaluation", args=[skp.uuid, window_key(evaluation.window)])
    transaction.on_commit(
        lambda: notify(recipient=user, title=title, body=body, link=link, email=True)
    )


@transaction.atomic
def evaluation_finalise(*, evaluation: Evaluation, actor) -> Evaluation:
    """Make a rated evaluation final: locked, and delivered to the employee."""
    if evaluation.pk is None:
        raise ApplicationError(_("Rate the evaluation before making it final."))
    locked = (
        Evaluation.objects.select_for_update(of=("self",))
        .select_related("skp__employee__user", "skp__period", "window")
        .get(pk=evaluation.pk)
    )
    if locked.is_final:
        raise ApplicationError(_("This evaluation is already final."))
    if not (locked.results_rating and locked.behaviour_rating and locked.predicate):
        raise ApplicationError(_("Give both ratings before making the evaluation final."))
    locked.status = EvaluationStatus.FINAL
    locked.finalised_at = now()
    locked.finalised_by = _employee_of(actor)
    locked.full_clean()
    locked.save(update_fields=["status", "finalised_at", "finalised_by", "updated_at"])
    log_action(
        actor=actor,
        action="appraisal.evaluation_finalise",
        obj=locked,
        subject_employee_id=locked.skp.employee_id,
        before={"status": EvaluationStatus.DRAFT},
        after={"status": EvaluationStatus.FINAL, "predicate": locked.predicate},
    )
    _notify_final(locked)
    evaluations_finalised_send(Evaluation.objects.filter(pk=locked.pk))
    # Follow-ups of a final annual result (credit points for functional posts) go here.
    if locked.is_annual:
        credit_points_award(evaluation=locked, actor=actor)
    return locked


def evaluation_finalise_many(*, evaluations: list[Evaluation], actor) -> list[Evaluation]:
    """Finalise every rated, non-final evaluation of the list; the others are left as
    they are. Each one is its own transaction, so one refusal does not undo the rest."""
    done = []
    for evaluation in evaluations:
        if evaluation.pk is None or evaluation.is_final or not evaluation.predicate:
            continue
        done.append(evaluation_finalise(evaluation=evaluation, actor=actor))
    return done
