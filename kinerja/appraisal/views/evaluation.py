"""The evaluation screens: the assessor's queue, the evaluation page (realisations,
feedback, attendance, the recommendation and the predicate with their "why" panels,
the rating form, next/previous) and the employee's own final results.

Every view: ask ``access.permissions.may`` (404 when the user may not read, 403 when
they may read but not act), call one service, then redirect with a message; a refused
rule (``ApplicationError``) is shown on the page and nothing is saved.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.access.permissions import actor_for, may
from kinerja.appraisal.enums import EmployeePredicate, EvaluationStatus, Rating
from kinerja.appraisal.forms_evaluation import RateForm
from kinerja.appraisal.models import Evaluation, OrganisationResult
from kinerja.appraisal.selectors_distribution import (
    distribution_employee_ids,
    judged_on,
    unit_distribution,
)
from kinerja.appraisal.selectors_evaluation import (
    ANNUAL,
    Queue,
    UnknownWindow,
    assessor_queue,
    attendance_for,
    compute_recommendation,
    default_window,
    evaluation_date,
    evaluation_of,
    evaluations_of_employee,
    period_windows,
    queue_date,
    recommendation_inputs,
    window_from_key,
    window_key,
)
from kinerja.appraisal.services.evaluation import (
    evaluation_finalise,
    evaluation_finalise_many,
    evaluation_rate,
)
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.execution.models import FeedbackMessage, PeriodReport
from kinerja.execution.selectors_feedback import feedback_threads
from kinerja.execution.services.finality import is_locked
from kinerja.planning.models import AssessmentPeriod, ReportingWindow, Skp
from kinerja.planning.selectors import current_period
from kinerja.regulation.berakhlak import BERAKHLAK_2021
from kinerja.regulation.predicate import (
    MATRIX_SOURCE,
    employee_predicate,
    explain_predicate,
)

# --- finding the period, the window and the evaluation ---------------------------------


def evaluation_url(skp: Skp, window: ReportingWindow | None, *, waiting: bool = False) -> str:
    url = reverse("appraisal:evaluation", args=[skp.uuid, window_key(window)])
    return f"{url}?waiting=1" if waiting else url


def _choose(request: HttpRequest, period: AssessmentPeriod | None):
    """The window asked for (``?window=<uuid>`` or ``tahunan``), else the latest past one."""
    if period is None:
        return None, False
    asked = request.GET.get("window", "")
    try:
        window = window_from_key(period, asked)
    except UnknownWindow:
        window = default_window(period)
    return window, asked == ANNUAL


def _queue(request: HttpRequest, period, window) -> Queue:
    return assessor_queue(actor_for(request.user), period, window)


def _load(request: HttpRequest, uuid, key: str):
    """The SKP, window and evaluation a URL is about; 404 unless the user may read it."""
    skp = get_object_or_404(
        Skp.objects.select_related("employee__agency", "period", "position__unit"), uuid=uuid
    )
    try:
        window = window_from_key(skp.period, key)
    except UnknownWindow:
        raise Http404 from None
    evaluation = evaluation_of(skp, window)
    if not may(request.user, "appraisal.view_evaluation", evaluation):
        raise Http404
    return skp, window, evaluation


# --- the queue -------------------------------------------------------------------------


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """Penilaian: the people the user assesses, with where each one's evaluation stands
    for the chosen window (or the year), a "waiting for me" filter, and bulk finalise."""
    if not may(request.user, "appraisal.view_queue"):
        raise PermissionDenied
    actor = actor_for(request.user)
    period = current_period(actor.employee.agency) if actor.employee else None
    window, annual = _choose(request, period)
    found = _queue(request, period, window)
    waiting_only = request.GET.get("waiting") == "1"
    rows = found.waiting if waiting_only else found.rows
    windows = period_windows(period) if period else []
    return render(
        request,
        "appraisal/evaluation_queue.html",
        {
            "period": period,
            "window": window,
            "annual": annual,
            "windows": windows,
            "rows": rows,
            "total": len(found.rows),
            "waiting_count": len(found.waiting),
            "waiting_only": waiting_only,
            "window_param": ANNUAL if annual else (str(window.uuid) if window else ""),
            "window_key": window_key(window),
            "finalisable": sum(1 for r in found.rows if r.is_rated and not r.is_final),
            "on": queue_date(period, window) if period else today(),
        },
    )


@login_required
@require_POST
def queue_finalise(request: HttpRequest) -> HttpResponse:
    """Make final every rated evaluation of the chosen window the user may finalise."""
    if not may(request.user, "appraisal.view_queue"):
        raise PermissionDenied
    actor = actor_for(request.user)
    period = current_period(actor.employee.agency) if actor.employee else None
    window, annual = _choose(request, period)
    if period is None or (window is None and not annual):
        messages.error(request, _("There is no assessment period to finalise."))
        return redirect("appraisal:queue")
    found = _queue(request, period, window)
    chosen = []
    for row in found.rows:
        evaluation = row.evaluation
        if evaluation is None or evaluation.is_final or not evaluation.predicate:
            continue
        evaluation.skp = row.skp
        evaluation.window = window
        if may(request.user, "appraisal.finalise_evaluation", evaluation):
            chosen.append(evaluation)
    done = evaluation_finalise_many(evaluations=chosen, actor=request.user)
    messages.success(
        request,
        _("%(count)s evaluations are final; the employees have been notified.")
        % {"count": len(done)},
    )
    query = {"window": window_key(window)}
    return redirect(f"{reverse('appraisal:queue')}?{urlencode(query)}")


# --- the evaluation page ---------------------------------------------------------------


def _evidence_url(evidence) -> str:
    if evidence.kind == "link":
        return evidence.url
    for name in ("execution:evidence_download", "execution:evidence_file", "execution:evidence"):
        try:
            return reverse(name, args=[evidence.uuid])
        except NoReverseMatch:
            continue
    return ""


# The 3×3 matrix as the annex draws it: results down (best first), behaviour across.
_MATRIX_DOWN = (Rating.ABOVE, Rating.AS_EXPECTED, Rating.BELOW)
_MATRIX_ACROSS = (Rating.BELOW, Rating.AS_EXPECTED, Rating.ABOVE)


def _matrix(results: str, behaviour: str) -> list[dict]:
    """The cells of ``regulation.predicate``'s matrix, the given ratings' cell marked."""
    rows = []
    for result in _MATRIX_DOWN:
        cells = []
        for behave in _MATRIX_ACROSS:
            predicate = EmployeePredicate(str(employee_predicate(result, behave)))
            cells.append(
                {
                    "label": predicate.label,
                    "value": predicate.value,
                    "hit": result == results and behave == behaviour,
                }
            )
        rows.append({"label": result.label, "value": result.value, "cells": cells})
    return rows


def _feedback(request: HttpRequest, skp: Skp, window: ReportingWindow | None) -> dict:
    """The feedback threads per result and per core value. For a window, the threads of
    ``execution`` with its partial (the assessor may write there); for the year, every
    message of the year, read only."""
    if window is not None:
        threads = feedback_threads(skp, window)
        can_give = may(request.user, "execution.give_feedback", skp)
        can_reply = may(request.user, "execution.reply_feedback", skp)
        post_url = reverse("execution:feedback_post", args=[skp.uuid, window.number])
        # A final evaluation closes the window's feedback (changes go through an objection).
        locked = (can_give or can_reply) and is_locked(skp=skp, window=window)
        for thread in threads:
            thread.can_write = not locked and (can_give or (can_reply and bool(thread.messages)))
            thread.post_url = post_url
        return {
            "by_result": {t.result.pk: t for t in threads if t.result is not None},
            "by_value": {t.core_value: t for t in threads if t.core_value},
            "partial": True,
        }
    by_result: dict[int, list] = {}
    by_value: dict[str, list] = {}
    rows = FeedbackMessage.objects.filter(skp=skp).select_related("author", "window")
    for message in rows.order_by("created_at", "pk"):
        if message.result_id is not None:
            by_result.setdefault(message.result_id, []).append(message)
        else:
            by_value.setdefault(message.core_value, []).append(message)
    return {"by_result": by_result, "by_value": by_value, "partial": False}


def _attendance_total(rows) -> dict | None:
    """The summaries added up, shown next to the behaviour rating."""
    if not rows:
        return None
    names = ("working_days", "present_days", "late_count", "absent_days")
    return {name: sum(getattr(row, name) for row in rows) for name in names}


def _preview(results: str, behaviour: str, recommended: str | None) -> dict:
    ratings = set(Rating.values)
    context: dict = {
        "departs": bool(recommended) and results in ratings and results != recommended,
        "preview_predicate": None,
    }
    if results in ratings and behaviour in ratings:
        context["preview_predicate"] = EmployeePredicate(
            str(employee_predicate(results, behaviour))
        ).label
        context["preview_why"] = explain_predicate(results, behaviour)
    return context


def page_context(
    request: HttpRequest,
    skp: Skp,
    window: ReportingWindow | None,
    evaluation: Evaluation,
    *,
    form: RateForm | None = None,
) -> dict:
    """Everything the evaluation page shows, in a number of queries that does not grow
    with the number of results, indicators, evidence or messages."""
    user = request.user
    actor = actor_for(user)
    inputs = recommendation_inputs(skp, window)
    recommendation = compute_recommendation(skp, window, inputs)
    rows_by_indicator = {row.indicator.pk: row for row in recommendation.rows}
    feedback = _feedback(request, skp, window)
    results = []
    for result in inputs["results"]:
        rows = []
        for indicator in result.indicators.all():
            row = rows_by_indicator[indicator.pk]
            evidence = []
            if row.realisation is not None:
                evidence = [(e, _evidence_url(e)) for e in row.realisation.evidence.all()]
            rows.append({"row": row, "evidence": evidence})
        results.append(
            {"result": result, "rows": rows, "feedback": feedback["by_result"].get(result.pk)}
        )
    empty = None if feedback["partial"] else []
    values = [(value, feedback["by_value"].get(value.code, empty)) for value in BERAKHLAK_2021]
    attendance = attendance_for(skp, window)
    recommended = str(recommendation.rating) if recommendation.rating is not None else ""
    waiting = request.GET.get("waiting") == "1"
    previous = following = row = None
    rating = _rating_context(
        request,
        skp,
        window,
        evaluation,
        recommended=recommended,
        attendance=attendance,
        rounding=inputs["rounding"],
        # The recommendation read the unit's result; the distribution needs the same.
        organisation_results=_by_unit(skp, inputs["organisation_result"]),
        form=form,
    )
    if rating["assesses"]:
        found = _queue(request, skp.period, window)
        row = found.row_of(skp)
        before, after = found.neighbours(skp, waiting_only=waiting)
        previous = evaluation_url(before, window, waiting=waiting) if before else None
        following = evaluation_url(after, window, waiting=waiting) if after else None
    if window is None:
        report = None
    elif row is not None:
        report = row.report  # loaded with the queue
    else:
        report = PeriodReport.objects.filter(skp=skp, window=window).first()
    # Through the actor: the permission rules may already have asked the same question.
    superiors = actor.superiors(skp.employee, evaluation_date(skp, window))
    employee = actor.employee
    return rating | {
        "is_own": employee is not None and employee.pk == skp.employee_id,
        "recommendation": recommendation,
        "results": results,
        "values": values,
        "attendance": attendance,
        "report": report,
        "superiors": superiors,
        "previous_url": previous,
        "next_url": following,
        "queue_url": reverse("appraisal:queue")
        + "?"
        + urlencode({"window": window_key(window), **({"waiting": 1} if waiting else {})}),
        "recommended_label": Rating(recommended).label if recommended else "",
        "feedback_partial": feedback["partial"],
        "value_messages": sum(
            len(thread.messages if feedback["partial"] else thread)
            for _value, thread in values
            if thread
        ),
    }


def _by_unit(skp: Skp, result: OrganisationResult | None) -> dict[int, OrganisationResult]:
    """The recorded result of the unit of the SKP's post, as ``unit_distribution`` takes it."""
    return {skp.position.unit_id: result} if result is not None else {}


