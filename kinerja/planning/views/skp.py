"""The SKP screens: the employee's own SKPs, the SKP page and its workflow actions, and
the assessor's queue. Inline editing of the SKP's content is in ``skp_content``.

Every view: find the SKP through ``skp_visible_to`` (404 when invisible), ask
``access.permissions.may`` for the action (403 when visible but not allowed), call one
service, then redirect with a message; a refused rule (``ApplicationError``) shows its
message and problems on the page.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kinerja.access.permissions import actor_for, may
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.org.selectors import superiors_of
from kinerja.planning import services
from kinerja.planning.enums import AnnexKind, ResultKind, SkpStatus
from kinerja.planning.forms import AdoptForm, ReturnForm
from kinerja.planning.models import Skp
from kinerja.planning.selectors import (
    assessor_has_results,
    current_period,
    skp_detail,
    skp_of,
    skp_visible_to,
    team_plans,
)
from kinerja.regulation.berakhlak import BERAKHLAK_2021

REVIEWABLE = {SkpStatus.DRAFT, SkpStatus.SUBMITTED, SkpStatus.RETURNED}

TIMELINE_LABELS = {
    "planning.skp_create": gettext_lazy("started the SKP"),
    "planning.skp_submitted": gettext_lazy("submitted it for approval"),
    "planning.skp_returned": gettext_lazy("returned it for changes"),
    "planning.skp_approved": gettext_lazy("approved it"),
    "planning.skp_superseded": gettext_lazy("replaced it by an approved revision"),
    "planning.skp_revise": gettext_lazy("started this revision"),
    "planning.skp_close": gettext_lazy("ended it for a change of position"),
}


def plan_date(skp: Skp) -> datetime.date:
    """The date the SKP's people are derived on: today, within the SKP's span."""
    return max(skp.start_date, min(today(), skp.end_date))


def visible_skp(request: HttpRequest, uuid) -> Skp:
    """The SKP if the user may read it, else 404 (its existence is not revealed)."""
    skp = get_object_or_404(
        skp_visible_to(request.user).select_related("employee", "period", "position"), uuid=uuid
    )
    if not may(request.user, "planning.view_skp", skp):
        raise Http404
    return skp


def require(request: HttpRequest, action: str, obj) -> None:
    """403 for a visible object the user may not act on."""
    if not may(request.user, action, obj):
        raise PermissionDenied


# --- the employee's own SKPs -----------------------------------------------------------


@login_required
def my_skp(request: HttpRequest) -> HttpResponse:
    """SKP saya: this period's SKPs (several after a job change), each with its versions."""
    employee = actor_for(request.user).employee
    if employee is None:
        raise Http404
    on = today()
    period = current_period(employee.agency, on)
    plans = skp_of(employee, period) if period else []
    current = [s for s in plans if s.status != SkpStatus.SUPERSEDED]
    older = {}
    for skp in plans:
        if skp.status == SkpStatus.SUPERSEDED:
            older.setdefault((skp.position_id, skp.start_date), []).append(skp)
    rows = [(skp, older.get((skp.position_id, skp.start_date), [])) for skp in current]
    in_force_today = any(s.start_date <= on <= s.end_date for s in current)
    return render(
        request,
        "planning/skp_mine.html",
        {
            "period": period,
            "rows": rows,
            "can_start": period is not None and not in_force_today,
            "days_left": (period.planning_deadline - on).days if period else None,
            "on": on,
        },
    )


@login_required
@require_POST
def skp_create(request: HttpRequest) -> HttpResponse:
    """Start a draft SKP for the post the user holds today."""
    employee = actor_for(request.user).employee
    if employee is None:
        raise Http404
    period = current_period(employee.agency)
    if period is None:
        messages.error(request, _("Your agency has no assessment period yet."))
        return redirect("planning:my_skp")
    try:
        skp = services.skp_create(employee=employee, period=period, actor=request.user)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("planning:my_skp")
    messages.success(request, _("Your SKP draft is ready: add your planned results."))
    return redirect("planning:skp_detail", uuid=skp.uuid)


# --- the assessor's queue --------------------------------------------------------------


