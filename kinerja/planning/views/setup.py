"""Setting up planning: assessment periods with their deadlines, organisation goals
with their key indicators (sasaran and IKU), and the indicator library."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kinerja.access.permissions import actor_for, agencies_visible_to, may, units_visible_to
from kinerja.core.exceptions import ApplicationError
from kinerja.org.enums import PositionKind
from kinerja.org.models import Agency, Unit
from kinerja.planning.forms import add_service_errors
from kinerja.planning.forms_setup import (
    GoalForm,
    GoalIndicatorFormSet,
    PeriodCreateForm,
    PeriodEditForm,
    TemplateForm,
)
from kinerja.planning.models import (
    AssessmentPeriod,
    IndicatorTemplate,
    OrganisationGoal,
    OrganisationIndicator,
)
from kinerja.planning.selectors import library_list
from kinerja.planning.services import (
    goal_create,
    goal_delete,
    goal_indicators_set,
    goal_update,
    period_create,
    period_update,
    template_create,
    template_set_active,
    template_update,
)
from kinerja.planning.views.choosing import default_agency, get_by_uuid


def _apply_refusal(form, error: Exception) -> None:
    if isinstance(error, ValidationError):
        add_service_errors(form, error)
    else:
        form.add_error(None, error.message)


# --- periods ---------------------------------------------------------------------------


def _readable_agencies(user) -> list[Agency]:
    """Agencies whose set-up the user may read: those an HR or leader role covers."""
    actor = actor_for(user)
    agencies = agencies_visible_to(user)
    if not actor.is_superuser:
        agencies = agencies.filter(pk__in={s.agency_id for s in actor.read_scopes})
    return list(agencies)


def _visible_period(request: HttpRequest, uuid) -> AssessmentPeriod:
    return get_by_uuid(
        AssessmentPeriod.objects.select_related("agency").filter(
            agency__in=_readable_agencies(request.user)
        ),
        uuid,
    )


@login_required
def period_list(request: HttpRequest) -> HttpResponse:
    """Each agency's periods with their approach, rhythm and deadlines."""
    agencies = _readable_agencies(request.user)
    if not agencies:
        raise PermissionDenied
    periods = list(
        AssessmentPeriod.objects.filter(agency__in=agencies)
        .select_related("agency")
        .prefetch_related("windows")
        .order_by("agency__name", "-year")
    )
    manageable = {a.pk for a in agencies if may(request.user, "planning.manage_period", a)}
    return render(
        request,
        "planning/setup_periods.html",
        {"periods": periods, "manageable": manageable, "may_create": bool(manageable)},
    )


@login_required
def period_create_view(request: HttpRequest) -> HttpResponse:
    agencies = [
        a
        for a in _readable_agencies(request.user)
        if may(request.user, "planning.manage_period", a)
    ]
    if not agencies:
        raise PermissionDenied
    form = PeriodCreateForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = period_create(
                agency=data["agency"],
                year=data["year"],
                approach=data["approach"],
                rhythm=data["rhythm"],
                planning_deadline=data["planning_deadline"],
                assessment_deadline=data["assessment_deadline"],
                actor=request.user,
            )
        except (ApplicationError, ValidationError) as refusal:
            _apply_refusal(form, refusal)
        else:
            messages.success(request, _("The period %(period)s is open.") % {"period": period})
            return redirect("planning:period_edit", uuid=period.uuid)
    return render(request, "planning/setup_period_form.html", {"form": form, "period": None})


@login_required
def period_edit(request: HttpRequest, uuid) -> HttpResponse:
    period = _visible_period(request, uuid)
    if not may(request.user, "planning.manage_period", period.agency):
        raise PermissionDenied
    windows = list(period.windows.all())
    form = PeriodEditForm(request.POST or None, period=period, windows=windows)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period_update(
                period=period,
                approach=data["approach"],
                rhythm=data["rhythm"],
                planning_deadline=data["planning_deadline"],
                assessment_deadline=data["assessment_deadline"],
                window_deadlines=form.window_deadlines(),
                actor=request.user,
            )
        except (ApplicationError, ValidationError) as refusal:
            _apply_refusal(form, refusal)
        else:
            messages.success(request, _("The period has been saved."))
            return redirect("planning:period_list")
    return render(request, "planning/setup_period_form.html", {"form": form, "period": period})