def _rating_context(
    request: HttpRequest,
    skp: Skp,
    window: ReportingWindow | None,
    evaluation: Evaluation,
    *,
    recommended: str,
    attendance,
    rounding: str | None,
    form: RateForm | None,
    organisation_results: dict[int, OrganisationResult] | None = None,
) -> dict:
    """What the rating panel shows (the form or the ratings, the predicate with its
    matrix, the distribution, the PDF link and the finalise button): the page's part
    that a rating changes, also sent alone as the answer to the form's htmx POST.
    ``rounding`` and ``organisation_results`` (by unit id) are read unless given."""
    user = request.user
    is_final = evaluation.status == EvaluationStatus.FINAL
    assesses = may(user, "appraisal.rate_evaluation", evaluation)
    can_rate = not is_final and assesses
    rated = bool(evaluation.predicate)
    if form is None and can_rate:
        form = RateForm(
            initial={
                "results_rating": evaluation.results_rating or recommended or None,
                "behaviour_rating": evaluation.behaviour_rating or None,
                "justification": evaluation.justification,
                "notes": evaluation.notes,
            }
        )
    bound = form is not None and form.is_bound
    current_results = (form.data.get("results_rating") if bound else "") or ""
    current_behaviour = (form.data.get("behaviour_rating") if bound else "") or ""
    context = {
        "skp": skp,
        "window": window,
        "window_key": window_key(window),
        "evaluation": evaluation,
        "is_final": is_final,
        "assesses": assesses,
        "can_rate": can_rate,
        "can_finalise": not is_final
        and rated
        and may(user, "appraisal.finalise_evaluation", evaluation),
        "form": form,
        "recommended": recommended,
        "attendance_total": _attendance_total(attendance),
        "waiting": request.GET.get("waiting") == "1",
        "matrix": _matrix(evaluation.results_rating, evaluation.behaviour_rating),
        "matrix_source": MATRIX_SOURCE,
        "matrix_columns": [rating.label for rating in _MATRIX_ACROSS],
        "predicate_why": explain_predicate(evaluation.results_rating, evaluation.behaviour_rating)
        if rated
        else "",
        "page_url": evaluation_url(skp, window),
    }
    context.update(
        _distribution_and_document(
            user,
            skp,
            window,
            evaluation,
            assesses=assesses,
            rounding=rounding,
            organisation_results=organisation_results,
        )
    )
    context.update(
        _preview(
            current_results or evaluation.results_rating or "",
            current_behaviour or evaluation.behaviour_rating or "",
            recommended,
        )
    )
    return context


