"""The calibration screen (/penilaian/kalibrasi/): employee predicates next to the
distribution guide for the unit's organisation predicate, with inline revision.

An assessor sees their own assessees for the window, grouped by the unit of each SKP's
post; HR (or an assessor) may pick one unit: HR covering it sees everyone rated in it,
an assessor only their assessees there. A revision goes through ``evaluation_rate`` with
a mandatory reason, so the predicate is recomputed by ``regulation`` and the activity
log keeps why; the group's warning is rendered again after each revision. The guide is
a consideration, never a block (SE MenPAN-RB 3/2023).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.access.permissions import actor_for, may, units_visible_to
from kinerja.appraisal.enums import OrganisationPredicate, Rating, Rounding
from kinerja.appraisal.forms_organisation import CalibrationForm
from kinerja.appraisal.models import Evaluation
from kinerja.appraisal.selectors_distribution import (
    Distribution,
    distribution_employee_ids,
    evaluations_in_units,
    grouped_distributions,
    guide_table,
    hr_covers_unit,
    judged_on,
    policy_for,
)
from kinerja.appraisal.selectors_evaluation import ANNUAL, period_windows, window_key
from kinerja.appraisal.services.evaluation import evaluation_rate
from kinerja.appraisal.views.organisation import (
    chosen_agency,
    chosen_period,
    chosen_window,
    get_by_uuid,
)
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.org.models import Unit
from kinerja.planning.models import AssessmentPeriod, ReportingWindow
from kinerja.regulation.distribution import SOURCE

UNIT_SCOPE = "unit"  # a chosen unit: everyone for HR, one's assessees for an assessor
MINE_SCOPE = "mine"  # the assessor's own assessees, grouped by unit


def _groups(
    user,
    *,
    period: AssessmentPeriod,
    window: ReportingWindow | None,
    unit: Unit | None,
    scope: str,
    rounding: str,
) -> list[Distribution]:
    """The distributions shown: one per unit; a fixed number of queries. With a chosen
    unit, whose ratings count follows ``distribution_employee_ids``; otherwise the
    user's own assessees, grouped by unit."""
    on = judged_on(period, window)
    if unit is not None and scope == UNIT_SCOPE:
        employee_ids = distribution_employee_ids(user, unit, on)
    else:
        employee_ids = actor_for(user).assessees(on)
    evaluations = evaluations_in_units(
        units=[unit] if unit is not None else None,
        period=period,
        window=window,
        employee_ids=employee_ids,
    )
    # A chosen unit with nobody rated yet still shows its (empty) distribution.
    return grouped_distributions(
        evaluations=evaluations,
        period=period,
        window=window,
        rounding=rounding,
        include=[unit] if unit is not None else (),
    )


def _page_context(request, *, agency, period, window, unit, scope, groups, rounding) -> dict:
    hr_units = []
    actor = actor_for(request.user)
    if actor.is_superuser or actor.hr_scopes:
        hr_units = [
            u
            for u in units_visible_to(request.user).filter(agency=agency).order_by("path")
            if hr_covers_unit(request.user, u)
        ]
    return {
        "agency": agency,
        "period": period,
        "window": window,
        "window_value": window_key(window),
        "annual": ANNUAL,
        "windows": period_windows(period),
        "periods": list(AssessmentPeriod.objects.filter(agency=agency).order_by("-year")),
        "unit": unit,
        "scope": scope,
        "hr_units": hr_units,
        "groups": groups,
        "guide_rows": guide_table(),
        "source": SOURCE,
        "rounding_label": Rounding(rounding).label,
        "organisation_predicates": OrganisationPredicate.choices,
        "rating_choices": Rating.choices,
    }


def _calibration_window(request: HttpRequest, period: AssessmentPeriod, employee_ids=None):
    """The window asked for; by default the latest ended window in which anyone in the
    period (of ``employee_ids``, when given: an assessor's own people) has been rated
    (calibration follows rating), else ``chosen_window``'s."""
    if request.GET.get("window"):
        return chosen_window(request, period)
    rated = Evaluation.objects.filter(skp__period=period, window__end_date__lt=today())
    if employee_ids:
        rated = rated.filter(skp__employee_id__in=employee_ids)
    rated = (
        rated.exclude(predicate="")
        .order_by("-window__number")
        .values_list("window", flat=True)
        .first()
    )
    found = next((w for w in period_windows(period) if w.pk == rated), None)
    return found if found is not None else chosen_window(request, period)