@login_required
def team(request: HttpRequest) -> HttpResponse:
    """SKP tim: the people the user assesses today and where each one's SKP stands."""
    actor = actor_for(request.user)
    on = today()
    period = current_period(actor.employee.agency, on) if actor.employee else None
    ids = actor.assessees(on)
    people = list(team_plans(ids, period)) if ids else []
    waiting_count = sum(1 for p in people if any(s.status == SkpStatus.SUBMITTED for s in p.plans))
    waiting_only = request.GET.get("waiting") == "1"
    if waiting_only:
        people = [p for p in people if any(s.status == SkpStatus.SUBMITTED for s in p.plans)]
    return render(
        request,
        "planning/skp_team.html",
        {
            "period": period,
            "people": people,
            "team_size": len(ids),
            "waiting_count": waiting_count,
            "waiting_only": waiting_only,
            "on": on,
        },
    )


# --- the SKP page ----------------------------------------------------------------------


def _timeline(skp: Skp) -> list[dict]:
    entries = ActivityLog.objects.filter(
        object_type=Skp._meta.label_lower, object_uuid=skp.uuid
    ).select_related("actor__employee")
    rows = []
    for entry in sorted(entries, key=lambda e: (e.occurred_at, e.pk)):
        employee = getattr(entry.actor, "employee", None) if entry.actor else None
        rows.append(
            {
                "when": entry.occurred_at,
                "who": employee.full_name
                if employee
                else (entry.actor.get_username() if entry.actor else _("the system")),
                "what": TIMELINE_LABELS.get(entry.action, entry.action),
                "comment": entry.reason,
            }
        )
    return rows


def assessor_panel(skp: Skp, superiors) -> dict:
    """Why results cannot be linked to the assessor's yet, and what to do about it."""
    if superiors.assessor is None:
        return {"external": superiors.external_assessor or _("the head of the agency")}
    assessor = superiors.assessor.employee
    plans = [s for s in skp_of(assessor, skp.period) if s.status != SkpStatus.SUPERSEDED]
    superior = superiors.assessor_superior
    return {
        "assessor": assessor,
        "assessor_plan": plans[0] if plans else None,
        "assessor_superior": superior.employee.full_name
        if superior
        else superiors.external_assessor_superior,
    }


def page_context(request: HttpRequest, skp: Skp) -> dict:
    """Everything the SKP page and its fragments show, in a fixed number of queries."""
    user = request.user
    status = skp.status
    senior = services.is_senior_executive(skp.position)
    superiors = superiors_of(skp.employee, plan_date(skp))
    can_edit = skp.is_editable and may(user, "planning.change_skp", skp)
    assesses = may(user, "planning.approve_skp", skp)
    employee = actor_for(user).employee
    context = {
        "skp": skp,
        "is_own": employee is not None and employee.pk == skp.employee_id,
        "assesses": assesses,
        "senior": senior,
        "superiors": superiors,
        "plan_date": plan_date(skp),
        "can_edit": can_edit,
        "can_submit": skp.is_editable and may(user, "planning.submit_skp", skp),
        "can_review": status == SkpStatus.SUBMITTED and assesses,
        "can_write_expectations": status in REVIEWABLE and assesses,
        "can_adopt": status in REVIEWABLE
        and today() > skp.period.planning_deadline
        and may(user, "planning.adopt_skp", skp),
        "can_revise": status == SkpStatus.APPROVED
        and may(user, "planning.revise_skp", skp)
        and not hasattr(skp, "revision"),
        "main_results": [r for r in skp.results.all() if r.kind == ResultKind.MAIN],
        "additional_results": [r for r in skp.results.all() if r.kind == ResultKind.ADDITIONAL],
        "problems": services.skp_problems(skp, for_approval=assesses)
        if status in REVIEWABLE
        else [],
        "return_form": ReturnForm(),
        "adopt_form": AdoptForm(),
    }
    expectations = {e.core_value: e for e in skp.expectations.all()}
    context["behaviour"] = [(value, expectations.get(value.code)) for value in BERAKHLAK_2021]
    items = list(skp.annex_items.all())
    context["annex"] = [
        (kind, label, [i for i in items if i.kind == kind]) for kind, label in AnnexKind.choices
    ]
    if can_edit and not senior:
        assessor = superiors.assessor.employee if superiors.assessor else None
        if not assessor_has_results(skp, assessor):
            context["assessor_panel"] = assessor_panel(skp, superiors)
    return context