# --- organisation goals ----------------------------------------------------------------


def _manageable_units(user, agency: Agency) -> list[Unit]:
    return [
        u
        for u in units_visible_to(user).filter(agency=agency)
        if may(user, "planning.manage_goal", u)
    ]


@login_required
def goal_list(request: HttpRequest, uuid) -> HttpResponse:
    """A period's organisation goals with their key indicators and targets."""
    period = _visible_period(request, uuid)
    goals = list(
        OrganisationGoal.objects.filter(period=period)
        .select_related("unit")
        .prefetch_related(
            Prefetch("indicators", queryset=OrganisationIndicator.objects.order_by("order", "id"))
        )
    )
    units = _manageable_units(request.user, period.agency)
    manageable = {u.pk for u in units}
    return render(
        request,
        "planning/setup_goals.html",
        {
            "period": period,
            "goals": goals,
            "manageable": manageable,
            "may_create": bool(units),
        },
    )


def _indicator_rows(formset, goal: OrganisationGoal | None) -> list[dict]:
    existing = {str(i.uuid): i for i in goal.indicators.all()} if goal else {}
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data:
            continue
        uuid = str(data["uuid"]) if data.get("uuid") else ""
        if uuid and uuid not in existing:
            continue
        rows.append(
            {
                "indicator": existing.get(uuid),
                "text": data.get("text", ""),
                "target_value": data.get("target_value"),
                "target_unit": data.get("target_unit", ""),
                "delete": data.get("DELETE", False),
            }
        )
    return rows


def _goal_form_page(request, *, period, goal, units):
    initial = (
        {"unit": goal.unit.uuid, "code": goal.code, "title": goal.title, "source": goal.source}
        if goal
        else None
    )
    form = GoalForm(request.POST or None, units=units, initial=initial)
    indicators_initial = (
        [
            {
                "uuid": i.uuid,
                "text": i.text,
                "target_value": i.target_value,
                "target_unit": i.target_unit,
            }
            for i in goal.indicators.all()
        ]
        if goal
        else []
    )
    formset = GoalIndicatorFormSet(request.POST or None, initial=indicators_initial, prefix="iku")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                saved = goal
                if saved is None:
                    saved = goal_create(
                        period=period,
                        unit=data["unit"],
                        code=data["code"],
                        title=data["title"],
                        source=data["source"],
                        actor=request.user,
                    )
                else:
                    goal_update(
                        goal=saved,
                        unit=data["unit"],
                        code=data["code"],
                        title=data["title"],
                        source=data["source"],
                        actor=request.user,
                    )
                goal_indicators_set(
                    goal=saved, rows=_indicator_rows(formset, goal), actor=request.user
                )
        except (ApplicationError, ValidationError) as refusal:
            _apply_refusal(form, refusal)
        else:
            messages.success(request, _("The goal %(code)s has been saved.") % {"code": saved.code})
            return redirect("planning:goal_list", uuid=period.uuid)
    return render(
        request,
        "planning/setup_goal_form.html",
        {"form": form, "formset": formset, "period": period, "goal": goal},
    )


@login_required
def goal_create_view(request: HttpRequest, uuid) -> HttpResponse:
    period = _visible_period(request, uuid)
    units = _manageable_units(request.user, period.agency)
    if not units:
        raise PermissionDenied
    return _goal_form_page(request, period=period, goal=None, units=units)


def _managed_goal(request: HttpRequest, uuid) -> OrganisationGoal:
    goal = get_by_uuid(
        OrganisationGoal.objects.select_related("unit", "period__agency").filter(
            period__agency__in=_readable_agencies(request.user)
        ),
        uuid,
    )
    if not may(request.user, "planning.manage_goal", goal.unit):
        raise PermissionDenied
    return goal


@login_required
def goal_edit(request: HttpRequest, uuid) -> HttpResponse:
    goal = _managed_goal(request, uuid)
    units = _manageable_units(request.user, goal.period.agency)
    return _goal_form_page(request, period=goal.period, goal=goal, units=units)


@login_required
@require_POST
def goal_delete_view(request: HttpRequest, uuid) -> HttpResponse:
    goal = _managed_goal(request, uuid)
    period = goal.period
    try:
        goal_delete(goal=goal, actor=request.user)
    except ApplicationError as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The goal %(code)s has been deleted.") % {"code": goal.code})
    return redirect("planning:goal_list", uuid=period.uuid)