def _distribution_and_document(
    user,
    skp: Skp,
    window: ReportingWindow | None,
    evaluation: Evaluation,
    *,
    assesses: bool,
    rounding: str | None,
    organisation_results: dict[int, OrganisationResult] | None,
) -> dict:
    """For the assessor, the unit's distribution warning (a consideration, never a block:
    the same partial as calibration, counting whom ``distribution_employee_ids`` counts);
    for whoever may have it, the link to the rated evaluation's PDF (issue 4, journey)."""
    distribution = None
    if assesses:
        unit = skp.position.unit
        distribution = unit_distribution(
            unit=unit,
            period=skp.period,
            window=window,
            employee_ids=distribution_employee_ids(user, unit, judged_on(skp.period, window)),
            rounding=rounding,
            results=organisation_results,
        )
    can_download = bool(
        evaluation.pk
        and evaluation.predicate
        and may(user, "reporting.download_evaluation", evaluation)
    )
    return {"distribution": distribution, "can_download": can_download}


@login_required
def evaluation_page(request: HttpRequest, uuid, window: str) -> HttpResponse:
    skp, window_obj, evaluation = _load(request, uuid, window)
    if request.htmx and "results_rating" in request.GET:
        # The rating form asks, as the assessor clicks, whether a justification is now
        # required and which predicate the two ratings give; nothing is saved. The form
        # sends the recommendation the page showed (only this hint depends on it; saving
        # checks the recommendation again), else it is computed.
        recommended = request.GET.get("recommended")
        if recommended not in ("", *Rating.values):
            recommendation = compute_recommendation(skp, window_obj)
            recommended = str(recommendation.rating) if recommendation.rating is not None else ""
        return render(
            request,
            "appraisal/evaluation_preview.html",
            _preview(
                request.GET.get("results_rating", ""),
                request.GET.get("behaviour_rating", ""),
                recommended,
            )
            | {"recommended": recommended},
        )
    return render(
        request,
        "appraisal/evaluation_detail.html",
        page_context(request, skp, window_obj, evaluation),
    )