@login_required
def calibration(request: HttpRequest) -> HttpResponse:
    agency = chosen_agency(request)
    if agency is None:
        raise PermissionDenied
    actor = actor_for(request.user)
    unit = None
    if request.GET.get("unit"):
        unit = get_by_uuid(
            units_visible_to(request.user).filter(agency=agency), request.GET["unit"]
        )
        if not may(request.user, "appraisal.view_distribution", unit):
            raise PermissionDenied
    elif actor.employee is None and not actor.hr_scopes and not actor.is_superuser:
        raise PermissionDenied
    scope = UNIT_SCOPE if unit is not None else MINE_SCOPE
    period = chosen_period(request, agency)
    context = {"agency": agency, "period": period, "groups": []}
    if period is not None:
        # An assessor's own calibration opens where their people were last rated.
        mine = actor.assessees(today()) if scope == MINE_SCOPE and actor.employee else None
        window = _calibration_window(request, period, mine)
        rounding = policy_for(agency).rounding
        groups = _groups(
            request.user, period=period, window=window, unit=unit, scope=scope, rounding=rounding
        )
        context = _page_context(
            request,
            agency=agency,
            period=period,
            window=window,
            unit=unit,
            scope=scope,
            groups=groups,
            rounding=rounding,
        )
    return render(request, "appraisal/calibration.html", context)


@login_required
@require_POST
def calibration_revise(request: HttpRequest, uuid) -> HttpResponse:
    """Revise one evaluation's ratings with a reason; answers with its unit's group."""
    evaluation = get_by_uuid(
        Evaluation.objects.select_related(
            "skp__employee", "skp__position__unit__agency", "skp__period__agency", "window"
        ),
        uuid,
    )
    unit = evaluation.skp.position.unit
    if not may(request.user, "appraisal.calibrate", evaluation):
        if not may(request.user, "appraisal.view_distribution", unit):
            raise Http404
        raise PermissionDenied
    period = evaluation.skp.period
    window = evaluation.window
    scope = UNIT_SCOPE if request.POST.get("scope") == UNIT_SCOPE else MINE_SCOPE
    form = CalibrationForm(request.POST, prefix=f"e{evaluation.pk}")
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            evaluation_rate(
                evaluation=evaluation,
                results_rating=data["results_rating"],
                behaviour_rating=data["behaviour_rating"],
                justification=data["justification"],
                notes=evaluation.notes,
                reason=data["reason"],
                actor=request.user,
            )
        except ApplicationError as refusal:
            field = refusal.extra.get("field")
            form.add_error(field if field in form.fields else None, refusal.message)
        else:
            saved = True
    if not request.htmx:
        if saved:
            messages.success(request, _("The ratings have been revised."))
        else:
            problems = [str(m) for errors in form.errors.values() for m in errors]
            messages.error(request, " ".join(problems))
        query = {"agency": period.agency.uuid, "period": period.uuid}
        query["window"] = window_key(window)
        if scope == UNIT_SCOPE:
            query["unit"] = unit.uuid
        return redirect(f"{reverse('appraisal:calibration')}?{urlencode(query)}")
    rounding = policy_for(period.agency).rounding
    groups = _groups(
        request.user, period=period, window=window, unit=unit, scope=scope, rounding=rounding
    )
    group = next((g for g in groups if g.unit.pk == unit.pk), None)
    if group is None:
        raise Http404
    return render(
        request,
        "appraisal/calibration_group.html",
        {
            "group": group,
            "scope": scope,
            "period": period,
            "window": window,
            "failed": None if saved else evaluation.pk,
            "failed_form": None if saved else form,
            "saved": evaluation.pk if saved else None,
            "rating_choices": Rating.choices,
        },
    )
