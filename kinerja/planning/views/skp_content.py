"""Inline editing of an SKP's content with htmx: results (RHK), indicators (IKI), what
a result supports, the annex, the leader's expectations and the indicator library.

A GET returns a small form: a fragment for htmx, which puts it in a slot of the page,
or a whole page without JavaScript. A valid POST calls one service and answers with the
re-rendered section, which replaces the old one, and the problems panel out of band;
without htmx it redirects to the SKP page. Invalid input re-renders the form with what
the user typed and the translated errors.
"""

import uuid as uuid_lib
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from kinerja.access.permissions import may
from kinerja.core.exceptions import ApplicationError
from kinerja.org.selectors import superiors_of
from kinerja.planning import services
from kinerja.planning.enums import AnnexKind, ResultKind
from kinerja.planning.forms import (
    AnnexItemForm,
    ExpectationsForm,
    GoalLinkForm,
    IndicatorForm,
    ResultForm,
    ResultLinkForm,
    add_service_errors,
)
from kinerja.planning.models import AnnexItem, CascadeLink, Indicator, PlannedResult, Skp
from kinerja.planning.selectors import assessor_results, goals_for, library_for, skp_visible_to
from kinerja.planning.views.skp import (
    assessor_panel,
    load_skp_page,
    page_context,
    plan_date,
    require,
    visible_skp,
)

SECTIONS = {
    "results": "planning/_skp_results.html",
    "behaviour": "planning/_skp_behaviour.html",
    "annex": "planning/_skp_annex.html",
}
SKP_PATH = ("employee", "period", "position")


# --- finding what is edited ------------------------------------------------------------


def _editable_skp(request: HttpRequest, uuid) -> Skp:
    skp = visible_skp(request, uuid)
    require(request, "planning.change_skp", skp)
    return skp


def _part_of_skp(request: HttpRequest, queryset: QuerySet, uuid, skp_path: str) -> Model:
    """A result, indicator, link or annex item of an SKP the user may edit: 404 when the
    SKP is invisible, 403 when it is visible but not theirs to edit."""
    related = [f"{skp_path}__{name}" for name in SKP_PATH]
    obj = get_object_or_404(
        queryset.select_related(*related).filter(
            **{f"{skp_path}__in": skp_visible_to(request.user)}
        ),
        uuid=uuid,
    )
    skp = obj
    for name in skp_path.split("__"):
        skp = getattr(skp, name)
    if not may(request.user, "planning.view_skp", skp):
        raise Http404
    require(request, "planning.change_skp", skp)
    return obj


def _data(request: HttpRequest):
    return request.POST if request.method == "POST" else None


# --- answering -------------------------------------------------------------------------


def _section(request: HttpRequest, skp: Skp, section: str, error: str = "") -> HttpResponse:
    page = load_skp_page(request, skp.uuid)
    context = page_context(request, page)
    context.update(oob=True, section_error=error)
    response = render(request, SECTIONS[section], context)
    retarget(response, f"#skp-{section}")
    return reswap(response, "outerHTML")


def _saved(request: HttpRequest, skp: Skp, section: str, message: str) -> HttpResponse:
    if request.htmx:
        return _section(request, skp, section)
    messages.success(request, message)
    return redirect(reverse("planning:skp_detail", kwargs={"uuid": skp.uuid}) + f"#skp-{section}")


def _fragment(request: HttpRequest, skp: Skp, fragment: str, context: dict) -> HttpResponse:
    """A fragment for htmx, or the same fragment on its own page."""
    context.update(skp=skp, fragment=fragment, action=request.path)
    template = fragment if request.htmx else "planning/skp_fragment_page.html"
    return render(request, template, context)