@login_required
@require_POST
def evaluation_rate_view(request: HttpRequest, uuid, window: str) -> HttpResponse:
    skp, window_obj, evaluation = _load(request, uuid, window)
    if not may(request.user, "appraisal.rate_evaluation", evaluation):
        raise PermissionDenied
    form = RateForm(request.POST)
    if form.is_valid():
        try:
            rated = evaluation_rate(
                evaluation=evaluation,
                results_rating=form.cleaned_data["results_rating"],
                behaviour_rating=form.cleaned_data["behaviour_rating"],
                justification=form.cleaned_data["justification"],
                notes=form.cleaned_data["notes"],
                actor=request.user,
            )
        except ApplicationError as error:
            field = error.extra.get("field")
            form.add_error(field if field in form.fields else None, error.message)
        else:
            saved = _("The ratings are saved; the predicate is shown below.")
            if request.htmx:
                rated.skp, rated.window = skp, window_obj
                return _rating_panel(request, skp, window_obj, rated, saved=saved)
            messages.success(request, saved)
            target = evaluation_url(skp, window_obj, waiting=request.GET.get("waiting") == "1")
            return redirect(target)
    if request.htmx:
        # Refused: the panel again with the errors and what was typed (htmx swaps 200s).
        return _rating_panel(request, skp, window_obj, evaluation, form=form)
    context = page_context(request, skp, window_obj, evaluation, form=form)
    return render(request, "appraisal/evaluation_detail.html", context, status=400)