def load_skp_page(request: HttpRequest, uuid) -> Skp:
    visible = skp_visible_to(request.user).select_related("revision", "position__agency")
    try:
        skp = skp_detail(visible, uuid)
    except Skp.DoesNotExist:
        raise Http404 from None
    if not may(request.user, "planning.view_skp", skp):
        raise Http404
    return skp


def render_page(request: HttpRequest, skp: Skp, **extra) -> HttpResponse:
    context = page_context(request, skp)
    context["timeline"] = _timeline(skp)
    context.update(extra)
    return render(request, "planning/skp_detail.html", context)


@login_required
def skp_page(request: HttpRequest, uuid) -> HttpResponse:
    """The SKP: identity, results with indicators and what they support, BerAKHLAK
    expectations, annex, what is still missing and the history of its workflow."""
    return render_page(request, load_skp_page(request, uuid))


# --- workflow actions ------------------------------------------------------------------


def _refused(request: HttpRequest, uuid, error: ApplicationError, **forms) -> HttpResponse:
    """Show a refused action on the SKP page with its reasons, without changing anything."""
    skp = load_skp_page(request, uuid)
    return render_page(
        request,
        skp,
        action_error=error.message,
        action_problems=error.extra.get("problems", []),
        **forms,
    )


def _done(request: HttpRequest, skp: Skp, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("planning:skp_detail", uuid=skp.uuid)


@login_required
@require_POST
def skp_submit(request: HttpRequest, uuid) -> HttpResponse:
    skp = visible_skp(request, uuid)
    require(request, "planning.submit_skp", skp)
    try:
        services.skp_submit(skp=skp, actor=request.user)
    except ApplicationError as error:
        return _refused(request, uuid, error)
    return _done(request, skp, _("Your SKP was submitted; your assessor has been notified."))


@login_required
@require_POST
def skp_approve(request: HttpRequest, uuid) -> HttpResponse:
    skp = visible_skp(request, uuid)
    require(request, "planning.approve_skp", skp)
    try:
        services.skp_approve(skp=skp, actor=request.user, approver=actor_for(request.user).employee)
    except ApplicationError as error:
        return _refused(request, uuid, error)
    return _done(request, skp, _("The SKP is approved (ditetapkan)."))


@login_required
@require_POST
def skp_return(request: HttpRequest, uuid) -> HttpResponse:
    skp = visible_skp(request, uuid)
    require(request, "planning.approve_skp", skp)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        return _refused(
            request,
            uuid,
            ApplicationError(_("Say what should change when returning an SKP.")),
            return_form=form,
        )
    try:
        services.skp_return(skp=skp, comment=form.cleaned_data["comment"], actor=request.user)
    except ApplicationError as error:
        return _refused(request, uuid, error, return_form=form)
    return _done(request, skp, _("The SKP was returned to the employee with your comment."))


@login_required
@require_POST
def skp_adopt(request: HttpRequest, uuid) -> HttpResponse:
    skp = visible_skp(request, uuid)
    require(request, "planning.adopt_skp", skp)
    form = AdoptForm(request.POST)
    if not form.is_valid():
        return _refused(
            request,
            uuid,
            ApplicationError(_("Give the reason for adopting this plan by default.")),
            adopt_form=form,
        )
    try:
        services.skp_adopt_by_default(
            skp=skp, reason=form.cleaned_data["reason"], actor=request.user
        )
    except ApplicationError as error:
        return _refused(request, uuid, error, adopt_form=form)
    return _done(request, skp, _("The SKP was adopted by default."))


@login_required
@require_POST
def skp_revise(request: HttpRequest, uuid) -> HttpResponse:
    skp = visible_skp(request, uuid)
    require(request, "planning.revise_skp", skp)
    try:
        revision = services.skp_revise(skp=skp, actor=request.user)
    except ApplicationError as error:
        return _refused(request, uuid, error)
    messages.success(
        request,
        _("Revision %(version)s started; the approved version stays in force until it is approved.")
        % {"version": revision.version},
    )
    return redirect(reverse("planning:skp_detail", kwargs={"uuid": revision.uuid}))