# --- the indicator library -------------------------------------------------------------


def _library_agency(request: HttpRequest) -> Agency | None:
    if request.GET.get("agency"):
        return get_by_uuid(agencies_visible_to(request.user), request.GET["agency"])
    return default_agency(request.user)


def _curated_agencies(user) -> list[Agency]:
    return [a for a in agencies_visible_to(user) if may(user, "planning.manage_library", a)]


@login_required
def library(request: HttpRequest) -> HttpResponse:
    """Suggested results and indicators by field and position kind, national and the
    agency's own; HR admins curate the agency's, superadmins the national ones."""
    agency = _library_agency(request)
    curator = may(request.user, "planning.manage_library", agency) if agency else False
    national_curator = may(request.user, "planning.manage_library", None)
    field_name = request.GET.get("field", "")
    position_kind = request.GET.get("kind", "")
    if position_kind not in PositionKind.values:
        position_kind = ""
    include_inactive = (curator or national_curator) and request.GET.get("inactive") == "1"
    templates = list(
        library_list(
            agency,
            field_name=field_name,
            position_kind=position_kind,
            include_inactive=include_inactive,
        )
    )
    fields = sorted(
        set(library_list(agency, include_inactive=True).values_list("field", flat=True))
    )
    editable = {
        t.pk
        for t in templates
        if (t.agency_id is None and national_curator) or (t.agency_id is not None and curator)
    }
    return render(
        request,
        "planning/setup_library.html",
        {
            "agency": agency,
            "agencies": list(agencies_visible_to(request.user)),
            "templates": templates,
            "fields": fields,
            "kinds": PositionKind.choices,
            "field_name": field_name,
            "position_kind": position_kind,
            "include_inactive": include_inactive,
            "may_curate": curator or national_curator,
            "editable": editable,
        },
    )


@login_required
def library_create(request: HttpRequest) -> HttpResponse:
    agencies = _curated_agencies(request.user)
    allow_national = may(request.user, "planning.manage_library", None)
    if not agencies and not allow_national:
        raise PermissionDenied
    form = TemplateForm(request.POST or None, agencies=agencies, allow_national=allow_national)
    if request.method == "POST" and form.is_valid():
        try:
            template_create(
                agency=form.chosen_agency(), actor=request.user, **form.template_values()
            )
        except ValidationError as refusal:
            _apply_refusal(form, refusal)
        else:
            messages.success(request, _("The suggestion has been added to the library."))
            return redirect("planning:library")
    return render(request, "planning/setup_library_form.html", {"form": form, "template": None})


def _curated_template(request: HttpRequest, uuid) -> IndicatorTemplate:
    visible = IndicatorTemplate.objects.filter(agency__in=agencies_visible_to(request.user))
    template = get_by_uuid(
        (visible | IndicatorTemplate.objects.filter(agency__isnull=True)).select_related("agency"),
        uuid,
    )
    if not may(request.user, "planning.manage_library", template.agency):
        raise PermissionDenied
    return template


@login_required
def library_edit(request: HttpRequest, uuid) -> HttpResponse:
    template = _curated_template(request, uuid)
    initial = {
        name: getattr(template, name)
        for name in (
            "field",
            "position_kind",
            "result_text",
            "indicator_text",
            "aspect",
            "target_unit",
            "suggested_target",
        )
    }
    form = TemplateForm(request.POST or None, initial=initial, agencies=[], allow_national=False)
    if request.method == "POST" and form.is_valid():
        try:
            template_update(template=template, actor=request.user, **form.template_values())
        except ValidationError as refusal:
            _apply_refusal(form, refusal)
        else:
            messages.success(request, _("The suggestion has been saved."))
            return redirect("planning:library")
    return render(request, "planning/setup_library_form.html", {"form": form, "template": template})


@login_required
@require_POST
def library_set_active(request: HttpRequest, uuid) -> HttpResponse:
    template = _curated_template(request, uuid)
    active = request.POST.get("active") == "1"
    template_set_active(template=template, active=active, actor=request.user)
    messages.success(
        request,
        _("The suggestion is offered again.") if active else _("The suggestion is withdrawn."),
    )
    return redirect("planning:library")