def _rating_panel(
    request: HttpRequest,
    skp: Skp,
    window: ReportingWindow | None,
    evaluation: Evaluation,
    *,
    form: RateForm | None = None,
    saved: str = "",
) -> HttpResponse:
    """The rating panel alone (and the status badge beside the title), for the form's
    htmx POST: the rest of the page does not change with a rating."""
    results = None
    if saved:
        # As the service has just saved them with the ratings.
        recommended = evaluation.recommended_results_rating
        results = _by_unit(skp, evaluation.organisation_result)
    else:
        recommendation = compute_recommendation(skp, window)
        recommended = str(recommendation.rating) if recommendation.rating is not None else ""
    context = _rating_context(
        request,
        skp,
        window,
        evaluation,
        recommended=recommended,
        attendance=attendance_for(skp, window),
        rounding=None,
        form=form,
        organisation_results=results,
    )
    context |= {"saved": saved, "oob": True}
    return render(request, "appraisal/evaluation_rating_panel.html", context)


@login_required
@require_POST
def evaluation_finalise_view(request: HttpRequest, uuid, window: str) -> HttpResponse:
    skp, window_obj, evaluation = _load(request, uuid, window)
    if not may(request.user, "appraisal.finalise_evaluation", evaluation):
        raise PermissionDenied
    waiting = request.GET.get("waiting") == "1"
    try:
        evaluation_finalise(evaluation=evaluation, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect(evaluation_url(skp, window_obj, waiting=waiting))
    messages.success(request, _("The evaluation is final; the employee has been notified."))
    # Go on with the next person of the queue when there is one.
    found = _queue(request, skp.period, window_obj)
    _before, after = found.neighbours(skp, waiting_only=waiting)
    if after is not None:
        return redirect(evaluation_url(after, window_obj, waiting=waiting))
    return redirect(evaluation_url(skp, window_obj, waiting=waiting))


# --- the employee's own results --------------------------------------------------------


@login_required
def my_evaluations(request: HttpRequest) -> HttpResponse:
    """Hasil penilaian saya: the employee's final evaluations, each linking to its page
    with the same "why" panels the assessor saw."""
    employee = actor_for(request.user).employee
    if employee is None:
        raise Http404
    rows = [
        {"evaluation": e, "url": evaluation_url(e.skp, e.window)}
        for e in evaluations_of_employee(employee.pk)
    ]
    return render(request, "appraisal/evaluation_mine.html", {"rows": rows})