def _form_view(
    request: HttpRequest,
    skp: Skp,
    form,
    *,
    title: str,
    section: str,
    save: Callable,
    success: str,
    intro: str = "",
) -> HttpResponse:
    """GET: the form. POST: validate, call ``save`` (one service), answer with the section."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form)
        except ApplicationError as error:
            form.add_error(None, error.message)
            for problem in error.extra.get("problems", []):
                form.add_error(None, problem)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _saved(request, skp, section, success)
    return _fragment(
        request, skp, "planning/_skp_form.html", {"form": form, "title": title, "intro": intro}
    )


def _delete(
    request: HttpRequest, skp: Skp, section: str, delete: Callable, success: str
) -> HttpResponse:
    try:
        delete()
    except ApplicationError as error:
        if request.htmx:
            return _section(request, skp, section, error=error.message)
        messages.error(request, error.message)
        return redirect("planning:skp_detail", uuid=skp.uuid)
    return _saved(request, skp, section, success)


# --- results ---------------------------------------------------------------------------


def _library_initial(request: HttpRequest, skp: Skp) -> dict:
    """Prefill from a library suggestion (``?template=<uuid>``); the employee edits it."""
    try:
        template_uuid = uuid_lib.UUID(request.GET.get("template", ""))
    except ValueError:
        return {}
    template = (
        library_for(skp.employee.agency, skp.position.kind).filter(uuid=template_uuid).first()
    )
    if template is None:
        return {}
    return {
        "kind": ResultKind.MAIN,
        "text": template.result_text,
        "aspect": template.aspect,
        "indicator_text": template.indicator_text,
        "target_value": template.suggested_target,
        "target_unit": template.target_unit,
    }


@login_required
def result_add(request: HttpRequest, uuid) -> HttpResponse:
    skp = _editable_skp(request, uuid)
    initial = _library_initial(request, skp)
    form = ResultForm(
        _data(request),
        initial=initial,
        senior=services.is_senior_executive(skp.position),
        approach=skp.approach,
        with_indicator=True,
    )

    def save(form):
        services.result_add_with_indicator(
            skp=skp, indicator=form.first_indicator(), actor=request.user, **form.result_values()
        )

    return _form_view(
        request,
        skp,
        form,
        title=_("Add a planned result (RHK)"),
        intro=_("Prefilled from the indicator library: adapt it to your own work.")
        if initial
        else "",
        section="results",
        save=save,
        success=_("The result was added."),
    )


@login_required
def result_edit(request: HttpRequest, uuid) -> HttpResponse:
    result = _part_of_skp(request, PlannedResult.objects.all(), uuid, "skp")
    skp = result.skp
    form = ResultForm(
        _data(request),
        initial={
            "kind": result.kind,
            "text": result.text,
            "perspective": result.perspective,
            "assigned_by": result.assigned_by,
        },
        senior=services.is_senior_executive(skp.position),
        approach=skp.approach,
        with_indicator=False,
    )

    def save(form):
        services.result_update(result=result, actor=request.user, **form.result_values())

    return _form_view(
        request,
        skp,
        form,
        title=_("Edit the result"),
        section="results",
        save=save,
        success=_("The result was saved."),
    )


@login_required
@require_POST
def result_delete(request: HttpRequest, uuid) -> HttpResponse:
    result = _part_of_skp(request, PlannedResult.objects.all(), uuid, "skp")
    return _delete(
        request,
        result.skp,
        "results",
        lambda: services.result_delete(result=result, actor=request.user),
        _("The result was deleted."),
    )


@login_required
def skp_library(request: HttpRequest, uuid) -> HttpResponse:
    """Suggestions for this kind of position; picking one prefills the result form."""
    skp = _editable_skp(request, uuid)
    templates = list(library_for(skp.employee.agency, skp.position.kind))
    return _fragment(
        request,
        skp,
        "planning/_skp_library.html",
        {"templates": templates, "title": _("Indicator library")},
    )


# --- indicators ------------------------------------------------------------------------


@login_required
def indicator_add(request: HttpRequest, uuid) -> HttpResponse:
    result = _part_of_skp(request, PlannedResult.objects.all(), uuid, "skp")
    skp = result.skp
    form = IndicatorForm(_data(request), approach=skp.approach)

    def save(form):
        services.indicator_add(result=result, actor=request.user, **form.indicator_values())

    return _form_view(
        request,
        skp,
        form,
        title=_("Add an indicator to “%(result)s”") % {"result": result.text[:80]},
        section="results",
        save=save,
        success=_("The indicator was added."),
    )


@login_required
def indicator_edit(request: HttpRequest, uuid) -> HttpResponse:
    indicator = _part_of_skp(request, Indicator.objects.all(), uuid, "result__skp")
    skp = indicator.result.skp
    form = IndicatorForm(
        _data(request),
        approach=skp.approach,
        initial={
            "aspect": indicator.aspect,
            "indicator_text": indicator.text,
            "target_value": indicator.target_value,
            "target_unit": indicator.target_unit,
            "target_text": indicator.target_text,
        },
    )

    def save(form):
        services.indicator_update(
            indicator=indicator, actor=request.user, **form.indicator_values()
        )

    return _form_view(
        request,
        skp,
        form,
        title=_("Edit the indicator"),
        section="results",
        save=save,
        success=_("The indicator was saved."),
    )


@login_required
@require_POST
def indicator_delete(request: HttpRequest, uuid) -> HttpResponse:
    indicator = _part_of_skp(request, Indicator.objects.all(), uuid, "result__skp")
    return _delete(
        request,
        indicator.result.skp,
        "results",
        lambda: services.indicator_delete(indicator=indicator, actor=request.user),
        _("The indicator was deleted."),
    )


# --- what a result supports ------------------------------------------------------------


@login_required
def result_link(request: HttpRequest, uuid) -> HttpResponse:
    """Link a result to what it supports: a result of the assessor's approved SKP, or for
    senior executives (JPT) an organisation goal. When the assessor's SKP is not approved
    yet, explain why and what to do instead of offering an empty list."""
    result = _part_of_skp(request, PlannedResult.objects.all(), uuid, "skp")
    skp = result.skp
    title = _("What does “%(result)s” support?") % {"result": result.text[:80]}
    if services.is_senior_executive(skp.position):
        goals = list(goals_for(skp))
        if not goals:
            return _fragment(
                request, skp, "planning/_skp_no_goals.html", {"title": title, "result": result}
            )
        form = GoalLinkForm(_data(request), goals=goals)

        def save(form):
            services.link_to_goal(
                result=result,
                goal=form.cleaned_data["goal"],
                indicator=form.cleaned_data["indicator"],
                actor=request.user,
            )

    else:
        superiors = superiors_of(skp.employee, plan_date(skp))
        assessor = superiors.assessor.employee if superiors.assessor else None
        targets = assessor_results(skp, assessor)
        if not targets:
            return _fragment(
                request,
                skp,
                "planning/_skp_assessor_panel.html",
                {"title": title, "panel": assessor_panel(skp, superiors), "standalone": True},
            )
        form = ResultLinkForm(_data(request), targets=targets)

        def save(form):
            services.link_to_result(result=result, target=form.target_result(), actor=request.user)

    return _form_view(
        request,
        skp,
        form,
        title=title,
        section="results",
        save=save,
        success=_("The link was saved."),
    )


@login_required
@require_POST
def link_delete(request: HttpRequest, uuid) -> HttpResponse:
    link = _part_of_skp(request, CascadeLink.objects.all(), uuid, "result__skp")
    return _delete(
        request,
        link.result.skp,
        "results",
        lambda: services.link_remove(link=link, actor=request.user),
        _("The link was removed."),
    )


# --- the annex -------------------------------------------------------------------------


@login_required
def annex_add(request: HttpRequest, uuid) -> HttpResponse:
    skp = _editable_skp(request, uuid)
    kind = request.GET.get("kind", "")
    form = AnnexItemForm(
        _data(request), initial={"kind": kind} if kind in AnnexKind.values else None
    )

    def save(form):
        services.annex_item_add(skp=skp, actor=request.user, **form.cleaned_data)

    return _form_view(
        request,
        skp,
        form,
        title=_("Add to the annex"),
        section="annex",
        save=save,
        success=_("The annex item was added."),
    )


@login_required
def annex_edit(request: HttpRequest, uuid) -> HttpResponse:
    item = _part_of_skp(request, AnnexItem.objects.all(), uuid, "skp")
    form = AnnexItemForm(_data(request), initial={"text": item.text}, editing=True)

    def save(form):
        services.annex_item_update(item=item, text=form.cleaned_data["text"], actor=request.user)

    return _form_view(
        request,
        item.skp,
        form,
        title=_("Edit the annex item"),
        section="annex",
        save=save,
        success=_("The annex item was saved."),
    )


@login_required
@require_POST
def annex_delete(request: HttpRequest, uuid) -> HttpResponse:
    item = _part_of_skp(request, AnnexItem.objects.all(), uuid, "skp")
    return _delete(
        request,
        item.skp,
        "annex",
        lambda: services.annex_item_delete(item=item, actor=request.user),
        _("The annex item was deleted."),
    )


# --- the leader's expectations ---------------------------------------------------------


@login_required
def expectations_edit(request: HttpRequest, uuid) -> HttpResponse:
    """The assessor writes the leader's specific expectation for each BerAKHLAK value."""
    skp = visible_skp(request, uuid)
    require(request, "planning.approve_skp", skp)
    form = ExpectationsForm(
        _data(request), initial={e.core_value: e.text for e in skp.expectations.all()}
    )

    def save(form):
        services.expectations_set(skp=skp, texts=form.cleaned_data, actor=request.user)

    return _form_view(
        request,
        skp,
        form,
        title=_("The leader's specific expectations"),
        intro=_(
            "Write what you expect of this employee for each core value; the guide "
            "behaviours are under each field. All seven are needed before approval."
        ),
        section="behaviour",
        save=save,
        success=_("The expectations were saved."),
    )
