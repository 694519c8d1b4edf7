"""Objection (keberatan) screens: the employee's annual results with the objection
window and credit points, filing an objection, the list of objections (mine, to decide,
as assessor, for HR with overdue ones), and one objection with both sides, the timeline
and the actions the user may take.

Every view: find the object through a ``*_visible_to`` selector (404 when invisible),
ask ``may`` for the action (403), call one service, redirect with a message; a refused
rule (``ApplicationError``) shows its message and keeps what was typed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kinerja.access.permissions import actor_for, may
from kinerja.appraisal.enums import ObjectionStatus, Rating
from kinerja.appraisal.forms_objection import (
    ObjectionDecideForm,
    ObjectionFileForm,
    ObjectionStatementForm,
    ObjectionWithdrawForm,
)
from kinerja.appraisal.models import Evaluation, Objection
from kinerja.appraisal.selectors_distribution import policy_for
from kinerja.appraisal.selectors_objection import (
    objectable_evaluations,
    objection_get,
    objection_list,
    objection_visible_to,
)
from kinerja.appraisal.services import objection as services
from kinerja.appraisal.services.credit_points import explanation
from kinerja.core.clock import today
from kinerja.core.exceptions import ApplicationError
from kinerja.core.models import ActivityLog
from kinerja.regulation.predicate import explain_predicate

TIMELINE_LABELS = {
    "appraisal.objection_file": gettext_lazy("objected to the result"),
    "appraisal.objection_statement": gettext_lazy("explained the assessment"),
    "appraisal.objection_decide": gettext_lazy("decided the objection"),
    "appraisal.objection_withdraw": gettext_lazy("withdrew the objection"),
}

STATUS_BADGES = {
    ObjectionStatus.FILED: "text-bg-warning",
    ObjectionStatus.UPHELD: "text-bg-secondary",
    ObjectionStatus.CHANGED: "text-bg-success",
    ObjectionStatus.WITHDRAWN: "text-bg-light border",
}


def _visible(request: HttpRequest, uuid) -> Objection:
    try:
        objection = objection_get(objection_visible_to(request.user), uuid)
    except Objection.DoesNotExist:
        raise Http404 from None
    if not may(request.user, "appraisal.view_objection", objection):
        raise Http404
    return objection


def _require(request: HttpRequest, action: str, obj) -> None:
    if not may(request.user, action, obj):
        raise PermissionDenied


def _row(objection: Objection, on) -> dict:
    return {
        "objection": objection,
        "badge": STATUS_BADGES[objection.status],
        "overdue": services.is_overdue(objection, on),
    }


# --- the employee ----------------------------------------------------------------------


@login_required
def objection_mine(request: HttpRequest) -> HttpResponse:
    """Hasil tahunan saya: each final annual result with its objection window, its
    objection if any, and the credit points it earned."""
    employee = actor_for(request.user).employee
    if employee is None:
        raise Http404
    on = today()
    policy = policy_for(employee.agency)
    rows = []
    for evaluation in objectable_evaluations(employee):
        current = next(
            (o for o in evaluation.objections.all() if o.status != ObjectionStatus.WITHDRAWN),
            None,
        )
        rows.append(
            {
                "evaluation": evaluation,
                "objection": current,
                "badge": STATUS_BADGES[current.status] if current else "",
                "deadline": services.objection_deadline(evaluation, policy),
                "can_object": not services.objection_filing_problem(evaluation, on, policy),
                "why": explain_predicate(evaluation.results_rating, evaluation.behaviour_rating),
                "awards": [(award, explanation(award)) for award in evaluation.credit_points.all()],
            }
        )
    return render(
        request,
        "appraisal/objection_mine.html",
        {"rows": rows, "policy": policy, "on": on},
    )


@login_required
def objection_file(request: HttpRequest, uuid) -> HttpResponse:
    """Ajukan keberatan: the reasons, against the result shown beside them."""
    evaluation = get_object_or_404(
        Evaluation.objects.select_related("skp__employee__agency", "skp__period", "skp__position"),
        uuid=uuid,
        window__isnull=True,
    )
    if not may(request.user, "appraisal.file_objection", evaluation):
        raise Http404
    form = ObjectionFileForm(request.POST or None)
    policy = policy_for(evaluation.skp.employee.agency)
    problem = services.objection_filing_problem(evaluation, policy=policy)
    if request.method == "POST" and form.is_valid():
        try:
            objection = services.objection_file(
                evaluation=evaluation, reasons=form.cleaned_data["reasons"], actor=request.user
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your objection was sent to the assessor's superior."))
            return redirect("appraisal:objection_detail", uuid=objection.uuid)
    return render(
        request,
        "appraisal/objection_file.html",
        {
            "evaluation": evaluation,
            "form": form,
            "problem": problem,
            "deadline": services.objection_deadline(evaluation, policy),
            "why": explain_predicate(evaluation.results_rating, evaluation.behaviour_rating)
            if evaluation.results_rating and evaluation.behaviour_rating
            else "",
        },
    )


# --- lists -----------------------------------------------------------------------------

ROLES = {
    "putuskan": gettext_lazy("To decide"),
    "penilai": gettext_lazy("As assessor"),
    "saya": gettext_lazy("Mine"),
    "semua": gettext_lazy("All I may see"),
}


@login_required
def objection_list_view(request: HttpRequest) -> HttpResponse:
    """Daftar keberatan: to decide (the assessor's superior), as assessor, mine, and
    everything visible (HR: with deadlines and the overdue ones first)."""
    actor = actor_for(request.user)
    role = request.GET.get("peran", "semua")
    if role not in ROLES:
        role = "semua"
    queryset = objection_visible_to(request.user)
    me = actor.employee.pk if actor.employee else None
    if role == "putuskan":
        queryset = queryset.filter(decider_id=me)
    elif role == "penilai":
        queryset = queryset.filter(evaluation__assessor_id=me)
    elif role == "saya":
        queryset = queryset.filter(filed_by_id=me)
    status = request.GET.get("status", "")
    if status in ObjectionStatus.values:
        queryset = queryset.filter(status=status)
    on = today()
    rows = [_row(o, on) for o in objection_list(queryset)[:200]]
    rows.sort(key=lambda row: not row["overdue"])
    return render(
        request,
        "appraisal/objection_list.html",
        {
            "rows": rows,
            "role": role,
            "roles": ROLES,
            "status": status,
            "statuses": ObjectionStatus.choices,
            "overdue": sum(1 for row in rows if row["overdue"]),
        },
    )


# --- one objection ---------------------------------------------------------------------


@login_required
def objection_detail(request: HttpRequest, uuid) -> HttpResponse:
    objection = _visible(request, uuid)
    return _detail(request, objection)


def _detail(request: HttpRequest, objection: Objection, **forms) -> HttpResponse:
    user = request.user
    is_open = objection.status == ObjectionStatus.FILED
    timeline = [
        (entry, TIMELINE_LABELS.get(entry.action, entry.action))
        for entry in ActivityLog.objects.filter(
            object_type="appraisal.objection", object_uuid=objection.uuid
        )
        .select_related("actor__employee")
        .order_by("occurred_at", "id")
    ]
    evaluation = objection.evaluation
    context = {
        "objection": objection,
        "evaluation": evaluation,
        "badge": STATUS_BADGES[objection.status],
        "overdue": services.is_overdue(objection),
        "timeline": timeline,
        "why_before": explain_predicate(
            objection.previous_results_rating, objection.previous_behaviour_rating
        ),
        "why_after": explain_predicate(objection.new_results_rating, objection.new_behaviour_rating)
        if objection.new_results_rating and objection.new_behaviour_rating
        else "",
        "can_state": is_open and may(user, "appraisal.state_objection", objection),
        "can_decide": is_open and may(user, "appraisal.decide_objection", objection),
        "can_withdraw": is_open and may(user, "appraisal.file_objection", evaluation),
        "can_read_log": may(user, "core.view_activity_log", objection.filed_by),
        "statement_form": forms.get("statement_form")
        or ObjectionStatementForm(initial={"statement": objection.assessor_statement}),
        "decide_form": forms.get("decide_form") or ObjectionDecideForm(),
        "withdraw_form": ObjectionWithdrawForm(),
        "ratings": Rating,
    }
    return render(request, "appraisal/objection_detail.html", context)


@login_required
@require_POST
def objection_statement(request: HttpRequest, uuid) -> HttpResponse:
    objection = _visible(request, uuid)
    _require(request, "appraisal.state_objection", objection)
    form = ObjectionStatementForm(request.POST)
    if form.is_valid():
        try:
            services.objection_assessor_statement(
                objection=objection, statement=form.cleaned_data["statement"], actor=request.user
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your explanation was saved."))
            return redirect("appraisal:objection_detail", uuid=objection.uuid)
    return _detail(request, objection, statement_form=form)


@login_required
@require_POST
def objection_decide(request: HttpRequest, uuid) -> HttpResponse:
    objection = _visible(request, uuid)
    _require(request, "appraisal.decide_objection", objection)
    form = ObjectionDecideForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.objection_decide(
                objection=objection,
                decision=data["decision"],
                results_rating=data["results_rating"],
                behaviour_rating=data["behaviour_rating"],
                reason=data["reason"],
                actor=request.user,
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The decision was recorded. It is final."))
            return redirect("appraisal:objection_detail", uuid=objection.uuid)
    return _detail(request, objection, decide_form=form)


@login_required
@require_POST
def objection_withdraw(request: HttpRequest, uuid) -> HttpResponse:
    objection = _visible(request, uuid)
    _require(request, "appraisal.file_objection", objection.evaluation)
    form = ObjectionWithdrawForm(request.POST)
    form.is_valid()
    try:
        services.objection_withdraw(
            objection=objection, actor=request.user, reason=form.cleaned_data.get("reason", "")
        )
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your objection was withdrawn."))
    return redirect("appraisal:objection_detail", uuid=objection.uuid)
